/**
 * A bare URL that linkify recognises but the URL parser rejects (`https://192.168.X.187:6443`, a
 * masked address in a post) used to become an href that crashed Eleventy's HtmlBasePlugin in the tag
 * feeds, naming no post. Such text stays text; an explicit `[x](…)` with such a URL stays text too and
 * is reported with its file and line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { createBaseMarkdown } from "../../src/markdown/base-markdown.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";

process.env.OPSNOTE_CACHE_DIR ??= await mkdtemp(path.join(tmpdir(), "opsnote-unparseable-cache-"));

const body = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

const CASES: { name: string; markdown: string; text: string; hrefs: string[] }[] = [
  { name: "bare masked IP", markdown: "접속 https://192.168.X.187:6443 확인", text: "접속 https://192.168.X.187:6443 확인", hrefs: [] },
  { name: "in a table cell", markdown: "| a | b |\n|--|--|\n| 예상 | https://192.168.X.187:6443 |", text: "https://192.168.X.187:6443", hrefs: [] },
  { name: "explicit link", markdown: "[x](https://192.168.X.1:6443)", text: "[x](https://192.168.X.1:6443)", hrefs: [] },
  { name: "valid bare URL still linked", markdown: "see https://example.com/a", text: "https://example.com/a", hrefs: ["https://example.com/a"] },
  { name: "valid IP with port still linked", markdown: "<https://192.168.0.187:6443>", text: "https://192.168.0.187:6443", hrefs: ["https://192.168.0.187:6443"] },
  { name: "relative link still linked", markdown: "[글](../x/#설치)", text: "글", hrefs: ["../x/#%EC%84%A4%EC%B9%98"] },
];

for (const { name, markdown, text, hrefs } of CASES) {
  test(`base markdown, ${name}: every href parses, the text stays`, () => {
    const html = body(createBaseMarkdown().render(markdown));
    assert.ok((html.textContent ?? "").includes(text), html.innerHTML);
    const found = [...html.querySelectorAll("a")].map((a) => a.getAttribute("href")!);
    assert.deepEqual(found, hrefs);
    for (const href of found) assert.ok(URL.canParse(href, "https://example.com/posts/x/"), href);
  });
}

test("an explicit link whose URL does not parse is reported with file and line", async () => {
  const warnings: Diagnostic[] = [];
  const md = createMarkdown({ highlighter: await getCodeHighlighter(), report: (d) => warnings.push(d) });
  md.render("첫 줄\n\n둘째 줄\n[API](https://192.168.X.1:6443) 와 https://10.0.X.1 은 가림\n", { page: { inputPath: "posts/masked.md" } });
  assert.deepEqual(warnings.map(formatDiagnostic), [
    "posts/masked.md:4:7 warning link: https://192.168.X.1:6443 is not a valid URL; shown as text",
  ]);
});

test("a site with masked addresses in prose, a table and a link builds; its tag feed too", async () => {
  const posts = await writeTempFolder("unparseable-links", {
    "2024-01-02-masked.md": [
      "---", "title: 가린 주소", "date: 2024-01-02", "tags: [k8s]", "---", "",
      "접속 https://192.168.X.187:6443 확인", "",
      "| 예상 | 주소 |", "|--|--|", "| API | https://192.168.X.187:6443 |", "",
      "[API 서버](https://192.168.X.1:6443)", "",
    ].join("\n"),
  });
  const site = await buildTempSite(posts);
  const doc = await site.page("/masked/");
  const content = doc.querySelector(".post__content")!;
  assert.ok((content.textContent ?? "").includes("접속 https://192.168.X.187:6443 확인"));
  assert.equal(content.querySelectorAll("a[href*='192.168']").length, 0);
  assert.ok((content.querySelector("td:last-child")?.textContent ?? "").includes("https://192.168.X.187:6443"));
});
