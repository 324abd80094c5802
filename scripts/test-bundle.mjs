// `npm test` runs the suite from one esbuild bundle instead of through tsx (scripts/test.sh).
//
//   node scripts/test-bundle.mjs OUT_DIR [ENTRY ...]
//
// The test files and every command they start are bundled together, the way `npm run build` runs the
// commands (src/cli/bundle.mjs says why, and what is left to node_modules): a test file and the commands
// it starts load the same modules the blogger's commands load, without tsx's loader hooks, which cost 40%
// of the CPU of a small test file. The bundle mirrors the repository's tree under OUT_DIR
// (tests/x/y.test.ts -> OUT_DIR/tests/x/y.test.mjs); OUT_DIR must be inside the repository. This script
// then decides which files share a process (planProcesses) and the order the runner starts them in.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMMAND_ENTRIES as OPSNOTE_COMMANDS, bundleCommands } from "../src/cli/bundle.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The commands tests start as child processes (src/cli/bundle.mjs), and the script that builds the shared sites. */
export const COMMAND_ENTRIES = [...OPSNOTE_COMMANDS, "scripts/build-test-sites.ts"];

/** The test files and the commands, bundled as `npm run build` runs them (src/cli/bundle.mjs). */
export function bundleForTests(outDir, entries) {
  return bundleCommands(outDir, entries, { root: ROOT });
}

// Test files that share a process. Each test file used to get a Node process of its own, and most of a
// small file's CPU was that process: Node's start, the test runner, and loading the same modules
// (markdown-it, shiki, zod, Eleventy …) again, 0.2 to 1.5 s each. A file that calls functions, reads
// files or builds sites in the process runs instead in one of SHARED_GROUPS processes, as a suite named
// after it (its `before`/`after` hooks stay scoped to it; the tests of a group run one file after the
// other, but the files' top-level code runs as they load, so two builds may run at once: each writes
// to its own folders, and they share Pagefind's backend, src/search/index-site.ts). A file keeps a
// process of its own when anything it imports, directly or through a helper, starts processes (builds,
// previews, Chromium: long files that the runner should run beside the others), or when its own source
// or a test helper it imports starts a process, changes what the process shares (an environment
// variable, the working folder, the exit code, a console method it captures), or says
// `// test-process: own` with the reason.
// Measured (two interleaved rounds, every process and Chromium counted through a cgroup): 17 files that
// build in the process (two of them, which capture the console, keep their own process since) took 45.5
// and 57.7 CPU-s one process each, 23.1 and 17.6 CPU-s in one; the whole `npm test`, with this rule as
// it is, 405 and 422 CPU-s before, 366 and 393 after.
const SHARED_GROUPS = 2;
// The helpers that start processes (build-in-child, run-cli, preview-process) import child_process, and
// the browser harness reaches playwright: the two rules below find them, and every file that reaches them.
const OWN_PROCESS_PACKAGES = /^playwright/;
const OWN_PROCESS_SOURCE =
  /["'](node:)?child_process["']|process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|process\.chdir\(|process\.exitCode\s*=|console(\.\w+|\[[^\]]+\])\s*=(?!=)|Object\.assign\(console\b|mock\.method\(console\b|\/\/ test-process: own\b/;

/**
 * Splits the bundled test entries into those that need a process of their own and groups of those that
 * can share one, from esbuild's metafile (every input and package each output reaches through its chunks).
 */
export async function planProcesses(metafile, entries, readSource = (entry) => readFile(path.join(ROOT, entry), "utf8")) {
  const outputOf = new Map(Object.entries(metafile.outputs).flatMap(([out, meta]) => (meta.entryPoint ? [[meta.entryPoint, out]] : [])));
  const reached = (start) => {
    const seen = new Set();
    const inputs = new Set();
    const packages = new Set();
    const visit = (out) => {
      if (seen.has(out)) return;
      seen.add(out);
      const meta = metafile.outputs[out];
      for (const input of Object.keys(meta.inputs)) inputs.add(input);
      for (const imported of meta.imports) {
        if (imported.external) packages.add(imported.path);
        else if (metafile.outputs[imported.path]) visit(imported.path);
      }
    };
    visit(start);
    return { inputs, packages };
  };
  const read = new Map();
  const readSourceOnce = (file) => {
    if (!read.has(file)) read.set(file, readSource(file));
    return read.get(file);
  };
  const own = [];
  const shared = [];
  for (const entry of entries) {
    const out = outputOf.get(entry);
    if (!out) throw new Error(`scripts/test-bundle.mjs: no bundled output for ${entry}`);
    const { inputs, packages } = reached(out);
    // The test file's own source and every test helper it reaches (not src/: what src does is judged by
    // the packages and modules above).
    const sources = await Promise.all([entry, ...[...inputs].filter((input) => input.startsWith("tests/") && input !== entry)].map(readSourceOnce));
    const needsOwn =
      [...packages].some((name) => OWN_PROCESS_PACKAGES.test(name)) ||
      sources.some((source) => OWN_PROCESS_SOURCE.test(source));
    (needsOwn ? own : shared).push({ entry, out });
  }
  const groups = Array.from({ length: Math.min(SHARED_GROUPS, shared.length) }, () => []);
  shared.forEach((file, i) => groups[i % groups.length].push(file));
  return { own, groups };
}

/** Writes one module per group that imports the group's files, each inside a suite named after it. */
export async function writeGroups(outDir, groups) {
  const written = [];
  for (const [i, group] of groups.entries()) {
    const file = path.join(outDir, `shared-process-${i + 1}.test.mjs`);
    const files = group.map(({ entry, out }) => [entry, `./${path.relative(outDir, path.resolve(ROOT, out))}`]);
    await writeFile(
      file,
      [
        "// Written by scripts/test-bundle.mjs: test files that share this process, one suite each, in turn.",
        'import { describe } from "node:test";',
        `const files = ${JSON.stringify(files, null, 2)};`,
        "for (const [name, module] of files) describe(name, async () => { await import(module); });",
        "",
      ].join("\n"),
    );
    written.push(file);
  }
  return written;
}

// The order the runner starts the files in. In path order the browser files (the longest, and they
// wait on Chromium more than they compute) filled three of the runner's slots for the first two minutes.
// Now two start at once, then one more after every BROWSER_SPACING other files, so the other slots run
// the files that compute. Node 20's runner sorts the files it is given by path, so each file is started
// through a one-line module whose name carries its place: OUT_DIR/run/01-browser-audit.test.mjs
// imports ../tests/browser/audit.test.mjs.
const BROWSER_SPACING = 5;
export function runOrder(files) {
  const browser = files.filter(({ entry }) => entry.startsWith("tests/browser/"));
  const others = files.filter(({ entry }) => !entry.startsWith("tests/browser/"));
  const order = [...browser.splice(0, 2)];
  while (others.length > 0 || browser.length > 0) {
    order.push(...others.splice(0, BROWSER_SPACING));
    order.push(...browser.splice(0, 1));
  }
  return order;
}

async function writeRunOrder(outDir, files) {
  const folder = path.join(outDir, "run");
  await mkdir(folder, { recursive: true });
  const order = runOrder(files);
  const digits = String(order.length).length;
  return Promise.all(
    order.map(async ({ entry, file }, i) => {
      const name = `${String(i + 1).padStart(digits, "0")}-${entry.replace(/^tests\//, "").replace(/\.test\.(ts|mjs)$/, "").replaceAll("/", "-")}.test.mjs`;
      const wrapper = path.join(folder, name);
      await writeFile(wrapper, `import ${JSON.stringify(`./${path.relative(folder, file)}`)};\n`);
      return wrapper;
    }),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...given] = process.argv.slice(2);
  if (!outDir) {
    console.error("usage: node scripts/test-bundle.mjs OUT_DIR [ENTRY ...]");
    process.exit(2);
  }
  if (!path.resolve(outDir).startsWith(ROOT + path.sep)) {
    console.error(`scripts/test-bundle.mjs: ${outDir} must be inside ${ROOT} (Node finds the packages from there)`);
    process.exit(2);
  }
  const result = await bundleForTests(path.resolve(outDir), [...given, ...COMMAND_ENTRIES]);
  const { own, groups } = await planProcesses(result.metafile, given.filter((entry) => /\.test\.ts$/.test(entry)));
  const shared = await writeGroups(path.resolve(outDir), groups);
  // The groups first among the others: each is one of the longest files.
  const files = [...shared.map((file) => ({ entry: path.basename(file), file })), ...own.map(({ entry, out }) => ({ entry, file: path.resolve(ROOT, out) }))];
  const list = await writeRunOrder(path.resolve(outDir), files);
  await writeFile(path.join(path.resolve(outDir), "test-files.txt"), list.join("\n") + "\n");
}
