/**
 * Hugo/Zola page bundles and `redirect_from` pages, on a real build of a temp posts folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";
import { redirectFilePath, writeRedirects } from "../../src/jekyll/redirects.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { readFile } from "node:fs/promises";
import { parseHTML } from "linkedom";

const posts = await writeTempFolder("bundles", {
  "helm-intro/index.md": "---\ntitle: 번들\ndate: 2024-03-03\ncategories: [helm]\n---\n\n![차트](chart.png)\n\n![하위](img/sub.svg)\n",
  "helm-intro/chart.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  "helm-intro/img/sub.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
  "helm-intro/notes.txt": "not media",
  "helm-intro/draft.md.bak": "not a post",
  "2024-05-05-moved.md":
    "---\ntitle: 옮긴 글\nredirect_from:\n  - /old/moved/\n  - /2019/01/01/moved.html\n  - /helm/helm-intro/\n---\n\n본문\n",
  "2024-06-06-hugo.md": "---\ntitle: 휴고\naliases: /posts/hugo-old/\n---\n\n본문\n",
});
const secret = path.join(tmpdir(), `opsnote-secret-${process.pid}.png`);
await writeFile(secret, "secret");
await symlink(secret, path.join(posts, "helm-intro", "leak.png"));
const site = await buildTempSite(posts);

test("a page bundle builds as one post named after its folder, its files at the folder's URL and beside the page", async () => {
  const doc = await site.page("/helm/helm-intro/");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "번들");
  // Relative targets point at the file's published URL (src/static/static-files.ts).
  assert.deepEqual([...doc.querySelectorAll(".post__content img")].map((img) => img.getAttribute("src")), ["/helm-intro/chart.png", "/helm-intro/img/sub.svg"]);
  for (const folder of [["helm-intro"], ["helm", "helm-intro"]]) {
    assert.ok(existsSync(path.join(site.output, ...folder, "chart.png")));
    assert.ok(existsSync(path.join(site.output, ...folder, "img", "sub.svg")));
  }
});

test("every file of a bundle but posts and editor litter is published, and symbolic links out of the posts folder are not followed", () => {
  for (const folder of [["helm-intro"], ["helm", "helm-intro"]]) {
    assert.ok(existsSync(path.join(site.output, ...folder, "notes.txt")));
    assert.ok(!existsSync(path.join(site.output, ...folder, "index.md")));
    assert.ok(!existsSync(path.join(site.output, ...folder, "draft.md.bak")));
    assert.ok(!existsSync(path.join(site.output, ...folder, "leak.png")));
  }
});

test("redirect_from writes a redirect page per old URL: refresh, canonical and a link", async () => {
  for (const url of ["/old/moved/", "/2019/01/01/moved.html"]) {
    const doc = await site.page(url);
    assert.equal(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/moved/");
    assert.match(doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "", /^https?:\/\/[^/]+\/moved\/$/);
    assert.equal(doc.querySelector("a")?.getAttribute("href"), "/moved/");
  }
});

test("Hugo's aliases work like redirect_from", async () => {
  const doc = await site.page("/posts/hugo-old/");
  assert.equal(doc.querySelector("a")?.getAttribute("href"), "/hugo/");
});

test("a redirect never replaces a real page", async () => {
  const doc = await site.page("/helm/helm-intro/");
  assert.equal(doc.querySelector('meta[http-equiv="refresh"]'), null);
});

test("redirect file paths: folders get index.html, .html stays a file, unsafe paths are refused", () => {
  const table: [string, string | undefined][] = [
    ["/old/", "old/index.html"],
    ["old", "old/index.html"],
    ["/2019/01/01/x.html", "2019/01/01/x.html"],
    ["/%EC%BF%A0%EB%B2%84/", "쿠버/index.html"],
    ["/a/../../etc/", undefined],
    ["https://elsewhere.example/x", undefined],
    ["/", undefined],
  ];
  for (const [from, expected] of table) assert.equal(redirectFilePath(from), expected, from);
});

test("in a folder built again (the preview's), redirect pages are written again without a warning; a real page or a clash still warns", async () => {
  const output = await writeTempFolder("redirects-again", { "real/index.html": "<!doctype html><html><body>진짜</body></html>" });
  const warnings: Diagnostic[] = [];
  const options = { outputDir: output, pathPrefix: "/", siteUrl: "https://example.org", report: (d: Diagnostic) => warnings.push(d) };
  const target = async (url: string) => parseHTML(await readFile(path.join(output, ...redirectFilePath(url)!.split("/")), "utf8")).document.querySelector("a")?.getAttribute("href");
  const alpha = (url: string) => ({ file: "posts/alpha.md", url, redirectFrom: ["/old/alpha/", "/real/"] });

  assert.equal(await writeRedirects([alpha("/alpha/")], options), 1);
  assert.deepEqual(warnings.map((d) => d.message), ['"/real/" is already a page of the site; it was not replaced by a redirect']);
  warnings.length = 0;
  // The next build of the same folder: the post moved; its redirect follows, and no false warning.
  assert.equal(await writeRedirects([alpha("/alpha-2/")], options), 1);
  assert.equal(await target("/old/alpha/"), "/alpha-2/");
  assert.deepEqual(warnings.map((d) => d.message), ['"/real/" is already a page of the site; it was not replaced by a redirect']);
  warnings.length = 0;
  // Two posts claiming one old URL in one build: the first keeps it.
  const beta = { file: "posts/beta.md", url: "/beta/", redirectFrom: ["/old/alpha/"] };
  assert.equal(await writeRedirects([{ ...alpha("/alpha-2/"), redirectFrom: ["/old/alpha/"] }, beta], options), 1);
  assert.equal(await target("/old/alpha/"), "/alpha-2/");
  assert.deepEqual(warnings.map((d) => [d.file, d.message]), [["posts/beta.md", '"/old/alpha/" is already a page of the site; it was not replaced by a redirect']]);
});
