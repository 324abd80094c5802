/**
 * `npm run build` and the other commands start through src/cli/launch.mjs, which runs them from a bundle
 * of opsnote's source made on the first run after the source changed. Run on a copy of the project's
 * source inside the repository (Node finds node_modules from there), without `npm test`'s ready bundle.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";
import { SOURCE_PATHS, sourceDigest } from "../../src/cli/launch.mjs";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function launch(root: string, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", OPSNOTE_HIGHLIGHT_WORKERS: "1" };
  delete env.OPSNOTE_TEST_BUNDLE; // the launcher's own bundle, as a blogger's `npm run build` gets
  for (const key of ["OPSNOTE_DRAFTS", "ELEVENTY_RUN_MODE", "OPSNOTE_POSTS", "OPSNOTE_OUTPUT"]) delete env[key];
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "src/cli/launch.mjs"), ...args], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

const bundles = async (root: string) => (existsSync(path.join(root, ".cache/commands")) ? (await readdir(path.join(root, ".cache/commands"))).sort() : []);

test("sourceDigest changes with any file of src/, .eleventy.ts or the lock file, and only then", async () => {
  const root = await makeTempDir("launch-digest");
  await mkdir(path.join(root, "src/cli"), { recursive: true });
  await writeFile(path.join(root, "src/cli/build.ts"), "export {};\n");
  await writeFile(path.join(root, ".eleventy.ts"), "export default () => {};\n");
  await writeFile(path.join(root, "package.json"), "{}\n");
  const first = sourceDigest(root);
  assert.equal(sourceDigest(root), first, "the same files give the same digest");
  await writeFile(path.join(root, "src/cli/build.ts"), "export {}; // edited\n");
  const edited = sourceDigest(root);
  assert.notEqual(edited, first);
  await writeFile(path.join(root, "package-lock.json"), "{}\n");
  const locked = sourceDigest(root);
  assert.notEqual(locked, edited, "a lock file written by npm install counts");
  await writeFile(path.join(root, ".eleventy.ts"), "export default () => {}; // edited\n");
  assert.notEqual(sourceDigest(root), locked);
  await writeFile(path.join(root, "notes.md"), "not part of opsnote's source\n");
  assert.equal(sourceDigest(root), sourceDigest(root));
});

test("commands run from a bundle made once per source: two commands at once share it, an edit makes a new one, a syntax error names its line", async (t) => {
  await mkdir(path.join(REPO_ROOT, ".cache"), { recursive: true });
  const root = await mkdtemp(path.join(REPO_ROOT, ".cache", "launch-test-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const entry of [...SOURCE_PATHS, "tsconfig.json"]) {
    await cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  // 400 code blocks: a cold build highlights them on a worker thread, which must start from the bundle too.
  const fences = Array.from({ length: 400 }, (_, i) => `\`\`\`yaml\nreplicas: ${i}\n\`\`\`\n`).join("\n");
  await mkdir(path.join(root, "posts"));
  await writeFile(path.join(root, "posts/2024-01-02-launch.md"), `---\ntitle: 실행기\ntags: [k8s]\n---\n\n## 설치\n\n${fences}`);

  // Two commands at once, before any bundle exists.
  const [build, check] = await Promise.all([launch(root, ["build", "--posts", "posts", "--output", "out-a"]), launch(root, ["check", "--posts", "posts"])]);
  assert.equal(build!.code, 0, build!.stderr);
  assert.match(build!.stdout, /wrote \d+ pages/);
  assert.equal(check!.code, 0, check!.stdout + check!.stderr);
  assert.match(check!.stdout + check!.stderr, /1 post, 0 errors/);
  const digest = sourceDigest(root);
  assert.deepEqual(await bundles(root), [digest], "one bundle, named after the source, and no staging folder left");
  // Every file of the project the bundle was made from is in the digest: an edit of any of them makes a new bundle.
  const inputs = JSON.parse(await readFile(path.join(root, ".cache/commands", digest, "inputs.json"), "utf8")) as string[];
  assert.ok(inputs.includes("src/cli/build.ts") && inputs.includes("assets/js/korean-query.js"), inputs.join(", "));
  // The bundled commands start the bundled highlight worker (no tsx in the worker thread) and load the bundled config.
  const bundle = path.join(root, ".cache/commands", digest);
  const modules = (await readdir(bundle, { recursive: true })).filter((f) => f.endsWith(".mjs"));
  const code = (await Promise.all(modules.map((f) => readFile(path.join(bundle, f), "utf8")))).join("\n");
  for (const file of ["src/markdown/highlight-worker.mjs", ".eleventy.mjs"]) {
    const bundled = path.join(bundle, file);
    assert.ok(existsSync(bundled) && code.includes(JSON.stringify(bundled)), `the bundle runs its own ${file}`);
  }
  const outside = inputs.filter((input) => !SOURCE_PATHS.some((source) => input === source || input.startsWith(`${source}/`)));
  assert.deepEqual(outside, [], "inputs outside SOURCE_PATHS: an edit of them would not make a new bundle");
  const { document } = parseHTML(await readFile(path.join(root, "out-a/launch/index.html"), "utf8"));
  assert.equal(document.querySelector("h1")?.textContent?.trim(), "실행기");
  assert.equal(document.querySelectorAll("pre.shiki").length, 400, "every block highlighted");
  assert.equal(document.querySelector("h2")?.getAttribute("id"), "설치");

  // An edit of the source: the next command runs the edited code from a new bundle.
  const buildTs = path.join(root, "src/cli/build.ts");
  const original = await readFile(buildTs, "utf8");
  const usage = "usage: npm run build -- [--posts DIR]";
  assert.ok(original.includes(usage));
  await writeFile(buildTs, original.replace(usage, "usage (edited): npm run build -- [--posts DIR]"));
  const edited = await launch(root, ["build", "--help"]);
  assert.equal(edited.code, 0, edited.stderr);
  assert.match(edited.stdout, /^usage \(edited\): npm run build/);
  assert.equal((await bundles(root)).length, 2);

  // Source that does not compile: esbuild's file:line:col, exit code 1, no bundle and no staging folder.
  const lines = original.split("\n");
  lines.splice(20, 0, "const broken = ;");
  await writeFile(buildTs, lines.join("\n"));
  const broken = await launch(root, ["build", "--posts", "posts", "--output", "out-a"]);
  assert.equal(broken.code, 1, broken.stdout + broken.stderr);
  assert.match(broken.stderr, /src\/cli\/build\.ts:21:\d+/);
  assert.match(broken.stderr, /opsnote's source did not compile/);
  assert.equal((await bundles(root)).length, 2);
});

test("an unknown command is named with the ones there are", async () => {
  const run = await launch(REPO_ROOT, ["bulid"]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown command bulid; one of: build, check, import, new, preview, start, schema/);
});
