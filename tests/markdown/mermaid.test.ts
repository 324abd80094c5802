/**
 * Mermaid fences: fixture pairs (tests/markdown/fixtures/mermaid) and what they stand for: the
 * source stays in the page, escaped and never highlighted, and the page is marked for the loader.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseHTML } from "linkedom";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { isMermaidFence } from "../../src/markdown/mermaid.ts";
import { pageFeaturesOf } from "../../src/markdown/page-features.ts";
import { collectCodeBlocks } from "../../src/markdown/prefill-highlight-cache.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import type { CodeHighlighter } from "../../src/markdown/highlight.ts";
import { plainHighlighter, testFixtures } from "../helpers/render-fixtures.ts";

await testFixtures(path.join(import.meta.dirname, "fixtures", "mermaid"), (markdown, file) => {
  const diagnostics: Diagnostic[] = [];
  const md = createMarkdown({ highlighter: plainHighlighter, report: (d) => diagnostics.push(d) });
  return { html: md.render(markdown, { page: { inputPath: file } }), diagnostics };
});

test("isMermaidFence: the name, any case, with or without meta", () => {
  assert.deepEqual(["mermaid", "Mermaid", " MERMAID title=x", "mermaidjs", "mermaid-js", "yaml", ""].map(isMermaidFence),
    [true, true, true, false, false, false, false]);
});

test("isMermaidFence: jekyll-spaceship's `mermaid!` (YAT's posts) is a diagram too", () => {
  // taeyeonkim2's YAT blog: its ```mermaid! fence was shown as plain code with an "unknown code language" warning.
  assert.deepEqual(["mermaid!", "Mermaid! title=x", "mermaid!!", "plantuml!"].map(isMermaidFence), [true, true, false, false]);
  const html = createMarkdown({ highlighter: plainHighlighter }).render("```mermaid!\ngraph TD; A-->B\n```\n", {});
  assert.equal(parseHTML(html).document.querySelector("pre.mermaid")?.textContent, "graph TD; A-->B\n");
});

test("the diagram's source is kept as text, escaped, and never reaches the highlighter", () => {
  const highlighted: string[] = [];
  // A highlighter that knows every language (as shiki does, `mermaid` included) and records its calls.
  const everything: CodeHighlighter = { ...plainHighlighter, resolveLanguage: (name) => name || "text", highlight: (code, language) => {
    highlighted.push(language);
    return plainHighlighter.highlight(code, language);
  } };
  const diagnostics: Diagnostic[] = [];
  const md = createMarkdown({ highlighter: everything, report: (d) => diagnostics.push(d) });
  const source = 'flowchart LR\n  A["<script>alert(1)</script>"] --> B{{ .Values.x }}\n';
  const env = {};
  const html = md.render(`\`\`\`mermaid\n${source}\`\`\`\n\n\`\`\`yaml\nk: v\n\`\`\`\n`, env);
  const document = parseHTML(`<main>${html}</main>`).document;
  const pre = document.querySelector("pre.mermaid")!;
  assert.equal(pre.textContent, source);
  assert.equal(pre.querySelector("script, code"), null, "text only: no element inside");
  assert.deepEqual(highlighted, ["yaml"]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(pageFeaturesOf(env), { mermaid: true });
});

test("a page without a diagram is not marked", () => {
  const env = {};
  createMarkdown({ highlighter: plainHighlighter }).render("```js\nmermaid()\n```\n\nmermaid", env);
  assert.deepEqual(pageFeaturesOf(env), {});
});

test("the cold-build highlighting scan skips diagrams (they are never highlighted)", () => {
  const md = createMarkdown({ highlighter: plainHighlighter });
  const blocks = collectCodeBlocks(md, "```mermaid\ngraph TD\n```\n\n```yaml\nk: v\n```\n", plainHighlighter);
  assert.deepEqual(blocks.map((b) => b.language), ["yaml"]);
});

test("a kramdown attribute list after the fence keeps its class and id on the diagram", () => {
  const html = createMarkdown({ highlighter: plainHighlighter }).render("```mermaid\ngraph TD\n```\n{: .center #flow}\n", {});
  const pre = parseHTML(`<main>${html}</main>`).document.querySelector("pre")!;
  assert.equal(pre.getAttribute("class"), "mermaid center");
  assert.equal(pre.id, "flow");
  assert.equal(pre.textContent, "graph TD\n");
});
