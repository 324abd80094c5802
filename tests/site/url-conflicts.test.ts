/**
 * Two sources that would write one file fail the real build with a message naming both; two spellings of
 * one tag are one tag, with a warning.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild } from "../helpers/build-in-child.ts";

// Outside the repository: Eleventy skips folders listed in .gitignore (tests/.output/ is).
const ROOT = await mkdtemp(path.join(os.tmpdir(), "opsnote-url-conflicts-"));
after(() => rm(ROOT, { recursive: true, force: true }));

async function postsFolder(name: string, posts: Record<string, string>): Promise<string> {
  const folder = path.join(ROOT, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [file, text] of Object.entries(posts)) await writeFile(path.join(folder, file), text);
  return folder;
}

test("tags CI/CD and ci-cd share the slug ci-cd: one tag page lists both posts, and a warning names both spellings", async () => {
  const posts = await postsFolder("slug-collision", {
    "2021-01-01-a.md": "---\ntitle: A\ntags: [CI/CD]\n---\n본문\n",
    "2021-01-02-b.md": "---\ntitle: B\ntags: [ci-cd]\n---\n본문\n",
  });
  const output = path.join(ROOT, "slug-collision-site");
  const build = buildInChild(posts, output);
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const warning = build.stderr.split("\n").filter((line) => line.includes("/tags/ci-cd/") && line.includes(" warning "));
  assert.equal(warning.length, 1, build.stderr);
  assert.match(warning[0]!, /"CI\/CD" \(.*2021-01-01-a\.md\)/);
  assert.match(warning[0]!, /"ci-cd" \(.*2021-01-02-b\.md\)/);
  const { document } = parseHTML(await readFile(path.join(output, "tags/ci-cd/index.html"), "utf8"));
  const links = [...document.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
  assert.ok(links.includes("/a/") && links.includes("/b/"), links.join(" "));
});

test("a post whose permalink is a tag page: the build fails naming the post and the tag", async () => {
  const posts = await postsFolder("page-overwrite", {
    "2021-01-01-helm.md": "---\ntitle: 헬름\ntags: [helm]\n---\n본문\n",
    "2021-01-02-squat.md": "---\ntitle: 자리 차지\npermalink: /tags/helm/\n---\n본문\n",
  });
  const build = buildInChild(posts, path.join(ROOT, "page-overwrite-site"));
  assert.equal(build.status, 1, build.stdout);
  assert.match(build.stderr, /2021-01-02-squat\.md/);
  assert.match(build.stderr, /tag page of "helm"/);
  assert.match(build.stderr, /2021-01-01-helm\.md/);
});
