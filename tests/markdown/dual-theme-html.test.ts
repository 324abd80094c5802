import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createHighlighter } from "shiki";
import { LANGUAGES, THEMES } from "../../src/markdown/highlight.ts";
import { createDualThemeRenderer } from "../../src/markdown/dual-theme-html.ts";
import { parseHTML } from "linkedom";
import { generatePost } from "../../scripts/bench/corpus.ts";

const shiki = await createHighlighter({ themes: Object.values(THEMES), langs: [...LANGUAGES] });
const fast = createDualThemeRenderer(shiki, { themes: THEMES });
const shikiHtml = (code: string, lang: string) => shiki.codeToHtml(code, { lang, themes: THEMES, defaultColor: false });
/** shiki's own output with token styles as classes: what the fast path must produce byte for byte. */
const reference = (code: string, lang: string) => fast.replaceStyles(shikiHtml(code, lang));

/** Every fenced block of the first posts of the bench corpus, with the fence name as written. */
function corpusBlocks(posts: number): { code: string; lang: string }[] {
  const blocks: { code: string; lang: string }[] = [];
  for (let i = 0; i < posts; i++) {
    for (const match of generatePost(11, i).text.matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm)) {
      blocks.push({ code: match[2]!, lang: match[1]! });
    }
  }
  return blocks;
}

test("matches shiki's codeToHtml on every block of 120 corpus posts", () => {
  const blocks = corpusBlocks(120);
  assert.ok(blocks.length > 400, `expected many blocks, got ${blocks.length}`);
  for (const { code, lang } of blocks) {
    const html = fast.render(code, lang);
    assert.equal(html, reference(code, lang), `${lang}:\n${code}`);
    // Every colour the themes give comes from the palette: no token keeps an inline style.
    assert.ok(!html.includes(" style="), `an inline style is left in ${lang}:\n${html}`);
  }
});

/** Declarations of each token span: from its style attribute, or from the stylesheet rules of its classes. */
function tokenDeclarations(html: string, rules: Map<string, string[]>): string[][] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll("pre.shiki span.line > span")].map((span) => {
    const inline = (span.getAttribute("style") ?? "").split(";").filter((d) => d !== "" && !d.endsWith(":inherit"));
    const fromClasses = [...span.classList].flatMap((name) => {
      const declarations = rules.get(`.shiki .${name}`);
      assert.ok(declarations, `no rule for class ${name}`);
      return declarations;
    });
    return [...inline, ...fromClasses].sort();
  });
}

test("the classes and the generated stylesheet give every token exactly shiki's colours and font styles", () => {
  // The stylesheet, read by a CSS parser (linkedom's CSSOM): selector -> declarations.
  const { document } = parseHTML(`<!doctype html><html><head><style>${fast.stylesheet}</style></head></html>`);
  const sheet = (document.querySelector("style") as unknown as { sheet: { cssRules: ArrayLike<{ selectorText: string; style: { cssText: string } }> } }).sheet;
  const rules = new Map<string, string[]>();
  for (const rule of Array.from(sheet.cssRules)) {
    assert.ok(!rules.has(rule.selectorText), `${rule.selectorText} is defined twice`);
    rules.set(rule.selectorText, rule.style.cssText.split(";").map((d) => d.trim().replace(/:\s+/, ":")).filter((d) => d !== ""));
  }
  assert.deepEqual(rules.get(".shiki")?.sort(), ["--shiki-dark-bg:#24292e", "--shiki-dark:#e1e4e8", "--shiki-light-bg:#fff", "--shiki-light:#24292e"]);
  let tokens = 0;
  for (const { code, lang } of [...corpusBlocks(30), ...EDGE_CASES.map(([lang, code]) => ({ lang, code }))]) {
    const expected = tokenDeclarations(shikiHtml(code, lang), new Map());
    assert.deepEqual(tokenDeclarations(fast.render(code, lang), rules), expected, `${lang}:\n${code}`);
    tokens += expected.length;
  }
  assert.ok(tokens > 1000, `compared only ${tokens} tokens`);
});

const EDGE_CASES: [string, string][] = [
  ["yaml", ""],
  ["yaml", "\n\n"],
  ["yaml", "key: value   \n\n  # 주석 <b>&amp;</b>\nlist:\n\t- \"a\"\n"],
  ["shellscript", "echo \"$HOME\" > /tmp/x && cat <<'EOF'\n  <tag> & 'quote'\nEOF\n   "],
  ["shellsession", "$ kubectl get po\r\nNAME   READY\r\n$ echo 한글 😀"],
  ["json", "{\"a\": [1, 2.5e3, true, null], \"k\\\"q\": \"<script>\"}"],
  ["go", "package main\n\n/* block\n comment */\nfunc main() { fmt.Println(`raw\nstring`) }"],
  ["python", "@decorator\nclass A(B):\n    \"\"\"doc\n    string\"\"\"\n    def f(self, *a, **k) -> None: ...\n"],
  ["hcl", "resource \"x\" \"y\" {\n  a = \"${var.b}\"\n  c = <<EOT\nheredoc\nEOT\n}"],
  ["docker", "FROM node:20 AS build\nRUN echo \\\n  continued\nENTRYPOINT [\"a\", \"b\"]"],
  ["markdown", "# Title\n\n*em* **strong** ~~del~~ `code`\n\n```yaml\na: 1\n```"],
  ["html", "<div class=\"x\" onclick=\"f()\">&nbsp;<script>let a = 1 < 2;</script><style>a{color:red}</style></div>"],
  ["diff", "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new"],
  ["text", "plain <text> & stuff"],
];

test("matches shiki's codeToHtml on edge cases (empty, blank lines, CRLF, escapes, embedded languages)", () => {
  for (const [lang, code] of EDGE_CASES) assert.equal(fast.render(code, lang), reference(code, lang), `${lang}: ${JSON.stringify(code)}`);
});

test("matches shiki's codeToHtml on random text in every loaded language", () => {
  const alphabet = fc.constantFrom(..."ab019 \t\n{}[]()<>&\"'`$#:;=-*/\\.,@%한글".split(""));
  fc.assert(
    fc.property(fc.constantFrom(...LANGUAGES), fc.string({ unit: alphabet, maxLength: 80 }), (lang, code) => {
      assert.equal(fast.render(code, lang), reference(code, lang));
    }),
    { numRuns: 400, seed: 7 },
  );
});
