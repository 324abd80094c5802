/**
 * The markup the reader's scripts and the search index rely on, checked on rendered pages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { buildPost, type Post } from "../../src/content/post.ts";
import { PostPage } from "../../src/layouts/post.tsx";
import { renderDocument } from "../../src/layouts/render.ts";
import { site } from "../../src/site.ts";
import { strings } from "../../src/ui/strings.ts";

function makePost(frontMatter: Record<string, unknown>): Post {
  const result = buildPost({
    inputPath: "posts/2024-05-01-helm.md",
    frontMatter: { title: "Helm 차트 기초", ...frontMatter },
    body: "본문",
    site,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.post;
}

const render = (post: Post) => parseHTML(renderDocument(PostPage({ post, content: "<p>본문</p>" }))).document;

test("a published post marks its article for the search index and its title as the result title", () => {
  const document = render(makePost({}));
  assert.ok(document.querySelector("article.post[data-pagefind-body]"));
  assert.equal(document.querySelector("[data-pagefind-meta=title]")?.textContent, "Helm 차트 기초");
});

test("a draft (shown only in the preview) is never indexed", () => {
  assert.equal(render(makePost({ draft: true })).querySelector("[data-pagefind-body]"), null);
});

test("the theme script is an external, blocking script in <head>; the page script is a deferred module", () => {
  const document = render(makePost({}));
  const scripts = [...document.head.querySelectorAll("script[src]")].map((s) => [s.getAttribute("src"), s.getAttribute("type"), s.hasAttribute("async") || s.hasAttribute("defer")]);
  assert.deepEqual(scripts, [["/assets/js/theme-init.js", null, false], ["/assets/js/site.js", "module", false]]);
});

test("the UI strings reach the page as JSON in a data attribute, with no inline <script>", () => {
  const document = render(makePost({}));
  const holder = document.getElementById("opsnote-ui");
  assert.ok(holder?.hasAttribute("hidden"));
  assert.deepEqual(JSON.parse(holder!.getAttribute("data-strings")!), strings.client);
  // BlogPosting and BreadcrumbList: data, not code.
  assert.deepEqual([...document.querySelectorAll("script:not([src])")].map((s) => s.getAttribute("type")), ["application/ld+json", "application/ld+json"]);
});

test("the header has a search button (with its / shortcut) and a theme button; the search dialog is closed", () => {
  const document = render(makePost({}));
  assert.equal(document.querySelector("[data-search-open]")?.getAttribute("aria-keyshortcuts"), "/");
  assert.ok(document.querySelector("button[data-theme-toggle][aria-label]"));
  const dialog = document.querySelector("dialog#search-dialog");
  assert.ok(dialog && !dialog.hasAttribute("open"));
  assert.ok(dialog.querySelector("label[for=search-input]") && dialog.querySelector("input#search-input"));
});

test("a scheduled post (dated in the future, shown only in the preview) is never indexed", () => {
  assert.equal(render(makePost({ date: "2999-01-01" })).querySelector("[data-pagefind-body]"), null);
});
