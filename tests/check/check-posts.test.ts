/**
 * `check`, as a table: a folder of posts in, the exact compiler-style lines out.
 * Paths are printed relative to the temporary site folder so the expected lines read like `npm run check`'s.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkPosts } from "../../src/check/check-posts.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { makeTempDir } from "../helpers/paths.ts";

const NOW = new Date("2024-06-01T00:00:00+09:00");

/** A Korean post every case may link to: `/devops/kubernetes-intro/` with two headings. */
const INTRO = [
  "---",
  "title: 쿠버네티스 입문",
  "categories: [devops]",
  "---",
  "",
  "## 그래서 쿠버네티스가 뭔데?",
  "",
  "## Overview",
  "",
].join("\n");

async function check(files: Record<string, string>, assets: Record<string, string> = {}): Promise<string[]> {
  const root = await makeTempDir("check");
  try {
    for (const [name, text] of Object.entries({ "posts/2021-04-13-kubernetes-intro.md": INTRO, ...files, ...assets })) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), text);
    }
    await mkdir(path.join(root, "assets"), { recursive: true });
    const report = await checkPosts({ posts: path.join(root, "posts"), assets: path.join(root, "assets"), site, now: NOW });
    return report.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(root, d.file) }).replaceAll(root, "<site>"));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const post = (frontMatter: string, body = "") => `---\n${frontMatter}\n---\n${body}`;
const NFD = (text: string) => text.normalize("NFD");

const CASES: { name: string; files: Record<string, string>; assets?: Record<string, string>; expected: string[] }[] = [
  {
    name: "file quirks the build warns about: a byte order mark, Windows line ends",
    files: {
      "posts/2021-05-01-bom.md": `\uFEFF${post("title: BOM 글")}`,
      "posts/2021-05-02-crlf.md": post("title: CRLF 글", "\n본문\n").replaceAll("\n", "\r\n"),
    },
    expected: [
      "posts/2021-05-01-bom.md:1:1 warning file: starts with a byte order mark (BOM); it was ignored. Save the file as UTF-8 without BOM",
      "posts/2021-05-02-crlf.md:1:1 warning file: uses Windows line endings (CRLF); they were read as LF",
    ],
  },
  {
    name: "Hugo shortcodes left in prose (a theme's own): one warning each where it opens; code, inline code and escaped ones are not",
    files: {
      "posts/2021-05-01-hugo.md": post("title: 휴고 글", [
        "", "{{< lead >}}", "첫 문단", "{{< /lead >}}", "",
        '모델 평가 {{% jupyter "analyze.ipynb" %}} 결과', "",
        "`{{< lead >}}`는 Blowfish의 것", "", "```go", '{{< figure src="a.png" >}}', "```", "", '{{</* figure src="a.png" */>}}', "",
      ].join("\n")),
    },
    expected: [
      "posts/2021-05-01-hugo.md:5:1 warning shortcode: Hugo shortcode {{< lead >}} is not run by opsnote; kept as written",
      'posts/2021-05-01-hugo.md:9:7 warning shortcode: Hugo shortcode {{% jupyter "analyze.ipynb" %}} is not run by opsnote; kept as written',
    ],
  },
  {
    name: "a clean post",
    files: { "posts/2021-05-01-ok.md": post("title: 좋은 글\ntags: [k8s]", "\n[입문](/devops/kubernetes-intro/)\n") },
    expected: [],
  },
  {
    name: "tags of the wrong type",
    files: { "posts/2021-05-01-x.md": post("title: x\ntags:\n  a: 1") },
    expected: ["posts/2021-05-01-x.md:3:1 error tags: expected a list of strings or one string, got a mapping"],
  },
  {
    name: "an impossible date",
    files: { "posts/2021-05-01-x.md": post("title: x\ndate: 2021-02-30") },
    expected: ['posts/2021-05-01-x.md:3:1 error date: "2021-02-30" is not a real date or time (you specified 30 (of type number) as a day, which is invalid)'],
  },
  {
    name: "an offset outside -12:00..+14:00",
    files: { "posts/2021-05-01-x.md": post("title: x\ndate: 2021-04-13T13:00:00+18:00") },
    expected: ["posts/2021-05-01-x.md:3:1 warning date: offset +18:00 is outside -12:00..+14:00; kept the written time 2021-04-13T13:00:00 in Asia/Seoul"],
  },
  {
    name: "a future date is noted, not an error",
    files: { "posts/2099-01-01-x.md": post("title: x\ndate: 2099-01-01T10:00:00+09:00") },
    expected: ["posts/2099-01-01-x.md:3:1 info date: 2099-01-01T10:00:00+09:00 is in the future: scheduled, left out of the published site until then"],
  },
  {
    name: "a YAML syntax error",
    files: { "posts/2021-05-01-x.md": post("title: x\ntags: [a, b") },
    expected: ["posts/2021-05-01-x.md:3:7 error front matter: invalid YAML: the list ([) opened here is never closed"],
  },
  {
    name: "executable front matter",
    files: { "posts/2021-05-01-x.md": "---js\n{ title: 'x' }\n---\n" },
    expected: ['posts/2021-05-01-x.md:1:1 error front matter: "---js" front matter is not allowed: posts are data, never code; use YAML (---)'],
  },
  {
    name: "NFD title and tag (macOS), with the fix",
    files: { "posts/2021-05-01-x.md": post(`title: ${NFD("쿠버네티스")}\ntags:\n  - ok\n  - ${NFD("인그레스")}`) },
    expected: [
      'posts/2021-05-01-x.md:2:1 warning title: "쿠버네티스" is NFD; normalise to NFC (macOS writes Hangul decomposed, as NFD)',
      'posts/2021-05-01-x.md:5:1 warning tags: "인그레스" is NFD; normalise to NFC (macOS writes Hangul decomposed, as NFD)',
    ],
  },
  {
    name: "an NFD file name",
    files: { [`posts/2021-05-01-${NFD("인그레스")}.md`]: post("title: x") },
    expected: [`posts/2021-05-01-${NFD("인그레스")}.md warning file name: "2021-05-01-${NFD("인그레스")}.md" is NFD; normalise to NFC (macOS writes Hangul decomposed, as NFD): rename it to "2021-05-01-인그레스.md"`],
  },
  {
    name: "two posts with one URL, both named",
    files: { "posts/2021-05-01-x.md": post("title: x\npermalink: /devops/kubernetes-intro/") },
    expected: ["posts/2021-05-01-x.md error url: /devops/kubernetes-intro/ is also the URL of <site>/posts/2021-04-13-kubernetes-intro.md; one page would overwrite the other (rename a file or set permalink)"],
  },
  {
    name: "a draft on a published post's URL: a warning, since the build leaves the draft out",
    files: { "posts/2021-05-01-x.md": post("title: x\ndraft: true\npermalink: /devops/kubernetes-intro/") },
    expected: ["posts/2021-05-01-x.md warning url: /devops/kubernetes-intro/ is also the URL of <site>/posts/2021-04-13-kubernetes-intro.md; this draft post is left out of the site, but once published one page would overwrite the other (rename a file or set permalink)"],
  },
  {
    name: "internal links by URL: plain, percent-encoded Hangul, without the slash, relative, broken",
    files: {
      "posts/2021-05-01-x.md": post("title: x\ncategories: [devops]", [
        "",
        "[a](/devops/kubernetes-intro/) [b](/devops/kubernetes-intro) [c](../kubernetes-intro/)",
        "[d](/devops/%EC%9D%B8%EA%B7%B8%EB%A0%88%EC%8A%A4/) [e](/devops/인그레스/) [f](/tags/k8s/)",
        "[g](/tags/) [h](/about/) [i](/nope/)",
      ].join("\n")),
      "posts/2021-05-02-인그레스.md": post("title: 인그레스\ncategories: [devops]\ntags: [k8s]"),
    },
    expected: ["posts/2021-05-01-x.md:8:30 error link: /nope/: no post or page has this URL"],
  },
  {
    name: "links and images inside GFM table cells, header row included, each at its row and column",
    files: {
      "posts/2021-05-01-x.md": post("title: x", [
        "", "| 도구 | 설명 |", "|---|---|", "| [입문](/devops/kubernetes-intro/) | ok |",
        "| [Jenkins](/posts/installing-jenkins/) | CI — [둘째](/posts/gone/) |", "| ![그림](d.png) | [절](#없음) |", "",
      ].join("\n")),
      "posts/2021-05-02-head.md": post("title: y", "\n| [머리](/head-nope/) |\n|---|\n| 본문 |\n"),
    },
    expected: [
      "posts/2021-05-01-x.md:8:13 error link: /posts/installing-jenkins/: no post or page has this URL",
      "posts/2021-05-01-x.md:8:53 error link: /posts/gone/: no post or page has this URL",
      "posts/2021-05-01-x.md:9:9 error image: d.png: no such file beside the post (looked for <site>/posts/d.png)",
      "posts/2021-05-02-head.md:5:8 error link: /head-nope/: no post or page has this URL",
      "posts/2021-05-01-x.md:9:22 warning link: #없음: no heading with this id in this post",
    ],
  },
  {
    name: "internal links by relative .md path",
    files: {
      "posts/sub/2021-05-01-x.md": post("title: x", "\n[ok](../2021-04-13-kubernetes-intro.md) [missing](../2021-04-14-nope.md)\n"),
    },
    expected: ["posts/sub/2021-05-01-x.md:5:51 error link: ../2021-04-14-nope.md: no such post (looked for <site>/posts/2021-04-14-nope.md)"],
  },
  {
    name: "heading anchors: Hangul as written and percent-encoded, by URL, by .md path and in the same post",
    files: {
      "posts/2021-05-01-x.md": post("title: x", [
        "",
        "## 설치 방법",
        "",
        "[1](/devops/kubernetes-intro/#그래서-쿠버네티스가-뭔데)",
        "[2](/devops/kubernetes-intro/#%EA%B7%B8%EB%9E%98%EC%84%9C-%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4%EA%B0%80-%EB%AD%94%EB%8D%B0)",
        "[3](./2021-04-13-kubernetes-intro.md#overview) [4](#설치-방법)",
        "[5](./2021-04-13-kubernetes-intro.md#없는-섹션) [6](#설치)",
      ].join("\n")),
    },
    expected: [
      "posts/2021-05-01-x.md:10:5 warning link: #없는-섹션: no heading with this id in <site>/posts/2021-04-13-kubernetes-intro.md (ids there: #그래서-쿠버네티스가-뭔데, #overview)",
      "posts/2021-05-01-x.md:10:49 warning link: #설치: no heading with this id in this post (ids there: #설치-방법)",
    ],
  },
  {
    name: "images and assets: under /assets/, beside the post, missing",
    files: {
      "posts/2021-05-01-x.md": post("title: x", "\n![a](/assets/images/a.svg) ![b](/assets/images/b.svg)\n![c](./c.png) ![d](d.png) [pdf](/assets/slides.pdf)\n"),
      "posts/c.png": "png",
    },
    assets: { "assets/images/a.svg": "<svg/>", "assets/slides.pdf": "pdf" },
    expected: [
      "posts/2021-05-01-x.md:5:33 error image: /assets/images/b.svg: no such file in <site>/assets/",
      "posts/2021-05-01-x.md:6:20 error image: d.png: no such file beside the post (looked for <site>/posts/d.png)",
    ],
  },
  {
    // kjhov195/beautiful-jekyll: 14 of its `<center><img src = '/post_img/…'/></center>` images were
    // missing, and neither the build nor check said a word (raw HTML images were never read).
    name: "raw HTML images, in a block and inside a paragraph, spaces around = and single quotes",
    files: {
      "posts/2021-05-01-x.md": post("title: x", [
        "", "<center><img src = '/assets/images/a.svg'/></center>",
        "", "<center>", "  <img src = '/assets/post_img/gone.png'/>", "</center>",
        "", "글 가운데 <img src=\"c.png\" alt=\"c\"> 그림과 <img src=\"d.png\"> 그림.", "",
      ].join("\n")),
      "posts/c.png": "png",
    },
    assets: { "assets/images/a.svg": "<svg/>" },
    expected: [
      "posts/2021-05-01-x.md:8:15 error image: /assets/post_img/gone.png: no such file in <site>/assets/",
      "posts/2021-05-01-x.md:11:47 error image: d.png: no such file beside the post (looked for <site>/posts/d.png)",
    ],
  },
  {
    // HWJskt (Zola): content/about/_index.md writes `<img src="/about/me_selfi_2021.jpg">`, the photo beside
    // it. The build copies a bundle's files beside its page (/about/), but check knew only their folder's
    // URL (/pages/about/…) and reported the photo missing, in the build too.
    name: "a page bundle's files at its page's URL (the copy the build makes beside the page)",
    files: {
      "posts/pages/about/index.md": post("title: 소개\nlayout: page\npermalink: /about/", [
        "", "<img src=\"/about/me.jpg\" alt=\"me\">", "", "![me](/about/me.jpg) ![gone](/about/gone.jpg)", "",
      ].join("\n")),
      "posts/pages/about/me.jpg": "jpg",
    },
    expected: ["posts/pages/about/index.md:9:30 error image: /about/gone.jpg: no post or page has this URL"],
  },
  {
    // Jooyoung08 (Hydejack): four demo posts' `image:` files were missing; the home page showed four
    // broken cards and neither the build nor check said so.
    name: "front-matter images (the post's card in lists): missing ones reported at their line",
    files: {
      "posts/2021-05-01-x.md": post("title: x\nimage:\n  path: /assets/img/gone.jpg\n  alt: 표지"),
      "posts/2021-05-02-y.md": post("title: y\nheader:\n  teaser: cover.png"),
      "posts/2021-05-03-z.md": post("title: z\nimage: /assets/img/here.jpg"),
      "posts/2021-05-04-w.md": post("title: w\nimage: https://example.com/remote.jpg"),
    },
    assets: { "assets/img/here.jpg": "jpg" },
    expected: [
      "posts/2021-05-01-x.md:4:9 error image: /assets/img/gone.jpg: no such file in <site>/assets/",
      "posts/2021-05-02-y.md:4:11 error image: cover.png: no such file beside the post (looked for <site>/posts/cover.png)",
    ],
  },
  {
    name: "malformed external links (never fetched)",
    files: {
      "posts/2021-05-01-x.md": post("title: x", "\n[a](http:/example.com) [b](https//example.com) [c](https://)\n[d](https://localhost:8080/) [e](https://kubernetes.io/docs/) https://bare.example.kr\n[f](https://intranet/)\n"),
    },
    expected: [
      'posts/2021-05-01-x.md:5:5 error link: http:/example.com is missing "//" after "http:"',
      "posts/2021-05-01-x.md:5:28 error link: https//example.com is not a valid URL",
      "posts/2021-05-01-x.md:5:52 error link: https:// is not a valid URL",
      'posts/2021-05-01-x.md:7:5 error link: https://intranet/ has a host name without a dot ("intranet")',
    ],
  },
  {
    name: "a published post linking to a draft and to a scheduled post",
    files: {
      "posts/2021-05-01-x.md": post("title: x", "\n[d](/draft/) [s](./2099-01-01-later.md)\n"),
      "posts/2021-05-02-draft.md": post("title: d\ndraft: true"),
      "posts/2099-01-01-later.md": post("title: s"),
    },
    expected: [
      "posts/2021-05-01-x.md:5:5 warning link: /draft/ is a draft post; the link is broken in the published site until it is published",
      "posts/2021-05-01-x.md:5:18 warning link: ./2099-01-01-later.md is a scheduled post; the link is broken in the published site until it is published",
      "posts/2099-01-01-later.md info date: 2099-01-01T00:00:00+09:00 is in the future: scheduled, left out of the published site until then",
    ],
  },
  {
    name: "every generated output is a known URL (feeds, sitemap, robots.txt, 404, tag and category pages and feeds, Pagefind, code.css, redirects)",
    files: {
      "posts/2021-05-01-x.md": post("title: x\ntags: [k8s]\nredirect_from: [/old/x/, old-y.html]", [
        "", "[a](/feed.xml) [b](/feed.json) [c](/sitemap.xml) [d](/robots.txt) [e](/404.html) [f](/archive/)",
        "[g](/tags/k8s/) [h](/tags/k8s/feed.xml) [i](/categories/devops/feed.xml) [j](/tags/) [k](/categories/) [l](/about/)",
        "[m](/pagefind/pagefind.js) [n](/assets/css/code.css) [o](/old/x/) [p](/old-y.html) [q](/old/x)",
        "[r](/page/2/) [s](/tags/nope/feed.xml)", "",
      ].join("\n")),
    },
    // One post per list page would be needed for page 2 (the default page size is 10).
    expected: [
      "posts/2021-05-01-x.md:10:5 error link: /page/2/: no post or page has this URL",
      "posts/2021-05-01-x.md:10:19 error link: /tags/nope/feed.xml: no post or page has this URL",
    ],
  },
  {
    name: "Liquid is checked as the page gets it: {{ site.baseurl }} removed, post_url resolved (with its anchor) or reported",
    files: {
      "posts/2021-05-01-x.md": post("title: x", [
        "", "![a]({{ site.baseurl }}/assets/here.png) ![b]({{ site.baseurl }}/images/gone.png) [c]({{ '/devops/kubernetes-intro/' | relative_url }})",
        "[d]({% post_url 2021-04-13-kubernetes-intro %}#overview) [e]({% post_url 2021-04-13-kubernetes-intro %}#없음) [f]({% post_url 2020-01-01-gone %})", "",
      ].join("\n")),
      "posts/2021-05-02-raw.md": post("title: raw\nrender_with_liquid: false", "\n![x]({{site.baseurl}}/a.png)\n"),
    },
    assets: { "assets/here.png": "png" },
    expected: [
      "posts/2021-05-01-x.md:5:65 error image: /images/gone.png: no post or page has this URL",
      "posts/2021-05-01-x.md:6:113 error link: no post \"2020-01-01-gone\" in the posts folder (expected a file name such as 2024-11-07-name, without .md)",
      "posts/2021-05-02-raw.md:6:6 error image: {{site.baseurl}}/a.png: no such file beside the post (looked for <site>/posts/{{site.baseurl}}/a.png)",
      "posts/2021-05-01-x.md:6:62 warning link: #없음: no heading with this id in <site>/posts/2021-04-13-kubernetes-intro.md (ids there: #그래서-쿠버네티스가-뭔데, #overview)",
    ],
  },
  {
    name: "an image whose target is a page, not a file: the home page ({{ site.url }} alone), a post, a tag page",
    files: {
      "posts/2021-05-01-x.md": post("title: x\ntags: [k8s]", "\n![홈]({{ site.url }}) ![글](/devops/kubernetes-intro/) ![태그](/tags/k8s/)\n\n[홈으로]({{ site.url }})\n"),
    },
    expected: [
      "posts/2021-05-01-x.md:6:6 error image: /: the site's home page ({{ site.url }} alone is it too), not an image file",
      "posts/2021-05-01-x.md:6:27 error image: /devops/kubernetes-intro/: the URL of <site>/posts/2021-04-13-kubernetes-intro.md, not an image file",
      "posts/2021-05-01-x.md:6:60 error image: /tags/k8s/: a page of the site, not an image file",
    ],
  },
  {
    name: "an unclosed code fence",
    files: { "posts/2021-05-01-x.md": post("title: x", "\n```yaml\nkey: value\n") },
    expected: ["posts/2021-05-01-x.md:5:1 warning code: this code fence is never closed; the rest of the post is shown as code"],
  },
  {
    name: "closed fences in blockquotes and list items are closed",
    files: {
      "posts/2021-05-01-x.md": post("title: x", "\n> ~~~\n> a: 1\n> ~~~\n\n> ```yaml\n> b: 2\n> ```\n\n- 항목\n\n  ```sh\n  ls\n  ```\n\n> - 인용 속 목록\n>\n>   ```\n>   x\n>   ```\n"),
    },
    expected: [],
  },
  {
    name: "an unclosed fence inside a blockquote: the quote ends it, and the text after it is not code",
    files: { "posts/2021-05-01-x.md": post("title: x", "\n> ```yaml\n> key: value\n\n본문\n") },
    expected: ["posts/2021-05-01-x.md:5:1 warning code: this code fence in a block quote ends with the quote, where a line does not start with >; start every line of the code and the closing fence with >, or take the fence out of the quote"],
  },
  {
    name: "a quoted fence whose code lines are not quoted (an old Blackfriday habit): the closing fence opens one that runs to the end",
    files: { "posts/2021-05-01-x.md": post("title: x", "\n>```\ngit clone https://github.com/golang/go\n```\n\n본문\n") },
    expected: [
      "posts/2021-05-01-x.md:5:1 warning code: this code fence in a block quote ends with the quote, where a line does not start with >; start every line of the code and the closing fence with >, or take the fence out of the quote",
      "posts/2021-05-01-x.md:7:1 warning code: this code fence is never closed; the rest of the post is shown as code",
    ],
  },
  {
    name: "an unclosed fence in a list item: the item ends it; at the end of the post, the rest is code",
    files: {
      "posts/2021-05-01-x.md": post("title: x", "\n- 설치\n\n  ```sh\n  ls\n\n본문\n"),
      "posts/2021-05-02-y.md": post("title: y", "\n- 설치\n\n  ```sh\n  ls\n"),
    },
    expected: [
      "posts/2021-05-01-x.md:7:1 warning code: this code fence in a list item ends with the item, where a line is not indented under it; indent the code and the closing fence like the item's text",
      "posts/2021-05-02-y.md:7:1 warning code: this code fence is never closed; the rest of the post is shown as code",
    ],
  },
  {
    name: "an explicit id used twice, or used by the layout",
    files: { "posts/2021-05-01-x.md": post("title: x", "\n## 설치 {#install}\n\n## Install\n\n## 다시 {#install}\n\n## 본문 {#main}\n") },
    expected: [
      'posts/2021-05-01-x.md:9:1 warning id: id "install" is already used earlier in this post; links to #install reach only the first one, so give it another id',
      'posts/2021-05-01-x.md:11:1 warning id: id "main" is already used by the page layout; links to #main reach only the first one, so give it another id',
    ],
  },
];

for (const { name, files, assets, expected } of CASES) {
  test(`check: ${name}`, async () => {
    assert.deepEqual(await check(files, assets), expected);
  });
}

test("check: errors come before warnings and notes, each by file and line", async () => {
  const lines = await check({
    "posts/2099-01-01-a.md": post("title: a"),
    "posts/2021-05-01-b.md": post("title: b", "\n```\n"),
    "posts/2021-05-02-c.md": post("title: c\ntags: {}"),
  });
  assert.deepEqual(lines.map((line) => line.split(" ")[1]), ["error", "warning", "info"]);
});
