// `npm test` runs the suite from one esbuild bundle instead of through tsx (scripts/test.sh).
//
//   node scripts/test-bundle.mjs OUT_DIR [ENTRY ...]
//
// Why: tsx compiles each module once (it caches), but on Node 20 every import of every module, the
// ~900 of node_modules included, goes through its loader hooks on a separate thread. That cost 40% of the
// CPU of a small test file and 1.7 s of every child build's 3 s, and the suite starts about 240 Node
// processes (139 test files, the rest `build`/`check`/`import`/`preview` children). One esbuild run
// (about a second) writes every test file and every command as plain ES modules that Node loads with no
// hooks. Most packages are bundled too (EXTERNAL_PACKAGES names those that are not, and why).
//
// The bundle mirrors the repository's tree under OUT_DIR (tests/x/y.test.ts -> OUT_DIR/tests/x/y.test.mjs,
// src/cli/build.ts -> OUT_DIR/src/cli/build.mjs, .eleventy.ts -> OUT_DIR/.eleventy.mjs), with the modules
// they share in OUT_DIR/chunks/, so a command and the Eleventy config it loads share one copy of each
// module, as they do under tsx. OUT_DIR must be inside the repository: Node finds the external packages
// from the importing file's folder.
//
// `import.meta.url`, `dirname` and `filename` are replaced in each source file by the values of the
// original file: code that finds files beside itself (layouts, the highlight worker, fixtures) finds the
// same files as under tsx. Nothing else differs: the same source, no minification, no renaming beyond
// esbuild's scope hoisting.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The commands tests start as child processes, and the Eleventy config those commands load. */
export const COMMAND_ENTRIES = [
  "src/cli/build.ts",
  "src/cli/check.ts",
  "src/cli/import.ts",
  "src/cli/new-post.ts",
  "src/cli/preview.ts",
  "src/cli/start.ts",
  "src/cli/schema.ts",
  "scripts/build-test-sites.ts",
  ".eleventy.ts",
];

/** Keeps each source file's own `import.meta` location in the bundle. */
const originalImportMeta = {
  name: "original-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|tsx|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      const values = {
        url: JSON.stringify(pathToFileURL(args.path).href),
        dirname: JSON.stringify(path.dirname(args.path)),
        filename: JSON.stringify(args.path),
      };
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => values[key]);
      const loader = /\.(ts|mts)$/.test(args.path) ? "ts" : args.path.endsWith(".tsx") ? "tsx" : "js";
      return { contents, loader, resolveDir: path.dirname(args.path) };
    });
    // `import("/assets/js/…")` inside a function that a browser test hands to the page: a URL of the
    // served site, not a file to bundle.
    build.onResolve({ filter: /^\// }, (args) => (existsSync(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * The packages the bundle leaves to Node, loaded from node_modules as they are. The others are bundled:
 * a child build loaded about 1,250 files of node_modules (zod 99, yaml 84, xmlbuilder2 and its DOM 170,
 * gray-matter 51 …), and resolving, reading and compiling them one by one was half a second of each of
 * the suite's ~150 processes. Measured on the sample posts, the bundled `build --help` took 0.6 CPU-s
 * instead of 1.0, and a small cold build 2.4–2.8 instead of 3.1–3.6.
 * Left external: Eleventy (it reads its own package.json and files beside its modules), packages with
 * binaries or files found beside their code (sharp, Pagefind, esbuild, vnu-jar, KaTeX's fonts, Mermaid's
 * browser build, Chromium's driver), and optional dependencies that may be absent.
 */
export const EXTERNAL_PACKAGES = ["@11ty/*", "sharp", "pagefind", "esbuild", "playwright-core", "vnu-jar", "katex", "mermaid", "chokidar", "fsevents"];

export async function bundleForTests(outDir, entries) {
  return build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: outDir,
    outbase: ROOT,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL_PACKAGES,
    // esbuild's ESM output calls `require` for the `require()`s of the CommonJS packages it bundles
    // (yaml, js-yaml, gray-matter …); ES modules have none, so each output file makes its own.
    banner: { js: 'import { createRequire as __opsnoteCreateRequire } from "node:module"; const require = __opsnoteCreateRequire(import.meta.url);' },
    sourcemap: "linked",
    logLevel: "error",
    metafile: true,
    plugins: [originalImportMeta],
    // The bundled commands load the bundled config (src/cli/eleventy-paths.ts), whose modules they share.
    define: { "process.env.OPSNOTE_ELEVENTY_CONFIG": JSON.stringify(path.join(outDir, ".eleventy.mjs")) },
  });
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
