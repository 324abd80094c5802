/**
 * Liquid conversion, one construct per fixture (tests/jekyll/fixtures), rendered through the real
 * markdown pipeline. Plus tables for the parts a fixture cannot show well.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { convertLiquid, parseIncludeParameters, type LiquidContext } from "../../src/jekyll/convert-liquid.ts";
import { createPostIndex } from "../../src/jekyll/post-index.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { plainHighlighter, testFixtures } from "../helpers/render-fixtures.ts";

const index = createPostIndex([
  { relativePath: "2024-11-07-helm-basics.md", url: "/helm/helm-basics/", redirectFrom: [], published: true },
  { relativePath: "k8s/2024-12-01-ingress.md", url: "/k8s/ingress/", redirectFrom: [], published: true },
]);

function context(file: string, overrides: Partial<LiquidContext> = {}): LiquidContext {
  return { file, siteUrl: "https://ops.example.kr", pathPrefix: "/", resolvePost: index.resolve, ...overrides };
}

await testFixtures(path.join(import.meta.dirname, "fixtures"), (markdown, file) => {
  const diagnostics: Diagnostic[] = [];
  const md = createMarkdown({ highlighter: plainHighlighter, report: (d) => diagnostics.push(d) });
  const converted = convertLiquid(markdown, { ...context(file), renderInline: (text) => md.renderInline(text) });
  const html = md.render(converted.markdown, { page: { inputPath: file } });
  return { html, diagnostics: [...converted.diagnostics, ...diagnostics] };
});

test("warning lines are file lines: body line plus the front matter's lines", () => {
  const { diagnostics } = convertLiquid("a\n\n{{ page.url }}\n", context("p.md", { lineOffset: 5 }));
  assert.deepEqual(diagnostics.map((d) => [d.line, d.field]), [[8, "liquid"]]);
});

test("the output keeps the file's line count, even when raw markers inside a fence are removed", () => {
  const input = "```\n{% raw %}\n{{ x }}\n{% endraw %}\n```\nafter\n{% highlight yaml %}\na: 1\n{% endhighlight %}\n";
  const { markdown } = convertLiquid(input, context("p.md"));
  assert.equal(markdown.split("\n").length, input.split("\n").length);
  assert.equal(markdown.split("\n").indexOf("after"), 5);
});

test("a path prefix is added to absolute_url and site.url + site.baseurl, not to root-relative URLs", () => {
  const { markdown } = convertLiquid(
    "[a]({{ '/x/' | absolute_url }}) [b]({{ site.url }}{{ site.baseurl }}/y/) [c]({{ site.baseurl }}/z/)",
    context("p.md", { pathPrefix: "/blog/" }),
  );
  // Root-relative URLs get the prefix later, from Eleventy's HtmlBasePlugin, like every other link.
  assert.equal(markdown, "[a](https://ops.example.kr/blog/x/) [b](https://ops.example.kr/blog/y/) [c](/z/)");
});

test("include parameters: double, single and unquoted values", () => {
  assert.deepEqual(parseIncludeParameters(`image_path="/a b.png" alt='그림' popup=true`), {
    image_path: "/a b.png", alt: "그림", popup: "true",
  });
});

test("post_url resolves by name, by sub-folder path and by _posts path; NFD references match NFC files", () => {
  const korean = createPostIndex([{ relativePath: "2024-01-01-쿠버네티스.md", url: "/쿠버네티스/", redirectFrom: [], published: true }]);
  assert.equal(korean.resolve("2024-01-01-쿠버네티스".normalize("NFD")), "/쿠버네티스/");
  assert.equal(index.resolve("k8s/2024-12-01-ingress"), "/k8s/ingress/");
  assert.equal(index.resolve("_posts/k8s/2024-12-01-ingress.md"), "/k8s/ingress/");
  assert.equal(index.resolve("2024-12-01-ingress"), "/k8s/ingress/");
  assert.equal(index.resolve("2024-12-02-ingress"), undefined);
});

test("a bare name shared by two posts in different folders is ambiguous, not a guess", () => {
  const twins = createPostIndex([
    { relativePath: "a/2024-01-01-x.md", url: "/a/x/", redirectFrom: [], published: true },
    { relativePath: "b/2024-01-01-x.md", url: "/b/x/", redirectFrom: [], published: true },
  ]);
  assert.equal(twins.resolve("2024-01-01-x"), undefined);
  assert.equal(twins.resolve("b/2024-01-01-x"), "/b/x/");
});

// What "a Jekyll post" is (isJekyllPost): raw markers in code are removed only where Jekyll ran Liquid.
const RAW_IN_CODE: [name: string, input: string, rawKept: boolean][] = [
  ["an Ansible example showing its own inline raw", "```jinja\n{{ user }} {% raw %}{{ literal }}{% endraw %}\n```\n", true],
  ["a Jinja block with raw lines and expressions outside them", "```jinja\n{% raw %}\n{{ a }}\n{% endraw %}\n{{ b }}\n```\n", true],
  ["a plain post whose only raw is in inline code", "`{% raw %}` 태그는 Jekyll의 것이다.\n", true],
  ["raw lines wrapping every expression of a fence (Jekyll's way)", "```yaml\n{% raw %}\nimage: {{ .Values.image }}\n{% endraw %}\n```\n", false],
  ["raw around a fence in prose", "{% raw %}\n```yaml\nname: {{ .Release.Name }}\n```\n{% endraw %}\n", false],
  ["raw in code of a post using {{ site.baseurl }} in prose", "![a]({{ site.baseurl }}/a.png)\n\n```jinja\n{{ a }} {% raw %}{{ b }}{% endraw %}\n```\n", false],
];

for (const [name, input, rawKept] of RAW_IN_CODE) {
  test(`raw markers ${rawKept ? "kept" : "removed"}: ${name}`, () => {
    const { markdown } = convertLiquid(input, context("p.md"));
    assert.equal(markdown.includes("{% raw %}"), rawKept, markdown);
  });
}

test("render_with_liquid: true makes any post a Jekyll post", () => {
  const input = "```jinja\n{{ user }} {% raw %}{{ literal }}{% endraw %}\n```\n";
  assert.ok(!convertLiquid(input, context("p.md", { renderWithLiquid: true })).markdown.includes("{% raw %}"));
});

test("a post that is not a Jekyll post is returned as written, without Liquid warnings", () => {
  const input = "Helm의 {{ .Values.x }} 값.\n\n```jinja\n{% raw %}{{ x }}{% endraw %}\n```\n";
  const { markdown, diagnostics } = convertLiquid(input, context("p.md"));
  assert.equal(markdown, input.replace(/\n$/, "\n"));
  assert.deepEqual(diagnostics, []);
});
