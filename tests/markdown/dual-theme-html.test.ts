import { readFileSync } from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createHighlighter } from "shiki";
import { LANGUAGES, THEMES } from "../../src/markdown/highlight.ts";
import { TOKENIZE_OPTIONS, checkShikiInternals, createDualThemeRenderer } from "../../src/markdown/dual-theme-html.ts";
import { parseHTML } from "linkedom";
import { generatePost } from "../../scripts/bench/corpus.ts";

const shiki = await createHighlighter({ themes: Object.values(THEMES), langs: [...LANGUAGES] });
const fast = createDualThemeRenderer(shiki, { themes: THEMES });
// With the renderer's tokenize options: shiki's default 500 ms limit per line made this reference
// differ from the renderer whenever the machine paused either of them (the test failed under load).
const shikiHtml = (code: string, lang: string) => shiki.codeToHtml(code, { lang, themes: THEMES, defaultColor: false, ...TOKENIZE_OPTIONS });
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

/** Grammars loaded on demand (not preloaded): the one-tokenization path must match shiki on them too. */
const ON_DEMAND = ["cpp", "scala", "ruby", "viml", "tsx", "jsx", "terraform", "kotlin", "lua", "php", "swift", "csharp"];

test("matches shiki's codeToHtml on random text in grammars loaded on demand", async () => {
  await shiki.loadLanguage(...(ON_DEMAND as Parameters<typeof shiki.loadLanguage>));
  const alphabet = fc.constantFrom(..."ab019 \t\n{}[]()<>&\"'`$#:;=-*/\\.,@%!?|한글".split(""));
  fc.assert(
    fc.property(fc.constantFrom(...ON_DEMAND), fc.string({ unit: alphabet, maxLength: 80 }), (lang, code) => {
      assert.equal(fast.render(code, lang), reference(code, lang));
    }),
    { numRuns: 300, seed: 11 },
  );
  for (const [lang, code] of [
    ["cpp", "#include <vector>\ntemplate <typename T> T add(T a, T b) { return a + b; } // sum"],
    ["tsx", "export const A = ({ n }: { n: number }) => <div className=\"a\">{n > 1 ? <b>x</b> : null}</div>;"],
    ["ruby", "class A < B\n  def f(x) = \"#{x}\" # c\nend"],
    ["terraform", 'resource "aws_s3_bucket" "b" {\n  bucket = "${var.name}-logs"\n}'],
  ]) {
    assert.equal(fast.render(code!, lang!), reference(code!, lang!), lang);
  }
});

test("the output does not depend on the clock: a pause in the middle of a line changes nothing", (t) => {
  const code = 'apiVersion: v1\nkind: Pod # comment\nmetadata: { name: "web", labels: { app: web } }';
  const steady = fast.render(code, "yaml");
  let now = Date.now();
  // As if the process were descheduled for 300 ms between any two reads of the clock (a loaded CI
  // runner): with shiki's time limit, each line then stopped after its first token.
  t.mock.method(Date, "now", () => (now += 300));
  assert.equal(fast.render(code, "yaml"), steady);
  assert.equal(fast.render(code, "text"), fast.render(code, "text"));
  assert.equal(reference(code, "yaml"), steady);
});

test("a line too long to tokenize is left plain, as shiki leaves it", () => {
  const long = `key: ${"x".repeat(TOKENIZE_OPTIONS.tokenizeMaxLineLength)}`;
  const code = `a: 1\n${long}\nb: 2`;
  const html = fast.render(code, "yaml");
  assert.equal(html, reference(code, "yaml"));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines = [...document.querySelectorAll("span.line")];
  assert.equal(lines[1]!.querySelectorAll("span").length, 1, "the long line is one token");
  assert.ok(lines[0]!.querySelectorAll("span").length >= 2, "the short lines are still highlighted");
});

// shiki and its packages are pinned to exact versions (package.json) because this module reads
// vscode-textmate internals; an upgrade that changes them must fail here, naming what changed,
// rather than silently fall back to codeToHtml.
test("the shiki internals the renderer reads are all there, with the shapes it expects", () => {
  for (const language of LANGUAGES) {
    assert.deepEqual(checkShikiInternals(shiki, language), [], `shiki internals changed (language ${language}); see src/markdown/dual-theme-html.ts`);
  }
});

test("the one-tokenization path is taken for every preloaded language, not the codeToHtml fallback", (t) => {
  const spy = t.mock.method(shiki, "codeToHtml");
  const renderer = createDualThemeRenderer(shiki, { themes: THEMES });
  for (const language of LANGUAGES) renderer.render("a = 1 # x", language);
  assert.equal(spy.mock.callCount(), 0, "a grammar fell back to codeToHtml: a shiki internal changed (see checkShikiInternals)");
  renderer.render("plain", "text");
  assert.equal(spy.mock.callCount(), 1, "plain text does go through codeToHtml");
});

test("shiki and vscode-textmate are pinned to exact versions in package.json", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
  for (const name of ["shiki", "@shikijs/vscode-textmate"]) {
    assert.match(manifest.dependencies[name] ?? "", /^\d+\.\d+\.\d+$/, `${name} must be an exact version: src/markdown/dual-theme-html.ts reads its internals`);
  }
});
