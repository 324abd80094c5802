/**
 * opsnote's commands print opsnote's lines: Eleventy's own ("[11ty] Copied 9 Wrote 12 files",
 * timing notes) only with `--verbose`, and npm has no install script left to warn about (vnu-jar's
 * postinstall only downloads a Java runtime when none is installed; the tests run its jar with the
 * machine's Java and skip without one).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { buildSite } from "../../src/cli/build-site.ts";
import { eleventyConfigPath } from "../../src/cli/eleventy-paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";

const root = await makeTempDir("quiet-output");
const posts = path.join(root, "posts");
await mkdir(posts, { recursive: true });
await writeFile(path.join(posts, "2021-01-01-hello.md"), "---\ntitle: 안녕\n---\n\n본문\n");
process.env.OPSNOTE_CACHE_DIR = path.join(root, "cache");
after(() => rm(root, { recursive: true, force: true }));

const elevenyLines = (text: string) => text.split("\n").filter((line) => line.startsWith("[11ty]"));

test("npm run build prints only opsnote's summary; --verbose adds Eleventy's lines", { timeout: 120_000 }, async () => {
  const quiet = await runCli("src/cli/build.ts", ["--posts", posts, "--output", path.join(root, "quiet")]);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.deepEqual(elevenyLines(quiet.stdout + quiet.stderr), []);
  assert.match(quiet.stdout, /^\[opsnote\] wrote \d+ pages to .* in [\d.]+ s$/m);

  const verbose = await runCli("src/cli/build.ts", ["--posts", posts, "--output", path.join(root, "verbose"), "--verbose"]);
  assert.equal(verbose.code, 0, verbose.stderr);
  assert.ok(elevenyLines(verbose.stdout + verbose.stderr).some((line) => /Wrote \d+ files/.test(line)), verbose.stdout);
});

test("Eleventy's timing notes stay out of a quiet build, even when a step is slow", { timeout: 120_000 }, async () => {
  // A busy CI machine made the front-matter preprocessor take 13 % of a build, and Eleventy printed
  // "[11ty] Benchmark 220ms 13% 1× (Configuration) … Preprocessor" through quietMode. A preprocessor
  // that takes 200 ms, with Eleventy's share threshold (8 % of the build) set to 0, makes that note
  // certain however long the build takes.
  const config = path.join(root, "slow.eleventy.mjs");
  const real = pathToFileURL(path.resolve(REPO_ROOT, eleventyConfigPath())).href;
  await writeFile(
    config,
    `import base from ${JSON.stringify(real)};
export { config } from ${JSON.stringify(real)};
export default async function (eleventyConfig) {
  const result = await base(eleventyConfig);
  eleventyConfig.benchmarkManager.get("Configuration").setMinimumThresholdPercent(0);
  eleventyConfig.addPreprocessor("slow-on-purpose", "md", () => { const end = Date.now() + 200; while (Date.now() < end); });
  return result;
}
`,
  );
  const printed = async (verbose: boolean): Promise<string[]> => {
    const lines: string[] = [];
    const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const name of ["log", "warn", "error", "info"] as const) console[name] = (...parts: unknown[]) => void lines.push(parts.join(" "));
    try {
      await buildSite({ posts, output: path.join(root, verbose ? "slow-verbose" : "slow-quiet"), configPath: config, verbose });
    } finally {
      Object.assign(console, saved);
    }
    return lines.filter((line) => line.includes("Benchmark"));
  };
  assert.deepEqual(await printed(false), []);
  // The same build asked to be verbose prints the note: the quiet result above is not for want of one.
  assert.ok((await printed(true)).some((line) => line.includes('"slow-on-purpose" Preprocessor')));
});

test("no dependency has an install script npm would warn about", { timeout: 60_000 }, async () => {
  const { stdout, stderr } = await promisify(execFile)("npm", ["install-scripts", "ls"], { cwd: REPO_ROOT });
  assert.match(stdout + stderr, /No packages with unreviewed install scripts/);
});
