/**
 * Markdown in, HTML out: each `fixtures/NAME.md` is rendered with the real pipeline (shiki included)
 * and compared with the reviewed `fixtures/NAME.html`. The seed post is rendered from `posts/`
 * itself, against `fixtures/seed-post.html`.
 *
 * After an intended change to the output, regenerate the expected files and review the diff:
 *
 *     UPDATE_FIXTURES=1 npm test
 *
 * Beyond the byte comparison, every fixture is parsed with linkedom to check that each template
 * expression of the input (`{{ … }}`, `{% … %}`, `${{ … }}`) is still there as text, so a fixture
 * regenerated from a broken pipeline cannot silently lose them.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import type { Env, MarkdownIt } from "markdown-it";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { fenceLanguages } from "../../src/markdown/highlight-languages.ts";
import { readFrontMatter, type PostData } from "../../src/content/front-matter.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import type { MarkdownEnv } from "../../src/markdown/env.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = "tests/markdown/fixtures";
const UPDATE = process.env.UPDATE_FIXTURES === "1";

interface Fixture {
  name: string;
  /** Markdown file, relative to the repository root (as Eleventy's inputPath would be). */
  input: string;
  expected: string;
}

const fixtures: Fixture[] = [
  ...readdirSync(path.join(ROOT, FIXTURES))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => ({
      name: file.replace(/\.md$/, ""),
      input: `${FIXTURES}/${file}`,
      expected: `${FIXTURES}/${file.replace(/\.md$/, ".html")}`,
    })),
  { name: "seed-post", input: "posts/2021-04-13-kubernetes-intro.md", expected: `${FIXTURES}/seed-post.html` },
];

/** Warnings each fixture must report (formatted); fixtures not listed must report none. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  // Two `kubectl` blocks, one warning: the first block's line.
  "more-languages": [`${FIXTURES}/more-languages.md:39:1 warning code: unknown code language "kubectl"; rendered as plain text`],
  // `promql` has no grammar either, but it is a known language (NO_GRAMMAR_NAMES): plain text, no warning.
  "unknown-language": [`${FIXTURES}/unknown-language.md:7:1 warning code: unknown code language "kubectl"; rendered as plain text`],
};

/** Template expressions as written: `{{ … }}`, `${{ … }}`, `{% … %}`, `{# … #}`. */
const TEMPLATE_EXPRESSION = /\$?\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}/g;

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function documentOf(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

interface Rendered {
  markdown: string;
  html: string;
  warnings: Diagnostic[];
}

let md: MarkdownIt;
const warnings: Diagnostic[] = [];
const rendered = new Map<string, Rendered>();

before(async () => {
  const highlighter = await getCodeHighlighter();
  md = createMarkdown({ highlighter, report: (d) => warnings.push(d) });
  for (const fixture of fixtures) {
    const text = await readFile(path.join(ROOT, fixture.input), "utf8");
    // As the build does before rendering (prefill-highlight-cache.ts): only the grammars the fences name.
    await highlighter.loadLanguages(fenceLanguages(text));
    // Front matter is stripped exactly as in the build, so reported lines are file lines.
    const file = matter(text, { engines: { yaml: (yaml: string) => readFrontMatter(yaml, fixture.input) } });
    const data = file.data as Partial<PostData>;
    const env: MarkdownEnv & Env = { page: { inputPath: fixture.input }, frontMatterSource: data.frontMatterSource };
    warnings.length = 0;
    const html = md.render(file.content, env);
    rendered.set(fixture.name, { markdown: file.content, html, warnings: [...warnings] });
    if (UPDATE) await writeFile(path.join(ROOT, fixture.expected), html);
  }
});

for (const fixture of fixtures) {
  test(`fixture ${fixture.name}: output matches ${path.basename(fixture.expected)}`, async () => {
    const { html } = rendered.get(fixture.name)!;
    const expected = await readFile(path.join(ROOT, fixture.expected), "utf8");
    assert.equal(html, expected, `output differs; if intended, run UPDATE_FIXTURES=1 npm test and review the diff`);
  });

  test(`fixture ${fixture.name}: every template expression survives as text`, () => {
    const { markdown, html } = rendered.get(fixture.name)!;
    const text = documentOf(html).body.textContent ?? "";
    for (const delimiter of ["{{", "}}", "${{", "{%", "%}", "{#", "#}"]) {
      assert.equal(countOf(text, delimiter), countOf(markdown, delimiter), `count of "${delimiter}"`);
    }
    for (const expression of new Set(markdown.match(TEMPLATE_EXPRESSION) ?? [])) {
      assert.equal(countOf(text, expression), countOf(markdown, expression), `"${expression}" lost or changed`);
    }
  });

  test(`fixture ${fixture.name}: reports exactly the expected warnings`, () => {
    const { warnings: reported } = rendered.get(fixture.name)!;
    assert.deepEqual(reported.map(formatDiagnostic), EXPECTED_WARNINGS[fixture.name] ?? []);
  });
}

test("the template fixtures really contain template expressions", () => {
  const expressions = (name: string): string[] => rendered.get(name)!.markdown.match(TEMPLATE_EXPRESSION) ?? [];
  assert.ok(expressions("helm-template").includes("{{ .Values.image.tag }}"));
  assert.ok(expressions("helm-template").includes("{{- if .Values.ingress.enabled }}"));
  assert.ok(expressions("helm-template").includes('{{ include "opsnote.labels" . | nindent 4 }}'));
  assert.ok(expressions("github-actions").includes("${{ secrets.TOKEN }}"));
  assert.ok(expressions("ansible-jinja").includes("{% for host in groups['web'] %}"));
  assert.ok(expressions("ansible-jinja").includes("{% endfor %}"));
});

test("helm-template: the expressions appear in prose, inline code and the yaml block", () => {
  const document = documentOf(rendered.get("helm-template")!.html);
  const paragraphs = [...document.querySelectorAll("p")].map((p) => p.textContent ?? "");
  const inlineCode = [...document.querySelectorAll("p code")].map((c) => c.textContent);
  const block = document.querySelector(".code-block[data-lang=yaml] pre.shiki")?.textContent ?? "";
  for (const expression of ["{{ .Values.image.tag }}", "{{- if .Values.ingress.enabled }}", '{{ include "opsnote.labels" . | nindent 4 }}']) {
    assert.ok(paragraphs[0]!.includes(expression), `prose lost ${expression}`);
    assert.ok(inlineCode.includes(expression), `inline code lost ${expression}`);
  }
  assert.ok(block.includes('    {{- include "opsnote.labels" . | nindent 4 }}'), "indentation inside the block kept");
  assert.ok(block.includes("{{- if .Values.ingress.enabled }}"));
});

test("unknown-language: the block is kept as escaped plain text", () => {
  const document = documentOf(rendered.get("unknown-language")!.html);
  const blocks = [...document.querySelectorAll(".code-block")];
  assert.deepEqual(blocks.map((b) => b.getAttribute("data-lang")), ["kubectl", "promql"]);
  assert.equal(blocks[0]!.querySelector("pre code")!.textContent, "get pods -o wide");
  assert.equal(blocks[1]!.querySelector("pre code")!.textContent, 'sum(rate(http_requests_total{job="web"}[5m]))');
});

/** The grammar's colours reach the page: token spans with classes, in more than one colour. */
function tokenClassesOf(block: Element): Set<string> {
  return new Set([...block.querySelectorAll("pre.shiki span.line span[class]")].map((span) => span.getAttribute("class")!));
}

test("more-languages: every newly supported language is highlighted; the unknown one is plain", () => {
  const document = documentOf(rendered.get("more-languages")!.html);
  const blocks = [...document.querySelectorAll(".code-block")];
  assert.deepEqual(blocks.map((b) => b.getAttribute("data-lang")), ["c++", "scala", "ruby", "vim", "tsx", "tf", "k8s", "kubectl", "kubectl"]);
  for (const block of blocks.slice(0, 7)) {
    assert.ok(tokenClassesOf(block).size >= 3, `${block.getAttribute("data-lang")} is not highlighted`);
  }
  for (const block of blocks.slice(7)) assert.equal(tokenClassesOf(block).size <= 1, true, "kubectl is plain text");
  assert.equal(blocks[0]!.querySelector("pre code")!.textContent!.split("\n")[0], "#include <iostream>");
});

test("hugo-zola-info: Zola's and Hugo's line options become opsnote's highlighted lines, numbers and first line", () => {
  const document = documentOf(rendered.get("hugo-zola-info")!.html);
  const blocks = [...document.querySelectorAll(".code-block")];
  const highlighted = (block: Element) => [...block.querySelectorAll("span.line")].flatMap((line, i) => (line.classList.contains("highlighted") ? [i + 1] : []));
  assert.deepEqual(blocks.map((b) => b.getAttribute("data-lang")), ["bash", "rust", "go", "yaml"], "the language is read before the comma or the braces");
  assert.deepEqual(blocks.map(highlighted), [[2, 3], [1, 3], [2, 4, 5], [2]]);
  assert.deepEqual(blocks.map((b) => b.classList.contains("code-block--numbered")), [false, true, true, false]);
  assert.deepEqual(blocks.map((b) => b.getAttribute("style")), [null, "counter-reset:line 9", "counter-reset:line 9", null]);
  for (const block of blocks) assert.ok(tokenClassesOf(block).size >= 2, `${block.getAttribute("data-lang")} is not highlighted`);
});

test("console-session: the prompt line and the output are both kept", () => {
  const document = documentOf(rendered.get("console-session")!.html);
  const lines = [...document.querySelectorAll("pre.shiki span.line")].map((l) => l.textContent);
  assert.equal(lines[0], "$ kubectl get pods -n default");
  assert.equal(lines[2], "web-7d4b9c8f6d-x2x9k   1/1     Running   0          3d");
  assert.equal(lines.length, 5);
});

test("korean-emphasis: CJK-friendly emphasis before a particle", () => {
  const document = documentOf(rendered.get("korean-emphasis")!.html);
  assert.deepEqual(
    [...document.querySelectorAll("strong")].map((s) => s.textContent),
    ['"인그레스"', "인그레스", "Service"],
  );
  assert.deepEqual([...document.querySelectorAll("em")].map((s) => s.textContent), ["서비스", "파드"]);
  assert.ok(!(document.body.textContent ?? "").includes("**"), "no literal ** left");
});

test("indented-code: a four-space block is a code block", () => {
  const document = documentOf(rendered.get("indented-code")!.html);
  assert.equal(
    document.querySelector("pre code")?.textContent,
    'kubectl apply -f deployment.yaml\nkubectl rollout status deployment/web\necho "{{ not a template }}"\n',
  );
});

test("seed-post: headings shifted to h2..h4 with GitHub ids and no h1", () => {
  const document = documentOf(rendered.get("seed-post")!.html);
  assert.equal(document.querySelectorAll("h1").length, 0);
  const ids = [...document.querySelectorAll("h2, h3, h4")].map((h) => `${h.tagName.toLowerCase()}#${h.id}`);
  assert.deepEqual(ids, [
    "h2#introduction",
    "h2#kubernetes",
    "h3#container",
    "h3#그래서-쿠버네티스가-뭔데",
    "h4#service-discovery-and-load-balancing",
    "h4#storage-orchestration",
    "h4#automated-rollouts-and-rollbacks",
    "h3#overview-of-kubernetes",
    "h2#포스트를-마치며",
  ]);
  for (const anchor of document.querySelectorAll("a.heading-anchor")) {
    const id = decodeURIComponent(anchor.getAttribute("href")!.slice(1));
    assert.ok(document.getElementById(id), `anchor ${id} has no target`);
  }
});
