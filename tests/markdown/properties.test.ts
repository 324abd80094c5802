/**
 * Property-based tests of the markdown pipeline: random markdown made of Hangul, fences, braces,
 * headings and HTML never throws, always yields unique non-empty heading ids, and every TOC link
 * has a target on the page.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import type { TocEntry } from "../../src/markdown/toc.ts";

const highlighter = await getCodeHighlighter();
const md = createMarkdown({ highlighter });

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((cp) => String.fromCodePoint(cp));
const piece = fc.oneof(
  fc.stringMatching(/^[\p{L}\p{N} ]{0,12}$/u),
  fc.array(hangul, { minLength: 1, maxLength: 8 }).map((chars) => chars.join("")),
  fc.constantFrom("{{ .Values.image.tag }}", "${{ secrets.TOKEN }}", "{% raw %}", "{% for x in y %}", "`kubectl`",
    "**굵게**", "<span>", "</div>", "&amp;", "🚀", "!!!", "?", "#", "---", "C++", "CI/CD", "쿠버네티스".normalize("NFD")),
);
const inline = fc.array(piece, { minLength: 0, maxLength: 5 }).map((parts) => parts.join(" "));
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, text]) => `${"#".repeat(level)} ${text}`),
  inline,
  fc.tuple(fc.constantFrom("yaml", "bash", "console", "kubectl", "YAML", "", "tf"), inline)
    .map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``),
  inline.map((text) => `> ${text}`),
  inline.map((text) => `- ${text}\n  - ${text}`),
  inline.map((text) => `<div>${text}</div>`),
);
const documents = fc.array(block, { minLength: 0, maxLength: 12 }).map((blocks) => blocks.join("\n\n"));

function flatten(entries: readonly TocEntry[]): TocEntry[] {
  return entries.flatMap((entry) => [entry, ...flatten(entry.children)]);
}

test("random markdown renders, with unique non-empty heading ids and a target for every TOC link", () => {
  fc.assert(
    fc.property(documents, (markdown) => {
      const html = md.render(markdown, {});
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      const headingIds = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => h.getAttribute("id"));
      for (const id of headingIds) assert.ok(id !== null && id !== "", `heading without id in:\n${markdown}`);
      assert.equal(new Set(headingIds).size, headingIds.length, `duplicate heading ids in:\n${markdown}`);
      for (const entry of flatten(extractToc(md, markdown, 6))) {
        assert.ok(headingIds.includes(entry.id), `TOC link #${entry.id} has no target in:\n${markdown}`);
      }
    }),
    { numRuns: 300 },
  );
});

test("a body never gets an h1: the post title is the page's only h1", () => {
  fc.assert(
    fc.property(documents, (markdown) => {
      const { document } = parseHTML(`<!doctype html><html><body>${md.render(markdown, {})}</body></html>`);
      assert.equal(document.querySelectorAll("h1").length, 0);
    }),
    { numRuns: 200 },
  );
});
