import { test } from "node:test";
import assert from "node:assert/strict";
import { rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { indexPosts } from "../../src/jekyll/post-index.ts";
import { createCheckCache } from "../../src/check/check-posts.ts";
import { site } from "../../src/site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

test("the post index cache follows edits and deletions between rebuilds", async () => {
  const posts = await writeTempFolder("post-index", {
    "2024-01-01-a.md": "---\ntitle: a\ncategories: [k8s]\n---\nbody\n",
    "2024-01-02-b.md": "---\ntitle: b\n---\nbody\n",
  });
  const cache = createCheckCache();
  const first = await indexPosts(posts, site, cache);
  assert.equal(first.resolve("2024-01-01-a"), "/k8s/a/");
  assert.equal(cache.files.size, 2);

  const edited = path.join(posts, "2024-01-01-a.md");
  await writeFile(edited, "---\ntitle: a\ncategories: [helm]\n---\nbody\n");
  const later = new Date(Date.now() + 5_000);
  await utimes(edited, later, later);
  await rm(path.join(posts, "2024-01-02-b.md"));
  const second = await indexPosts(posts, site, cache);
  assert.equal(second.resolve("2024-01-01-a"), "/helm/a/");
  assert.equal(second.resolve("2024-01-02-b"), undefined);
  assert.equal(cache.files.size, 1);
});
