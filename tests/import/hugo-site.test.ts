/**
 * A Hugo site moves in: `hugo.toml`, a page bundle with its image beside, `static/images/` (and the
 * theme's `static/robots.txt`, which opsnote writes itself), `aliases`,
 * `[permalinks] posts = "/:year/:month/:slug/"`, `content/about.md`, a `docs/` bundle with its image
 * (a standalone page); themes are left out.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aboutPageText, importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("hugo");

registerSiteInvariants(site, {
  oldUrls: ["/2024/02/istio-mtls/", "/2024/01/etcd-백업-자동화/", "/old/etcd-backup/", "/about/", "/notes/plain/", "/docs/runbook/", "/posts/"],
});

test("settings carried from hugo.toml", () => {
  assert.deepEqual(
    { title: site.settings.title, description: site.settings.description, url: site.settings.url, pathPrefix: site.settings.pathPrefix,
      timeZone: site.settings.timeZone, language: site.settings.language, pageSize: site.settings.pageSize, permalink: site.settings.permalink,
      analytics: site.settings.analytics, author: site.settings.author, staticDirs: site.settings.staticDirs },
    { title: "쿠버 운영 로그", description: "온콜 일지와 클러스터 운영 메모", url: "https://hugo-ops.example.kr", pathPrefix: "/",
      timeZone: "Asia/Seoul", language: "ko-kr", pageSize: 7, permalink: "/:year/:month/:slug/",
      analytics: { google: "G-HUGO0001" }, author: { name: "이해커", email: "hugo@example.kr" }, staticDirs: undefined },
  );
});

test("Hugo's :slug without a slug is the title: that old URL gets a redirect to the file-name URL", () => {
  // `url = "/notes/plain"` was served at /notes/plain/, the post's URL still: no redirect, which would be its own page.
  // The section /posts/ listed its posts: opsnote lists them in its archive.
  // PaperMod's archives.md and search.md, Stack's page/archives/ (layout: archives / search, no text): opsnote's archive, and the home page, whose header searches.
  assert.deepEqual(site.settings.redirects, { "/2024/01/etcd-백업-자동화/": "/2024/01/etcd-backup/", "/posts/": "/archive/", "/archives/": "/archive/", "/search/": "/", "/page/archives/": "/archive/", "/contact/": "/about/" });
  assert.doesNotMatch(site.build.stdout + site.build.stderr, /already a page of the site/);
});

test("the bundle keeps its folder and image; static/ is the project's static/ (served from the root); themes and section files stay out", async () => {
  assert.ok(existsSync(path.join(site.project, "posts", "istio-mtls", "index.md")));
  assert.ok(existsSync(path.join(site.project, "posts", "istio-mtls", "mtls.png")));
  assert.ok(existsSync(path.join(site.project, "static", "images", "etcd-backup.png")));
  assert.ok(existsSync(path.join(site.output, "favicon.ico")), "a file at static/'s top is served from the site root");
  assert.ok(!existsSync(path.join(site.project, "posts", "_index.md")));
  assert.ok(!existsSync(path.join(site.project, "themes")));
  assert.match(await readFile(path.join(site.project, "posts", "about.md"), "utf8"), /^---\nlayout: page\ntitle: "이 블로그에 대해"\ndescription: "온콜 엔지니어의 메모"\npermalink: \/about\/\n---\n/);
});

test("the report groups: shortcodes converted and kept with file:line, the redirects", () => {
  assert.deepEqual(reportedKinds(site.imported.stdout), { converted: 3, "generated-file": 1, "hugo-image": 1, "hugo-alias": 1, "missing-file": 1, page: 1, "post-link": 2, "post-link-kept": 1, redirect: 6, "root-url": 3, shortcode: 1, skipped: 3, "theme-source": 2 });
  assert.match(site.imported.stdout, /istio-mtls\/index\.md:12:1 warning converted: \{\{< highlight bash >\}\}/);
  assert.match(site.imported.stdout, /2024-01-20-etcd-backup\.md:23:1 warning shortcode: \{\{< gist ops-hacker 0a1b2c3d >\}\} kept as written/);
});

test("files ignoreFiles matches (Go regular expressions, (?i) too) are neither posts nor pages, and the report says why", () => {
  for (const file of ["posts/CLAUDE.md", "posts/next-post.WIP.md", "posts/pages/docs/CLAUDE.md", "posts/docs/CLAUDE.md"]) {
    assert.ok(!existsSync(path.join(site.project, file)), file);
  }
  const skipped = site.imported.stdout.split("\n").filter((line) => / warning skipped: matched by ignoreFiles/.test(line)).map((line) => line.trim().split(" ")[0]!.replace(/^.*\/content\//, ""));
  assert.deepEqual(skipped.sort(), ["docs/CLAUDE.md", "posts/CLAUDE.md", "posts/next-post.WIP.md"]);
  assert.ok(existsSync(path.join(site.project, "posts", "pages", "docs", "runbook", "index.md")), "the rest of docs/ is still a page");
});

test("a {{< ref >}} or {{< relref >}} link is a link to the post's copy, which the build makes the post's URL; one to no post is kept and reported", async () => {
  assert.match(site.imported.stdout, /pointpillars\.md:15:1 warning post-link: \{\{< ref "2024-01-20-etcd-backup\.md#복원" >\}\} -> posts\/2024-01-20-etcd-backup\.md/);
  assert.match(site.imported.stdout, /pointpillars\.md:16:1 warning post-link-kept: \{\{< ref "no-such-post" >\}\} kept as written: no post of the old site answers to it/);
  const copy = await readFile(path.join(site.project, "posts", "pointpillars.md"), "utf8");
  assert.match(copy, /\[etcd 글의 복원\]\(\.\/2024-01-20-etcd-backup\.md#복원\)/);
  assert.match(copy, /\[이 글\]\(\.\/istio-mtls\/index\.md\)/);
  const links = Object.fromEntries([...(await site.document("2024/04/pointpillars/index.html")).querySelectorAll("main .post__content a:not(.heading-anchor)")].map((a) => [a.textContent, decodeURIComponent(a.getAttribute("href")!)]));
  assert.equal(links["etcd 글의 복원"], "/2024/01/etcd-backup/#복원");
  assert.equal(links["이 글"], "/2024/02/istio-mtls/");
  assert.ok(site.resolve(links["etcd 글의 복원"]!) && site.resolve(links["이 글"]!), "both links answer");
});

test("converted shortcodes: the copy has markdown, the old site's file is untouched", async () => {
  const copy = await readFile(path.join(site.project, "posts", "2024-01-20-etcd-backup.md"), "utf8");
  assert.match(copy, /!\[백업 흐름도\]\(\/images\/etcd-backup\.png "매시간 스냅샷"\)/);
  assert.match(copy, /> \[!WARNING\]\n> \*\*주의\*\*\n>\n> 복원 전에/);
  assert.match(await readFile(path.join(site.source, "content", "posts", "2024-01-20-etcd-backup.md"), "utf8"), /\{\{% notice warning/);
});

test("PaperMod's ShowToc: true is the post's table of contents; a post without it has none", async () => {
  const etcd = await site.document("2024/01/etcd-backup/index.html");
  assert.deepEqual([...etcd.querySelectorAll("nav.toc a")].map((a) => a.textContent), ["스냅샷", "복원"]);
  assert.doesNotMatch(site.imported.stdout + site.build.stdout + site.build.stderr, /ShowToc/, "no warning about the key");
  const istio = await site.document("2024/02/istio-mtls/index.html");
  assert.ok(istio.querySelector("main h2#다음-단계"), "the post has a heading");
  assert.equal(istio.querySelector("nav.toc"), null);
});

test("the old about page is the new site's /about/", async () => {
  assert.match(await aboutPageText(site), /온콜을 돌며 배운 것을 적습니다/);
});

test("a docs page bundle is a standalone page at its old URL, with its image beside it", async () => {
  assert.ok(existsSync(path.join(site.project, "posts", "pages", "docs", "runbook", "failover.png")));
  const runbook = await site.document("docs/runbook/index.html");
  const src = runbook.querySelector("article img")?.getAttribute("src") ?? "";
  assert.ok(existsSync(path.join(site.output, decodeURI(src))), src);
});

test("DoIt's featuredImage is the post's image, and images not beside the post are the root paths DoIt published, copied from assets/", async () => {
  const copy = await readFile(path.join(site.project, "posts", "pointpillars.md"), "utf8");
  assert.match(copy, /^image = "\/images\/ruler\.png"$/m);
  assert.match(copy, /!\[복셀\]\(\/images\/voxel\.png\)/);
  assert.match(copy, /!\[백업\]\(\/images\/etcd-backup\.png\)/);
  for (const file of ["voxel.png", "ruler.png"]) assert.ok(existsSync(path.join(site.project, "static", "images", file)), file);
  const post = await site.document("2024/04/pointpillars/index.html");
  assert.deepEqual([...post.querySelectorAll("main .post__content img")].map((img) => img.getAttribute("src")), ["/images/voxel.png", "/images/etcd-backup.png"]);
  assert.equal(post.querySelector('meta[property="og:image"]')?.getAttribute("content"), `${site.settings.url}/images/ruler.png`);
});

test("a relative alias is the root path Hugo read from the post's folder, and the about page's alias redirects to /about/", async () => {
  assert.match(await readFile(path.join(site.project, "posts", "pointpillars.md"), "utf8"), /^aliases = \["\/2024\/04\/voxel-old\/"\]$/m);
  assert.equal(site.resolve("/2024/04/voxel-old/")?.file, path.join(site.output, "2024", "04", "pointpillars", "index.html"));
  assert.equal(site.resolve("/contact/")?.file, path.join(site.output, "about", "index.html"));
});

test("a theme cover whose file the old site lacks is reported by the import, not made the post's image", async () => {
  assert.match(site.imported.stdout, /lost-cover\.md:6:1 warning missing-file: cover\.image: \/images\/never-committed\.png: not found in the old site; not made the post's image/);
  assert.doesNotMatch(await readFile(path.join(site.project, "posts", "lost-cover.md"), "utf8"), /^image:/m);
  assert.doesNotMatch(site.build.stdout + site.build.stderr, /never-committed/, "the build has nothing to warn about");
});
