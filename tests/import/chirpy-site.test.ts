/**
 * A Chirpy-like Jekyll site moves in: posts with prompts, images under assets/img/, the about tab,
 * the posts' `/posts/:title/` URLs (from `defaults:`), giscus, analytics and verification ids.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aboutPageText, importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("chirpy", {
  extraFiles: { "_site/index.html": "<html>an old build, never imported</html>\n" },
});

registerSiteInvariants(site, {
  // The archives tab: opsnote's archive is at /archive/, and /archives/ redirects there.
  oldUrls: ["/posts/argo-rollouts-canary/", "/posts/Helm-Diff/", "/about/", "/archives/"],
});

test("settings carried into opsnote.config.yaml, each with where it came from", async () => {
  assert.deepEqual(
    { ...site.settings, author: undefined, comments: undefined },
    {
      title: "데브옵스 일지", description: "플랫폼 팀의 데브옵스 메모", timeZone: "Asia/Seoul", language: "ko-KR",
      url: "https://ops-diary.example.kr", pathPrefix: "/", pageSize: 8, permalink: "/posts/:title/", toc: true, twitter: "@opsdiary",
      analytics: { google: "G-CHIRPY01" }, verification: { google: "g-verify-123", naver: "n-verify-456" },
      redirects: { "/posts/Helm-Diff/": "/posts/helm-diff/", "/archives/": "/archive/" }, author: undefined, comments: undefined,
    },
  );
  assert.deepEqual(site.settings.comments, {
    provider: "giscus", repo: "ops-diary/ops-diary.github.io", repoId: "R_kgTEST01", category: "Comments", categoryId: "DIC_kwTEST01", mapping: "pathname",
  });
  assert.deepEqual(site.settings.author, {
    name: "김운영", email: "ops@example.kr", avatar: "/assets/img/avatar.png",
    links: [{ label: "GitHub", url: "https://github.com/ops-diary" }, { label: "Twitter", url: "https://twitter.com/opsdiary" }],
  });
  const text = await readFile(path.join(site.project, "opsnote.config.yaml"), "utf8");
  assert.match(text, /# from _config\.yml defaults \(type: posts\) permalink\npermalink: \/posts\/:title\//);
  assert.match(text, /# from _config\.yml defaults \(type: posts\) toc\ntoc: true\n/);
});

test("every post shows the table of contents Chirpy showed, except the one that says toc: false", async () => {
  const shown = await site.document("posts/argo-rollouts-canary/index.html");
  assert.deepEqual([...shown.querySelectorAll("nav.toc a")].map((a) => a.textContent), ["분석 단계", "롤아웃 정의"]);
  const hidden = await site.document("posts/helm-diff/index.html");
  assert.ok(hidden.querySelector("main h2#미리-보기"), "the post has headings");
  assert.equal(hidden.querySelector("nav.toc"), null);
});

test("{{ site.url }} starting an image target is the local image, root-relative like any other; in prose it stays the address", async () => {
  const post = await site.document("posts/helm-diff/index.html");
  const img = post.querySelector("main .post__content img")!;
  assert.equal(img.getAttribute("src"), "/assets/img/posts/helm-diff/diff-output.png");
  // What a local image gets, and the absolute URL to the live host did not: its size and its AVIF/WebP copies.
  assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["2", "2"]);
  assert.match(img.closest("picture")?.querySelector('source[type="image/avif"]')?.getAttribute("srcset") ?? "", /^\/assets\/responsive\/diff-output-/);
  assert.match(post.querySelector("main .post__content p")!.textContent!, /이 블로그 주소는 https:\/\/ops-diary\.example\.kr 입니다/);
});

test("the about tab becomes a standalone page at /about/", async () => {
  const about = await readFile(path.join(site.project, "posts", "about.md"), "utf8");
  assert.match(about, /^---\nlayout: page\ntitle: "소개"\npermalink: \/about\/\n---\n/);
  assert.match(about, /쿠버네티스 클러스터를 운영합니다/);
});

test("images under assets/ are copied, theme files and the old build are not", async () => {
  for (const file of ["assets/img/posts/rollout.png", "assets/img/posts/helm-diff/diff-output.png", "assets/img/avatar.png"]) {
    assert.ok(existsSync(path.join(site.project, file)), file);
  }
  for (const file of ["assets/css/jekyll-theme-chirpy.scss", "assets/js/data/search.json", "posts/archives.md", "posts/pages/archives.md", "_layouts", "posts/_site"]) {
    assert.ok(!existsSync(path.join(site.project, file)), file);
  }
  assert.doesNotMatch(await readFile(path.join(site.output, "index.html"), "utf8"), /an old build/);
});

test("the prompt is a callout, and the redirect page of the renamed URL points to the post", async () => {
  const post = await site.document("posts/argo-rollouts-canary/index.html");
  assert.ok(post.querySelector("main .prompt-tip, main [class*=tip]"), "a tip callout");
  const resolved = site.resolve("/posts/Helm-Diff/");
  assert.equal(resolved?.redirected, true);
  assert.equal(resolved?.file, path.join(site.output, "posts", "helm-diff", "index.html"));
});

test("the report groups what it says by kind, with the fix", () => {
  // Helm-Diff's capital letters, and the archives tab (/archives/ -> /archive/); kustomize's media_subpath.
  assert.deepEqual(reportedKinds(site.imported.stdout), { redirect: 2, "media-subpath": 1 });
  assert.match(site.imported.stdout, /2 old URLs the new URL pattern cannot reproduce, answered by a redirect page \[redirect\] — nothing to do/);
});

test("media_subpath: the images Chirpy prefixed with it are the post's images, published and sized; the key leaves the copy", async () => {
  const copy = await readFile(path.join(site.project, "posts", "2024-07-01-kustomize-overlay.md"), "utf8");
  assert.doesNotMatch(copy, /media_subpath/);
  assert.match(copy, /^ {2}path: \/assets\/img\/posts\/kustomize\/cover\.png$/m);
  assert.match(copy, /`!\[그림\]\(overlay\.png\)`/, "inline code is text");
  assert.match(copy, /```markdown\n!\[그대로 둘 예\]\(overlay\.png\)\n```/, "a code block is text");
  const post = await site.document("posts/kustomize-overlay/index.html");
  const sources = [...post.querySelectorAll("main .post__content img")].map((img) => img.getAttribute("src"));
  assert.deepEqual(sources, ["/assets/img/posts/kustomize/overlay.png", "/assets/img/posts/kustomize/diagram.png"]);
  for (const file of ["overlay.png", "diagram.png", "cover.png"]) {
    assert.ok(existsSync(path.join(site.output, "assets", "img", "posts", "kustomize", file)), file);
  }
  assert.equal(post.querySelector('meta[property="og:image"]')?.getAttribute("content"), "https://ops-diary.example.kr/assets/img/posts/kustomize/cover.png");
  assert.doesNotMatch(site.build.stdout + site.build.stderr, /kustomize[^\n]*warning image/, "no image of the post is missing");
});

test("the old about page is the new site's /about/", async () => {
  assert.match(await aboutPageText(site), /쿠버네티스 클러스터를 운영합니다/);
});
