/**
 * Liquid conversion, one construct per fixture (tests/jekyll/fixtures), rendered through the real
 * markdown pipeline. Plus tables for the parts a fixture cannot show well.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { convertLiquid, encodeJekyllLinkSpaces, encodeLinkSpaces, jekyllVariables, parseIncludeParameters, type LiquidContext } from "../../src/jekyll/convert-liquid.ts";
import { parsePostDate } from "../../src/content/dates.ts";
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

test("a path prefix is added to absolute_url and site.url + site.baseurl in prose, not to link targets, which are root-relative", () => {
  const { markdown } = convertLiquid(
    "[a]({{ '/x/' | absolute_url }}) [b]({{ site.url }}{{ site.baseurl }}/y/) [c]({{ site.baseurl }}/z/) [d]({{ site.url }}/w/)\n\n" +
      "{{ '/x/' | absolute_url }} {{ site.url }}{{ site.baseurl }}/y/ {{ site.url }}/w/",
    context("p.md", { pathPrefix: "/blog/" }),
  );
  // Root-relative URLs get the prefix later, from Eleventy's HtmlBasePlugin, like every other link.
  assert.equal(markdown, "[a](/x/) [b](/y/) [c](/z/) [d](/w/)\n\nhttps://ops.example.kr/blog/x/ https://ops.example.kr/blog/y/ https://ops.example.kr/w/");
});

test("a link reference definition below the first line is a link target too: {{ site.url }} there is root-relative", () => {
  const { markdown } = convertLiquid("본문 [소개][about], {{ site.url }} 에서.\n\n[about]: {{ site.url }}/about/\n  [feed]: <{{ site.url }}/feed.xml>\n", context("p.md"));
  assert.equal(markdown, "본문 [소개][about], https://ops.example.kr 에서.\n\n[about]: /about/\n  [feed]: </feed.xml>\n");
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

test("a Hugo post with a {{% shortcode %}} is not a Jekyll post: nothing in it is read as Liquid", () => {
  const input = '{{% details title="스키마" %}}\n본문 {{ .Values.x }}\n{{% /details %}}\n';
  const { markdown, diagnostics } = convertLiquid(input, context("p.md"));
  assert.equal(markdown, input);
  assert.deepEqual(diagnostics, []);
});

const VARIABLES = jekyllVariables(
  { title: "첫 블로그", url: "/blog/my-first-blog/", date: dateOf("2020-05-17"), updated: dateOf("2020-06-01") },
  { title: "지니의 블로그" },
);

function dateOf(text: string) {
  const parsed = parsePostDate(text, "Asia/Seoul");
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.date;
}

const PAGE_VARIABLES: [input: string, expected: string][] = [
  ["이 글의 제목은 {{ page.title }}이고", "이 글의 제목은 첫 블로그이고"],
  ["작성 {{ page.date }}, 수정 {{page.last_modified_at}}", "작성 2020년 5월 17일, 수정 2020년 6월 1일"],
  ["주소 {{ page.url }} / {{ site.title }} / {{ site.url }}", "주소 /blog/my-first-blog/ / 지니의 블로그 / https://ops.example.kr"],
  ["`{{ page.title }}` in code stays", "`{{ page.title }}` in code stays"],
  ["{{ page.date | date: '%Y' }} and {{ page.author }} stay", "{{ page.date | date: '%Y' }} and {{ page.author }} stay"],
];
for (const [input, expected] of PAGE_VARIABLES) {
  test(`page and site values in prose: ${input}`, () => {
    const { markdown } = convertLiquid(`${input}\n\n\`\`\`\n{{ page.title }}\n\`\`\`\n`, context("p.md", { variables: VARIABLES }));
    assert.equal(markdown.split("\n")[0], expected);
    assert.equal(markdown.split("\n")[3], "{{ page.title }}", "a code block keeps it");
  });
}

test("a post's last_modified_at falls back to its date; unreplaced objects still warn", () => {
  const variables = jekyllVariables({ title: "t", url: "/t/", date: dateOf("2021-04-13") }, { title: "s" });
  const { markdown, diagnostics } = convertLiquid("{{ page.last_modified_at }} {{ page.author }}", context("p.md", { variables }));
  assert.equal(markdown, "2021년 4월 13일 {{ page.author }}");
  assert.deepEqual(diagnostics.map((d) => d.message), ["Liquid {{ page.author }} is not run by opsnote; kept as written"]);
});

const LINK_SPACES: [input: string, expected: string][] = [
  ["[slides](/assets/files/Denial Of Service.pdf)", "[slides](/assets/files/Denial%20Of%20Service.pdf)"],
  ["![그림](img/a  b.png) 끝", "![그림](img/a%20%20b.png) 끝"],
  ['[x](/a b.pdf "제목 있음")', '[x](/a%20b.pdf "제목 있음")'],
  ['[x](/ab.pdf "제목 있음")', '[x](/ab.pdf "제목 있음")'],
  ["[x](</a b.pdf>)", "[x](</a b.pdf>)"],
  ["(괄호 안 문장) 그대로 [x](/ok.pdf)", "(괄호 안 문장) 그대로 [x](/ok.pdf)"],
  // taeyeonkim2's `arr[](사용할 배열)`: brackets and a parenthetical in prose, no path or URL: left as text
  ["- 멤버 : arr[](사용할 배열), numOfData(데이터의 수)", "- 멤버 : arr[](사용할 배열), numOfData(데이터의 수)"],
  ["[참고](docs/설치 가이드)", "[참고](docs/설치%20가이드)"],
];
for (const [input, expected] of LINK_SPACES) {
  test(`kramdown link destination with spaces: ${input}`, () => assert.equal(encodeLinkSpaces(input), expected));
}

test("spaces in link destinations are encoded in a Jekyll post's prose only, never in code or other posts", () => {
  const jekyll = "{{ page.title }}\n\n[a](/f/a b.pdf) `[c](/f/c d.pdf)`\n\n```\n[b](/f/b c.pdf)\n```\n";
  const { markdown } = convertLiquid(jekyll, context("p.md", { variables: VARIABLES }));
  assert.deepEqual(markdown.split("\n").slice(2, 6), ["[a](/f/a%20b.pdf) `[c](/f/c d.pdf)`", "", "```", "[b](/f/b c.pdf)"]);
  assert.equal(encodeJekyllLinkSpaces(jekyll).split("\n")[2], "[a](/f/a%20b.pdf) `[c](/f/c d.pdf)`", "the check reads the same");
  const plain = "[a](/f/a b.pdf)\n";
  assert.equal(convertLiquid(plain, context("p.md")).markdown, plain);
  assert.equal(encodeJekyllLinkSpaces(plain), plain);
  assert.equal(encodeJekyllLinkSpaces(plain, true), "[a](/f/a%20b.pdf)\n", "render_with_liquid: true makes it a Jekyll post");
  assert.equal(convertLiquid(plain, context("p.md", { renderWithLiquid: true })).markdown, "[a](/f/a%20b.pdf)\n");
});
