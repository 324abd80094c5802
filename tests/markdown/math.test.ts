/**
 * Math: fixture pairs (tests/markdown/fixtures/math, front matter read as in the build so warnings
 * carry file lines) and the rules they stand for, asserted on parsed HTML.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import matter from "gray-matter";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { renderTex } from "../../src/markdown/math.ts";
import { pageFeaturesOf } from "../../src/markdown/page-features.ts";
import { createRenderCache } from "../../src/markdown/render-cache.ts";
import { openCachePack } from "../../src/markdown/cache-pack.ts";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { readFrontMatter } from "../../src/content/front-matter.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { plainHighlighter, testFixtures } from "../helpers/render-fixtures.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "math");

/** Renders a post file as the build does: front matter out, its keys in `env.frontMatter`. */
function renderPost(text: string, file: string, options: { math?: boolean } = {}) {
  const diagnostics: Diagnostic[] = [];
  const md = createMarkdown({ highlighter: plainHighlighter, report: (d) => diagnostics.push(d), ...options });
  const parsed = matter(text, { engines: { yaml: (yaml: string) => readFrontMatter(yaml, file) } });
  const data = parsed.data as { frontMatter?: Record<string, unknown>; frontMatterSource?: never };
  const env = { page: { inputPath: file }, frontMatter: data.frontMatter, frontMatterSource: data.frontMatterSource };
  const html = md.render(parsed.content, env);
  return { html, diagnostics, env, document: parseHTML(`<main>${html}</main>`).document };
}

await testFixtures(FIXTURES, (markdown, file) => renderPost(markdown, file));

const texOf = (element: Element) => element.querySelector("annotation[encoding='application/x-tex']")?.textContent?.trim();
const texts = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map(texOf);

test("block math: multi-line, one line, after a paragraph, in list items and quotes, \\[ \\]", () => {
  const { document, env } = renderPost(`$$
a^2
$$

$$ b $$

text
$$
c
$$

- item

  $$
  d
  $$
- $$ e $$

> $$
> f
> $$

\\[
g
\\]`, "posts/x.md");
  assert.deepEqual(texts(document, ".math-display"), ["a^2", "b", "c", "d", "e", "f", "g"]);
  assert.ok([...document.querySelectorAll(".math-display .katex-display")].length === 7, "KaTeX display mode");
  assert.equal(document.querySelector("li .math-display") !== null, true);
  assert.equal(document.querySelector("blockquote .math-display") !== null, true);
  assert.deepEqual(pageFeaturesOf(env), { math: true });
});

test("block math: an unclosed $$ or \\[ is text, and does not swallow what follows", () => {
  const { document, env } = renderPost("$$\nnot closed\n\n## Heading\n\n\\[ also not\n\nlast", "posts/x.md");
  assert.equal(document.querySelectorAll(".katex").length, 0);
  assert.ok(document.querySelector("h2")?.textContent?.startsWith("Heading"), "the heading after it is a heading");
  assert.deepEqual(pageFeaturesOf(env), {}, "no math: no KaTeX stylesheet");
});

test("inline $…$ only with the post's `math: true` (or `use_math: true`), or the site setting", () => {
  const body = "가격 $x + 1$는 값이다.";
  const inline = (text: string, options?: { math?: boolean }) => texts(renderPost(text, "posts/x.md", options).document, "p .katex");
  assert.deepEqual(inline(body), []);
  assert.deepEqual(inline(`---\nmath: true\n---\n${body}`), ["x + 1"]);
  assert.deepEqual(inline(`---\nuse_math: true\n---\n${body}`), ["x + 1"]);
  assert.deepEqual(inline(body, { math: true }), ["x + 1"], "site setting");
  assert.deepEqual(inline(`---\nmath: false\n---\n${body}`, { math: true }), [], "the post's `math: false` wins");
  assert.deepEqual(inline(`---\nuse_math: yes\n---\n${body}`), ["x + 1"], "YAML 1.1's yes, as Jekyll reads it");
  assert.deepEqual(inline(`---\nmath: off\n---\n${body}`, { math: true }), [], "and its off");
  assert.deepEqual(inline(`---\nmath:\n  enable: true\n---\n${body}`), ["x + 1"], "Hugo LoveIt's math: { enable: true }");
  assert.deepEqual(inline(`---\nmath:\n  enable: false\n---\n${body}`, { math: true }), [], "and its enable: false");
});

test("inline $…$ with the opt-in: shell variables, prices and code stay as written", () => {
  const cases: [string, string[]][] = [
    ["$HOME/$USER", []],
    ["$5 and $10", []],
    ["$5/$10", []],
    ["a $ b $ c", []],
    ["echo $PATH", []],
    ["$HOME 변수, PID는 $$이고", []],
    ["`$x$` and `$HOME`", []],
    ["\\$x\\$", []],
    ["$x$는 변수, $y_1$과 $z$.", ["x", "y_1", "z"]],
    ["**$E$**는 굵게", ["E"]],
    ["$a$, $b$!", ["a", "b"]],
  ];
  for (const [text, expected] of cases) {
    const { document } = renderPost(`---\nmath: true\n---\n${text}`, "posts/x.md");
    assert.deepEqual(texts(document, ".katex"), expected, text);
  }
  const { document } = renderPost("---\nmath: true\n---\n$HOME/$USER, `$HOME`", "posts/x.md");
  assert.equal(document.querySelector("p")?.textContent, "$HOME/$USER, $HOME");
});

test("Korean next to math: the particle after `$x$` and emphasis around a formula", () => {
  const { document } = renderPost("---\nmath: true\n---\n**$x$**는 굵고, *$y$*를 기울인다. $z$의 값.", "posts/x.md");
  assert.equal(texOf(document.querySelector("strong")!), "x");
  assert.equal(texOf(document.querySelector("em")!), "y");
  assert.ok(!(document.body.textContent ?? "").includes("**"), "no literal ** left");
  assert.ok(document.querySelector("p")!.innerHTML.includes("</span>의 값."));
});

test("\\( \\) and \\[ \\] inside a line, $$ … $$ inline, and Chirpy's \\$$ … $$ in a list", () => {
  const { document } = renderPost("\\(a\\) and \\[b\\] and $$c$$.\n\n- \\$$ d $$ item", "posts/x.md");
  assert.deepEqual(texts(document, "p > .katex"), ["a", "c"]);
  assert.deepEqual(texts(document, "p > .katex-display"), ["b"]);
  assert.deepEqual(texts(document, "li .katex"), ["d"]);
});

test("invalid TeX: the source with class math-error and one warning with file:line:col, never a throw", () => {
  const { document, diagnostics } = renderPost("---\nmath: true\n---\n\nok $x$ then\n> bad $\\nope{1}$ here\n\n$$\n\\frac{1}{\n$$\n", "posts/bad.md");
  const errors = [...document.querySelectorAll(".math-error")];
  assert.deepEqual(errors.map((e) => [e.tagName, e.textContent]), [["SPAN", "$\\nope{1}$"], ["PRE", "$$\n\\frac{1}{\n$$"]]);
  assert.deepEqual(diagnostics.map(formatDiagnostic), [
    'posts/bad.md:6:7 warning math: KaTeX cannot render "\\\\nope{1}": Undefined control sequence: \\nope at position 1; shown as source',
    'posts/bad.md:8:1 warning math: KaTeX cannot render "\\\\frac{1}{": Unexpected end of input in a macro argument, expected \'}\' at position 12; shown as source',
  ]);
  assert.ok(errors[0]!.getAttribute("title")?.includes("Undefined control sequence"), "the reader sees why on hover");
  assert.equal(texOf(document.querySelector(".katex")!), "x", "the valid formula still renders");
});

test("a page whose only formula is invalid does not load the KaTeX stylesheet", () => {
  const { env } = renderPost("$$\\nope$$", "posts/x.md");
  assert.deepEqual(pageFeaturesOf(env), {});
});

test("macros defined in one formula apply to the rest of the page only", () => {
  const md = createMarkdown({ highlighter: plainHighlighter });
  const page = (text: string) => parseHTML(`<main>${md.render(text, {})}</main>`).document;
  const first = page("$$\\gdef\\RR{\\mathbb{R}}$$\n\n$$\\RR^n$$");
  assert.equal(first.querySelectorAll(".math-error").length, 0);
  assert.equal(first.querySelectorAll(".math-display")[1]?.querySelector("mi[mathvariant=double-struck]")?.textContent, "R", "\\RR expanded to blackboard bold");
  assert.equal(page("$$\\RR^n$$").querySelectorAll(".math-error").length, 1, "another page does not inherit \\RR");
});

test("the render cache keeps the page's math flag on a cached render", () => {
  const pack = openCachePack({ file: path.join(mkdtempSync(path.join(os.tmpdir(), "opsnote-math-")), "render.pack"), salt: "s" });
  const md = createRenderCache({ pack }).install(createMarkdown({ highlighter: plainHighlighter }));
  const text = "$$x$$";
  const first = { page: { inputPath: "posts/a.md" } };
  md.render(text, first);
  const second = { page: { inputPath: "posts/a.md" } };
  md.render(text, second); // a cache hit: markdown-it does not run
  assert.deepEqual(pageFeaturesOf(second), { math: true });
  const edited = { ...second };
  md.render("no math any more", edited);
  assert.deepEqual(pageFeaturesOf(edited), {}, "a stale flag does not survive an edit that removed the math");
});

test("renderTex: KaTeX's HTML with MathML for screen readers, or the error", () => {
  const ok = renderTex("x^2", false);
  const document = parseHTML(`<main>${ok.html}</main>`).document;
  assert.ok(document.querySelector(".katex .katex-mathml math") && document.querySelector(".katex .katex-html[aria-hidden=true]"));
  const link = parseHTML(`<main>${renderTex("\\href{https://example.com}{x}", false).html}</main>`).document;
  assert.equal(link.querySelector("a, [href]"), null, "untrusted commands (\\href) make no link");
  assert.match(renderTex("x^", false).error ?? "", /Expected group/);
});

test("a formula in a heading counts in its id and TOC text, as its TeX", () => {
  const md = createMarkdown({ highlighter: plainHighlighter });
  const env = { page: { inputPath: "posts/x.md" }, frontMatter: { math: true } };
  const document = parseHTML(`<main>${md.render("## $O(n)$ 정렬\n\n## \\(\\log n\\) 탐색", env)}</main>`).document;
  assert.deepEqual([...document.querySelectorAll("h2, h3")].map((h) => h.id), ["on-정렬", "log-n-탐색"]);
  assert.deepEqual(extractToc(md, "## $O(n)$ 정렬", 3, env).map((entry) => entry.text), ["O(n) 정렬"]);
});

test("search skips KaTeX's layout spans (their letters would be noise) and keeps the MathML with the TeX", () => {
  const document = parseHTML(`<main>${renderTex("a+b", false).html}</main>`).document;
  assert.ok(document.querySelector(".katex-html[data-pagefind-ignore]"));
  assert.equal(document.querySelector(".katex-mathml[data-pagefind-ignore]"), null);
});

test("\\newcommand in one formula applies to the page's later formulas, as with MathJax", () => {
  const md = createMarkdown({ highlighter: plainHighlighter });
  const document = parseHTML(`<main>${md.render("$$\\newcommand{\\vect}[1]{\\mathbf{#1}}$$\n\n$$\\vect{v}$$", {})}</main>`).document;
  assert.equal(document.querySelectorAll(".math-error").length, 0);
  assert.equal(document.querySelectorAll(".math-display")[1]?.querySelector("mi[mathvariant=bold], mi.mathbf, .mathbf")?.textContent, "v");
});

test("the formula cache: a repeated formula is read back; definitions, formulas after them and errors are never cached", () => {
  const store = new Map<string, string>();
  const reads: string[] = [];
  const cache = {
    keyOf: (tex: string, mode: string) => `${mode}:${tex}`,
    read(key: string) {
      reads.push(key);
      return store.get(key);
    },
    write: (key: string, html: string) => void store.set(key, html),
  };
  const md = createMarkdown({ highlighter: plainHighlighter, mathCache: cache });
  const first = md.render("$$a^2$$ and \\(b\\) and \\(\\nope\\)", {});
  assert.deepEqual([...store.keys()], ["inline:a^2", "inline:b"], "an invalid formula is not stored");
  store.set("inline:a^2", '<span class="katex">from the cache</span>');
  const second = md.render("x $$a^2$$", {});
  assert.ok(second.includes("from the cache"));
  assert.ok(first.includes("math-error"));
  reads.length = 0;
  md.render("$$\\gdef\\RR{\\mathbb{R}}$$\n\n$$\\RR$$\n\n\\(\\newcommand{\\x}{1}\\x\\)", {});
  assert.deepEqual(reads, [], "a page with definitions renders every formula itself");
  assert.ok(![...store.keys()].some((key) => key.includes("RR") || key.includes("newcommand")));
});

test("property: without the opt-in, text with lone $ signs keeps every one of them and gets no formula", () => {
  // Shell-like prose: `$` next to words, digits, spaces, braces and code spans, but never `$$`, `\(` or `\[`.
  const piece = fc.constantFrom("$HOME", "$PATH", "${USER}", "$5", "$10", "$", " $ ", "$x$", "$a_1$", "`$y$`", "가격", "는", "*", "_", "\\$", "/", "\n", " ");
  const text = fc.array(piece, { minLength: 1, maxLength: 14 }).map((parts) => parts.join("")).filter((t) => !t.includes("$$"));
  const md = createMarkdown({ highlighter: plainHighlighter });
  fc.assert(fc.property(text, (markdown) => {
    const document = parseHTML(`<main>${md.render(markdown, {})}</main>`).document;
    assert.equal(document.querySelectorAll(".katex, .math-error").length, 0);
    const dollars = (s: string) => s.split("$").length - 1;
    assert.equal(dollars(document.querySelector("main")!.textContent ?? ""), dollars(markdown), markdown);
  }), { numRuns: 300 });
});

/** The TeX of each display formula (KaTeX's display mode) and what holds it: li, blockquote or p. */
function displayFormulas(document: Document): { tex: string | undefined; in: string }[] {
  return [...document.querySelectorAll(".katex-display")].map((element) => ({
    tex: texOf(element),
    in: element.closest("li") ? "li" : element.closest("blockquote") ? "blockquote" : element.closest("p") ? "p" : "top",
  }));
}

test("display math on a list item's continuation lines (indented or lazy), in quotes and opened at a line's end", () => {
  const cases: [string, string, { tex: string; in: string }[]][] = [
    ["indented continuation", "1. 다음과 같다.\n   $$\n   \\begin{align*}\n   a &= b \\\\\n   &= c\n   \\end{align*}\n   $$\n2. next", [{ tex: "\\begin{align*}\na &= b \\\\\n&= c\n\\end{align*}", in: "li" }]],
    ["$$\\begin on the continuation line", "1. 다음과 같다.\n   $$\\begin{align*}\n   a &= b\n   \\end{align*}$$\n2. next", [{ tex: "\\begin{align*}\na &= b\n\\end{align*}", in: "li" }]],
    ["lazy continuation (not indented)", "4. 다음과 같이 update한다.\n$$\n\\begin{align*}\nx &= 1\n\\end{align*}\n$$\n\nafter", [{ tex: "\\begin{align*}\nx &= 1\n\\end{align*}", in: "li" }]],
    ["nested item", "- a\n  - b\n    $$\n    \\begin{align*}\n    x &= y\n    \\end{align*}\n    $$", [{ tex: "\\begin{align*}\nx &= y\n\\end{align*}", in: "li" }]],
    ["quote, lazy lines", "> 인용\n$$\n\\begin{align*}\nq &= r\n\\end{align*}\n$$", [{ tex: "\\begin{align*}\nq &= r\n\\end{align*}", in: "blockquote" }]],
    ["quote, one line on a lazy line", "> 인용\n$$ q = r $$", [{ tex: "q = r", in: "blockquote" }]],
    ["quote, opened at a line's end", "> 다음과 같다. $$\n> \\begin{align*}\n> q &= r\n> \\end{align*}\n> $$\n> 이어서.", [{ tex: "\\begin{align*}\nq &= r\n\\end{align*}", in: "blockquote" }]],
    ["paragraph, opened at a line's end", "다음과 같다. $$\n\\begin{align*}\na &= b\n\\end{align*}\n$$\n이어서.\n\n다음 문단.", [{ tex: "\\begin{align*}\na &= b\n\\end{align*}", in: "p" }]],
  ];
  for (const [name, markdown, expected] of cases) {
    const { document, diagnostics } = renderPost(markdown, "posts/x.md");
    assert.deepEqual(displayFormulas(document), expected, name);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [], `${name}: no warning`);
    assert.equal(document.querySelectorAll(".math-error").length, 0, name);
    assert.ok(!(document.querySelector("main")!.textContent ?? "").includes("$$"), `${name}: no $$ left as text`);
  }
  const { document } = renderPost("다음과 같다. $$\n\\begin{align*}\na &= b\n\\end{align*}\n$$\n이어서.\n\n다음 문단.", "posts/x.md");
  assert.deepEqual([...document.querySelectorAll("p")].map((p) => p.childNodes[0]?.textContent?.trim()), ["다음과 같다.", "다음 문단."], "the paragraph is one paragraph, and the next one is text");
});

test("a $$ … $$ inside a line stays inline (kramdown's span math), even across a soft break, and in a heading or a table cell", () => {
  const { document } = renderPost("합은 $$x^2$$ 이고 $$y_1 +\ny_2$$ 로 쓴다.", "posts/x.md");
  assert.deepEqual(displayFormulas(document), []);
  assert.deepEqual(texts(document, "p > .katex"), ["x^2", "y_1 +\ny_2"]);
  const alone = renderPost("## $$O(n)$$\n\n| a | b |\n|---|---|\n| $$x$$ | $$y$$ |", "posts/x.md").document;
  assert.deepEqual(displayFormulas(alone), []);
  assert.deepEqual(texts(alone, "h2 .katex, td .katex"), ["O(n)", "x", "y"]);
});

test("not display math: shell and Terraform dollars, code with $$, a $$ never closed", () => {
  const markdown = [
    "Terraform `${var.region}` and ${var.zone}; the shell's $HOME and $$. Prices: $5 and $10.",
    "",
    "1. An item:",
    "   `echo $$` and `$$ x $$` are code.",
    "   ```sh",
    "   echo \"$$\"",
    "   $$",
    "   ```",
    "2. Same list.",
    "",
    "$$",
    "never closed",
    "",
    "## Heading",
    "",
    "$$",
    "y",
    "$$",
  ].join("\n");
  const { document, diagnostics } = renderPost(markdown, "posts/x.md");
  assert.deepEqual(texts(document, ".katex"), ["y"], "only the closed block is math");
  assert.deepEqual(diagnostics.map(formatDiagnostic), [
    "posts/x.md:11:1 warning math: `$$` opens a formula that is never closed (end it with a line `$$`, or write `\\$\\$` for two dollar signs); shown as text",
  ], "the unclosed $$ on a line of its own is reported where it is; the shell's $$ is not");
  assert.equal(document.querySelector("p")?.textContent, "Terraform ${var.region} and ${var.zone}; the shell's $HOME and $$. Prices: $5 and $10.");
  assert.deepEqual([...document.querySelectorAll("li code")].map((c) => c.textContent), ["echo $$", "$$ x $$", 'echo "$$"\n$$']);
  assert.equal(document.querySelectorAll("ol").length, 1, "the fence keeps the list whole");
  assert.equal(document.querySelector("h2")?.textContent?.trim().startsWith("Heading"), true, "the unclosed $$ does not swallow the heading");
  assert.ok([...document.querySelectorAll("p")].some((p) => p.textContent === "$$\nnever closed"));
});
