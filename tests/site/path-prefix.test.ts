/**
 * The blog under a sub-path (a GitHub Pages project site): built with OPSNOTE_PATH_PREFIX=/blog/
 * and a page size of 2 so pagination links exist too (and 3 posts a feed). No link, asset or feed URL
 * may leave /blog/.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { crawlSite, parseXml, readDocument } from "../helpers/crawl-site.ts";
import { buildInChild } from "../helpers/build-in-child.ts";

const ORIGIN = "https://user.github.io";
const OUTPUT = path.resolve("tests/.output/prefix-site");
const read = (file: string) => readFile(path.join(OUTPUT, file), "utf8");

before(async () => {
  await rm(OUTPUT, { recursive: true, force: true });
  const build = buildInChild("posts", OUTPUT, { OPSNOTE_PATH_PREFIX: "blog", OPSNOTE_SITE_URL: `${ORIGIN}/`, OPSNOTE_PAGE_SIZE: "2", OPSNOTE_FEED_SIZE: "3" });
  assert.equal(build.status, 0, build.stderr);
});

test("no link, image, stylesheet or feed URL escapes /blog/, and every one resolves", async () => {
  const result = await crawlSite(OUTPUT, { origin: ORIGIN, prefix: "/blog/" });
  assert.ok(result.references > 200);
  assert.deepEqual(result.problems, []);
});

test("list pages are paginated under the prefix: /blog/page/2/ and /blog/tags/<tag>/page/2/", async () => {
  assert.ok(existsSync(path.join(OUTPUT, "page/2/index.html")));
  assert.ok(existsSync(path.join(OUTPUT, "tags/kubernetes/page/2/index.html")));
  const second = readDocument(await read("page/2/index.html"));
  assert.equal(second.querySelector('a[rel="prev"]')!.getAttribute("href"), "/blog/");
  assert.equal(second.querySelector('link[rel="canonical"]')!.getAttribute("href"), `${ORIGIN}/blog/page/2/`);
});

test("each feed holds the newest OPSNOTE_FEED_SIZE posts", async () => {
  const atom = parseXml(await read("feed.xml"));
  const entries = [...atom.querySelectorAll("entry")];
  assert.equal(entries.length, 3);
  const published = entries.map((entry) => Date.parse(entry.querySelector("published")!.textContent!));
  assert.deepEqual(published, [...published].sort((a, b) => b - a), "newest first");
  const json = JSON.parse(await read("feed.json")) as { items: unknown[] };
  assert.equal(json.items.length, 3);
});

test("feeds, sitemap, robots.txt and JSON-LD use absolute URLs with the prefix", async () => {
  const atom = parseXml(await read("feed.xml"));
  for (const link of atom.querySelectorAll("link")) assert.ok(link.getAttribute("href")!.startsWith(`${ORIGIN}/blog/`), link.getAttribute("href")!);
  const content = atom.querySelector("entry content")!.textContent!;
  assert.doesNotMatch(content, /(src|href)="\/(?!blog\/)/, "root-relative URL without the prefix in feed content");
  const sitemap = parseXml(await read("sitemap.xml"));
  for (const loc of sitemap.querySelectorAll("loc")) assert.ok(loc.textContent!.startsWith(`${ORIGIN}/blog/`), loc.textContent!);
  assert.match(await read("robots.txt"), new RegExp(`Sitemap: ${ORIGIN}/blog/sitemap\\.xml`));
  const post = readDocument(await read("devops/kubernetes-intro/index.html"));
  const jsonLd = JSON.parse(post.querySelector('script[type="application/ld+json"]')!.textContent!) as { url: string };
  assert.equal(jsonLd.url, `${ORIGIN}/blog/devops/kubernetes-intro/`);
});
