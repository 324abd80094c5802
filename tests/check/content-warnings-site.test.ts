/**
 * A whole blog with the problems a migrated blog has, built by the real commands: `npm run build`
 * publishes it with one warning per problem and a grouped summary naming the fix, `npm run check`
 * fails on the same problems, and a strict build (setting or `--strict`) fails and keeps the
 * previous site. Generated URLs are known to the check, `./x.md` links reach their post, Liquid is
 * checked as the page gets it, and a post with no date is dated from git or its file time.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, utimes } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { runCli, type CliResult } from "../helpers/run-cli.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { buildSite } from "../../src/cli/build-site.ts";
import { site } from "../../src/site.ts";

const INTRO = `---
title: 쿠버네티스 입문
categories: [devops]
tags: [k8s]
---

## 설치

[없는 글](/devops/nope/) 그리고 ![로고](/images/logo.png)

[없는 절](#없는-앵커)

[피드](/feed.xml) [JSON](/feed.json) [지도](/sitemap.xml) [로봇](/robots.txt) [404](/404.html)
[태그 피드](/tags/k8s/feed.xml) [분류 피드](/categories/devops/feed.xml) [검색](/pagefind/pagefind.js)
[보관](/archive/) [2쪽](/page/2/) [태그 2쪽](/tags/k8s/page/2/)

![없는 자산](/assets/images/없음.png)

![따옴표 안 경로]('/images/quoted.png')

| 그림 | 설명 |
|---|---|
| ![표 안](/assets/images/in-table.png) | 표 칸 안의 그림 |

- 목록 항목의 문단, 다음 줄이 이어지는 그림
![이어진 줄](/assets/images/lazy-line.png)

![아이콘](\\assets\\favicon.svg)
![역슬래시](\\assets\\images\\backslash.png)
`;

const HELM = `---
title: 헬름
categories: [devops]
tags: [k8s]
---

## 차트

[입문의 설치](./2021-04-13-kubernetes-intro.md#설치) [옛 주소](/posts/kubernetes-intro/) [옛 주소 2](/posts/helm/)

![아이콘]({{ site.baseurl }}/assets/favicon.svg)

[옛 글]({% post_url 2020-01-01-gone %})
`;

const UNDATED = "---\ntitle: 날짜 없는 글\n---\n\n본문\n";
const GIT_DATE = "2020-02-03T04:05:06+09:00";
const MTIME = new Date("2020-06-07T01:02:03Z");

let root: string;
let posts: string;
let output: string;
let build: CliResult;
let hasGit = true;

const cache = () => path.join(root, "cache");
const cli = (script: string, args: string[]) => runCli(script, args, 180_000);

function git(args: string[]) {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: root, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_DATE: GIT_DATE, GIT_COMMITTER_DATE: GIT_DATE },
  });
}

before(async () => {
  root = await writeTempFolder("content-warnings", {
    "posts/2021-04-13-kubernetes-intro.md": INTRO,
    "posts/2021-05-01-helm.md": HELM,
    "posts/notes/undated-git.md": UNDATED,
    "posts/notes/undated-file.md": UNDATED.replace("날짜 없는 글", "파일 시각 글"),
    // The old site's image folder is here, but not served: the fix is one setting.
    "images/other.png": "png",
  });
  posts = path.join(root, "posts");
  output = path.join(root, "_site");
  try {
    git(["init", "-q"]);
    git(["add", "posts/notes/undated-git.md"]);
    git(["commit", "-q", "-m", "add"]);
  } catch {
    hasGit = false;
  }
  await utimes(path.join(posts, "notes/undated-file.md"), MTIME, MTIME);
  // Settings the child builds read: one post per list page, so page 2 exists; caches in the temp folder.
  process.env.OPSNOTE_PAGE_SIZE = "1";
  process.env.OPSNOTE_CACHE_DIR = cache();
  build = await cli("src/cli/build.ts", ["--posts", posts, "--output", output]);
});

after(() => rm(root, { recursive: true, force: true }));

const page = async (url: string) => parseHTML(await readFile(path.join(output, decodeURIComponent(url), "index.html"), "utf8")).document;
const occurrences = (text: string, needle: RegExp) => text.split("\n").filter((line) => needle.test(line)).length;

test("npm run build publishes the site and prints each content problem once, as a warning with file:line:col", () => {
  assert.equal(build.code, 0, build.stdout + build.stderr);
  const expected: RegExp[] = [
    /2021-04-13-kubernetes-intro\.md:9:8 warning link: \/devops\/nope\/: no post or page has this URL/,
    /2021-04-13-kubernetes-intro\.md:9:\d+ warning image: \/images\/logo\.png: no such file in .*\/images\//,
    /2021-04-13-kubernetes-intro\.md:11:\d+ warning link: #없는-앵커: no heading with this id in this post/,
    /2021-05-01-helm\.md:9:\d+ warning link: \/posts\/kubernetes-intro\/: no post or page has this URL/,
    /2021-05-01-helm\.md:9:\d+ warning link: \/posts\/helm\/: no post or page has this URL/,
    /2021-05-01-helm\.md:13:7 warning link: no post "2020-01-01-gone" in the posts folder/,
  ];
  for (const line of expected) assert.equal(occurrences(build.stderr, line), 1, `${line} once in:\n${build.stderr}`);
  // Found by check and by the image renderer, printed once.
  assert.equal(occurrences(build.stderr, /2021-04-13-kubernetes-intro\.md:17:\d+ warning image: .*\/assets\/images\/(없음|%EC%97%86%EC%9D%8C)\.png/), 1, build.stderr);
  // A path in quotes (the check resolves it against the post's URL) and an image in a table cell (whose
  // markdown-it token has no line): found by both too, printed once, with a line (real blogs printed both).
  assert.equal(occurrences(build.stderr, /kubernetes-intro\.md:19:\d+ warning image: .*quoted\.png/), 1, build.stderr);
  // …said as what it is: quotes, not a folder to publish (the group's fix named a folder under the post's URL).
  assert.equal(occurrences(build.stderr, /kubernetes-intro\.md:19:\d+ warning image: '\/images\/quoted\.png': the quotes are part of the URL.*; write !\[…\]\(\/images\/quoted\.png\)/), 1, build.stderr);
  assert.match(build.stderr, /1 link or image has its URL in quotes — remove the quotes around the URL/);
  assert.equal(occurrences(build.stderr, /kubernetes-intro\.md:23:\d+ warning image: .*in-table\.png/), 1, build.stderr);
  assert.equal(occurrences(build.stderr, /warning image: .*(quoted|in-table)\.png/), 2, build.stderr);
  // An image on a paragraph's second line (a list item's lazy continuation, smjune's hugo-book docs):
  // the renderer named the paragraph's first line, the check the image's, so it was printed twice.
  assert.equal(occurrences(build.stderr, /warning image: .*lazy-line\.png/), 1, build.stderr);
  assert.equal(occurrences(build.stderr, /kubernetes-intro\.md:26:\d+ warning image: .*lazy-line\.png/), 1, build.stderr);
  // Windows-style paths on a paragraph's second line (leewr9's Minima posts): the renderer looked for the
  // target as a browser reads it (`/assets/…`) in lines written with `\`, named the first line, and the
  // warning was printed twice; the existing icon on the first line is no warning at all.
  assert.equal(occurrences(build.stderr, /warning image: .*backslash\.png/), 1, build.stderr);
  assert.equal(occurrences(build.stderr, /kubernetes-intro\.md:29:\d+ warning image: .*backslash\.png/), 1, build.stderr);
  assert.doesNotMatch(build.stderr, /favicon\.svg/);
  assert.doesNotMatch(build.stderr, / error /);
});

test("every generated output is a known URL: feeds, sitemap, robots.txt, 404, tag and category feeds, Pagefind, archive, page 2", () => {
  assert.doesNotMatch(build.stderr, /feed\.xml|feed\.json|sitemap|robots|404\.html|pagefind|archive|page\/2/);
  for (const file of ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "tags/k8s/feed.xml", "categories/devops/feed.xml", "page/2/index.html", "tags/k8s/page/2/index.html"]) {
    assert.ok(existsSync(path.join(output, file)), `${file} is written`);
  }
});

test("the check reads Liquid as the page gets it: {{ site.baseurl }}/assets/favicon.svg is the existing /assets/favicon.svg", async () => {
  assert.doesNotMatch(build.stderr, /favicon|site\.baseurl/);
  const document = await page("/devops/helm/");
  assert.equal(document.querySelector(".post__content img")?.getAttribute("src"), "/assets/favicon.svg");
});

test("the summary groups the problems, one line each with its count and the one fix", () => {
  const summary = build.stderr.slice(build.stderr.indexOf("content warnings in"));
  assert.match(summary, /^\[opsnote\]   2 links point to \/posts\/<slug>\/ that no post or page has — set permalink: \/posts\/:title\/ in opsnote\.config\.yaml \(or add redirects\) and they resolve \(e\.g\. .*2021-05-01-helm\.md:9:\d+ \/posts\/kubernetes-intro\//m);
  // images/ is beside posts/ and in the default staticDirs: the folder is served, the file is what is missing.
  assert.match(summary, /^\[opsnote\]   1 image under \/images\/… is missing — add the files to the images\/ folder the site serves, or fix the paths/m);
  assert.match(summary, /^\[opsnote\]   1 link points to \/devops\/… that no post or page has — fix the link/m);
  assert.match(summary, /^\[opsnote\]   1 link names a heading id that no heading has/m);
  assert.match(summary, /^\[opsnote\]   2 posts have no date/m);
});

test("a relative .md link with an anchor is published as the target post's URL and resolves", async () => {
  const document = await page("/devops/helm/");
  const link = [...document.querySelectorAll(".post__content a")].find((a) => a.textContent === "입문의 설치")!;
  const href = decodeURIComponent(link.getAttribute("href")!);
  assert.equal(href, "/devops/kubernetes-intro/#설치");
  const [url, id] = href.split("#");
  const target = await page(url!);
  assert.ok(target.getElementById(id!), `#${id} is a heading of ${url}`);
  assert.doesNotMatch(build.stderr, /2021-04-13-kubernetes-intro\.md#/);
});

test("a post with no date builds with a warning, dated from the commit that added it, else from its file time", async (t) => {
  assert.equal(occurrences(build.stderr, /notes\/undated-file\.md:1:1 warning date: no date: dated 2020-06-07T10:02:03\+09:00 from the file's modification time/), 1, build.stderr);
  assert.equal((await page("/undated-file/")).querySelector("time")?.getAttribute("datetime"), "2020-06-07T10:02:03+09:00");
  if (!hasGit) return t.skip("git is not installed: the git date is not tested");
  assert.equal(occurrences(build.stderr, /notes\/undated-git\.md:1:1 warning date: no date: dated 2020-02-03T04:05:06\+09:00 from the first git commit of the file/), 1, build.stderr);
  assert.equal((await page("/undated-git/")).querySelector("time")?.getAttribute("datetime"), GIT_DATE);
});

test("npm run check reports the same problems as errors and exits 1", async () => {
  const check = await cli("src/cli/check.ts", ["--posts", posts]);
  assert.equal(check.code, 1, check.stdout + check.stderr);
  assert.match(check.stdout, /2021-04-13-kubernetes-intro\.md:9:8 error link: \/devops\/nope\/: no post or page has this URL/);
  assert.match(check.stdout, /2021-05-01-helm\.md:9:\d+ error link: \/posts\/helm\/: no post or page has this URL/);
  assert.doesNotMatch(check.stdout, /feed\.xml|pagefind|favicon/);
});

test("a strict build (--strict, or strict: true in the settings) fails on them and leaves the previous site untouched", async () => {
  const before = await readFile(path.join(output, "index.html"), "utf8");
  const strict = await cli("src/cli/build.ts", ["--posts", posts, "--output", output, "--strict"]);
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  assert.match(strict.stderr, /2021-04-13-kubernetes-intro\.md:9:8 error link: \/devops\/nope\/: no post or page has this URL/);
  assert.match(strict.stderr, /build failed; the previous site was left as it was/);
  assert.equal(await readFile(path.join(output, "index.html"), "utf8"), before);

  site.strict = true;
  try {
    await assert.rejects(buildSite({ posts, output }), /\/devops\/nope\/: no post or page has this URL/);
  } finally {
    site.strict = false;
    // Eleventy's "cli" source marks a failed build with process.exitCode = 1; this failure was expected.
    process.exitCode = 0;
  }
  assert.equal(await readFile(path.join(output, "index.html"), "utf8"), before);
});

test("under a path prefix the .md link gets the prefix like every other URL", async () => {
  const prefixed = path.join(root, "prefixed");
  const built = buildInChild(posts, prefixed, { OPSNOTE_PATH_PREFIX: "/blog/" });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const { document } = parseHTML(await readFile(path.join(prefixed, "devops/helm/index.html"), "utf8"));
  const link = [...document.querySelectorAll(".post__content a")].find((a) => a.textContent === "입문의 설치")!;
  assert.equal(decodeURIComponent(link.getAttribute("href")!), "/blog/devops/kubernetes-intro/#설치");
});
