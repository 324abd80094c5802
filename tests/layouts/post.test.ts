import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { parseHTML } from "linkedom";
import { buildPost, type Post } from "../../src/content/post.ts";
import type { TocEntry } from "../../src/markdown/toc.ts";
import { PostPage } from "../../src/layouts/post.tsx";
import { renderDocument } from "../../src/layouts/render.ts";
import { site } from "../../src/site.ts";

function makePost(frontMatter: Record<string, unknown>): Post {
  const result = buildPost({
    inputPath: "posts/2021-04-13-kubernetes-intro.md",
    frontMatter: { title: "Kubernetes intro", categories: ["devops"], ...frontMatter },
    body: "본문",
    site,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.post;
}

const toc: TocEntry[] = [
  { id: "introduction", text: "Introduction", level: 2, children: [{ id: "container", text: "Container", level: 3, children: [] }] },
];

function render(post: Post, entries?: TocEntry[]) {
  const html = renderDocument(PostPage({ post, content: "<h2 id=\"introduction\">Introduction</h2>", toc: entries }));
  return parseHTML(html).document;
}

test("a post with a TOC marks its article so the stylesheet can put the TOC in a sidebar", () => {
  const document = render(makePost({ toc: true, toc_sticky: true }), toc);
  const article = document.querySelector("article.post");
  assert.ok(article?.classList.contains("post--with-toc"));
  assert.ok(article?.querySelector(".post__body > nav.toc.toc--sticky"), "the sticky TOC sits in the post body");
});

test("a post without a TOC keeps the single-column article", () => {
  const document = render(makePost({}), []);
  const article = document.querySelector("article.post");
  assert.ok(article);
  assert.equal(article.classList.contains("post--with-toc"), false);
  assert.equal(document.querySelector("nav.toc"), null);
});

test("the stylesheet stays within its 30 KB budget (issue 5)", () => {
  const bytes = statSync(new URL("../../assets/css/opsnote.css", import.meta.url)).size;
  assert.ok(bytes <= 30 * 1024, `assets/css/opsnote.css is ${bytes} bytes`);
});
