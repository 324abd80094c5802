/**
 * Old URLs as each generator computed them, and permalink translations: tables of input and expected.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { hexoSlugize, oldGatsbyUrl, oldHexoTermUrls, oldHexoUrl, oldHugoUrl, oldJekyllUrl, oldZolaUrl, rootedAliases, translateHexoPermalink, translateHugoPermalink, translatePermalink, type HexoUrlOptions } from "../../src/import/old-urls.ts";

const TZ = "Asia/Seoul";

test("Jekyll: site pattern, Chirpy, Minimal Mistakes, collections, front-matter permalink", () => {
  const cases: [string, Record<string, unknown>, { permalink?: string; collection?: string; pathCategories?: string[] }, string][] = [
    ["2024-03-02-argo-rollouts.md", {}, { permalink: "/posts/:title/" }, "/posts/argo-rollouts/"],
    ["2024-05-10-Helm-Diff.md", {}, { permalink: "/posts/:title/" }, "/posts/Helm-Diff/"],
    ["2024-05-10-Helm-Diff.md", {}, { permalink: "/posts/:slug/" }, "/posts/helm-diff/"],
    ["2023-07-01-state.md", { categories: ["Terraform", "AWS"] }, { permalink: "/:categories/:title/" }, "/terraform/aws/state/"],
    ["2023-07-01-state.md", { category: "인프라" }, { permalink: "/:categories/:title/" }, "/인프라/state/"],
    ["2023-6-11-ALGORITHM1.md", { categories: "algorithm" }, {}, "/algorithm/2023/06/11/ALGORITHM1.html"],
    // taeyeonkim2: `categories: 이것까지해야해?` is a folder of the old URL, escaped as Jekyll serves it.
    ["2024-02-03-외장배포.md", { categories: "이것까지해야해?" }, {}, "/이것까지해야해%3F/2024/02/03/외장배포.html"],
    // The singular `category` is one category, spaces and all; `categories` splits on them.
    ["2023-07-01-state.md", { category: "Deep Learning" }, { permalink: "/:categories/:title/" }, "/deep learning/state/"],
    ["2023-07-01-state.md", { categories: "Deep Learning" }, { permalink: "/:categories/:title/" }, "/deep/learning/state/"],
    ["2023-07-01-state.md", { categories: "devops" }, {}, "/devops/2023/07/01/state.html"],
    ["2023-07-01-state.md", { date: "2023-07-01 23:30:00 +0900" }, { permalink: "pretty" }, "/2023/07/01/state/"],
    ["2023-07-01-state.md", { permalink: "/custom/path/" }, { permalink: "pretty" }, "/custom/path/"],
    ["2023-07-01-state.md", { slug: "원격 상태" }, { permalink: "/:title/" }, "/원격-상태/"],
    ["모니터링/프로메테우스.md".normalize("NFD"), {}, { permalink: "/:collection/:path/", collection: "docs" }, "/docs/모니터링/프로메테우스/"],
    ["guide.md", {}, { permalink: "/:collection/:path:output_ext", collection: "docs" }, "/docs/guide.html"],
    // rpi4cluster/_posts/: the folder is the first category, then the front matter's (once each).
    ["2021-11-09-design.md", {}, { permalink: "/:categories/:title/", pathCategories: ["rpi4cluster"] }, "/rpi4cluster/design/"],
    ["2021-11-09-design.md", { categories: ["K8s", "rpi4cluster"] }, { permalink: "/:categories/:title/", pathCategories: ["rpi4cluster"] }, "/rpi4cluster/k8s/design/"],
  ];
  for (const [relativePath, frontMatter, options, expected] of cases) {
    assert.equal(oldJekyllUrl({ relativePath, frontMatter, timeZone: TZ }, options), expected, `${relativePath} ${JSON.stringify(options)}`);
  }
});

test("Hugo: default section path, permalinks with :slug falling back to the title, url", () => {
  const cases: [string, Record<string, unknown>, string | undefined, string][] = [
    ["posts/etcd-backup.md", {}, undefined, "/posts/etcd-backup/"],
    ["posts/istio/index.md", { slug: "mtls" }, undefined, "/posts/mtls/"],
    ["posts/x.md", { title: "etcd 백업 자동화", date: "2024-01-20T08:30:00+09:00" }, "/:year/:month/:slug/", "/2024/01/etcd-백업-자동화/"],
    ["posts/x.md", { title: "T", slug: "given", date: "2024-01-20" }, "/:year/:month/:slug/", "/2024/01/given/"],
    ["posts/x.md", { date: "2024-01-20" }, "/:section/:filename/", "/posts/x/"],
    ["posts/x.md", { url: "/fixed/" }, "/:year/:slug/", "/fixed/"],
  ];
  for (const [relativePath, frontMatter, permalink, expected] of cases) {
    assert.equal(oldHugoUrl({ relativePath, frontMatter, timeZone: TZ }, { section: "posts", permalink }), expected, relativePath);
  }
});

test("Hugo: disablePathToLower keeps the letter case of folders and slugs (hugo-book's docs/SE/AI/agent/)", () => {
  const url = (relativePath: string, keepCase?: boolean) => oldHugoUrl({ relativePath, frontMatter: {}, timeZone: TZ }, { section: "docs", keepCase });
  assert.equal(url("docs/SE/AI/agent/index.md", true), "/docs/SE/AI/agent/");
  assert.equal(url("docs/SE/repo/CI/CD.md", true), "/docs/SE/repo/CI/CD/");
  assert.equal(url("docs/SE/AI/agent/index.md"), "/docs/se/ai/agent/");
});

test("Zola: section path + slug (date prefix off), bundles, path", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["blog/2024-04-01-atlantis.md", {}, "/blog/atlantis/"],
    ["blog/vault-agent/index.md", {}, "/blog/vault-agent/"],
    ["blog/a.md", { slug: "Given Slug" }, "/blog/given-slug/"],
    ["blog/a.md", { path: "/atlantis-guide" }, "/atlantis-guide/"],
  ];
  for (const [relativePath, frontMatter, expected] of cases) {
    assert.equal(oldZolaUrl({ relativePath, frontMatter, timeZone: TZ }), expected, relativePath);
  }
});

test("Hugo: a date read from the file name (`[frontmatter] date = [\":filename\"]`) leaves the rest as the slug; :filename stays whole", () => {
  const input = (relativePath: string, frontMatter: Record<string, unknown> = {}) => ({ relativePath, frontMatter, timeZone: TZ });
  assert.equal(oldHugoUrl(input("posts/2025-03-23-istio.md"), { section: "posts" }), "/posts/2025-03-23-istio/");
  assert.equal(oldHugoUrl(input("posts/2025-03-23-istio.md"), { section: "posts", dateFromFileName: true }), "/posts/istio/");
  assert.equal(oldHugoUrl(input("posts/2025-03-23-istio.md", { slug: "mesh" }), { section: "posts", dateFromFileName: true }), "/posts/mesh/");
  assert.equal(oldHugoUrl(input("posts/2025-03-23-istio.md"), { section: "posts", dateFromFileName: true, permalink: "/:slug/" }), "/istio/");
  assert.equal(oldHugoUrl(input("posts/2025-03-23-istio.md"), { section: "posts", dateFromFileName: true, permalink: "/:filename/" }), "/2025-03-23-istio/");
});

test("permalink translations: Jekyll styles and unknown tokens, Hugo tokens", () => {
  assert.deepEqual(translatePermalink("pretty"), { opsnote: "/:categories/:year/:month/:day/:title/", unsupported: [] });
  assert.deepEqual(translatePermalink("date"), { opsnote: "/:categories/:year/:month/:day/:title.html", unsupported: [] });
  assert.deepEqual(translatePermalink("/:year/:hour/:title/").unsupported, ["hour"]);
  assert.deepEqual(translateHugoPermalink("/:year/:month/:slug/", "posts"), { opsnote: "/:year/:month/:slug/", unsupported: [] });
  assert.deepEqual(translateHugoPermalink("/:section/:filename", "blog"), { opsnote: "/blog/:filename/", unsupported: [] });
  assert.deepEqual(translateHugoPermalink("/:slugorcontentbasename/", "posts"), { opsnote: "/:slugorfilename/", unsupported: [] });
  assert.deepEqual(translateHugoPermalink("/:weekday/:slug/", "posts").unsupported, ["weekday"]);
});

test("Hexo: :title is the path inside _posts/, :name its last part, :category the last branch; dates in the site's zone", () => {
  const cases: [string, Record<string, unknown>, HexoUrlOptions, string][] = [
    ["istio-mesh.md", { date: "2024-03-01 23:30:00" }, {}, "/2024/03/01/istio-mesh/"],
    ["ops/cron-backup.md", { date: "2024-01-05 08:00:00" }, {}, "/2024/01/05/ops/cron-backup/"],
    ["ops/cron-backup.md", { date: "2024-01-05" }, { permalink: ":year/:name.html" }, "/2024/cron-backup.html"],
    ["helm-차트-정리.md", { date: "2024-05-10 00:10:00" }, { permalink: ":title/" }, "/helm-차트-정리/"],
    ["2024-05-10-helm.md", { date: "2024-05-10" }, { permalink: ":title/", newPostName: ":year-:month-:day-:title.md" }, "/helm/"],
    ["2024-05-10-helm.md", { date: "2024-05-10" }, { permalink: ":title/", newPostName: ":title.md" }, "/2024-05-10-helm/"],
    ["a.md", { categories: ["DevOps", "서비스 메시"] }, { permalink: ":category/:title/" }, "/DevOps/서비스-메시/a/"],
    ["a.md", { categories: [["DevOps", "배포"], ["회고"]] }, { permalink: ":category/:title/" }, "/회고/a/"],
    ["a.md", {}, { permalink: ":category/:title/" }, "/uncategorized/a/"],
    ["a.md", { slug: "own-slug" }, { permalink: ":title/" }, "/own-slug/"],
    ["a.md", { permalink: "oncall/runbook/" }, {}, "/oncall/runbook/"],
  ];
  for (const [relativePath, frontMatter, options, expected] of cases) {
    assert.equal(oldHexoUrl({ relativePath, frontMatter, timeZone: TZ }, options), expected, `${relativePath} ${JSON.stringify(frontMatter)}`);
  }
});

test("Hexo permalinks in opsnote's words", () => {
  assert.deepEqual(translateHexoPermalink(":year/:month/:day/:title/"), { opsnote: "/:year/:month/:day/:title/", unsupported: [] });
  assert.deepEqual(translateHexoPermalink(":category/:name.html"), { opsnote: "/:categories/:title.html", unsupported: [] });
  assert.deepEqual(translateHexoPermalink("posts/:abbrlink/"), { opsnote: "/posts/:abbrlink/", unsupported: ["abbrlink"] });
});

test("hexoSlugize: Hexo's separators become -, Hangul kept, filename_case", () => {
  assert.equal(hexoSlugize("쿠버네티스 운영 (1)"), "쿠버네티스-운영-1");
  assert.equal(hexoSlugize("Spring Boot", 1), "spring-boot");
});

test("Hexo's term pages: a tag at /tags/<slug>/, each level of a category branch under its parent (hangack: /categories/블로그/설정/)", () => {
  assert.deepEqual(oldHexoTermUrls({ tags: ["DJMAX RESPECT V", "hexo"], categories: ["블로그", "설정"] }), [
    { kind: "tags", name: "DJMAX RESPECT V", oldUrl: "/tags/DJMAX-RESPECT-V/" },
    { kind: "tags", name: "hexo", oldUrl: "/tags/hexo/" },
    { kind: "categories", name: "블로그", oldUrl: "/categories/블로그/" },
    { kind: "categories", name: "설정", oldUrl: "/categories/블로그/설정/" },
  ]);
  assert.deepEqual(oldHexoTermUrls({ tags: "Spring Boot", categories: [["DevOps", "배포"], ["회고"]] }, { filenameCase: 1, tagDir: "tag", categoryDir: "category" }).map((t) => t.oldUrl),
    ["/tag/spring-boot/", "/category/devops/", "/category/devops/배포/", "/category/회고/"]);
});

test("Hexo's tag_map and category_map: a mapped term's slug is its entry's, a parent's too; an empty or non-text entry leaves the name's", () => {
  const options = { tagMap: { 쿠버네티스: "k8s", "Spring Boot": "Spring", Istio: null, Helm: 3 }, categoryMap: { 데브옵스: "devops", 회고: "" }, filenameCase: 1 };
  assert.deepEqual(oldHexoTermUrls({ tags: ["쿠버네티스", "Spring Boot", "Istio", "Helm", "constructor"], categories: [["데브옵스", "배포"], ["회고"]] }, options).map((t) => t.oldUrl), [
    "/tags/k8s/", "/tags/spring/", "/tags/istio/", "/tags/helm/", "/tags/constructor/",
    "/categories/devops/", "/categories/devops/배포/", "/categories/회고/",
  ]);
  // The map's keys are the names as written: another case is another name.
  assert.deepEqual(oldHexoTermUrls({ tags: ["kubernetes"] }, { tagMap: { Kubernetes: "k8s" } }).map((t) => t.oldUrl), ["/tags/kubernetes/"]);
});

test("aliases as root paths: Hugo read a relative one from the page's folder, jekyll-redirect-from from the root", () => {
  assert.deepEqual(rootedAliases(["old-name", "/x/", "../top", "old.html", "https://other.example/a/"], "/posts/new-name/", "hugo"), ["/posts/old-name/", "/x/", "/top/", "/posts/old.html"]);
  assert.deepEqual(rootedAliases("contact", "/ko/about/", "hugo"), ["/ko/contact/"]);
  assert.deepEqual(rootedAliases(["old-name"], "/posts/new-name/", "other"), ["/old-name/"]);
  assert.deepEqual(rootedAliases(undefined, "/a/", "hugo"), []);
});

test("Gatsby: createFilePath's path in the content folder, or hoodie's last segment; no slugging", () => {
  const cases: [string, "file-path" | "last-segment", boolean, string][] = [
    ["kubernetes/2024/01/1.md", "file-path", true, "/kubernetes/2024/01/1/"],
    ["gatsby-github-blog/index.md", "file-path", true, "/gatsby-github-blog/"],
    ["from-time-to-time/oddments/onKeyDown-in-korean.md", "file-path", true, "/from-time-to-time/oddments/onKeyDown-in-korean/"],
    ["헬름/차트 정리.md", "file-path", true, "/헬름/차트 정리/"],
    ["a.md.md", "file-path", true, "/a.md/"],
    ["index.md", "file-path", true, "/"],
    ["k8s/pod.md", "file-path", false, "/k8s/pod"],
    ["posts/argocd-입문/index.md", "last-segment", true, "/argocd-입문/"],
    ["posts/series/docker.md", "last-segment", true, "/docker/"],
    // NFD from a macOS disk: the URL is NFC, as the browser sends it.
    ["posts/\u1112\u1161\u11AB/index.md", "last-segment", true, "/한/"],
  ];
  for (const [relative, style, slash, expected] of cases) assert.equal(oldGatsbyUrl(relative, style, slash), expected, relative);
});
