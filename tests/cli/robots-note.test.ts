/**
 * Under a path prefix robots.txt is written at `/blog/robots.txt`, where crawlers never look: the
 * build says so in one note line, and the file carries the sitemap's absolute URL and the same
 * note for whoever copies it to the host's root.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildInChild } from "../helpers/build-in-child.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { buildRobotsTxt, robotsTxtNote } from "../../src/seo/sitemap.ts";

const root = await makeTempDir("robots-note");
after(() => rm(root, { recursive: true, force: true }));

test("without a path prefix robots.txt is at the root: no note", () => {
  const site = { url: "https://ops.example.kr", pathPrefix: "/" };
  assert.equal(robotsTxtNote(site), undefined);
  assert.deepEqual(buildRobotsTxt(site).split("\n"), ["User-agent: *", "Allow: /", "", "Sitemap: https://ops.example.kr/sitemap.xml", ""]);
});

test("a build under /blog/ prints one note line and robots.txt names the sitemap's absolute URL", { timeout: 120_000 }, async () => {
  const posts = path.join(root, "posts");
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2021-01-01-hello.md"), "---\ntitle: 안녕\n---\n\n본문\n");
  const output = path.join(root, "out");
  const build = buildInChild(posts, output, {
    OPSNOTE_PATH_PREFIX: "/blog/",
    OPSNOTE_SITE_URL: "https://you.github.io",
    OPSNOTE_CACHE_DIR: path.join(root, "cache"),
  });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const notes = build.stdout.split("\n").filter((line) => line.startsWith("[opsnote] note: "));
  assert.deepEqual(notes, [
    "[opsnote] note: robots.txt is written at https://you.github.io/blog/robots.txt, but crawlers read only https://you.github.io/robots.txt: copy its Sitemap line there",
  ]);
  const lines = (await readFile(path.join(output, "robots.txt"), "utf8")).split("\n");
  assert.ok(lines.includes("Sitemap: https://you.github.io/blog/sitemap.xml"), lines.join("\n"));
  assert.ok(lines[0]!.startsWith("# robots.txt is written at https://you.github.io/blog/robots.txt"), lines[0]);
});
