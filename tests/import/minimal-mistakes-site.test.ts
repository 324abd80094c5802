/**
 * A Minimal-Mistakes-like Jekyll site moves in: images under /images/ (a top-level static folder),
 * `{% include figure image_path=… %}`, `{{ site.baseurl }}`, notices, `/:categories/:title/` URLs
 * under a baseurl, utterances, author links, the about page in `_pages/`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aboutPageText, importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("minimal-mistakes");

registerSiteInvariants(site, {
  // /homelab/rpi-cluster/ is homelab/_posts/: Jekyll reads `_posts` in any folder.
  oldUrls: ["/terraform/terraform-state-lock/", "/인프라/vpc-endpoint/", "/homelab/rpi-cluster/", "/about/", "/uses/"],
  // The posts use /images/ and /files/: the build cannot find them until it serves top-level folders.
});

test("settings carried: baseurl as path prefix, locale, utterances, author with links", () => {
  assert.equal(site.settings.pathPrefix, "/blog/");
  assert.equal(site.settings.permalink, "/:categories/:title/");
  assert.equal(site.settings.language, "ko-KR");
  assert.equal(site.settings.pageSize, 5);
  assert.deepEqual(site.settings.comments, { provider: "utterances", repo: "cloudnote/cloudnote.github.io", issueTerm: "pathname" });
  assert.deepEqual(site.settings.analytics, { google: "G-MMTEST01" });
  assert.deepEqual(site.settings.verification, { google: "mm-google-verify", naver: "mm-naver-verify" });
  assert.deepEqual(site.settings.author, {
    name: "박클라우드", email: "cloud@example.kr", avatar: "/images/profile.png", bio: "테라폼을 좋아하는 SRE",
    links: [{ label: "GitHub", url: "https://github.com/cloudnote" }, { label: "Blog RSS", url: "https://cloudnote.example.kr/blog/feed.xml" }],
  });
  assert.equal(site.settings.staticDirs, undefined, "files/ and images/ are among the default staticDirs");
  assert.equal(site.settings.redirects, undefined, "the carried pattern reproduces every old URL");
});

test("a post in homelab/_posts/ is imported under posts/homelab/; the folder's index page is not a post", () => {
  assert.ok(existsSync(path.join(site.project, "posts", "homelab", "2024-05-01-rpi-cluster.md")));
  assert.ok(!existsSync(path.join(site.project, "posts", "homelab", "index.md")));
});

test("/images/ and /files/ land at the project root, so their root URLs keep working", () => {
  for (const file of ["images/state.png", "images/lock.png", "images/profile.png", "images/endpoint.png", "files/vpc-checklist.pdf"]) {
    assert.ok(existsSync(path.join(site.project, file)), file);
  }
});

test("_pages/about.md becomes the about page, other pages standalone pages at their old URL; theme archive pages stay out", async () => {
  assert.match(await readFile(path.join(site.project, "posts", "about.md"), "utf8"), /^---\nlayout: page\ntitle: "저자 소개"\npermalink: \/about\/\n---\n/);
  assert.match(await readFile(path.join(site.project, "posts", "pages", "uses.md"), "utf8"), /^---\nlayout: page\ntitle: "쓰는 도구"\npermalink: \/uses\/\n---\n\n터미널과 편집기 목록\.\n$/);
  assert.ok(!existsSync(path.join(site.project, "posts", "pages", "category-archive.md")));
  // Declared as a `pages` collection with output: true, _pages/ is still read as pages, and the theme's
  // tag index (which opsnote generates itself) stays out.
  assert.ok(!existsSync(path.join(site.project, "posts", "pages", "tags.md")));
  assert.ok(!existsSync(path.join(site.project, "posts", "tags.md")));
  assert.match(site.imported.stdout, /_pages\/uses\.md warning page: a standalone page at \/uses\/, saved as posts\/pages\/uses\.md/);
});

test("{{ site.url }}{{ site.baseurl }} starting an image target gets the path prefix once, like {{ site.baseurl }}, with its AVIF/WebP copies", async () => {
  const images = [...(await site.document("인프라/vpc-endpoint/index.html")).querySelectorAll("main .post__content img")];
  const state = images.find((img) => img.getAttribute("alt") === "상태 파일");
  assert.equal(state?.getAttribute("src"), "/blog/images/state.png");
  assert.match(state?.closest("picture")?.querySelector("source")?.getAttribute("srcset") ?? "", /^\/blog\/assets\/responsive\/state-/);
});

test("the report groups: one page", () => {
  assert.deepEqual(reportedKinds(site.imported.stdout), { page: 1 });
});

test("the old about page is the new site's /about/", async () => {
  assert.match(await aboutPageText(site), /테라폼으로 인프라를 관리합니다/);
});
