/**
 * A bare URL that linkify recognises but the URL parser rejects (`https://192.168.X.187:6443`, a
 * masked address in a post) used to become an href that crashed Eleventy's HtmlBasePlugin in the tag
 * feeds, naming no post. Such text stays text; an explicit `[x](…)` or `![x](…)` with such a URL is
 * rendered as its text (a link without href, an image's alt text), and `check` reports it with its file and line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { createBaseMarkdown } from "../../src/markdown/base-markdown.ts";
import { checkPosts } from "../../src/check/check-posts.ts";
import { site } from "../../src/site.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";

process.env.OPSNOTE_CACHE_DIR ??= await mkdtemp(path.join(tmpdir(), "opsnote-unparseable-cache-"));

const body = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

const CASES: { name: string; markdown: string; text: string; hrefs: string[] }[] = [
  { name: "bare masked IP", markdown: "접속 https://192.168.X.187:6443 확인", text: "접속 https://192.168.X.187:6443 확인", hrefs: [] },
  { name: "in a table cell", markdown: "| a | b |\n|--|--|\n| 예상 | https://192.168.X.187:6443 |", text: "https://192.168.X.187:6443", hrefs: [] },
  { name: "explicit link", markdown: "[API](https://192.168.X.1:6443)", text: "API", hrefs: [] },
  { name: "valid bare URL still linked", markdown: "see https://example.com/a", text: "https://example.com/a", hrefs: ["https://example.com/a"] },
  { name: "valid IP with port still linked", markdown: "<https://192.168.0.187:6443>", text: "https://192.168.0.187:6443", hrefs: ["https://192.168.0.187:6443"] },
  { name: "relative link still linked", markdown: "[글](../x/#설치)", text: "글", hrefs: ["../x/#%EC%84%A4%EC%B9%98"] },
];

for (const { name, markdown, text, hrefs } of CASES) {
  test(`base markdown, ${name}: every href parses, the text stays`, () => {
    const html = body(createBaseMarkdown().render(markdown));
    assert.ok((html.textContent ?? "").includes(text), html.innerHTML);
    const found = [...html.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!);
    assert.deepEqual(found, hrefs);
    for (const href of found) assert.ok(URL.canParse(href, "https://example.com/posts/x/"), href);
  });
}

test("an explicit link or image whose URL does not parse shows its text, and check names its line", async () => {
  const html = body(createBaseMarkdown().render("[API](https://192.168.X.1:6443) ![다이어그램](https://10.0.X.1/a.png)"));
  assert.equal(html.querySelector("a")?.textContent, "API");
  assert.equal(html.querySelector("a")?.hasAttribute("href"), false);
  assert.equal(html.querySelector("img"), null, "an <img> needs a src");
  assert.ok((html.textContent ?? "").includes("다이어그램"), "the alt text is shown");

  const root = await writeTempFolder("unparseable-check", {
    "posts/2024-01-02-masked.md": "---\ntitle: 가림\ndate: 2024-01-02\n---\n\n접속 https://192.168.X.187:6443 확인\n[API](https://192.168.X.1:6443)\n",
  });
  const report = await checkPosts({ posts: path.join(root, "posts"), assets: path.join(root, "assets"), site });
  assert.deepEqual(
    report.diagnostics.filter((d) => d.field === "link").map((d) => formatDiagnostic({ ...d, file: path.relative(root, d.file) })),
    ["posts/2024-01-02-masked.md:7:7 error link: https://192.168.X.1:6443 is not a valid URL"],
  );
});

test("a site with masked addresses in prose and in a table builds; its tag feed too", async () => {
  const posts = await writeTempFolder("unparseable-links", {
    "2024-01-02-masked.md": [
      "---", "title: 가린 주소", "date: 2024-01-02", "tags: [k8s]", "---", "",
      "접속 https://192.168.X.187:6443 확인", "",
      "| 예상 | 주소 |", "|--|--|", "| API | https://192.168.X.187:6443 |", "",
    ].join("\n"),
  });
  const site = await buildTempSite(posts);
  const doc = await site.page("/masked/");
  const content = doc.querySelector(".post__content")!;
  assert.ok((content.textContent ?? "").includes("접속 https://192.168.X.187:6443 확인"));
  assert.equal(content.querySelectorAll("a[href*='192.168']").length, 0);
  assert.ok((content.querySelector("td:last-child")?.textContent ?? "").includes("https://192.168.X.187:6443"));
});
