/**
 * Pages the preview wrote for posts that are gone (src/preview/stale-outputs.ts): a deleted post's
 * only tag and the list page past the new last one disappear after the rebuild, as they never exist
 * in a production build, and a restart removes what the previous run wrote for a post deleted while
 * the preview was stopped. Real preview processes on loopback.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

const post = (title: string, tags: string) => `---\ntitle: ${title}\ncategories: [devops]\ntags: [${tags}]\n---\n\n${title}의 본문.\n`;

let root: string | undefined;
let preview: PreviewProcess | undefined;
after(async () => {
  await preview?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

test("after a post is deleted, its only tag's page and the list page past the last are gone, also across a restart", async () => {
  root = await makeTempDir("stale-outputs");
  const posts = path.join(root, "posts");
  const output = path.join(root, "out");
  // Two posts a page: three posts make /page/2/.
  const env = { OPSNOTE_PAGE_SIZE: "2", OPSNOTE_CACHE_DIR: path.join(root, "cache") };
  await mkdir(posts);
  await writeFile(path.join(posts, "2024-01-01-one.md"), post("하나", "공통"));
  await writeFile(path.join(posts, "2024-01-02-two.md"), post("둘", "공통, 둘만"));
  await writeFile(path.join(posts, "2024-01-03-three.md"), post("셋", "셋만"));
  const at = (...parts: string[]) => path.join(output, ...parts, "index.html");

  preview = await startPreview({ posts, output, env });
  for (const page of [at("tags", "셋만"), at("tags", "둘만"), at("page", "2"), at("devops", "two")]) assert.ok(existsSync(page), `guard: ${page}`);
  preview.clearTerminal();
  await rm(path.join(posts, "2024-01-03-three.md"));
  await preview.printed(/built \(2\)/, "the rebuild after the deletion");
  assert.equal(existsSync(at("tags", "셋만")), false, "the deleted post's only tag");
  assert.equal(existsSync(path.join(output, "tags", "셋만")), false, "and its folder");
  assert.equal(existsSync(at("page", "2")), false, "the list page past the last");
  assert.equal((await fetch(new URL("/tags/%EC%85%8B%EB%A7%8C/", preview.url))).status, 404);
  assert.ok(existsSync(at("tags", "공통")) && existsSync(at("tags", "둘만")), "the others stay");

  // Deleted while the preview was stopped: the next run's first build removes what the last run wrote.
  await preview.stop();
  preview = undefined;
  await rm(path.join(posts, "2024-01-02-two.md"));
  preview = await startPreview({ posts, output, env });
  assert.equal(existsSync(at("tags", "둘만")), false, "removed after the restart's first build");
  assert.equal(existsSync(at("devops", "two")), false, "and its own page");
  assert.ok(existsSync(at("tags", "공통")));
  assert.equal((await fetch(new URL("/tags/%EB%91%98%EB%A7%8C/", preview.url))).status, 404);
});
