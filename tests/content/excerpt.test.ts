import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { createBaseMarkdown } from "../../src/markdown/base-markdown.ts";
import { PostPage } from "../../src/layouts/post.tsx";
import { renderDocument } from "../../src/layouts/render.ts";
import { site as siteSettings } from "../../src/site.ts";
import { extractExcerpt, truncateText } from "../../src/content/excerpt.ts";
import { buildPost } from "../../src/content/post.ts";

const CASES: [string, string, string][] = [
  ["first paragraph, after a heading, as plain text", "# 소개\n\n`kubectl`로 **클러스터**를 [둘러본다](https://k8s.io).\n\n둘째 문단", "kubectl로 클러스터를 둘러본다."],
  ["text before <!--more--> (several paragraphs)", "첫 문단.\n\n둘째 문단.\n<!--more-->\n셋째 문단.", "첫 문단. 둘째 문단."],
  ["<!--more--> inside a code fence is code, not a marker", "```html\n<!--more-->\n```\n\n본문 첫 문단.", "본문 첫 문단."],
  ["a fence before the first paragraph is skipped", "```yaml\nkey: {{ .Values.x }}\n```\n\n설명 문단.", "설명 문단."],
  ["soft line breaks become spaces", "한 줄\n두 줄", "한 줄 두 줄"],
  ["an image keeps its alt text", "![구성도](/a.svg) 설명", "구성도 설명"],
  ["no paragraph at all", "## 제목만", ""],
  // The page's emphasis rule (CJK-friendly): bold before a particle is bold, so no `**` is left.
  ["Korean emphasis before a particle", '**"인그레스"**는 *외부* 트래픽을 **서비스**로 보낸다.', '"인그레스"는 외부 트래픽을 서비스로 보낸다.'],
  ["Korean emphasis before <!--more-->", '**"인그레스"**는 요약.\n<!--more-->\n본문', '"인그레스"는 요약.'],
];

for (const [name, markdown, expected] of CASES) {
  test(`excerpt: ${name}`, () => assert.equal(extractExcerpt(markdown), expected));
}

test("excerpt with the emoji setting: the page's 📝, not `:memo:`, with or without <!--more-->; off, the text", () => {
  const first = ":memo:문제는 `:memo:` 코드와 root:x:0:0 다음.\n\n둘째";
  assert.equal(extractExcerpt(first, { emoji: true }), "📝문제는 :memo: 코드와 root:x:0:0 다음.");
  assert.equal(extractExcerpt(`${first}\n<!--more-->\n셋째`, { emoji: true }), "📝문제는 :memo: 코드와 root:x:0:0 다음. 둘째");
  assert.equal(extractExcerpt(first), ":memo:문제는 :memo: 코드와 root:x:0:0 다음.");
  const site = { timeZone: "Asia/Seoul", permalink: "/:title/", emoji: true };
  const built = buildPost({ inputPath: "posts/2021-01-01-a.md", frontMatter: {}, body: ":warning: 주의", site });
  assert.ok(built.ok);
  assert.equal(built.post.excerpt, "⚠️ 주의", "buildPost reads the site's setting");
});

test("the `excerpt` key wins over the body; every post gets an excerpt", () => {
  const site = { timeZone: "Asia/Seoul", permalink: "/:title/" };
  const withKey = buildPost({ inputPath: "posts/2021-01-01-a.md", frontMatter: { excerpt: "직접 쓴 요약" }, body: "본문 첫 문단.", site });
  const withoutKey = buildPost({ inputPath: "posts/2021-01-01-b.md", frontMatter: {}, body: "본문 첫 문단.\n\n둘째.", site });
  assert.ok(withKey.ok && withoutKey.ok);
  assert.equal(withKey.post.excerpt, "직접 쓴 요약");
  assert.equal(withoutKey.post.excerpt, "본문 첫 문단.");
});

test("truncateText cuts at a word boundary and counts characters, not UTF-16 units", () => {
  assert.equal(truncateText("짧은 글", 160), "짧은 글");
  const cut = truncateText("쿠버네티스 ".repeat(40).trim(), 20);
  assert.ok([...cut].length <= 20, cut);
  assert.match(cut, /쿠버네티스…$/);
});

/**
 * The oracle for posts without `<!--more-->`: markdown-it's full parse, then the first paragraph
 * with text, which is what extractExcerpt computed before it parsed only the paragraphs it reads.
 */
function firstParagraphByFullParse(markdown: string): string {
  const tokens = createBaseMarkdown().parse(markdown, {});
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i + 1]?.type !== "inline") continue;
    const text = (tokens[i + 1]!.children ?? [])
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "image" ? c.children?.map((x) => x.content).join("") ?? "" : ""))
      .join("")
      .normalize("NFC").replace(/^\{:[^}]*\}$/gm, "").replace(/\{:[^}\n]*\}/g, "").replace(/\s+/g, " ").trim();
    if (text !== "") return text;
  }
  return "";
}

test("without <!--more-->, the excerpt equals the first paragraph of a full parse (random posts)", () => {
  const block = fc.constantFrom(
    "# 제목", "## 설치 `kubectl`", "", "   ", "```yaml\nkey: 1\n```", "    indented code", "> 인용 문단", "- 목록 *항목*\n- 둘째",
    "1. 하나\n2. 둘", "<div>\nhtml 블록\n</div>", "<!-- 주석 -->", "---", "| a | b |\n|---|---|\n| 1 | 2 |", "[참조]: https://example.kr",
    "[링크][참조] 문단", "\\*별표\\* 이스케이프와 \\# 샵", "![그림](/a.svg) 설명", "**굵게** 와 _기울임_", "{: .notice--info}", "줄1\r\n줄2", "널\0문자",
    "`코드` 만", "  두 칸 들여쓴 문단", "<span>인라인 html</span> 텍스트", "https://k8s.io 자동 링크 아님",
  );
  fc.assert(
    fc.property(fc.array(block, { maxLength: 8 }), fc.constantFrom("\n\n", "\n", "\r\n\r\n"), (blocks, separator) => {
      const markdown = blocks.join(separator);
      assert.equal(extractExcerpt(markdown), firstParagraphByFullParse(markdown), JSON.stringify(markdown));
    }),
    { numRuns: 1500, seed: 11 },
  );
});

test("the meta description, og:description and JSON-LD of a post starting with **\"인그레스\"**는 are plain text", () => {
  const built = buildPost({
    inputPath: "posts/2021-01-01-ingress.md", frontMatter: { title: "인그레스" }, body: '**"인그레스"**는 서비스를 외부에 노출한다.\n', site: siteSettings,
  });
  assert.ok(built.ok);
  const { document } = parseHTML(renderDocument(PostPage({ post: built.post, content: "<p>본문</p>" })));
  const expected = '"인그레스"는 서비스를 외부에 노출한다.';
  assert.equal(document.querySelector('meta[name="description"]')?.getAttribute("content"), expected);
  assert.equal(document.querySelector('meta[property="og:description"]')?.getAttribute("content"), expected);
  const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as { description?: string };
  assert.equal(jsonLd.description, expected);
});

test("with both excerpt (Hugo's summary) and description, the meta description is the description and the lists show the excerpt, as Minimal Mistakes and PaperMod do", () => {
  const built = buildPost({
    inputPath: "posts/2021-01-01-ingress.md", frontMatter: { title: "인그레스", excerpt: "목록에 보일 요약", description: "검색 결과에 보일 설명" }, body: "본문\n", site: siteSettings,
  });
  assert.ok(built.ok);
  assert.equal(built.post.excerpt, "목록에 보일 요약");
  const { document } = parseHTML(renderDocument(PostPage({ post: built.post, content: "<p>본문</p>" })));
  assert.equal(document.querySelector('meta[name="description"]')?.getAttribute("content"), "검색 결과에 보일 설명");
  assert.equal(document.querySelector('meta[property="og:description"]')?.getAttribute("content"), "검색 결과에 보일 설명");
  const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as { description?: string };
  assert.equal(jsonLd.description, "검색 결과에 보일 설명");
  const only = buildPost({ inputPath: "posts/2021-01-01-x.md", frontMatter: { title: "x", excerpt: "요약만" }, body: "본문\n", site: siteSettings });
  assert.ok(only.ok);
  assert.equal(only.post.description, undefined);
  assert.equal(parseHTML(renderDocument(PostPage({ post: only.post, content: "" }))).document.querySelector('meta[name="description"]')?.getAttribute("content"), "요약만");
});
