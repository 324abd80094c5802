/**
 * `npm run check` and the build, as real processes: exit codes, the summary line, and the same
 * checks warning in a production build (stopping it under --strict).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";

async function site(files: Record<string, string>): Promise<string> {
  const root = await makeTempDir("check-cli");
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const GOOD = "---\ntitle: 좋은 글\ncategories: [devops]\n---\n\n## 설치\n\n[자기](#설치)\n";
const WARNED = "---\ntitle: 경고\ndate: 2021-04-13T13:00:00+18:00\n---\n[없는 절](/devops/good/#없음)\n";
const BROKEN = "---\ntitle: 깨진 글\ntags:\n  a: 1\n---\n[없는 글](/devops/nope/)\n";

test("npm run check: exit 0 and a summary when there are only warnings", async (t) => {
  const root = await site({ "posts/2021-05-01-good.md": GOOD, "posts/2021-05-02-warned.md": WARNED });
  t.after(() => rm(root, { recursive: true, force: true }));
  const result = await runCli("src/cli/check.ts", ["--posts", path.join(root, "posts")]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const lines = result.stdout.trim().split("\n");
  assert.equal(lines.length, 5);
  assert.match(lines[0]!, /2021-05-02-warned\.md:3:1 warning date: offset \+18:00/);
  assert.match(lines[1]!, /2021-05-02-warned\.md:5:\d+ warning link: #없음: no heading with this id/);
  assert.match(lines[2]!, /^2 posts, 0 errors, 2 warnings \(\d+\.\d\d s\)$/);
  // Then the content problems grouped, each group with its fix.
  assert.equal(lines[3], "1 content problem in 1 group:");
  assert.match(lines[4]!, /^  1 link names a heading id that no heading has — use an id the message lists .*2021-05-02-warned\.md:5:\d+ #없음\)$/);
});

test("npm run check: exit 1 on errors, errors listed before warnings", async (t) => {
  const root = await site({ "posts/2021-05-01-good.md": GOOD, "posts/2021-05-02-warned.md": WARNED, "posts/2021-05-03-broken.md": BROKEN });
  t.after(() => rm(root, { recursive: true, force: true }));
  const result = await runCli("src/cli/check.ts", ["--posts", path.join(root, "posts")]);
  assert.equal(result.code, 1);
  const lines = result.stdout.trim().split("\n");
  const end = lines.findIndex((line) => /^\d+ posts, /.test(line));
  assert.match(lines[0]!, /2021-05-03-broken\.md:3:1 error tags: expected a list of strings or one string, got a mapping$/);
  assert.deepEqual(lines.slice(0, end).map((line) => / (error|warning|info) /.exec(line)?.[1]), ["error", "error", "warning", "warning"]);
  assert.match(lines[end]!, /^3 posts, 2 errors, 2 warnings/);
  assert.equal(lines[end + 1], "2 content problems in 2 groups:");
});

test("npm run check: bad arguments give the usage and exit 2", async () => {
  const result = await runCli("src/cli/check.ts", ["--nope"]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /usage: npm run check/);
});

test("a production build warns on a broken link and builds; with --strict it stops, names it, and leaves no site", async (t) => {
  const root = await site({
    "posts/2021-05-01-good.md": GOOD,
    "posts/2021-05-02-link.md": "---\ntitle: 링크\n---\n\n[없는 글](/devops/nope/)\n",
  });
  t.after(() => rm(root, { recursive: true, force: true }));
  const output = path.join(root, "out");
  const args = ["--posts", path.join(root, "posts"), "--output", output];
  const built = await runCli("src/cli/build.ts", args, 120_000);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  assert.match(built.stderr, /2021-05-02-link\.md:5:\d+ warning link: \/devops\/nope\/: no post or page has this URL/);
  assert.ok(existsSync(path.join(output, "index.html")));
  await rm(output, { recursive: true });

  const strict = await runCli("src/cli/build.ts", [...args, "--strict"], 120_000);
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  assert.match(strict.stderr, /2021-05-02-link\.md:5:\d+ error link: \/devops\/nope\/: no post or page has this URL/);
  assert.equal(existsSync(output), false);
});
