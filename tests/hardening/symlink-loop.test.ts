/**
 * Two folder links that loop (`posts/loop -> .`, `posts/sub/up -> ..`): `build`, `check` and the
 * preview each finish (or serve) within a bounded time, skip both links with a warning, and build
 * the real post. Node 20's recursive `readdir` follows folder links, which made all three run forever.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { readFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview } from "../helpers/preview-process.ts";
import { listPostFiles } from "../../src/check/check-posts.ts";

/** Several times a normal build of one post on a busy machine; forever is what the bug did. */
const LIMIT_MS = 60_000;

let root: string;
let posts: string;
before(async () => {
  root = await makeTempDir("symlink-loop");
  posts = path.join(root, "posts");
  await mkdir(path.join(posts, "sub"), { recursive: true });
  await writeFile(path.join(posts, "2021-01-01-real.md"), "---\ntitle: 진짜 글\n---\n\n본문\n");
  await writeFile(path.join(posts, "sub", "2021-01-02-nested.md"), "---\ntitle: 안쪽 글\n---\n\n본문\n");
  await symlink(".", path.join(posts, "loop"));
  await symlink("..", path.join(posts, "sub", "up"));
  process.env.OPSNOTE_CACHE_DIR = path.join(root, "cache");
});
after(() => rm(root, { recursive: true, force: true }));

test("listPostFiles lists each post once and never enters the looping links", { timeout: LIMIT_MS }, async () => {
  assert.deepEqual(await listPostFiles(posts), ["2021-01-01-real.md", "sub/2021-01-02-nested.md"]);
});

test("npm run build finishes, warns about both links and builds the posts", { timeout: LIMIT_MS + 5_000 }, async () => {
  const output = path.join(root, "out");
  const result = await runCli("src/cli/build.ts", ["--posts", posts, "--output", output], LIMIT_MS);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stderr, /posts\/loop warning symlink: skipped: links to the folder/);
  assert.match(result.stderr, /posts\/sub\/up warning symlink: skipped: links to the folder/);
  const page = parseHTML(await readFile(path.join(output, "real", "index.html"), "utf8")).document;
  assert.equal(page.querySelector("h1")?.textContent, "진짜 글");
});

test("npm run check finishes and counts each post once", { timeout: LIMIT_MS + 5_000 }, async () => {
  const result = await runCli("src/cli/check.ts", ["--posts", posts], LIMIT_MS);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout + result.stderr, /\b2 posts, 0 errors/);
});

/** CPU seconds the process has used (Linux: /proc/<pid>/stat, clock ticks at the usual 100 Hz). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test("the preview builds, watches, and then idles", { timeout: LIMIT_MS * 2 }, async (t) => {
  const preview = await startPreview({ posts, output: path.join(root, "preview"), env: { OPSNOTE_CACHE_DIR: path.join(root, "cache-preview") } });
  try {
    const response = await fetch(new URL("/real/", preview.url));
    assert.equal(response.status, 200);
    assert.equal(parseHTML(await response.text()).document.querySelector("h1")?.textContent, "진짜 글");
    // chokidar reported each linked folder as added after the first build: one or two more builds for nothing.
    assert.deepEqual(preview.earlyBuilds, [], `no build after the first one without a change:\n${preview.terminal}`);
    if (!existsSync(`/proc/${preview.pid}/stat`)) {
      t.diagnostic("no /proc: the idle check needs Linux");
      return;
    }
    // Eleventy's watcher followed the links round the loop forever: most of a core, memory growing.
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // time for a late rebuild to start, were there one
    const before = cpuSeconds(preview.pid);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const used = cpuSeconds(preview.pid) - before;
    assert.ok(used < 3, `the idle preview used ${used.toFixed(1)} s of CPU in 10 s`);
  } finally {
    await preview.stop();
  }
});
