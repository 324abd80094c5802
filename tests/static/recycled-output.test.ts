/**
 * The retired site is recycled as the next build's staging folder (src/static/recycled-output.ts):
 * the sweep on real folders, then real child builds whose recycled output must equal a fresh build's,
 * file for file, after posts, a redirect and an image went away.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isWritten, keepSpare, markUnwritten, spareFolderOf, sweepUnwritten, takeSpare } from "../../src/static/recycled-output.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "opsnote-recycled-"));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Folders under `dir` with nothing in them. */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(entry.parentPath, entry.name)).length === 0)
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

test("the sweep removes the files nothing wrote again, and the folders it leaves empty", () => {
  const dir = path.join(root, "sweep");
  write(path.join(dir, "kept", "index.html"), "old");
  write(path.join(dir, "gone", "deep", "index.html"), "old");
  write(path.join(dir, "assets", "site.css"), "old");
  write(path.join(dir, "assets", "old.png"), "old");
  symlinkSync(path.join(dir, "kept", "index.html"), path.join(dir, "link.html"));
  const served = path.join(root, "served-elsewhere.css");
  writeFileSync(served, "served");
  linkSync(served, path.join(dir, "assets", "linked.css"));

  markUnwritten(dir);
  assert.equal(existsSync(path.join(dir, "link.html")), false, "a symbolic link is removed at once");
  assert.equal(existsSync(path.join(dir, "assets", "linked.css")), false, "a file with another name elsewhere is removed, not written over");
  assert.equal(readFileSync(served, "utf8"), "served");
  assert.equal(isWritten(path.join(dir, "kept", "index.html")), false, "a recycled file is not this build's");
  writeFileSync(path.join(dir, "kept", "index.html"), "new");
  writeFileSync(path.join(dir, "assets", "site.css"), "new");
  write(path.join(dir, "fresh", "index.html"), "new");
  assert.equal(isWritten(path.join(dir, "kept", "index.html")), true);
  assert.equal(isWritten(path.join(dir, "missing.html")), false);

  assert.equal(sweepUnwritten(dir), 2);
  assert.deepEqual([...snapshotFolder(dir).keys()].sort(), [path.join("assets", "site.css"), path.join("fresh", "index.html"), path.join("kept", "index.html")]);
  assert.deepEqual(emptyFolders(dir), [], "gone/ and gone/deep/ are removed");
  assert.equal(readFileSync(path.join(dir, "kept", "index.html"), "utf8"), "new");
});

test("a retired folder is kept in the cache, taken once, never taken for another output, and dropped after a week unused", async () => {
  const cache = path.join(root, "spare-cache");
  const previous = process.env.OPSNOTE_CACHE_DIR;
  process.env.OPSNOTE_CACHE_DIR = cache;
  try {
    const output = path.join(root, "spare", "_site");
    const retired = path.join(root, "spare", "_site.retired");
    write(path.join(retired, "index.html"), "old");
    await keepSpare(output, retired);
    assert.equal(existsSync(retired), false);
    assert.ok(spareFolderOf(output).startsWith(cache));
    assert.equal(await takeSpare(path.join(root, "spare", "other"), path.join(root, "spare", "staging-other")), false, "another output's build starts fresh");

    const staging = path.join(root, "spare", "staging");
    assert.equal(await takeSpare(output, staging), true);
    assert.equal(isWritten(path.join(staging, "index.html")), false, "taken with every file marked unwritten");
    assert.equal(await takeSpare(output, path.join(root, "spare", "staging-2")), false, "a spare is taken once");

    // Another output's spare, not taken for eight days, is removed when a spare is kept.
    const other = path.join(root, "spare", "other");
    write(path.join(root, "spare", "retired-other", "index.html"), "old");
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await keepSpare(other, path.join(root, "spare", "retired-other"), eightDaysAgo);
    write(path.join(root, "spare", "retired-again", "index.html"), "old");
    await keepSpare(output, path.join(root, "spare", "retired-again"));
    assert.equal(existsSync(spareFolderOf(other)), false, "the stale spare is gone");
    assert.equal(existsSync(spareFolderOf(output)), true, "this output's spare is kept");
  } finally {
    if (previous === undefined) delete process.env.OPSNOTE_CACHE_DIR;
    else process.env.OPSNOTE_CACHE_DIR = previous;
  }
});

// --- real builds -------------------------------------------------------------------------------------

const posts = path.join(root, "posts");
const config = path.join(root, "opsnote.config.yaml");
const env = { OPSNOTE_CACHE_DIR: path.join(root, "cache"), OPSNOTE_CONFIG: config };
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

function post(name: string, frontMatter: string, body: string): void {
  write(path.join(posts, `${name}.md`), `---\n${frontMatter}\n---\n\n${body}\n`);
}

function build(output: string, cache = "cache"): void {
  const result = buildInChild(posts, path.join(root, output), { ...env, OPSNOTE_CACHE_DIR: path.join(root, cache) });
  assert.equal(result.status, 0, result.stderr);
}

test("a build over a recycled site equals a fresh build, file for file, after posts, a redirect and an image went away", { timeout: 180_000 }, () => {
  writeFileSync(config, "title: 재활용 테스트\noffline: true\n");
  for (let i = 1; i <= 4; i++) post(`2024-05-0${i}-note-${i}`, `title: "노트 ${i}"\ndate: 2024-05-0${i}\ntags: [k8s, "태그${i}"]`, `## 본문 ${i}\n\n쿠버네티스 설명 ${i}.\n`);
  post("2024-05-05-moved", `title: "옮긴 글"\ndate: 2024-05-05\nredirect_from: [/old/moved/]`, "## 옮김\n\n예전 주소에서 왔다.\n");
  post("2024-05-08-stays", `title: "주소가 남는 글"\ndate: 2024-05-08\nredirect_from: [/old/stays/]`, "## 남음\n\n예전 주소도 그대로다.\n");
  post("2024-05-06-math", `title: "수식"\ndate: 2024-05-06\nmath: true`, "## 수식\n\n$a^2 + b^2 = c^2$\n\n![그림](./diagram.png)\n");
  writeFileSync(path.join(posts, "diagram.png"), PNG);
  // A file dated to the epoch itself (from an archive made with SOURCE_DATE_EPOCH=0): its recycled copy
  // looks as old as it, and must be copied again all the same.
  post("2024-05-09-logo", `title: "로고"\ndate: 2024-05-09`, "## 로고\n\n![로고](./logo.png)\n");
  writeFileSync(path.join(posts, "logo.png"), PNG);
  utimesSync(path.join(posts, "logo.png"), new Date(0), new Date(0));

  build("site"); // the first site
  const first = path.join(root, "site");
  const inode = (file: string) => statSync(path.join(first, file)).ino;
  const kept = {
    page: inode(path.join("note-1", "index.html")),
    katex: inode(path.join("assets", "vendor", "katex", "katex.min.css")),
  };
  assert.ok(existsSync(path.join(first, "old", "moved", "index.html")), "the redirect page");

  // What the first site has and the next ones must not.
  rmSync(path.join(posts, "2024-05-04-note-4.md"));
  rmSync(path.join(posts, "diagram.png"));
  post("2024-05-05-moved", `title: "옮긴 글"\ndate: 2024-05-05`, "## 옮김\n\n이제 주소가 하나다.\n");
  post("2024-05-06-math", `title: "수식"\ndate: 2024-05-06\nmath: true`, "## 수식\n\n$a^2 + b^2 = c^2$ 그림은 뺐다.\n");
  post("2024-05-07-new", `title: "새 글"\ndate: 2024-05-07\ntags: [새태그]`, "## 새 글\n\n처음 쓴다.\n");

  build("site"); // retires the first site into the cache
  // An edit, so that the next build runs Pagefind (its index is in no cache) over the first site's index.
  post("2024-05-02-note-2", `title: "노트 2"\ndate: 2024-05-02\ntags: [k8s, "태그2"]`, "## 본문 2\n\n쿠버네티스 설명을 고쳤다.\n");
  build("site"); // overwrites the first site
  const recycled = path.join(root, "site");
  assert.equal(statSync(path.join(recycled, "note-1", "index.html")).ino, kept.page, "the page was overwritten in place, not written anew");
  assert.equal(statSync(path.join(recycled, "assets", "vendor", "katex", "katex.min.css")).ino, kept.katex, "so were KaTeX's files");

  // Another output and caches of its own: no spare, and no search index the recycled build stored (a
  // reference sharing the cache restored the very index it was to be compared with).
  build("fresh", "cache-fresh");
  const expected = snapshotFolder(path.join(root, "fresh"));
  const actual = snapshotFolder(recycled);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), "the same files");
  const differing = [...actual].filter(([file, bytes]) => expected.get(file) !== bytes).map(([file]) => file);
  assert.deepEqual(differing, [], "byte for byte");
  for (const gone of [path.join("note-4", "index.html"), path.join("old", "moved", "index.html"), path.join("tags", "태그4", "index.html")]) {
    assert.equal(existsSync(path.join(recycled, gone)), false, `${gone} is gone`);
  }
  assert.ok(existsSync(path.join(recycled, "old", "stays", "index.html")), "the redirect still asked for");
  assert.ok([...actual.keys()].some((file) => file.endsWith("logo.png")), "the epoch-dated image beside a post");
  assert.ok(existsSync(path.join(recycled, "sw.js")), "offline mode's worker");
  assert.deepEqual(emptyFolders(recycled), []);
});
