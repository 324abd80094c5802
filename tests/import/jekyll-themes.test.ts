/**
 * Jekyll themes' own habits the import meets, without a build (dry runs on small sites).
 *
 * TeXt (ParkDongho/ParkDongho.github.io was the first): its sample `_config.yml` says `timezone: KR`,
 * `permalink: date`, excludes the theme's own `docs/` and `test/` sites (each with a `_posts/` of demo
 * posts) and turns the TOC on with `aside: { toc: true }` (read in translate-settings.test.ts); its
 * `_posts/` holds a note without a date in its name, which Jekyll never published.
 * Hydejack (Jooyoung08/Jooyoung08.github.io): featured categories and tags are collections of list pages.
 * Hux (DooDoo3804/DooDoo3804.github.io): the about page's text is an include per language.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { importSite } from "../../src/import/import-site.ts";
import { jekyllExcluded, listPageUrl } from "../../src/import/site-layout.ts";

const CONFIG = [
  'title: "Dongho\'s Dev Blog"',
  'timezone: "KR"',
  "permalink: date",
  "exclude:",
  "  - README-*.md",
  "  - /docs",
  "  - /test",
  "defaults:",
  "  - scope: { path: \"\", type: posts }",
  "    values:",
  "      layout: article",
  "      aside:",
  "        toc: true",
  "",
].join("\n");

const textSite = () =>
  writeTempFolder("old-text", {
    "_config.yml": CONFIG,
    "_posts/2021-11-27-hello-world.md": "---\nlayout: article\ntitle: HELLO WORLD!\ntags: Blog\nkey: post\n---\n\n본문\n",
    "_posts/verilog_cheat_sheet.md": "# Verilog cheat sheet\n",
    "docs/_config.yml": "title: TeXt docs\n",
    "docs/_posts/2017-06-06-mermaid.md": "---\ntitle: Mermaid\n---\n\ndemo\n",
    "test/_posts/2018-07-01-welcome.md": "---\ntitle: Welcome\n---\n\ndemo\n",
  });

test("an unknown time zone (`timezone: KR`) still gives every post its old URL and its new one", async () => {
  // Before: every date failed to parse in "KR"; the old URL kept `:year` and no post had a new URL (41 warnings).
  const result = await importSite({ source: await textSite(), root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual(result.oldUrls, [{ file: "2021-11-27-hello-world.md", oldUrl: "/2021/11/27/hello-world.html", newUrl: "/2021/11/27/hello-world.html" }]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "url" || w.kind === "date"), []);
  assert.ok(result.warnings.some((w) => w.kind === "setting" && w.line.includes('timeZone: "KR" not carried')));
});

test("folders in `exclude:` are not read for posts: the theme's docs/_posts and test/_posts stay out", async () => {
  const result = await importSite({ source: await textSite(), root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual(result.posts.map((p) => p.to.split("/posts/")[1]), ["2021-11-27-hello-world.md"]);
});

test("a markdown file in _posts without a date in its name is left out, as Jekyll left it out, and said so", async () => {
  const result = await importSite({ source: await textSite(), root: await writeTempFolder("project", {}), dryRun: true });
  const skipped = result.warnings.filter((w) => w.kind === "skipped").map((w) => w.line);
  assert.equal(skipped.length, 1);
  assert.match(skipped[0]!, /verilog_cheat_sheet\.md warning skipped: not a post for Jekyll .*YYYY-MM-DD-/);
});

test("jekyllExcluded matches as Jekyll does: a prefix of the path, a glob, a leading / for the root", () => {
  const excluded = jekyllExcluded({ exclude: ["/docs", "README-*.md", "vendor/", 3, ""] });
  const table: [string, boolean][] = [
    ["docs", true], ["docs/_posts", true], ["README-ko.md", true], ["vendor/bundle", true],
    ["dev", false], ["README.md", false], ["_posts", false],
  ];
  for (const [relative, expected] of table) assert.equal(excluded(relative), expected, relative);
});

test("Hydejack's featured_categories and featured_tags are the theme's list pages: left out, said so, no redirect", async () => {
  // Jooyoung08/Jooyoung08.github.io: `_featured_categories/example.md` became a post dated the import's day.
  const source = await writeTempFolder("old-hydejack", {
    "_config.yml": [
      "permalink: /blog/:categories/:year-:month-:day-:title/",
      "collections:",
      "  featured_categories: { permalink: /blog/:name/, output: true }",
      "  featured_tags: { permalink: /tag-:name/, output: true }",
      "  projects: { permalink: /projects/:path/, output: true }",
      "",
    ].join("\n"),
    "_posts/2024-07-15-docker.md": "---\nlayout: post\ntitle: 도커\n---\n\n본문\n",
    "_featured_categories/example.md": "---\nlayout: grid\ntitle: Example\nslug: example\n---\n",
    "_featured_tags/k8s.md": "---\nlayout: list\ntitle: K8s\nslug: k8s\n---\n",
    "_projects/blog.md": "---\nlayout: project\ntitle: 블로그 만들기\ndate: 2024-03-15\n---\n\n본문\n",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual(result.posts.map((p) => p.to.split("/posts/")[1]).sort(), ["2024-07-15-docker.md", "projects/blog.md"]);
  const skipped = result.warnings.filter((w) => w.kind === "skipped").map((w) => w.line);
  assert.equal(skipped.length, 2);
  assert.ok(skipped.every((line) => /_featured_(categories|tags) warning skipped: collection "featured_(categories|tags)" holds the theme's list pages/.test(line)), skipped.join("\n"));
  assert.deepEqual(Object.keys(result.redirects), ["/projects/blog/"]);
});

test("Beautiful Jekyll's pages at the site's root become standalone pages at their old URLs; theme pages are left out", async () => {
  // kjhov195/beautiful-jekyll: project.md, research.md and jaehun-kang.md (`layout: page`, in its navbar) were lost.
  const source = await writeTempFolder("old-beautiful-jekyll", {
    "_config.yml": "permalink: /:year-:month-:day-:title/\nexclude:\n  - README.md\n  - drafts.md\n",
    "_posts/2019-11-13-spark_install_1.md": "---\nlayout: post\ntitle: Spark 설치\n---\n\n본문\n",
    "about.md": "---\nlayout: page\ntitle: About\n---\n\n소개\n",
    "project.md": "---\nlayout: page\ntitle: Project\n---\n\n## 네이버 웹툰 project\n",
    "research.md": "---\ntitle: Research\nuse_math: true\n---\n\n연구\n",
    "resume.md": "---\nlayout: resume\ntitle: Résumé\n---\n",
    // Jekyll Now's tag.md (minwook-shin): a list of every post in Liquid, shown as raw Liquid when imported.
    "tag.md": "---\nlayout: page\ntitle: tag\npermalink: /tag/\n---\n\n{% for post in site.posts %}\n{{ post.title }}\n{% endfor %}\n",
    "drafts.md": "---\nlayout: page\ntitle: 초안\n---\n",
    "README.md": "# my blog\n",
    "index.html": "---\nlayout: home\n---\n",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  const pages = result.written.filter((w) => w.to.includes("/posts/pages/")).map((w) => [w.to.split("/posts/")[1], w.text.split("\n")[3]]);
  assert.deepEqual(pages, [["pages/project.md", "permalink: /project/"], ["pages/research.md", "permalink: /research/"]]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "skipped").map((w) => w.line.replace(source, "<old>")), [
    `<old>/resume.md warning skipped: a page with the theme's layout "resume", not written content; not imported`,
    `<old>/tag.md warning skipped: a page that lists the site's posts with Liquid (opsnote makes its own tag, category and archive pages); not imported`,
  ]);
  // The list page's URL answers: opsnote's tag list.
  assert.deepEqual(result.redirects, { "/tag/": "/tags/" });
});

test("on a site with Jekyll's default `date` permalink a root page's old URL ends in .html; the about page is redirected from it", async () => {
  const source = await writeTempFolder("old-text", {
    "_config.yml": "permalink: date\n",
    "_posts/2021-11-27-hello-world.md": "---\ntitle: HELLO\n---\n",
    "about.md": "---\nlayout: article\ntitles: About\n---\n\n소개\n",
    "uses.md": "---\nlayout: page\ntitle: 쓰는 도구\n---\n\n목록\n",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual(result.written.filter((w) => w.to.includes("/posts/pages/")).map((w) => w.text.split("\n")[3]), ["permalink: /uses.html"]);
  assert.deepEqual(result.redirects, { "/about.html": "/about/" });
});

test("two posts on one `.html` URL: the earlier gets `-2` before the extension", async () => {
  // taeyeonkim2's YAT blog has OS01 in _posts/ and in _posts/OS/ (same URL); the copy got `/os/2023/12/10/os01.html-2/`.
  const source = await writeTempFolder("old-yat", {
    "_config.yml": "permalink: date\n",
    "_posts/2023-12-10-OS01.md": "---\ntitle: 운영체제 1\ndate: 2023-12-10 09:00:00 +0900\ncategories: OS\n---\n\n첫 글\n",
    "_posts/OS/2023-12-10-OS01.md": "---\ntitle: 운영체제 1\ndate: 2023-12-10 10:00:00 +0900\ncategories: OS\n---\n\n고친 글\n",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  const moved = result.posts.find((p) => p.to.endsWith("/posts/2023-12-10-OS01.md"))!;
  assert.ok(moved, "the earlier post is imported");
  assert.match(moved.text ?? "", /\npermalink: \/os\/2023\/12\/10\/os01-2\.html\n/);
  assert.equal(result.posts.find((p) => p.to.endsWith("/posts/OS/2023-12-10-OS01.md"))!.text, undefined, "the later post keeps its URL as written");
});

test("a file in _posts without an extension is not published as a raw file: left out and said so", async () => {
  // taeyeonkim2's YAT blog: ten posts saved without `.md` were served at /2023-6-11-SPRING2 and the like.
  const source = await writeTempFolder("old-yat", {
    "_config.yml": "permalink: date\n",
    "_posts/2023-6-11-SPRING2": "---\nlayout: post\ntitle: SPRING DB연결\n---\n\n초고\n",
    "_posts/2023-6-11-SPRING2.md": "---\nlayout: post\ntitle: SPRING DB연결\n---\n\n본문\n",
    "_posts/img/diagram.png": "png",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual([...result.posts, ...result.files].map((p) => p.to.split("/posts/")[1]).sort(), ["2023-6-11-SPRING2.md", "img/diagram.png"]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "skipped").map((w) => w.line.replace(source, "<old>")), [
    "<old>/_posts/2023-6-11-SPRING2 warning skipped: no file extension: Jekyll neither published it as a post nor served it; not imported. To publish it, add .md to its name and import again",
  ]);
});

test("Hux's about page is about.html around {% include about/<lang>.md %}: the site's language's include is the about page (kr for ko), not Hux's own zh.md or en.md", async () => {
  const site = (language: string) => writeTempFolder("old-hux", {
    "_config.yml": `title: DooDoo IT Blog\nlang: ${language}\npermalink: /:year/:month/:day/:title/\n`,
    "_posts/2026-04-03-kafka.md": "---\ntitle: Kafka\ncatalog: true\n---\n\n본문\n",
    "about.html": "---\nlayout: default\ntitle: About\n---\n\n<div class=\"kr\">{% capture about_kr %}{% include about/kr.md %}{% endcapture %}{{ about_kr | markdownify }}</div>\n",
    "_includes/about/kr.md": "## 백엔드 개발자 김도윤\n\nSpring Boot 와 Kafka 를 씁니다.\n",
    "_includes/about/en.md": "## Hi, I am Hux\n",
  });
  const result = await importSite({ source: await site("ko"), root: await writeTempFolder("project", {}), dryRun: true });
  const about = result.written.find((w) => w.to.endsWith("/posts/about.md"));
  assert.ok(about, result.written.map((w) => w.to).join("\n"));
  assert.match(about.text, /^title: "About"$/m);
  assert.match(about.text, /## 백엔드 개발자 김도윤/);
  assert.doesNotMatch(about.text, /Hux/);
  // An English Hux site's en.md; a Chinese one without zh.md has none (Hux's boilerplate text is not the blogger's).
  const english = await importSite({ source: await site("en"), root: await writeTempFolder("project", {}), dryRun: true });
  assert.match(english.written.find((w) => w.to.endsWith("/posts/about.md"))?.text ?? "", /## Hi, I am Hux/);
  const chinese = await importSite({ source: await site("zh"), root: await writeTempFolder("project", {}), dryRun: true });
  assert.equal(chinese.written.find((w) => w.to.endsWith("/posts/about.md")), undefined);
});

test("listPageUrl: a theme's list page is opsnote's archive, tag or category list, or its home page; other pages are none", () => {
  const cases: [string, string, string | undefined][] = [
    ["archives.md", "archives", "/archive/"], // Chirpy's tab
    ["dates.md", "archive-dates", "/archive/"], // not-pure-poole (schooldevops)
    ["year-archive.md", "archive", "/archive/"], // Minimal Mistakes
    ["categories.md", "archive-taxonomies", "/categories/"],
    ["category-archive.md", "categories", "/categories/"],
    ["tags.md", "tags", "/tags/"],
    ["search.md", "search", undefined],
    ["404.html", "default", undefined],
    // Minimal Mistakes' latest posts: opsnote's home page (index.html's old URL is "/" already: no redirect).
    ["index.html", "home", "/"],
    ["blog.md", "home", "/"],
    ["projects.md", "default", undefined],
    ["tags-guide.md", "page", undefined],
  ];
  for (const [file, layout, expected] of cases) assert.equal(listPageUrl(file, layout), expected, `${file} (${layout})`);
});

test("a theme's list page whose front matter does not parse still redirects from its file name's URL, and the import goes on", async () => {
  const source = await writeTempFolder("old-broken-archive", {
    "_config.yml": "permalink: /:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: 하나\n---\n",
    "archives.md": "---\nlayout: archives\npermalink: [\n---\n",
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}), dryRun: true });
  assert.deepEqual(result.redirects, { "/archives/": "/archive/" });
});
