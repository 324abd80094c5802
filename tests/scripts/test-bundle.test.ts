/**
 * How `npm test` splits the test files between processes and orders them (scripts/test-bundle.mjs):
 * which files may share a process, judged from what the bundle says each one reaches, and the order
 * that keeps the browser files apart.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleForTests, planProcesses, runOrder, writeGroups } from "../../scripts/test-bundle.mjs";
import { makeTempDir } from "../helpers/paths.ts";

interface Output {
  entryPoint?: string;
  inputs: Record<string, object>;
  imports: { path: string; external?: boolean }[];
}

/** A metafile as esbuild writes it: each test entry's output, and the chunks they share. */
function metafile(outputs: Record<string, Output>): { outputs: Record<string, Output> } {
  return { outputs };
}

const SOURCES: Record<string, string> = {
  "tests/a/pure.test.ts": 'import { slugify } from "../../src/slug/slugify.ts";\ntest("x", () => {});\n',
  "tests/a/helper-build.test.ts": "test('y', () => {});\n",
  "tests/helpers/build-in-child.ts": 'import { spawnSync } from "node:child_process";\n',
  "tests/a/spawns.test.ts": 'import { spawnSync } from "node:child_process";\ntest("z", () => {});\n',
  "tests/a/git-dates.test.ts": "test('u', () => {});\n",
  "tests/a/builds.test.ts": "test('t', () => {});\n",
  "tests/a/helper-sets-env.test.ts": "test('s', () => {});\n",
  "tests/helpers/set-prefix.ts": 'export function usePrefix() { process.env["OPSNOTE_PATH_PREFIX"] = "blog"; }\n',
  "tests/a/requires.test.ts": 'const { execFileSync } = require("node:child_process");\n',
  "src/content/git-dates.ts": 'import { execFile } from "node:child_process";\n',

  "tests/a/sets-env.test.ts": 'process.env.OPSNOTE_PATH_PREFIX = "blog";\n',
  "tests/a/reads-env.test.ts": 'if (process.env.OPSNOTE_X === "1") test("w", () => {});\n',
  "tests/a/says-own.test.ts": "// test-process: own (it counts the grammars loaded in this process)\n",
  "tests/a/pure-too.test.ts": "test('v', () => {});\n",
  "tests/a/captures-console.test.ts": 'console.warn = (...parts) => void warnings.push(parts.join(" "));\n',
  "tests/a/mocks-console.test.ts": 'const warn = mock.method(console, "warn", () => {});\n',
  "tests/a/compares-console.test.ts": 'assert.ok(console.warn === console.warn);\n',
};

const META = metafile({
  "out/tests/a/pure.test.mjs": { entryPoint: "tests/a/pure.test.ts", inputs: { "tests/a/pure.test.ts": {} }, imports: [{ path: "out/chunks/slug.mjs" }, { path: "node:path", external: true }] },
  "out/chunks/slug.mjs": { inputs: { "src/slug/slugify.ts": {} }, imports: [{ path: "github-slugger", external: true }] },
  // The helper is reached through two chunks, not imported by the test file itself.
  "out/tests/a/helper-build.test.mjs": { entryPoint: "tests/a/helper-build.test.ts", inputs: { "tests/a/helper-build.test.ts": {} }, imports: [{ path: "out/chunks/outer.mjs" }] },
  "out/chunks/outer.mjs": { inputs: { "tests/helpers/make-post.ts": {} }, imports: [{ path: "out/chunks/inner.mjs" }] },
  "out/chunks/inner.mjs": { inputs: { "tests/helpers/build-in-child.ts": {} }, imports: [] },
  "out/tests/a/spawns.test.mjs": { entryPoint: "tests/a/spawns.test.ts", inputs: { "tests/a/spawns.test.ts": {} }, imports: [{ path: "node:child_process", external: true }] },
  // Reaches child_process and worker_threads only through src modules it does not run (git dates, the
  // highlight workers): it may share.
  "out/tests/a/git-dates.test.mjs": { entryPoint: "tests/a/git-dates.test.ts", inputs: { "tests/a/git-dates.test.ts": {} }, imports: [{ path: "out/chunks/content.mjs" }] },
  "out/chunks/content.mjs": { inputs: { "src/content/git-dates.ts": {} }, imports: [{ path: "node:child_process", external: true }, { path: "node:worker_threads", external: true }] },
  // A test helper that changes the environment keeps every file that reaches it apart; src/ is not read.
  "out/tests/a/helper-sets-env.test.mjs": { entryPoint: "tests/a/helper-sets-env.test.ts", inputs: { "tests/a/helper-sets-env.test.ts": {}, "tests/helpers/set-prefix.ts": {} }, imports: [] },
  "out/tests/a/requires.test.mjs": { entryPoint: "tests/a/requires.test.ts", inputs: { "tests/a/requires.test.ts": {} }, imports: [] },
  "out/tests/a/builds.test.mjs": { entryPoint: "tests/a/builds.test.ts", inputs: { "tests/a/builds.test.ts": {} }, imports: [{ path: "out/chunks/eleventy.mjs" }] },
  "out/chunks/eleventy.mjs": { inputs: { "src/layouts/index.ts": {} }, imports: [{ path: "@11ty/eleventy", external: true }] },
  "out/tests/a/sets-env.test.mjs": { entryPoint: "tests/a/sets-env.test.ts", inputs: { "tests/a/sets-env.test.ts": {} }, imports: [] },
  "out/tests/a/reads-env.test.mjs": { entryPoint: "tests/a/reads-env.test.ts", inputs: { "tests/a/reads-env.test.ts": {} }, imports: [] },
  "out/tests/a/says-own.test.mjs": { entryPoint: "tests/a/says-own.test.ts", inputs: { "tests/a/says-own.test.ts": {} }, imports: [] },
  "out/tests/a/pure-too.test.mjs": { entryPoint: "tests/a/pure-too.test.ts", inputs: { "tests/a/pure-too.test.ts": {} }, imports: [{ path: "out/chunks/slug.mjs" }] },
  "out/tests/a/captures-console.test.mjs": { entryPoint: "tests/a/captures-console.test.ts", inputs: { "tests/a/captures-console.test.ts": {} }, imports: [] },
  "out/tests/a/mocks-console.test.mjs": { entryPoint: "tests/a/mocks-console.test.ts", inputs: { "tests/a/mocks-console.test.ts": {} }, imports: [] },
  "out/tests/a/compares-console.test.mjs": { entryPoint: "tests/a/compares-console.test.ts", inputs: { "tests/a/compares-console.test.ts": {} }, imports: [] },
});

test("a file shares a process only when nothing it reaches starts a process and it changes nothing the process shares; building a site in the process is fine", async () => {
  const entries = Object.keys(SOURCES).filter((file) => file.startsWith("tests/a/"));
  const plan = await planProcesses(META, entries, async (file: string) => SOURCES[file] ?? "");
  const own = plan.own.map(({ entry }: { entry: string }) => entry).sort();
  const shared = plan.groups.flat().map(({ entry }: { entry: string }) => entry).sort();
  assert.deepEqual(own, [
    "tests/a/captures-console.test.ts",
    "tests/a/helper-build.test.ts",
    "tests/a/helper-sets-env.test.ts",
    "tests/a/mocks-console.test.ts",
    "tests/a/requires.test.ts",
    "tests/a/says-own.test.ts",
    "tests/a/sets-env.test.ts",
    "tests/a/spawns.test.ts",
  ]);
  assert.deepEqual(shared, [
    "tests/a/builds.test.ts",
    "tests/a/compares-console.test.ts",
    "tests/a/git-dates.test.ts",
    "tests/a/pure-too.test.ts",
    "tests/a/pure.test.ts",
    "tests/a/reads-env.test.ts",
  ]);
  assert.ok(plan.groups.every((group: unknown[]) => group.length > 0), "no empty group");
});

test("an entry the bundle did not write is an error, not a file silently left out of the run", async () => {
  await assert.rejects(planProcesses(META, ["tests/a/missing.test.ts"], async () => ""), /no bundled output for tests\/a\/missing\.test\.ts/);
});

test("the run order starts two browser files, then one after every few others, and keeps every file once", () => {
  const entries = [
    ...Array.from({ length: 5 }, (_, i) => `tests/browser/b${i}.test.ts`),
    ...Array.from({ length: 20 }, (_, i) => `tests/x/f${String(i).padStart(2, "0")}.test.ts`),
  ];
  const order: string[] = runOrder(entries.map((entry) => ({ entry, file: `/bundle/${entry}` }))).map(({ entry }: { entry: string }) => entry);
  assert.deepEqual([...order].sort(), [...entries].sort(), "every file once");
  const browserAt = order.flatMap((entry, i) => (entry.startsWith("tests/browser/") ? [i] : []));
  assert.deepEqual(browserAt.slice(0, 2), [0, 1], "two browser files start at once");
  const gaps = browserAt.slice(2).map((at, i) => at - browserAt[i + 1]!);
  assert.ok(gaps.every((gap) => gap > 1), `browser files must not follow one another after the first two: at ${browserAt.join(", ")}`);
  assert.deepEqual(order.filter((entry) => !entry.startsWith("tests/browser/")), entries.slice(5), "the others keep their order");
});

test("a shared process runs each file as a suite named after it, and a file that fails to load fails the run, named", async () => {
  const dir = await makeTempDir("shared-group");
  await mkdir(path.join(dir, "tests"));
  await writeFile(path.join(dir, "tests", "good.test.mjs"), 'import { test } from "node:test";\ntest("good: passes", () => {});\n');
  await writeFile(path.join(dir, "tests", "broken.test.mjs"), 'throw new Error("broken while loading");\n');
  const group = [
    { entry: "tests/good.test.ts", out: path.join(dir, "tests", "good.test.mjs") },
    { entry: "tests/broken.test.ts", out: path.join(dir, "tests", "broken.test.mjs") },
  ];
  const [file] = await writeGroups(dir, [group]);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // a runner of its own, not a subtest of this file's
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=tap", file!], { encoding: "utf8", env });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /^ok \d+ - tests\/good\.test\.ts$/m, "the good file is a passing suite named after it");
  assert.match(run.stdout, /^not ok \d+ - tests\/broken\.test\.ts$/m, "the broken file is a failing suite named after it");
  assert.match(run.stdout, /broken while loading/);
});

test("the bundle carries the CommonJS packages it bundles (their require() works in ES modules) and Eleventy, which finds its own files where it is installed", async (t) => {
  // Inside the repository, as `npm test`'s bundle is: Node finds the external packages from there.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  await mkdir(path.join(root, ".cache"), { recursive: true });
  const dir = await mkdtemp(path.join(root, ".cache", "bundle-check-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const entry = path.join(dir, "entry.ts");
  // gray-matter is CommonJS and require()s js-yaml and its helpers inside. Eleventy reads its version from
  // its package.json through `createRequire(import.meta.url)` when it loads; @11ty/eleventy-utils is not
  // a dependency of package.json, so it stays external.
  await writeFile(
    entry,
    'import matter from "gray-matter";\nimport Eleventy from "@11ty/eleventy";\nimport { TemplatePath } from "@11ty/eleventy-utils";\n' +
      'console.log(JSON.stringify({ data: matter("---\\ntitle: 쿠버네티스\\ntags: [k8s]\\n---\\n본문").data, eleventy: Eleventy.getVersion(), standard: TemplatePath.standardizeFilePath("a/b") }));\n',
  );
  const { metafile } = await bundleForTests(path.join(dir, "out"), [entry]);
  assert.ok(metafile);
  const output = Object.entries(metafile.outputs).find(([, meta]) => meta.entryPoint !== undefined)![0];
  const externals = Object.values(metafile.outputs).flatMap((meta) => meta.imports.filter((i) => i.external).map((i) => i.path));
  assert.ok(externals.includes("@11ty/eleventy-utils"), `a package that is not a dependency stays external: ${externals.join(", ")}`);
  assert.ok(!externals.some((name) => /^(gray-matter|js-yaml|@11ty\/eleventy$)/.test(name)), `gray-matter, js-yaml and Eleventy are bundled: ${externals.join(", ")}`);
  // The preview's server serves its client script from beside its own code: it stays in node_modules.
  assert.ok(externals.includes("@11ty/eleventy-dev-server"), `Eleventy's dev server stays external: ${externals.join(", ")}`);
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.some((input) => input.includes("node_modules/js-yaml/")), "js-yaml, required inside gray-matter, is in the bundle");
  assert.ok(inputs.some((input) => input.endsWith("node_modules/@11ty/eleventy/src/Eleventy.js")), "Eleventy is in the bundle");
  const run = spawnSync(process.execPath, [path.resolve(root, output)], { encoding: "utf8", env: { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: "1" } });
  assert.equal(run.status, 0, run.stderr);
  const installed = JSON.parse(await readFile(path.join(root, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string };
  assert.deepEqual(JSON.parse(run.stdout), { data: { title: "쿠버네티스", tags: ["k8s"] }, eleventy: installed.version, standard: "./a/b" });
});
