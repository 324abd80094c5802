// Plain JavaScript: it is what makes the TypeScript runnable (see bundle.mjs).
/**
 * `npm run build|start|check|new|import|schema` run here: `node src/cli/launch.mjs COMMAND [ARGS]`.
 * It runs the command from a bundle of opsnote's source (src/cli/bundle.mjs) in
 * `.cache/commands/<digest>/`, made on the first run after the source changed: the digest covers every
 * file the bundle is made from (SOURCE_PATHS: src/, assets/js/, .eleventy.ts, package.json and
 * package-lock.json), so an edit, a `git pull` or an `npm install` makes a new one (about two seconds,
 * once). A source that does not compile stops here with esbuild's `file:line:col` and exit code 1, as
 * tsx did.
 * OPSNOTE_TEST_BUNDLE names a ready bundle to use instead (`npm test`'s, scripts/test.sh).
 * `node --import tsx src/cli/build.ts` still works: the same source without a bundle, slower to start.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COMMAND_ENTRIES, PROJECT_ROOT, bundleCommands } from "./bundle.mjs";

const COMMANDS = {
  build: "src/cli/build.ts",
  check: "src/cli/check.ts",
  import: "src/cli/import.ts",
  new: "src/cli/new-post.ts",
  preview: "src/cli/preview.ts",
  start: "src/cli/start.ts",
  schema: "src/cli/schema.ts",
};
/** Bundles kept besides the one in use: a preview still running from an older one loads chunks lazily. */
const KEEP = 3;

/**
 * What a bundle is made from, besides the packages: folders and files of the project. The bundle lists
 * its own inputs in `inputs.json`, and a test checks that each is under one of these.
 */
export const SOURCE_PATHS = ["src", "assets/js", ".eleventy.ts", "package.json", "package-lock.json"];

/** A digest of everything a bundle is made from (SOURCE_PATHS, and Node's version). */
export function sourceDigest(root = PROJECT_ROOT) {
  const hash = createHash("sha256").update(`${process.version}\0`);
  const files = [];
  for (const source of SOURCE_PATHS) {
    const full = path.join(root, source);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) files.push(source);
    else for (const file of readdirSync(full, { recursive: true, encoding: "utf8" })) {
      if (statSync(path.join(full, file)).isFile()) files.push(path.join(source, file));
    }
  }
  for (const file of files.map((f) => f.split(path.sep).join("/")).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** The bundle for the source as it is now, made if missing. @returns its folder */
export async function currentBundle(root = PROJECT_ROOT) {
  const folder = path.join(root, ".cache", "commands");
  const digest = sourceDigest(root);
  const ready = path.join(folder, digest);
  if (existsSync(path.join(ready, "src", "cli"))) return ready;
  await mkdir(folder, { recursive: true });
  // Written aside and renamed into place whole: two commands started at once each make one, the first
  // rename wins, and no command ever runs from a half-written folder.
  const staging = path.join(folder, `${digest}.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const { metafile } = await bundleCommands(staging, COMMAND_ENTRIES, { root, runDir: ready });
    const inputs = Object.keys(metafile.inputs).filter((input) => !input.includes("node_modules/"));
    await writeFile(path.join(staging, "inputs.json"), JSON.stringify(inputs.sort(), null, 1) + "\n");
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Anything but a compile error (a folder that cannot be written …) is reported as it is.
    if (!Array.isArray(error?.errors)) throw error;
    // esbuild printed the errors with file:line:col.
    console.error("[opsnote] opsnote's source did not compile (above); fix it and run again");
    process.exit(1);
  }
  try {
    await rename(staging, ready);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(ready, "src", "cli"))) throw error;
  }
  await removeOldBundles(folder, ready);
  return ready;
}

/** Leaves the KEEP newest bundles besides `current`, and staging folders of commands still running. */
async function removeOldBundles(folder, current) {
  const entries = await readdir(folder);
  const bundles = [];
  for (const name of entries) {
    const full = path.join(folder, name);
    const staging = /\.staging-(\d+)$/.exec(name);
    if (staging) {
      if (!isAlive(Number(staging[1]))) await rm(full, { recursive: true, force: true });
      continue;
    }
    if (full !== current) bundles.push({ full, mtime: (await stat(full)).mtimeMs });
  }
  bundles.sort((a, b) => b.mtime - a.mtime);
  for (const { full } of bundles.slice(KEEP)) await rm(full, { recursive: true, force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `command` with `args` from the bundle, as if `node src/cli/<command>.mjs ARGS` had been started. */
export async function launch(command, args) {
  const entry = COMMANDS[command];
  if (!entry) {
    console.error(`[opsnote] unknown command ${command ?? "(none)"}; one of: ${Object.keys(COMMANDS).join(", ")}`);
    process.exit(2);
  }
  const bundle = process.env.OPSNOTE_TEST_BUNDLE || (await currentBundle());
  const script = path.join(bundle, entry.replace(/\.ts$/, ".mjs"));
  // Eleventy registers a module resolver on a loader thread unless told not to (src/cli/skip-esm-resolver.ts);
  // in the bundle, Eleventy's import comes before that module's code, so it is set here.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  process.argv = [process.argv[0], script, ...args];
  await import(pathToFileURL(script).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PROJECT_ROOT, "src", "cli", "launch.mjs")) {
  await launch(process.argv[2], process.argv.slice(3));
}
