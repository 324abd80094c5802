import { test } from "node:test";
import assert from "node:assert/strict";
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
];

for (const [name, markdown, expected] of CASES) {
  test(`excerpt: ${name}`, () => assert.equal(extractExcerpt(markdown), expected));
}

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
