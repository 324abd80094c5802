/**
 * Emoji names (`:memo:` -> 📝) with the site's `emoji` setting: fixture pairs
 * (tests/markdown/fixtures/emoji; `setting-off.md` is rendered with the setting off), the rules they
 * stand for asserted on parsed HTML, the TOC, and the render cache's salt.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { openCachePack } from "../../src/markdown/cache-pack.ts";
import { createRenderCache } from "../../src/markdown/render-cache.ts";
import { renderSalt } from "../../src/markdown/render-salt.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { plainHighlighter, testFixtures } from "../helpers/render-fixtures.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "emoji");

function render(markdown: string, file: string) {
  const diagnostics: Diagnostic[] = [];
  // Math on, so `$:memo:$` is a formula: its TeX must stay `:memo:`.
  const md = createMarkdown({ highlighter: plainHighlighter, report: (d) => diagnostics.push(d), math: true, emoji: !file.startsWith("setting-off") });
  const html = md.render(matter(markdown, {}).content, { page: { inputPath: file } });
  return { html, diagnostics };
}

await testFixtures(FIXTURES, render);

const documentOf = (file: string) => parseHTML(`<main>${render(readFileSync(path.join(FIXTURES, file), "utf8"), file).html}</main>`).document;
/** An element's text without the heading's "#" link. */
const textOf = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelector(".heading-anchor")?.remove();
  return copy.textContent?.trim();
};

test("names in paragraphs, headings and lists become the emoji; Hangul may touch them", () => {
  const document = documentOf("shortcodes.md");
  assert.equal(textOf(document.querySelector("p")!), "배포 전에 확인할 것 ⚠️ 세 가지.");
  assert.deepEqual([...document.querySelectorAll("li")].map(textOf), [
    "✅ 이미지 빌드",
    "완료✅ 와 실패❌처럼 붙여 써도 됩니다",
    "모르는 이름 :not_an_emoji: 과 :emoji_name: 은 글자 그대로",
  ]);
});

test("heading ids come from the names, as on GitHub: the same with the setting on or off, never empty", () => {
  const on = documentOf("shortcodes.md");
  assert.deepEqual([...on.querySelectorAll("h2, h3")].map((h) => [h.id, textOf(h)]), [["memo-메모", "📝 메모"], ["설치-bulb", "설치 💡"]]);
  const off = documentOf("setting-off.md");
  assert.deepEqual([...off.querySelectorAll("h2")].map((h) => [h.id, textOf(h)]), [["memo-메모", ":memo: 메모"]]);
  for (const document of [on, off]) {
    for (const anchor of document.querySelectorAll("a.heading-anchor")) {
      assert.ok(document.getElementById(decodeURIComponent(anchor.getAttribute("href")!.slice(1))), "the anchor has its target");
    }
  }
});

test("code, math, URLs, HTML attributes, values with colons and escaped names stay as written", () => {
  const document = documentOf("shortcodes.md");
  assert.deepEqual([...document.querySelectorAll("p code")].map((c) => c.textContent), ["image: nginx:latest", ":memo:"]);
  const prose = [...document.querySelectorAll("p")].map((p) => p.textContent ?? "").join("\n");
  for (const text of ["image: nginx:latest", "8080:80", "arn:aws:iam::123:role/x", "root:x:0:0", "10:100:5", ":memo: 는 이스케이프"]) {
    assert.ok(prose.includes(text), `${text} changed`);
  }
  const links = [...document.querySelectorAll("a:not(.heading-anchor)")].map((a) => [a.getAttribute("href"), a.textContent]);
  assert.deepEqual(links, [
    ["https://example.com/:memo:/wiki", "https://example.com/:memo:/wiki"],
    ["https://example.com/:bulb:", "https://example.com/:bulb:"],
    ["https://example.com/:sos:", "🆘 도움말"],
  ]);
  const span = document.querySelector("span[title]")!;
  // The tag is raw HTML, left alone; the words between two inline tags are post text.
  assert.deepEqual([span.getAttribute("title"), span.textContent], [":memo: 속성", "👏 HTML 안의 글자"]);
  assert.equal(document.querySelector("annotation[encoding='application/x-tex']")?.textContent, ":memo:");
  assert.deepEqual([...document.querySelectorAll("pre code")].map((c) => c.textContent), [
    "# :warning: 주석도 코드\nimage: nginx:latest",
    ":memo: 들여쓴 코드\n",
  ]);
});

test("with the setting off every name stays text", () => {
  const document = documentOf("setting-off.md");
  assert.equal(textOf(document.querySelector("p")!), "배포 전에 확인할 것 :warning: 세 가지.");
  assert.equal(textOf(document.querySelector("li")!), "완료:white_check_mark:");
});

test("the TOC shows the emoji and links the page's ids", () => {
  const md = createMarkdown({ highlighter: plainHighlighter, emoji: true });
  const markdown = "## :memo: 메모\n\n## :rocket:\n\n### 설치 :bulb:\n";
  const toc = extractToc(md, markdown, 3);
  assert.deepEqual(toc.map((e) => [e.id, e.text, e.children.map((c) => [c.id, c.text])]), [
    ["memo-메모", "📝 메모", []],
    ["rocket", "🚀", [["설치-bulb", "설치 💡"]]],
  ]);
  const document = parseHTML(`<main>${md.render(markdown)}</main>`).document;
  assert.deepEqual([...document.querySelectorAll("h2, h3")].map((h) => h.id), ["memo-메모", "rocket", "설치-bulb"]);
});

test("turning emoji on renders cached bodies again: the setting is part of the render cache's salt", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "opsnote-emoji-")), "render.pack");
  const renderWith = (emoji: boolean) => {
    const salt = renderSalt({ highlightSalt: "h", mathSalt: "m", site: { tocDepth: 3, math: false, emoji } });
    const renders = createRenderCache({ pack: openCachePack({ file, salt }) });
    const md = renders.install(createMarkdown({ highlighter: plainHighlighter, emoji }));
    const html = md.render("노트 :memo:\n", { page: { inputPath: "posts/a.md" } });
    renders.pack.save();
    return html;
  };
  assert.equal(renderWith(false), "<p>노트 :memo:</p>\n");
  assert.equal(renderWith(true), "<p>노트 📝</p>\n");
  assert.equal(renderWith(false), "<p>노트 :memo:</p>\n");
});
