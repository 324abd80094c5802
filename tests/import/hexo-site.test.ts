/**
 * A Hexo (NexT) site moves in: `_config.yml` + `_config.next.yml`, `source/_posts/` with an asset
 * folder, tag plugins, hierarchical and nested categories, a Korean file name, dates near midnight
 * in KST, a post in a sub-folder and one with its own permalink, a draft, the about page,
 * `source/images/` served from the root, and a thumbnail from the theme's own `source/`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aboutPageText, importAndBuild, proseText, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("hexo");

registerSiteInvariants(site, {
  oldUrls: ["/2024/03/01/istio-mesh/", "/2024/05/10/helm-차트-정리/", "/2024/01/05/ops/cron-backup/", "/runbook/", "/about/", "/categories/DevOps/서비스메시/", "/tags/helm/", "/categories/retrospective/"],
});

test("detected as a Hexo site, not Jekyll (both have a _config.yml)", () => {
  assert.match(site.imported.stdout, /imported a Hexo site: 7 post\(s\)/);
});

test("settings carried from _config.yml and the theme's _config.next.yml", () => {
  assert.deepEqual(
    { ...site.settings, redirects: undefined },
    {
      title: "헥소 운영 노트", description: "플랫폼 팀의 헥소 블로그", author: { name: "박헥소" }, language: "ko-KR", timeZone: "Asia/Seoul",
      url: "https://hexo-ops.example.kr", pathPrefix: "/", pageSize: 7, permalink: "/:year/:month/:day/:title/",
      comments: { provider: "utterances", repo: "hexo-ops/comments", issueTerm: "pathname" }, verification: { google: "g-hexo-verify" },
      redirects: undefined,
    },
  );
  // A post in a sub-folder of _posts/ had the folder in its :title; the draft was never published. A child
  // category's page was under its parent's; /categories/DevOps/ differs from /categories/devops/ only in case.
  // tag_map and category_map gave "Helm Chart" and 회고 other slugs.
  // Icarus' all-archives/index.md (layout: all-archives, no text) was the theme's archive page.
  assert.deepEqual(site.settings.redirects, {
    "/2024/01/05/ops/cron-backup/": "/2024/01/05/cron-backup/",
    "/all-archives/": "/archive/",
    "/categories/DevOps/배포/": "/categories/배포/",
    "/categories/DevOps/서비스메시/": "/categories/서비스메시/",
    "/categories/retrospective/": "/categories/회고/",
    "/tags/helm/": "/tags/helm-chart/",
  });
});

test("dates are read in the config's zone: 23:30 and 00:10 KST stay on their day", async () => {
  const times = async (file: string) => [...(await site.document(file)).querySelectorAll("main time")].map((t) => t.getAttribute("datetime"));
  assert.equal((await times("2024/03/01/istio-mesh/index.html"))[0], "2024-03-01T23:30:00+09:00");
  assert.equal((await times("2024/05/10/helm-차트-정리/index.html"))[0], "2024-05-10T00:10:00+09:00");
  assert.ok((await times("2024/03/01/istio-mesh/index.html")).includes("2024-03-04T09:00:00+09:00"), "updated: is the post's last change");
});

test("the asset folder lands beside the post: asset_img and the folder-prefixed image both resolve", async () => {
  for (const file of ["posts/istio-mesh/index.md", "posts/istio-mesh/topology.png", "posts/istio-mesh/flow diagram.png", "static/images/logo.png", "static/CNAME"]) {
    assert.ok(existsSync(path.join(site.project, file)), file);
  }
  const post = await site.document("2024/03/01/istio-mesh/index.html");
  const images = [...post.querySelectorAll("main img")].map((img) => [img.getAttribute("alt"), decodeURIComponent(img.getAttribute("src")!)]);
  assert.deepEqual(images, [["메시 구성도", "/istio-mesh/topology.png"], ["흐름도", "/istio-mesh/flow diagram.png"]]);
});

test("a relative image Hexo left for the browser (../images/logo.png on /runbook/, which is also source/images/ from _posts/) is the root image it named", async () => {
  const runbook = await site.document("runbook/index.html");
  assert.deepEqual([...runbook.querySelectorAll("main img")].map((img) => img.getAttribute("src")), ["/images/logo.png"]);
});

test("a theme's cover key (Icarus' thumbnail) is the post's image, its file copied from the theme's source/ (hangack: 69 posts)", async () => {
  assert.match(await readFile(path.join(site.project, "posts", "ops", "cron-backup.md"), "utf8"), /^image: \/thumbnails\/cron\.svg$/m);
  assert.ok(existsSync(path.join(site.project, "static", "thumbnails", "cron.svg")), "copied from themes/next/source/");
  const cron = await site.document("2024/01/05/cron-backup/index.html");
  assert.match(cron.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "", /\/thumbnails\/cron\.svg$/);
});

test("codeblock is a highlighted fence with its title, {{ }} kept; note is a warning callout", async () => {
  const post = await site.document("2024/03/01/istio-mesh/index.html");
  const block = post.querySelector('main .code-block[data-title="values.yaml"]');
  assert.equal(block?.getAttribute("data-lang"), "yaml");
  assert.ok(block?.querySelector("pre.shiki"), "highlighted");
  assert.match(block!.textContent!, /tag: \{\{ \.Values\.image\.tag \}\}/);
  const callout = post.querySelector("main .callout--warning");
  assert.match(callout?.textContent ?? "", /canary 부터 적용하세요/);
});

test("blockquote, raw, post_link and youtube become markdown; no tag is left in the text", async () => {
  const helm = await site.document("2024/05/10/helm-차트-정리/index.html");
  assert.match(helm.querySelector("main blockquote")!.textContent!, /No code is better than no code\.\s*— 켈시 하이타워/);
  const link = [...helm.querySelectorAll("main a")].find((a) => a.textContent === "Istio 서비스 메시 도입기");
  assert.equal(link?.getAttribute("href"), "/2024/03/01/istio-mesh/");
  assert.ok([...helm.querySelectorAll("main code")].some((code) => code.textContent === "{{ .Release.Name }}"), "raw's inline code kept literal");
  const cron = await site.document("2024/01/05/cron-backup/index.html");
  assert.ok([...cron.querySelectorAll("main a")].some((a) => a.getAttribute("href") === "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
  for (const file of await site.htmlFiles()) assert.doesNotMatch(proseText(await site.document(file)), /\{%/, file);
});

test("categories: a list is a branch, nested lists several, each a category page with a Korean URL; a one-string tag stays one tag", async () => {
  const terms = async (file: string, kind: string) =>
    [...new Set([...(await site.document(file)).querySelectorAll(`main a[href^="/${kind}/"]`)].map((a) => `${a.textContent!.trim()} ${decodeURIComponent(a.getAttribute("href")!)}`))];
  assert.deepEqual(await terms("2024/03/01/istio-mesh/index.html", "categories"), ["DevOps /categories/devops/", "서비스메시 /categories/서비스메시/"]);
  assert.deepEqual(await terms("2024/05/10/helm-차트-정리/index.html", "categories"), ["DevOps /categories/devops/", "배포 /categories/배포/", "회고 /categories/회고/"]);
  assert.deepEqual(await terms("2024/05/10/helm-차트-정리/index.html", "tags"), ["Helm Chart /tags/helm-chart/"]);
  assert.ok(site.fileOf("/categories/서비스메시/"), "the Korean category page exists");
});

test("the draft is imported as a draft, the theme's tags page is not, the about page is /about/", async () => {
  assert.match(await readFile(path.join(site.project, "posts", "drafts", "wip-argo.md"), "utf8"), /^draft: true$/m);
  assert.doesNotMatch(await readFile(path.join(site.output, "sitemap.xml"), "utf8"), /wip-argo/);
  assert.ok(!existsSync(path.join(site.project, "posts", "pages", "tags", "index.md")));
  assert.match(await aboutPageText(site), /플랫폼 엔지니어 박헥소입니다/);
});

test("the report groups what it did by kind", () => {
  assert.deepEqual(reportedKinds(site.imported.stdout), { "hexo-tag": 8, "hexo-front-matter": 5, "hexo-date": 1, "hexo-relative-url": 2, "root-url": 1, "theme-source": 1, redirect: 6, skipped: 2 });
  // huxblog's `source/404.md` (`layout: 404`), published at /404.html: opsnote writes its own 404 page.
  assert.match(site.imported.stdout, /source\/404\.md warning skipped: the theme's 404 page; opsnote makes its own, so it is not imported/);
});

test("a date Hexo could not read (`date: Invalid date`) is the file's date in the copy, as Hexo dated it, and the post builds at the URL of that day", async () => {
  const copy = await readFile(path.join(site.project, "posts", "invalid-date.md"), "utf8");
  const dated = /^date: "?(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}\+09:00"?$/m.exec(copy);
  assert.ok(dated, copy);
  assert.doesNotMatch(copy, /^date: Invalid date$/m);
  assert.match(site.imported.stdout, /invalid-date\.md:3:1 warning hexo-date: date: Invalid date is no date Hexo could read, so it dated the post by the file's creation; date: \S+ \(the file's modification time\) in the copy/);
  const [, year, month, day] = dated;
  assert.ok(existsSync(path.join(site.output, year!, month!, day!, "invalid-date", "index.html")), "old and new URL alike: /YYYY/MM/DD/invalid-date/");
});

test("Fluid's relative img/x.png, which Hexo's markdown renderer wrote from the site root: the copy says the root path, in the body and the cover", async () => {
  const copy = await readFile(path.join(site.project, "posts", "dotnet-orm.md"), "utf8");
  assert.match(copy, /^image: \/img\/orm\/cover\.png$/m);
  assert.match(copy, /^!\[\]\(\/img\/orm\/p00\.png\)$/m);
  assert.doesNotMatch(site.imported.stdout, /missing-file/);
  const post = await site.document("2024/02/01/dotnet-orm/index.html");
  assert.equal(post.querySelector("main .post__content img")?.getAttribute("src"), "/img/orm/p00.png");
  assert.ok(existsSync(path.join(site.output, "img", "orm", "cover.png")));
});
