/**
 * A post with a large base64 `data:` image: the build warns with file:line:col; the page keeps the
 * image (the blogger's choice), but the feeds (site, JSON, tag) carry its alt text instead, and the
 * search index does not store it. A small inline icon builds without a word.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild, type ChildBuild } from "../helpers/build-in-child.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { DATA_IMAGE_WARN_BYTES, dataUriBytes } from "../../src/content/data-uri.ts";
import { stripDataImages } from "../../src/feeds/strip-data-images.ts";
import { keepDataImagesOutOfIndex } from "../../src/search/data-images.ts";

const IMAGE_BYTES = 400 * 1024;
const bigUri = `data:image/png;base64,${randomBytes(IMAGE_BYTES).toString("base64")}`;
const iconUri = `data:image/png;base64,${randomBytes(600).toString("base64")}`;

let root: string;
let output: string;
let build: ChildBuild;
before(async () => {
  root = await makeTempDir("data-image");
  const posts = path.join(root, "posts");
  output = path.join(root, "out");
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2021-01-01-big.md"), `---\ntitle: 큰 그림\ntags: [k8s]\n---\n\n쿠버네티스 구조:\n\n![클러스터 구조](${bigUri})\n\n끝.\n`);
  await writeFile(path.join(posts, "2021-01-02-icon.md"), `---\ntitle: 작은 아이콘\ntags: [k8s]\n---\n\n아이콘 ![점](${iconUri}) 하나.\n`);
  build = buildInChild(posts, output, { OPSNOTE_CACHE_DIR: path.join(root, "cache") });
});
after(() => rm(root, { recursive: true, force: true }));

test("dataUriBytes reads the decoded size of base64 and percent-encoded URIs", () => {
  assert.equal(dataUriBytes(bigUri), IMAGE_BYTES);
  assert.equal(dataUriBytes("data:image/svg+xml,%3Csvg%3E"), "<svg>".length);
  assert.equal(dataUriBytes("/assets/a.png"), undefined);
  assert.ok(DATA_IMAGE_WARN_BYTES < IMAGE_BYTES);
});

test("the build warns once, at the image's file:line:col, and only about the large image", () => {
  assert.equal(build.status, 0, build.stderr);
  const warnings = build.stderr.split("\n").filter((line) => / warning /.test(line));
  assert.deepEqual(warnings.map((line) => line.replace(/^\[opsnote\] \S*\//, "")), [
    "2021-01-01-big.md:8:12 warning image: an inline data: image of 400 KB (over 100 KB) is copied into the page as text; save it as a file in assets/ and link it (feeds and search leave it out)",
  ]);
});

test("the post's page keeps the image", async () => {
  const page = parseHTML(await readFile(path.join(output, "big", "index.html"), "utf8")).document;
  assert.equal(page.querySelector("article img")?.getAttribute("src"), bigUri);
});

test("feeds carry the alt text instead of data: images", async () => {
  for (const feed of ["feed.xml", "feed.json", "tags/k8s/feed.xml"]) {
    const text = await readFile(path.join(output, feed), "utf8");
    assert.ok(!text.includes("data:image"), `${feed} holds a data: image`);
    assert.ok(text.includes("[이미지: 클러스터 구조]"), `${feed} lost the image's alt text`);
    assert.ok(text.length < 20_000, `${feed} is ${text.length} characters`);
  }
});

test("the search index does not store the image", async () => {
  const dir = path.join(output, "pagefind", "fragment");
  const sizes = await Promise.all((await readdir(dir)).map(async (file) => (await stat(path.join(dir, file))).size));
  assert.equal(sizes.length, 2);
  assert.ok(Math.max(...sizes) < 10_000, `fragment sizes: ${sizes.join(", ")}`);
});

test("stripDataImages keeps other images and handles either quote", () => {
  const html = `<p>a <img src="/assets/x.png" alt="x"> b <img alt='둘 &amp; 셋' src='data:image/gif;base64,R0lG'> c <img src="data:image/png;base64,AAA="></p>`;
  const body = parseHTML(`<!doctype html><html><body>${stripDataImages(html)}</body></html>`).document.body;
  assert.deepEqual([...body.querySelectorAll("img")].map((img) => img.getAttribute("src")), ["/assets/x.png"]);
  assert.equal(body.textContent, "a  b [이미지: 둘 & 셋] c [이미지]");
});

test("keepDataImagesOutOfIndex marks only pages with a data: image", () => {
  const withImage = `<article class="post" data-pagefind-body><img src="data:image/png;base64,AA"></article>`;
  const marked = parseHTML(`<!doctype html><html><body>${keepDataImagesOutOfIndex(withImage)}</body></html>`).document.querySelector("article")!;
  assert.equal(marked.getAttribute("data-pagefind-meta"), "image:");
  const plain = `<article class="post" data-pagefind-body><img src="/a.png"></article>`;
  assert.equal(keepDataImagesOutOfIndex(plain), plain);
});
