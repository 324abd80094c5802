/**
 * The post index built from `check`'s analyses is the index the Jekyll plugin built before by
 * reading every post itself: compared with that way, kept here as the reference, on the sample
 * posts, the hardening fixtures and a folder of awkward posts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parsePostText } from "../../src/content/front-matter.ts";
import { buildPost } from "../../src/content/post.ts";
import { readFirstCommitDates } from "../../src/content/git-dates.ts";
import { undatedFallback } from "../../src/content/undated.ts";
import { isPublished } from "../../src/content/publication.ts";
import { indexPosts, type IndexedPost } from "../../src/jekyll/post-index.ts";
import { site } from "../../src/site.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

/** The index as it was made before it came from the analyses: front matter and `buildPost` per file. */
async function referenceIndex(postsDir: string, now: Date): Promise<IndexedPost[]> {
  const list = async (relative = ""): Promise<string[]> => {
    const files: string[] = [];
    for (const entry of await readdir(path.join(postsDir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) files.push(...(await list(child)));
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) files.push(child);
    }
    return files;
  };
  const posts: IndexedPost[] = [];
  const firstCommits = await readFirstCommitDates(postsDir);
  for (const relativePath of await list()) {
    const inputPath = path.join(postsDir, relativePath);
    try {
      const { data, content } = parsePostText(await readFile(inputPath, "utf8"), inputPath);
      const input = { inputPath, frontMatter: data.frontMatter ?? {}, source: data.frontMatterSource, body: content, site };
      let result = buildPost(input);
      // A post with no date anywhere is indexed too, dated from git or its file time.
      if (!result.ok && result.undated) result = buildPost({ ...input, undatedFallback: undatedFallback(inputPath, firstCommits) });
      if (!result.ok) continue;
      posts.push({
        relativePath: relativePath.normalize("NFC"),
        url: result.post.url,
        redirectFrom: result.post.redirectFrom,
        published: isPublished(result.post, now),
      });
    } catch {
      // Left out, as before.
    }
  }
  return posts;
}

const byPath = (posts: readonly IndexedPost[]) => [...posts].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));

async function assertSameIndex(folder: string, now: Date): Promise<number> {
  const expected = byPath(await referenceIndex(folder, now));
  for (const dir of [folder, path.relative(process.cwd(), folder) || "."]) {
    assert.deepStrictEqual(byPath((await indexPosts(dir, site, undefined, now)).posts), expected, dir);
  }
  return expected.length;
}

const NOW = new Date("2024-06-01T00:00:00+09:00");

test("the index of the sample posts and of every hardening fixture is what it was", async () => {
  let indexed = await assertSameIndex(path.join(REPO_ROOT, "posts"), NOW);
  const fixtures = path.join(REPO_ROOT, "tests/hardening/fixtures");
  for (const name of readdirSync(fixtures)) {
    const posts = path.join(fixtures, name, "posts");
    if (statSync(posts, { throwIfNoEntry: false })?.isDirectory()) indexed += await assertSameIndex(posts, NOW);
  }
  assert.ok(indexed > 20, `${indexed} posts indexed`);
});

test("the index of awkward posts is what it was: drafts, scheduled, redirects, bundles, NFD, BOM, CRLF, undated, broken", async () => {
  const posts = await writeTempFolder("post-index", {
    "2024-01-01-plain.md": "---\ntitle: 평범\ncategories: [devops, k8s]\n---\n본문\n",
    "2024-01-02-draft.md": "---\ntitle: 초안\ndraft: true\n---\n",
    "2024-01-03-unpublished.md": "---\ntitle: x\npublished: false\n---\n",
    "2099-01-01-later.md": "---\ntitle: 나중\n---\n",
    "2024-01-04-moved.md": "---\ntitle: 이사\nredirect_from:\n  - /old/\n  - /older.html\naliases: [/hugo/]\n---\n",
    "2024-01-05-own.md": "---\ntitle: x\npermalink: /custom/:year/:title.html\n---\n",
    "2024-01-06-bundle/index.md": "---\ntitle: 번들\n---\n",
    [`nested/${"2024-01-07-쿠버네티스.md".normalize("NFD")}`]: "본문만\n",
    "nested/2024-01-08-bom.markdown": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("---\ntitle: BOM\n---\n")]),
    "2024-01-09-crlf.md": "---\r\ntitle: CRLF\r\ndate: 2024-01-09 10:00:00 +0900\r\n---\r\n본문\r\n",
    "2024-01-10-bad-yaml.md": "---\ntitle: [unclosed\n---\n",
    "2024-01-11-bad-date.md": "---\ntitle: x\ndate: 2024-02-30\n---\n",
    "no-date.md": "---\ntitle: 날짜 없음\n---\n",
    "2024-01-12-js.md": "---js\n{ title: 'x' }\n---\n",
    ".hidden/2024-01-13-h.md": "---\ntitle: h\n---\n",
  });
  try {
    assert.equal(await assertSameIndex(posts, NOW), 11);
    assert.equal(await assertSameIndex(posts, new Date("2100-01-01T00:00:00Z")), 11);
  } finally {
    await rm(posts, { recursive: true, force: true });
  }
});
