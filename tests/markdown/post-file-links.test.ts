/**
 * `./x.md` links become the target post's URL in the rendered page, keeping the anchor; targets
 * that are no post, and every other kind of link, stay as written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseHTML } from "linkedom";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { POST_FILE_URL, type PostFileUrl } from "../../src/markdown/post-file-links.ts";
import { plainHighlighter } from "../helpers/render-fixtures.ts";

const POSTS = "/blog/posts";
const URLS: Record<string, string> = {
  "2021-04-13-kubernetes-intro.md": "/devops/kubernetes-intro/",
  "other/x.md": "/devops/x/",
  "other/설치 노트.md": "/devops/설치-노트/",
};
const resolve: PostFileUrl = (from, target) => URLS[path.relative(POSTS, path.resolve(path.dirname(from), target)).normalize("NFC")];

function hrefs(markdown: string, env: Record<string, unknown>): string[] {
  const md = createMarkdown({ highlighter: plainHighlighter });
  const { document } = parseHTML(`<main>${md.render(markdown, env)}</main>`);
  return [...document.querySelectorAll("a")].map((a) => decodeURIComponent(a.getAttribute("href")!));
}

test("relative .md links become the post's URL with the anchor; others stay as written", () => {
  const env = { page: { inputPath: `${POSTS}/sub/2021-05-01-helm.md` }, [POST_FILE_URL]: resolve };
  const cases: [markdown: string, href: string][] = [
    ["[글](../2021-04-13-kubernetes-intro.md)", "/devops/kubernetes-intro/"],
    ["[글](../other/x.md#설치)", "/devops/x/#설치"],
    // Written decomposed (NFD, as macOS does) and percent-encoded: the same post and anchor.
    [`[글](../other/x.md#${"설치".normalize("NFD")})`, "/devops/x/#설치"],
    ["[글](<../other/설치 노트.md>)", "/devops/설치-노트/"],
    ["[글](../other/%EC%84%A4%EC%B9%98%20%EB%85%B8%ED%8A%B8.md#a)", "/devops/설치-노트/#a"],
    ["[글](./no-such-post.md#a)", "./no-such-post.md#a"],
    ["[글](https://example.com/README.md)", "https://example.com/README.md"],
    ["[글](/docs/x.md)", "/docs/x.md"],
    ["[글](#설치)", "#설치"],
  ];
  for (const [markdown, href] of cases) assert.deepEqual(hrefs(markdown, env), [href], markdown);
});

test("without a resolver in the page data (check's parse, plain markdown) nothing is rewritten", () => {
  assert.deepEqual(hrefs("[글](./2021-04-13-kubernetes-intro.md)", { page: { inputPath: `${POSTS}/a.md` } }), ["./2021-04-13-kubernetes-intro.md"]);
});
