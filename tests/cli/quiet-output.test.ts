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
import { promisify } from "node:util";
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

test("no dependency has an install script npm would warn about", { timeout: 60_000 }, async () => {
  const { stdout, stderr } = await promisify(execFile)("npm", ["install-scripts", "ls"], { cwd: REPO_ROOT });
  assert.match(stdout + stderr, /No packages with unreviewed install scripts/);
});
