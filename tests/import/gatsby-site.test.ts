/**
 * Gatsby sites move in, from the two starters Korean bloggers use most:
 * - zoomkoding-gatsby-blog (`gatsby` fixture): `gatsby-config.js` requiring `gatsby-meta-config.js`,
 *   posts in nested folders at their `createFilePath` URLs (two `1.md` in different months), a bundle
 *   with its image, ```` ```toc ```` blocks, space-separated tags, an `.mdx` file, `static/`;
 * - gatsby-starter-hoodie (`gatsby-hoodie` fixture): `gatsby-config.ts`, `blog-config.js`, posts only
 *   under `contents/posts/` at `/<folder>/`, the about page in `contents/about/`, `update:`, a series,
 *   `pathPrefix`, the profile picture in `static/`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aboutPageText, importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const zoom = await importAndBuild("gatsby");
const hoodie = await importAndBuild("gatsby-hoodie");

registerSiteInvariants(zoom, {
  oldUrls: ["/kubernetes/2024/01/1/", "/kubernetes/2024/02/1/", "/helm-차트-정리/", "/terraform/2024/01/원격-상태/"],
});

test("zoomkoding: detected as a Gatsby site; the .mdx post is left out and said so", () => {
  assert.match(zoom.imported.stdout, /imported a Gatsby site: 4 post\(s\)/);
  assert.match(zoom.imported.stdout, /state\.mdx warning skipped: MDX/);
  assert.deepEqual(reportedKinds(zoom.imported.stdout), { "gatsby-toc": 2, setting: 1, skipped: 1 });
});

test("zoomkoding: settings from gatsby-meta-config.js, required by gatsby-config.js, read without running either", () => {
  const { title, description, url, pathPrefix, language, author, comments, analytics, permalink, redirects } = zoom.settings;
  assert.deepEqual(
    { title, description, url, pathPrefix, language, author, comments, analytics, permalink, redirects },
    {
      title: "게츠비 운영 노트", description: "쿠버네티스와 테라폼을 다루는 개츠비 블로그", url: "https://gatsby-ops.example.kr", pathPrefix: "/", language: "ko",
      author: { name: "김개츠", bio: "플랫폼 엔지니어", email: "ops@gatsby-ops.example.kr", links: [{ label: "GitHub", url: "https://github.com/gatsby-ops" }] },
      comments: { provider: "utterances", repo: "gatsby-ops/comments" }, analytics: { google: "G-GATSBY123" },
      // createFilePath's URL is the file's path in its content folder: every old URL is the new one, no redirect.
      permalink: "/:path/:title/", redirects: undefined,
    },
  );
  assert.match(zoom.imported.stdout, /author\.bio\.thumbnail \(profile\.png, in the assets\/ folder Gatsby bundled\) not carried/);
});

test("zoomkoding: two 1.md in different folders keep their own URLs (a plain folder import put both at one URL)", async () => {
  const titles = await Promise.all(["kubernetes/2024/01/1/index.html", "kubernetes/2024/02/1/index.html"].map(async (file) => (await zoom.document(file)).querySelector("main h1")?.textContent?.trim()));
  assert.deepEqual(titles, ["파드 스케줄링 정리", "롤링 업데이트 전략"]);
});

test("zoomkoding: a top-level ```toc block is the post's table of contents; the guide's indented and fenced examples stay text", async () => {
  const helm = await readFile(path.join(zoom.project, "posts", "helm-차트-정리", "index.md"), "utf8");
  assert.match(helm, /^toc: true$/m);
  assert.doesNotMatch(helm, /fromHeading/, "the block and its options are gone");
  assert.equal(helm.match(/^```toc$/gm)?.length, 1, "one left: the example inside the ~~~md fence");
  assert.ok(helm.includes("~~~md\n```toc\n```\n~~~"));
  const page = await zoom.document("helm-차트-정리/index.html");
  assert.deepEqual([...page.querySelectorAll("nav.toc a")].map((a) => a.textContent), ["릴리스 흐름", "값 덮어쓰기"]);
  assert.deepEqual([...page.querySelectorAll("main pre code")].map((code) => code.textContent?.trim()), ["```toc\n```", "```toc\n```"]);
  const pod = await zoom.document("kubernetes/2024/01/1/index.html");
  assert.deepEqual([...pod.querySelectorAll("nav.toc a")].map((a) => a.textContent), ["노드 어피니티", "테인트와 톨러레이션"]);
  assert.match(pod.querySelector("main pre.shiki")?.textContent ?? "", /\{\{ \.Values\.name \}\}/, "Helm's {{ }} kept");
});

test("zoomkoding: space-separated tags and categories are terms each; the bundle's image resolves", async () => {
  const pod = await zoom.document("kubernetes/2024/01/1/index.html");
  const terms = (selector: string) => [...pod.querySelectorAll(selector)].map((a) => a.textContent?.replace(/^#/, "").trim());
  assert.deepEqual(terms('main a[rel="tag"], main a[href*="/tags/"]').filter((t, i, all) => all.indexOf(t) === i), ["kubernetes", "스케줄러", "운영"]);
  assert.ok(existsSync(path.join(zoom.output, "categories", "featured", "index.html")));
  assert.ok(existsSync(path.join(zoom.project, "posts", "helm-차트-정리", "release-flow.png")));
  assert.ok(existsSync(path.join(zoom.project, "static", "og-image.png")), "static/ is copied whole");
});

registerSiteInvariants(hoodie, { oldUrls: ["/argocd-입문/", "/docker-레이어/", "/about/"] });

test("hoodie: settings from blog-config.js and gatsby-config.ts (its pathPrefix and gtag id)", () => {
  const { title, description, url, pathPrefix, author, comments, analytics, permalink } = hoodie.settings;
  assert.deepEqual(
    { title, description, url, pathPrefix, author, comments, analytics, permalink },
    {
      title: "후디 데브옵스", description: "CI/CD 와 컨테이너 운영 기록", url: "https://hoodie-ops.example.kr", pathPrefix: "/devlog/",
      author: {
        name: "이후디", avatar: "/profile.png", email: "hoodie@hoodie-ops.example.kr",
        links: [{ label: "GitHub", url: "https://github.com/hoodie-ops" }, { label: "Twitter", url: "https://twitter.com/hoodieops" }],
      },
      comments: { provider: "giscus", repo: "hoodie-ops/blog", repoId: "R_kgDOHoodie", category: "Comments", categoryId: "DIC_kwDOHoodie", mapping: "pathname" },
      analytics: { google: "G-HOODIE42" }, permalink: "/:title/",
    },
  );
});

test("hoodie: only contents/posts/ holds posts; contents/about/ is the about page", async () => {
  assert.match(hoodie.imported.stdout, /imported a Gatsby site: 2 post\(s\)/);
  assert.match(await aboutPageText(hoodie), /플랫폼 팀에서 CI\/CD 를 만듭니다/);
  assert.ok(hoodie.fileOf("/devlog/profile.png"), "static/profile.png, the avatar, is published");
});

test("hoodie: update: is the post's last change; the series joins both posts; ${{ }} kept", async () => {
  const copy = await readFile(path.join(hoodie.project, "posts", "argocd-입문", "index.md"), "utf8");
  assert.match(copy, /^updated: 2024-04-20$/m);
  assert.doesNotMatch(copy, /^update:/m);
  const post = await hoodie.document("argocd-입문/index.html");
  assert.ok([...post.querySelectorAll("main time")].some((time) => time.getAttribute("datetime")?.startsWith("2024-04-20")), "the last change is shown");
  assert.match(post.querySelector("main")?.textContent ?? "", /\$\{\{ secrets\.TOKEN \}\}/);
  assert.deepEqual(reportedKinds(hoodie.imported.stdout), { "gatsby-front-matter": 2 });
});
