/**
 * What a post points to on its own site (src/import/references.ts), and, on a Minimal Mistakes blog
 * under /blog/, what becomes of the site's own URLs written with Liquid in front matter and in `srcset`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findShortcodes, liquidUrlPath, referencedFiles } from "../../src/import/references.ts";
import { importAndBuild } from "./helpers/import-and-build.ts";

// [value, the path it names]
const liquidUrlCases: [string, string | undefined][] = [
  ["{{ site.url }}/assets/x.png", "/assets/x.png"],
  ["{{site.url}}{{site.baseurl}}/assets/x.png", "/assets/x.png"],
  ["{{- site.baseurl -}}/images/a b.png", "/images/a b.png"],
  ['{{ "/assets/teaser.png" | relative_url }}', "/assets/teaser.png"],
  ["{{ 'teaser.png' | absolute_url }}", "/teaser.png"],
  ["{{ site.url }}", "/"],
  ["{{ site.url }}?q=1", "/?q=1"],
  ["{{ site.url }}assets/x.png", undefined],
  ["/assets/x.png", undefined],
  ["{{ page.image }}", undefined],
  ["see {{ site.url }}/x", undefined],
];
for (const [value, expected] of liquidUrlCases) {
  test(`liquidUrlPath: ${value}`, () => assert.equal(liquidUrlPath(value), expected));
}

test("referencedFiles: a Windows-style path is the file a browser fetched (leewr9: ![](\\assets\\posts\\a.md\\b.png))", () => {
  assert.deepEqual(referencedFiles({}, "[![](\\assets\\posts\\a.md\\b.png)](\\assets\\posts\\a.md\\b.png)\n![](img\\c.png)\n"), [
    { url: "/assets/posts/a.md/b.png", line: 1 },
    { url: "img/c.png", line: 2 },
  ]);
});

test("referencedFiles: front-matter images written with Liquid, and every srcset candidate", () => {
  const found = referencedFiles(
    { image: "{{ site.url }}/assets/cover.png", header: { teaser: '{{ "/images/teaser.png" | relative_url }}' } },
    'text\n<img src="/a.png" srcset="/a.png 1x, {{ site.url }}/diagrams/a@2x.png 2x">\n<picture><source srcset=\'/b.webp\'><img src="/b.png"></picture>\n',
    3,
  );
  assert.deepEqual(found, [
    { url: "/images/teaser.png" },
    { url: "/assets/cover.png" },
    { url: "/a.png", line: 5 },
    { url: "/diagrams/a@2x.png", line: 5 },
    { url: "/b.png", line: 6 },
    { url: "/b.webp", line: 6 },
  ]);
});

const FLOW_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>\n';
const site = await importAndBuild("minimal-mistakes", {
  extraFiles: {
    "_posts/2024-02-01-liquid-urls.md": [
      "---",
      "title: 리퀴드 주소",
      'image: "{{ site.url }}/images/state.png"',
      "header:",
      '  teaser: "{{ site.url }}{{ site.baseurl }}/images/lock.png"',
      "---",
      "",
      '<img src="{{ site.url }}/diagrams/flow.svg" srcset="{{ site.url }}/diagrams/flow.svg 1x, {{ site.url }}{{ site.baseurl }}/diagrams/flow@2x.svg 2x" alt="흐름">',
      "",
    ].join("\n"),
    "diagrams/flow.svg": FLOW_SVG,
    "diagrams/flow@2x.svg": FLOW_SVG,
  },
});

test("Liquid URLs in front matter are written as the paths they name in the copy, and reported", async () => {
  assert.equal(site.imported.code, 0, site.imported.stdout + site.imported.stderr);
  const copy = await readFile(path.join(site.project, "posts", "2024-02-01-liquid-urls.md"), "utf8");
  assert.match(copy, /^---\ntitle: 리퀴드 주소\nimage: "\/images\/state\.png"\nheader:\n {2}teaser: "\/images\/lock\.png"\n---\n/);
  assert.match(site.imported.stdout, /2 front-matter values written with \{\{ site\.url \}\}.*\[liquid-url\]/);
});

test("a file named only in a srcset (outside the static folders) is copied", () => {
  assert.ok(existsSync(path.join(site.project, "diagrams", "flow@2x.svg")));
  assert.doesNotMatch(site.imported.stdout, /missing-file/);
});

test("the built page: its sharing image and every srcset candidate are the site's own files under /blog/", async () => {
  assert.equal(site.build.status, 0, site.build.stdout + site.build.stderr);
  const page = await site.document("liquid-urls/index.html");
  assert.equal(page.querySelector('meta[property="og:image"]')?.getAttribute("content"), "https://cloudnote.example.kr/blog/images/state.png");
  const img = page.querySelector('main img[alt="흐름"]');
  assert.equal(img?.getAttribute("src"), "/blog/diagrams/flow.svg");
  assert.equal(img?.getAttribute("srcset"), "/blog/diagrams/flow.svg 1x, /blog/diagrams/flow@2x.svg 2x");
  for (const candidate of img!.getAttribute("srcset")!.split(",")) {
    assert.ok(site.fileOf(candidate.trim().split(/\s+/)[0]!), candidate);
  }
});

// What a post's text points to, as a table of post lines and the URLs found in them.
const TABLE: [string, string, string[]][] = [
  ["a markdown image", "![x](/assets/a.png)", ["/assets/a.png"]],
  ["an HTML image", `<img src="/img/b.png" alt="b">`, ["/img/b.png"]],
  // kjhov195/beautiful-jekyll writes every image so: the import copied none of 268, and they broke.
  ["an HTML image with spaces around = and single quotes", "<center><img src = '/post_img/180901/c.png'/></center>", ["/post_img/180901/c.png"]],
  // kjhov195: `image10.jfif` (a JPEG as Windows saves it) was not copied.
  ["a .jfif image", "<img src = '/post_img/200209/image10.jfif'/>", ["/post_img/200209/image10.jfif"]],
  ["a link to a file, spaces around =", `<a href = "/files/d.pdf">PDF</a>`, ["/files/d.pdf"]],
  ["a remote image and a page link are not files of the site", `<img src = "https://x.example/e.png"> <a href="/about/">about</a>`, []],
];

for (const [what, line, expected] of TABLE) {
  test(`referencedFiles: ${what}`, () => {
    assert.deepEqual(referencedFiles({}, `본문\n\n${line}\n`).map((ref) => ref.url), expected);
  });
}

test("referencedFiles gives the file line of each reference", () => {
  assert.deepEqual(referencedFiles({}, "a\n\n<img src = '/p/x.png'/>\n", 4), [{ url: "/p/x.png", line: 7 }]);
});

test("an image shown in a code block or inline code is text, not a file of the post", () => {
  const body = "`![예](inline.png)` ![실제](real.png)\n\n```markdown\n![예](fenced.png)\n```\n\n~~~\n<img src=\"tilde.png\">\n~~~\n";
  assert.deepEqual(referencedFiles({}, body).map((ref) => ref.url), ["real.png"]);
});

test("a fence closes only on a bare run of its character, as CommonMark reads it: a fence shown inside a fence is text", () => {
  const body = "```\n```python\nprint(1)\n\\```\n![예](inside.png)\n```\n\n![실제](real.png)\n\n````md\n```\n![예](deeper.png)\n````\n";
  assert.deepEqual(referencedFiles({}, body).map((ref) => ref.url), ["real.png"]);
});

test("Hugo shortcodes in an HTML comment are shown to no reader: not reported", () => {
  const body = ["<!-- {{< youtube abc >}} -->", "<!--", "{{< gist a b >}}", "-->", "{{< gist c d >}}"].join("\n");
  assert.deepEqual(findShortcodes(body, 10), [{ line: 15, text: "{{< gist c d >}}" }]);
});
