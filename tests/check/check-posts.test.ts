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
import { makeTempDir } from "../helpers/run-cli.ts";

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
    name: "an unclosed code fence",
    files: { "posts/2021-05-01-x.md": post("title: x", "\n```yaml\nkey: value\n") },
    expected: ["posts/2021-05-01-x.md:5:1 warning code: this code fence is never closed; the rest of the post is shown as code"],
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
