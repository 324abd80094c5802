import { before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readFile } from "node:fs/promises";
import matter from "gray-matter";
import type { MarkdownIt } from "markdown-it";
import { buildToc, type TocEntry } from "../../src/markdown/toc.ts";
import { collectHeadings, type HeadingMeta } from "../../src/markdown/headings.ts";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { readFrontMatter } from "../../src/content/front-matter.ts";

/** A compact, readable form of a TOC tree: `A › (B, C)` nesting, ` · ` between siblings. */
function outline(entries: readonly TocEntry[]): string {
  return entries
    .map((e) => (e.children.length > 0 ? `${e.text} › (${outline(e.children)})` : e.text))
    .join(" · ");
}

const h = (level: number, text: string): HeadingMeta => ({ level, text, id: text.toLowerCase() });

const buildCases: [name: string, headings: HeadingMeta[], depth: number, expected: string][] = [
  ["flat list of one level", [h(2, "A"), h(2, "B")], 3, "A · B"],
  ["h3 nests under the h2 before it", [h(2, "A"), h(3, "A1"), h(3, "A2"), h(2, "B")], 3, "A › (A1 · A2) · B"],
  ["three levels", [h(2, "A"), h(3, "A1"), h(4, "A1a"), h(2, "B")], 3, "A › (A1 › (A1a)) · B"],
  ["depth 2 drops the third level present", [h(2, "A"), h(3, "A1"), h(4, "A1a"), h(2, "B")], 2, "A › (A1) · B"],
  ["depth 1 keeps only the top level", [h(2, "A"), h(3, "A1"), h(2, "B")], 1, "A · B"],
  ["depth 0 gives an empty TOC", [h(2, "A")], 0, ""],
  [
    "a post starting at h3 still gets three levels",
    [h(3, "A"), h(4, "A1"), h(5, "A1a"), h(6, "A1a-i"), h(3, "B")],
    3,
    "A › (A1 › (A1a)) · B",
  ],
  ["a skipped level nests under the nearest higher heading", [h(2, "A"), h(4, "A-deep"), h(2, "B")], 3, "A › (A-deep) · B"],
  ["depth counts levels present, not level numbers", [h(2, "A"), h(4, "A-deep"), h(6, "A-deeper")], 2, "A › (A-deep)"],
  ["a deeper heading before any top-level one stays at the root", [h(3, "pre"), h(2, "A"), h(3, "A1")], 3, "pre · A › (A1)"],
  ["no headings", [], 3, ""],
];

for (const [name, headings, depth, expected] of buildCases) {
  test(`buildToc: ${name}`, () => {
    assert.equal(outline(buildToc(headings, depth)), expected);
  });
}

test("buildToc keeps id, text and level of each entry", () => {
  const [entry] = buildToc([{ level: 2, text: "그래서 쿠버네티스가 뭔데?", id: "그래서-쿠버네티스가-뭔데" }], 3);
  assert.deepEqual(entry, { level: 2, text: "그래서 쿠버네티스가 뭔데?", id: "그래서-쿠버네티스가-뭔데", children: [] });
});

let md: MarkdownIt;
before(async () => {
  md = createMarkdown({ highlighter: await getCodeHighlighter() });
});

test("extractToc: a post starting at h3 keeps three levels", () => {
  const toc = extractToc(md, "### A\n\n#### A1\n\n##### A1a\n\n###### too deep\n\n### B\n", 3);
  assert.equal(outline(toc), "A › (A1 › (A1a)) · B");
  assert.equal(toc[0]!.level, 3);
});

test("extractToc: # headings move one level down (the page title is the h1)", () => {
  const toc = extractToc(md, "# 소개\n\n## 설치\n", 3);
  assert.deepEqual(toc.map((e) => [e.level, e.text, e.id]), [[2, "소개", "소개"]]);
  assert.deepEqual(toc[0]!.children.map((e) => [e.level, e.text, e.id]), [[3, "설치", "설치"]]);
});

test("extractToc: inline code and emphasis in a heading become plain text and a clean id", () => {
  const [entry] = extractToc(md, "## `kubectl apply`와 **Helm** 비교\n", 3);
  assert.equal(entry!.text, "kubectl apply와 Helm 비교");
  assert.equal(entry!.id, "kubectl-apply와-helm-비교");
});

test("extractToc: repeated and emoji-only headings get the ids the page gets", () => {
  const markdown = "## 설치\n\n## 설치\n\n## 🚀\n";
  const toc = extractToc(md, markdown, 3);
  assert.deepEqual(toc.map((e) => e.id), ["설치", "설치-1", "section"]);
  // The page is rendered from the same tokens: every TOC id is an id in the HTML.
  const html = md.render(markdown);
  for (const entry of toc) assert.ok(html.includes(`id="${entry.id}"`), `${entry.id} missing from ${html}`);
});

test("extractToc on the seed post gives its exact outline", async () => {
  const text = await readFile(new URL("../../posts/2021-04-13-kubernetes-intro.md", import.meta.url), "utf8");
  const { content } = matter(text, { engines: { yaml: readFrontMatter } });
  const toc = extractToc(md, content, 3);
  assert.equal(
    outline(toc),
    "Introduction · Kubernetes › (Container · 그래서 쿠버네티스가 뭔데? › (Service discovery and load balancing · " +
      "Storage orchestration · Automated rollouts and rollbacks) · Overview of Kubernetes) · 포스트를 마치며",
  );
  assert.equal(toc[1]!.children[1]!.id, "그래서-쿠버네티스가-뭔데");
  assert.equal(toc[2]!.id, "포스트를-마치며");
  assert.deepEqual(toc.map((e) => e.level), [2, 2, 2]);
});

test("extractToc equals the TOC of a full parse (random posts): skipping non-heading inline content changes no entry", () => {
  const block = fc.constantFrom(
    "## 설치", "## 설치", "### `kubectl` **명령**", "## [링크](https://k8s.io) 제목", "## 🚀", "## 제목 {#custom-id}", "## 두번째\n{: #ial-id}",
    "제목 setext\n---", "큰 제목\n===", "> ## 인용 속 제목", "- ## 목록 속 제목", "<div markdown=\"1\">\n\n## 안쪽 제목\n\n</div>",
    "> [!NOTE]\n> 알림 문단", "문단 *강조* 와 `코드`", "{: .notice}", "```yaml\n## 주석\n```", "#### 깊은 제목", "## Helm {{ .Values.x }}",
    "<h2>html 제목</h2>", "| a | b |\n|---|---|\n| 1 | 2 |", "![그림](/a.svg)", "## 한글 제목 — 대시",
  );
  fc.assert(
    fc.property(fc.array(block, { maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (blocks, depth) => {
      const markdown = blocks.join("\n\n");
      const full = buildToc(collectHeadings(md.parse(markdown, {})), depth);
      assert.deepEqual(extractToc(md, markdown, depth), full, JSON.stringify(markdown));
    }),
    { numRuns: 600, seed: 5 },
  );
});
