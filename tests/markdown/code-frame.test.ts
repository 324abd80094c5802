import { before, test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { takeLeadingText } from "../../src/markdown/code-frame.ts";

let md: MarkdownIt;
before(async () => {
  md = createMarkdown({ highlighter: await getCodeHighlighter() });
});

function blockOf(markdown: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${md.render(markdown)}</body></html>`);
  const block = document.querySelector(".code-block");
  assert.ok(block, "no .code-block");
  return block;
}

const lineClasses = (block: Element) => [...block.querySelectorAll("span.line")].map((line) => line.getAttribute("class"));

test("takeLeadingText splits across tokens and counts an entity as one character", () => {
  assert.deepEqual(takeLeadingText('<span a>$</span><span b> ls &#x26;&#x26; x</span>', 2), {
    taken: "$ ",
    rest: "<span b>ls &#x26;&#x26; x</span>",
  });
  assert.deepEqual(takeLeadingText("<span>&#x3C;x</span>", 1), { taken: "<", rest: "<span>x</span>" });
});

test("header shows the title and the language; the block is titled for the Jekyll path too", () => {
  const block = blockOf('```yaml title="deployment.yaml"\na: 1\n```');
  assert.equal(block.querySelector(".code-block__header .code-block__title")?.textContent, "deployment.yaml");
  assert.equal(block.querySelector(".code-block__header .code-block__lang")?.textContent, "yaml");
  assert.equal(block.getAttribute("data-title"), "deployment.yaml");
});

test("a fence named after a file (```kind-cluster.yaml) is highlighted by its extension and titled with the name", () => {
  const named = blockOf("```kind-cluster.yaml\nkind: Cluster\n```");
  const plain = blockOf('```yaml title="kind-cluster.yaml"\nkind: Cluster\n```');
  assert.equal(named.outerHTML, plain.outerHTML, "the same block as the language and title written out");
  assert.ok(named.querySelector("span.line span[class]"), "highlighted (token classes), not plain text");
  // A name whose extension is no language, and a language name with no dot, stay as they were.
  assert.equal(blockOf("```Dockerfile.dev\nFROM x\n```").querySelector(".code-block__title"), null);
  assert.equal(blockOf("```yaml\na: 1\n```").querySelector(".code-block__title"), null);
});

test("line highlights from the meta and notation classes land on the right lines; the comments are gone", () => {
  const block = blockOf("```yaml {1}\na: 1 # [!code --]\na: 2 # [!code ++]\nb: 3 # [!code highlight]\nc: 4\n```");
  assert.deepEqual(lineClasses(block), ["line highlighted diff remove", "line diff add", "line highlighted", "line"]);
  assert.ok(!(block.textContent ?? "").includes("[!code"));
  const pre = block.querySelector("pre")!;
  assert.ok(pre.classList.contains("has-diff") && pre.classList.contains("has-highlighted"));
});

test("the highlighter sees the code without notation comments (cache key is clean code)", async () => {
  const highlighter = await getCodeHighlighter();
  const seen: string[] = [];
  const spy = createMarkdown({ highlighter: { ...highlighter, highlight: (code, lang) => (seen.push(code), highlighter.highlight(code, lang)) } });
  spy.render("```js\nx() // [!code ++]\n```");
  assert.deepEqual(seen, ["x()"]);
});

test("line numbers are a CSS counter started from the meta's first line", () => {
  const block = blockOf("```bash showLineNumbers{7}\nls\n```");
  assert.ok(block.classList.contains("code-block--numbered"));
  assert.equal(block.getAttribute("style"), "counter-reset:line 6");
  assert.equal(blockOf("```bash linenos\nls\n```").getAttribute("style"), null);
});

test("console: prompts are unselectable spans hidden from screen readers; output lines are marked", () => {
  const block = blockOf("```console\n$ kubectl get pods\nNAME READY\nroot@web:/# ls\n```");
  assert.equal(block.getAttribute("data-copy"), "commands");
  const prompts = [...block.querySelectorAll(".prompt")];
  assert.deepEqual(prompts.map((p) => [p.textContent, p.getAttribute("aria-hidden")]), [["$ ", "true"], ["root@web:/# ", "true"]]);
  assert.deepEqual(lineClasses(block), ["line", "line output", "line"]);
  assert.equal(block.querySelector("pre code")!.textContent, "$ kubectl get pods\nNAME READY\nroot@web:/# ls", "text intact");
});

test("a block without a language has an empty label and no data-copy", () => {
  const block = blockOf("```\nplain\n```");
  assert.equal(block.getAttribute("data-lang"), "");
  assert.equal(block.querySelector(".code-block__lang"), null);
  assert.equal(block.getAttribute("data-copy"), null);
});
