/**
 * A blogger's own file at a URL the build writes itself (a Hugo theme's `static/robots.txt`, copied by
 * hand after an import; a theme's own `tags/index.html`; a feed of one tag): the build publishes its
 * own file and warns, once, naming the blogger's file; `npm run check` reports it as an error. It used
 * to stop the build ("would both be written").
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { runCli, type CliResult } from "../helpers/run-cli.ts";
import { readDocument } from "../helpers/crawl-site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

const OWN_ROBOTS = "User-agent: *\nDisallow: /drafts/\n";

let root: string;
let build: CliResult;

before(async () => {
  root = await writeTempFolder("generated-file-clash", {
    "posts/2024-01-01-hello.md": "---\ntitle: 안녕\ntags: [k8s]\n---\n\n본문\n",
    "posts/robots.txt": OWN_ROBOTS,
    "posts/tags/index.html": "<!doctype html><title>my old tag page</title><p>옛 태그 목록</p>\n",
    "posts/tags/k8s/feed.xml": "<rss>my old feed</rss>\n",
  });
  process.env.OPSNOTE_CACHE_DIR = path.join(root, "cache");
  build = await runCli("src/cli/build.ts", ["--posts", path.join(root, "posts"), "--output", path.join(root, "_site")], 180_000);
});
after(() => rm(root, { recursive: true, force: true }));

test("the build publishes every page and its own robots.txt, and warns once about the blogger's", async () => {
  assert.equal(build.code, 0, build.stdout + build.stderr);
  const warnings = build.stderr.split("\n").filter((line) => line.includes("robots.txt") && line.includes(" warning "));
  assert.equal(warnings.length, 1, build.stderr);
  assert.match(warnings[0]!, /posts\/robots\.txt warning file: \/robots\.txt is a file opsnote writes itself; yours is not published/);
  const published = await readFile(path.join(root, "_site", "robots.txt"), "utf8");
  assert.notEqual(published, OWN_ROBOTS);
  assert.match(published, /^Sitemap: /m, "opsnote's own robots.txt, with its Sitemap line");
  assert.match(build.stderr, /3 files of yours are not published: opsnote writes those files itself — rename, move or remove your file/, "the summary names the group and its fix");
});

test("npm run check reports it as an error and exits 1", async () => {
  const check = await runCli("src/cli/check.ts", ["--posts", path.join(root, "posts")], 180_000);
  assert.equal(check.code, 1, check.stdout + check.stderr);
  assert.match(check.stdout, /posts\/robots\.txt error file: \/robots\.txt is a file opsnote writes itself; yours is not published/);
});

test("a file of the blogger's at a generated page's URL (the tag index, a tag's feed) gives way: the build publishes its own, warns once each, check fails", async () => {
  assert.equal(build.code, 0, build.stdout + build.stderr);
  const tagIndex = readDocument(await readFile(path.join(root, "_site", "tags", "index.html"), "utf8"));
  assert.notEqual(tagIndex.title, "my old tag page");
  assert.ok(tagIndex.querySelector('a[href="/tags/k8s/"]'), "opsnote's tag index, linking the post's tag");
  assert.doesNotMatch(await readFile(path.join(root, "_site", "tags", "k8s", "feed.xml"), "utf8"), /my old feed/);
  for (const [file, message] of [
    ["posts/tags/index.html", "/tags/index.html is the tag index, which opsnote writes itself; yours is not published"],
    ["posts/tags/k8s/feed.xml", '/tags/k8s/feed.xml is the tag feed of "k8s", which opsnote writes itself; yours is not published'],
  ]) {
    const warnings = build.stderr.split("\n").filter((line) => line.includes(`${file} warning file:`));
    assert.deepEqual(warnings.map((line) => line.slice(line.indexOf(" warning file: ") + " warning file: ".length)), [message], build.stderr);
  }
  const check = await runCli("src/cli/check.ts", ["--posts", path.join(root, "posts")], 180_000);
  assert.equal(check.code, 1, check.stdout + check.stderr);
  assert.match(check.stdout, /posts\/tags\/index\.html error file: \/tags\/index\.html is the tag index, which opsnote writes itself/);
});
