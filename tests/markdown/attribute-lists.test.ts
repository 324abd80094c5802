/**
 * kramdown constructs (tests/markdown/fixtures/kramdown): attribute lists, callouts, code titles,
 * image sizes, `{:toc}`, `markdown="1"`. Plus structure checks with a real HTML parser.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseHTML } from "linkedom";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { parseAttributeList } from "../../src/markdown/attribute-lists.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { plainHighlighter, testFixtures } from "../helpers/render-fixtures.ts";

const md = createMarkdown({ highlighter: plainHighlighter });
const render = (markdown: string) => parseHTML(`<main>${md.render(markdown, {})}</main>`).document;

await testFixtures(path.join(import.meta.dirname, "fixtures", "kramdown"), (markdown, file) => {
  const diagnostics: Diagnostic[] = [];
  const withReport = createMarkdown({ highlighter: plainHighlighter, report: (d) => diagnostics.push(d) });
  return { html: withReport.render(markdown, { page: { inputPath: file } }), diagnostics };
});

test("parseAttributeList reads classes, an id, quoted and bare values, and flags", () => {
  assert.deepEqual(parseAttributeList(`.a .b--c #top file="x y.yaml" width='700' height=300 toc`), {
    classes: ["a", "b--c"], id: "top", attributes: [["file", "x y.yaml"], ["width", "700"], ["height", "300"]], flags: ["toc"],
  });
});

test("no attribute list ever leaks into the page as text", () => {
  const doc = render("문단\n{: .notice--info}\n\n> 인용\n{: .prompt-tip}\n\n```yaml\na: 1\n```\n{: file=\"a.yaml\"}\n\n![x](/x.png)\n{: width=\"700px\"}\n\n* TOC\n{:toc}\n\n## 제목\n");
  assert.ok(!doc.querySelector("main")!.textContent!.includes("{:"));
});

test("a prompt is one callout, labelled in Korean, whose body is the quote's content (no quote inside)", () => {
  const doc = render("> 주의할 점\n{: .prompt-warning}\n");
  const callout = doc.querySelector("div.callout.callout--warning[role=note]");
  assert.ok(callout);
  assert.equal(callout.querySelector(".callout__title")?.textContent, "경고");
  assert.equal(doc.querySelector("blockquote"), null);
  assert.equal(callout.querySelector(":scope > p:not(.callout__title)")?.textContent, "주의할 점");
});

// Chirpy's prompt kinds against GitHub's alert kinds: the same element structure, byte for byte.
const PROMPT_ALERTS: [prompt: string, alert: string][] = [
  ["prompt-tip", "TIP"], ["prompt-info", "NOTE"], ["prompt-warning", "WARNING"], ["prompt-danger", "CAUTION"], ["notice--info", "NOTE"],
];
for (const [prompt, alert] of PROMPT_ALERTS) {
  test(`{: .${prompt}} on a quote renders exactly as > [!${alert}]`, () => {
    const body = "> 첫 문단 `kubectl`.\n>\n> - 목록\n> - 끝";
    assert.equal(md.render(`${body}\n{: .${prompt} }\n`), md.render(`> [!${alert}]\n${body}\n`));
  });
}

test("a prompt quote's own id and extra classes move to the callout", () => {
  const doc = render("> 본문\n{: .prompt-tip .wide #tip-1}\n");
  const callout = doc.querySelector("div.callout")!;
  assert.equal(callout.id, "tip-1");
  assert.deepEqual([...callout.classList], ["callout", "callout--tip", "wide"]);
});

test("span attribute lists: only safe attributes reach an image or a link", () => {
  const doc = render('![x](/x.png){: onerror="alert(1)" style="background:url(javascript:alert(1))" data-x="y" w="700"}\n[a](/a/){: onclick="x()" href="javascript:alert(1)" target="_blank" .btn}\n');
  const image = doc.querySelector("img")!;
  const link = doc.querySelector("a")!;
  assert.equal(image.getAttribute("onerror"), null);
  assert.equal(image.getAttribute("style"), null);
  assert.equal(image.getAttribute("data-x"), null);
  assert.equal(image.getAttribute("width"), "700");
  assert.equal(link.getAttribute("onclick"), null);
  assert.equal(link.getAttribute("href"), "/a/");
  assert.equal(link.getAttribute("target"), "_blank");
  assert.equal(link.getAttribute("rel"), "noopener");
  assert.ok(!doc.querySelector("main")!.textContent!.includes("{:"));
});

test("`{: file=…}` titles the code block above it", () => {
  const doc = render("```yaml\na: 1\n```\n{: file=\"deploy.yaml\"}\n");
  const block = doc.querySelector(".code-block");
  assert.equal(block?.getAttribute("data-title"), "deploy.yaml");
  assert.equal(block?.querySelector(".code-block__title")?.textContent, "deploy.yaml");
});

test("the in-place TOC links every heading id on the page, except `.no_toc` ones", () => {
  const doc = render("* TOC\n{:toc}\n\n## 하나\n\n### 하나의 하위\n\n## 제외\n{: .no_toc}\n\n## 둘\n");
  const links = [...doc.querySelectorAll("nav.toc a")].map((a) => decodeURIComponent(a.getAttribute("href")!.slice(1)));
  assert.deepEqual(links, ["하나", "하나의-하위", "둘"]);
  for (const id of links) assert.ok(doc.getElementById(id), `missing target #${id}`);
  assert.equal(doc.querySelector("ul li")?.textContent?.includes("TOC"), false);
});

test("a heading's {: #id} is its id everywhere: the element, its anchor link and the TOC", () => {
  const markdown = "## 설치\n{: #install}\n\n## 설치\n\n본문";
  const { document } = parseHTML(`<!doctype html><html><body>${md.render(markdown)}</body></html>`);
  const headings = [...document.querySelectorAll("h2")];
  assert.deepEqual(headings.map((h) => h.id), ["install", "설치"]);
  assert.deepEqual(headings.map((h) => h.querySelector("a.heading-anchor")!.getAttribute("href")), ["#install", `#${encodeURIComponent("설치")}`]);
  assert.deepEqual(extractToc(md, markdown, 3).map((entry) => entry.id), ["install", "설치"]);
});

test("kramdown header IALs at the end of a heading line: {#id} and {: …} set the id and classes, and leave the text", () => {
  const markdown = "## 설치 {#install}\n\n## 설정 {: .text-center #config}\n\n## 값 {{ .Values.image.tag }}\n\n## 빈 {#}";
  const { document } = parseHTML(`<!doctype html><html><body>${md.render(markdown)}</body></html>`);
  const headings = [...document.querySelectorAll("h2")];
  assert.deepEqual(headings.map((h) => h.id), ["install", "config", "값--valuesimagetag-", "빈-"]);
  assert.deepEqual(headings.map((h) => h.firstChild!.textContent!.trim()), ["설치", "설정", "값 {{ .Values.image.tag }}", "빈 {#}"]);
  assert.ok(headings[1]!.classList.contains("text-center"));
  assert.equal(headings[0]!.querySelector("a.heading-anchor")!.getAttribute("href"), "#install");
  assert.deepEqual(extractToc(md, markdown, 3).map((entry) => [entry.id, entry.text]), [
    ["install", "설치"], ["config", "설정"], ["값--valuesimagetag-", "값 {{ .Values.image.tag }}"], ["빈-", "빈 {#}"],
  ]);
});

test("a notice on a heading boxes the heading itself: no wrapper, no title line, and the TOC keeps it", () => {
  const markdown = "## 업그레이드 전에\n{: .notice--warning}\n\n본문\n\n### 백업 {: .notice}\n\n본문\n";
  const doc = render(markdown);
  const main = doc.querySelector("main")!;
  assert.equal(main.querySelector("div.callout"), null);
  assert.equal(main.querySelector(".callout__title"), null);
  assert.deepEqual([...main.querySelectorAll(".callout")].map((el) => [el.tagName, el.className]), [
    ["H2", "callout callout--warning"],
    ["H3", "callout callout--note"],
  ]);
  assert.deepEqual(extractToc(md, markdown, 3).map((entry) => [entry.text, entry.children.map((child) => child.text)]), [["업그레이드 전에", ["백업"]]]);
});

test("an id set by hand on any block is never given to a heading", () => {
  const doc = render("문단\n{: #install}\n\n![그림](/a.png){: #diagram}\n\n## Install\n\n## Diagram\n");
  const ids = [...doc.querySelectorAll("[id]")].map((element) => element.id);
  assert.deepEqual(ids, ["install", "diagram", "install-1", "diagram-1"]);
});

test("an IAL after a blank line styles the block right below it, not the code block above", () => {
  const doc = render("```bash\nls\n```\n\n{: .prompt-info }\n> 저장소 위치\n");
  const callout = doc.querySelector("div.callout.callout--note")!;
  assert.equal(callout.querySelector(".code-block"), null, "the code block is not inside the callout");
  assert.equal(callout.querySelector(":scope > p:not(.callout__title)")?.textContent, "저장소 위치");
  assert.equal(doc.querySelector("blockquote"), null);
  assert.equal(doc.querySelector("main > .code-block")?.getAttribute("data-lang"), "bash");
});

test("an IAL directly under a block (no blank line) still styles that block, even with a block right below", () => {
  const doc = render("```bash\nls\n```\n{: .prompt-tip }\n> 아래\n");
  assert.ok(doc.querySelector("div.callout--tip > .code-block"), "the code block above is the callout's body");
  assert.equal(doc.querySelector("blockquote")?.textContent?.trim(), "아래");
});

test("a span IAL after inline code never reaches the heading id, its anchor label or the TOC", () => {
  const markdown = "## `_config.yml`{: .filepath} 기본 설정\n\n### `b.yml`{: .filepath}\n";
  const doc = render(markdown);
  const heading = doc.querySelector("h2")!;
  assert.equal(heading.id, "_configyml-기본-설정");
  assert.equal(heading.querySelector("code.filepath")?.textContent, "_config.yml");
  assert.ok(!(doc.querySelector("main")!.innerHTML.includes("{:")), "no `{:` in text or attributes");
  const toc = extractToc(md, markdown, 3);
  assert.deepEqual(toc.map((entry) => [entry.id, entry.text]), [["_configyml-기본-설정", "_config.yml 기본 설정"]]);
  assert.deepEqual(toc[0]!.children.map((entry) => entry.id), [doc.querySelector("h3")!.id]);
});
