/**
 * The layout's own ids (LAYOUT_IDS) against a real post page: the list must name every id the
 * layout emits, and a post whose headings spell those ids must still give a page with unique ids.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { buildPost, type Post } from "../../src/content/post.ts";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { PostPage } from "../../src/layouts/post.tsx";
import { renderDocument } from "../../src/layouts/render.ts";
import { site } from "../../src/site.ts";
import { LAYOUT_IDS } from "../../src/slug/reserved-ids.ts";
import { plainHighlighter } from "../helpers/render-fixtures.ts";

const md = createMarkdown({ highlighter: plainHighlighter });

function postWithToc(): Post {
  const result = buildPost({
    inputPath: "posts/2021-04-13-ids.md",
    frontMatter: { title: "ids", toc: true, toc_sticky: true },
    body: "본문",
    site,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.post;
}

function renderPage(markdown: string) {
  const html = renderDocument(PostPage({ post: postWithToc(), content: md.render(markdown, {}), toc: extractToc(md, markdown, 3) }));
  return parseHTML(html).document;
}

const idsOf = (document: Document) => [...document.querySelectorAll("[id]")].map((element) => element.id);

test("LAYOUT_IDS is exactly the set of ids a post page's layout emits", () => {
  // One heading, so the TOC (and its title) is there; the body's own ids are set apart.
  const markdown = "## 개요\n\n본문\n";
  const bodyIds = new Set(idsOf(parseHTML(`<html><body>${md.render(markdown, {})}</body></html>`).document));
  const ids = idsOf(renderPage(markdown)).filter((id) => !bodyIds.has(id));
  assert.deepEqual([...new Set(ids)].sort(), [...LAYOUT_IDS].sort());
});

test("headings that spell the layout's ids get other ids: every id on the page is unique", () => {
  const markdown = LAYOUT_IDS.map((id) => `## ${id}\n\n문단\n`).join("\n");
  const ids = idsOf(renderPage(markdown));
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  assert.deepEqual(repeated, []);
  assert.ok(ids.includes("main-1"), ids.join(" "));
});
