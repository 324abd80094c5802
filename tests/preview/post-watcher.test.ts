/**
 * The fast path's watcher (src/preview/post-watcher.ts) on a real folder: saves in place, atomic saves
 * (a temporary file renamed over the post, as JetBrains' safe write, Emacs and `sed -i` do), posts in
 * folders created after the start.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTempDir } from "../helpers/paths.ts";
import { watchPosts, type PostWatcher } from "../../src/preview/post-watcher.ts";

let root: string;
let watcher: PostWatcher;
let reported: string[][] = [];
let waiting: ((files: string[]) => void) | undefined;

/** The next batch of files reported (after the watcher's quiet time), or a failure after 5 s. */
function nextReport(what: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report for ${what}`)), 5000);
    waiting = (files) => {
      clearTimeout(timer);
      resolve(files);
    };
  });
}

before(async () => {
  root = await makeTempDir("post-watcher");
  writeFileSync(path.join(root, "a.md"), "처음\n");
  mkdirSync(path.join(root, "bundle"));
  writeFileSync(path.join(root, "bundle", "index.md"), "묶음\n");
  watcher = watchPosts(root, {
    accept: (file) => file.endsWith(".md"),
    onChange: (files) => {
      reported.push(files);
      const resolve = waiting;
      waiting = undefined;
      resolve?.(files);
    },
  });
});

after(() => {
  watcher.close();
  rmSync(root, { recursive: true, force: true });
});

const atomicSave = (file: string, text: string) => {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
};

test("every atomic save of a post is reported, not only the first", async () => {
  const post = path.join(root, "a.md");
  for (let save = 1; save <= 3; save++) {
    const report = nextReport(`atomic save ${save}`);
    atomicSave(post, `저장 ${save}\n`);
    assert.deepEqual(await report, [post], `atomic save ${save}`);
  }
  const report = nextReport("a save in place after them");
  writeFileSync(post, "제자리 저장\n");
  assert.deepEqual(await report, [post]);
});

test("a post in a page bundle, and one in a folder made after the start, are reported", async () => {
  const bundled = path.join(root, "bundle", "index.md");
  let report = nextReport("the bundle's post");
  atomicSave(bundled, "묶음 고침\n");
  assert.deepEqual(await report, [bundled]);

  const folder = path.join(root, "new-folder");
  const created = path.join(folder, "b.md");
  report = nextReport("the new folder's post");
  mkdirSync(folder);
  writeFileSync(created, "새 글\n");
  assert.deepEqual(await report, [created]);
  report = nextReport("its next save");
  writeFileSync(created, "새 글 고침\n");
  assert.deepEqual(await report, [created]);
  assert.ok(reported.every((files) => files.every((file) => file.endsWith(".md"))), "only accepted files");
});
