/**
 * Files published as they are (issue 15, item 2), standalone pages (`layout: page`) and the one
 * collision check of every output (issue 16, item 2), on real production builds of temp blogs.
 * Each blog is a folder holding `posts/`, `images/` and Hugo's `static/`, so the folders of the
 * `staticDirs` setting sit beside the posts folder as they do in a blog project.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild, type ChildBuild } from "../helpers/build-in-child.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { checkPosts } from "../../src/check/check-posts.ts";
import { site as defaultSite } from "../../src/site.ts";

/** A 1×1 PNG: image-size reads its size, so width and height prove the page found the file. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const DIAGRAM_POST = [
  "---",
  "title: 다이어그램",
  "categories: [notes]",
  "---",
  "",
  "![다이어그램](diagram.png)",
  "",
  "![한글 이름](<한글 이름.png>)",
  "",
  "![하위 폴더](img/sub.png)",
  "",
  "![맥에서 저장](맥%20화면.png)",
  "",
  "![루트 이미지](/images/x.png)",
  "",
  "![휴고 static](/images/y.png)",
  "",
  "[안내서 PDF](files/guide.pdf) · [도표 원본](./diagram.png#v2)",
  "",
  '<img src="img/sub.png" width="50" alt="원시 HTML">',
  "",
].join("\n");

const BLOG: Record<string, string | Buffer> = {
  "posts/notes/2024-01-01-diagram.md": DIAGRAM_POST,
  "posts/notes/diagram.png": PNG,
  "posts/notes/한글 이름.png": PNG,
  "posts/notes/img/sub.png": PNG,
  // Saved on macOS: the name on disk is NFD, the post spells it NFC.
  [`posts/notes/${"맥 화면.png".normalize("NFD")}`]: PNG,
  "posts/notes/files/guide.pdf": "%PDF-1.4\n%%EOF\n",
  "posts/notes/diagram.png~": "an editor's backup",
  "posts/about.md": "---\nlayout: page\ntitle: 소개\npermalink: /about/\ntags: [소개]\n---\n\n직접 쓴 소개 페이지입니다.\n",
  "posts/2024-02-02-second.md": "---\ntitle: 둘째 글\ntags: [k8s]\n---\n\n[소개](/about/)를 보세요.\n",
  "posts/helm-intro/index.md": "---\ntitle: 번들\ndate: 2024-03-03\ncategories: [helm]\n---\n\n![차트](chart.png)\n",
  "posts/helm-intro/chart.png": PNG,
  "images/x.png": PNG,
  "static/images/y.png": PNG,
};

const roots: string[] = [];
after(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

async function buildBlog(files: Record<string, string | Buffer>, prepare?: (root: string) => Promise<void>): Promise<{ root: string; output: string; build: ChildBuild }> {
  const root = await writeTempFolder("published-files", files);
  roots.push(root);
  await prepare?.(root);
  const output = path.join(root, "_site");
  const build = buildInChild(path.join(root, "posts"), output, { OPSNOTE_CACHE_DIR: path.join(root, ".cache") });
  return { root, output, build };
}

/** The output file a root-relative URL in a page names (the site is built without a path prefix). */
function fileOf(output: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url, "https://site.test/").pathname).normalize("NFC");
  return path.join(output, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

let blog: Awaited<ReturnType<typeof buildBlog>>;
const page = async (url: string) => parseHTML(await readFile(fileOf(blog.output, url), "utf8")).document;

before(async () => {
  const secret = path.join(await mkdtemp(path.join(tmpdir(), "opsnote-secret-")), "secret.png");
  roots.push(path.dirname(secret));
  await writeFile(secret, "secret");
  blog = await buildBlog(BLOG, (root) => symlink(secret, path.join(root, "images", "leak.png")));
});

test("the blog with files beside posts, images/ and static/ builds", () => {
  assert.equal(blog.build.status, 0, blog.build.stderr);
});

test("every <img src> of every page is a file in the output", async () => {
  const entries = (await readdir(blog.output, { recursive: true })).filter((entry) => entry.endsWith(".html"));
  let images = 0;
  for (const entry of entries) {
    const { document } = parseHTML(await readFile(path.join(blog.output, entry), "utf8"));
    for (const img of document.querySelectorAll("img[src]")) {
      const src = img.getAttribute("src")!;
      if (/^[a-z]+:/i.test(src)) continue;
      images++;
      assert.ok(isFile(fileOf(blog.output, new URL(src, `https://site.test/${entry}`).pathname)), `${entry}: <img src="${src}"> is not a file in the output`);
    }
  }
  assert.ok(images >= 6, `only ${images} images found`);
});

test("a relative image beside a post in a sub-folder points at the file's folder URL, with its size read", async () => {
  const document = await page("/notes/diagram/");
  const srcs = [...document.querySelectorAll(".post__content img")].map((img) => img.getAttribute("src"));
  assert.deepEqual(srcs, [
    "/notes/diagram.png",
    `/notes/${encodeURIComponent("한글 이름.png")}`,
    "/notes/img/sub.png",
    `/notes/${encodeURIComponent("맥 화면.png")}`,
    "/images/x.png",
    "/images/y.png",
    "/notes/img/sub.png",
  ]);
  for (const img of document.querySelectorAll(".post__content p > img")) {
    assert.equal(img.getAttribute("width"), "1", `${img.getAttribute("src")} has no width`);
  }
  assert.ok(isFile(path.join(blog.output, "notes", "한글 이름.png")), "the Korean file name with a space is published under its NFC name");
});

test("relative links to files become their published URLs, query and fragment kept", async () => {
  const document = await page("/notes/diagram/");
  const hrefs = [...document.querySelectorAll(".post__content a")].map((a) => a.getAttribute("href"));
  assert.deepEqual(hrefs, ["/notes/files/guide.pdf", "/notes/diagram.png#v2"]);
  assert.ok(isFile(path.join(blog.output, "notes", "files", "guide.pdf")));
});

test("images/ is served at /images/, static/ from the root, editor litter and outside links are not published", () => {
  assert.ok(isFile(path.join(blog.output, "images", "x.png")));
  assert.ok(isFile(path.join(blog.output, "images", "y.png")));
  assert.ok(!existsSync(path.join(blog.output, "static")));
  assert.ok(!existsSync(path.join(blog.output, "notes", "diagram.png~")));
  assert.ok(!existsSync(path.join(blog.output, "images", "leak.png")));
  assert.match(blog.build.stderr + blog.build.stdout, /images\/leak\.png.*symlink: skipped: links to .*outside the folders the site publishes/);
});

test("opsnote's own assets are still published", () => {
  for (const file of ["assets/css/opsnote.css", "assets/js/site.js", "assets/favicon.svg", "assets/css/code.css"]) {
    assert.ok(isFile(path.join(blog.output, file)), file);
  }
  // Stylesheets are written minified: the source's comments stay in the repository.
  const source = readFileSync("assets/css/opsnote.css", "utf8");
  const published = readFileSync(path.join(blog.output, "assets/css/opsnote.css"), "utf8");
  assert.ok(source.includes("/*") && !published.includes("/*"), "comments are left out");
  assert.ok(published.length < source.length * 0.85, `${published.length} of ${source.length} bytes`);
  assert.ok(published.includes("::details-content") && published.includes("light-dark("), "modern syntax is kept as written");
});

test("a page bundle's files are at their folder's URL and beside the page", async () => {
  const document = await page("/helm/helm-intro/");
  assert.equal(document.querySelector(".post__content img")?.getAttribute("src"), "/helm-intro/chart.png");
  assert.ok(isFile(path.join(blog.output, "helm-intro", "chart.png")));
  assert.ok(isFile(path.join(blog.output, "helm", "helm-intro", "chart.png")));
});

test("posts/about.md with layout: page replaces the generated about page", async () => {
  const document = await page("/about/");
  assert.equal(document.querySelector("h1")?.textContent?.trim(), "소개");
  assert.match(document.querySelector(".post__content")?.textContent ?? "", /직접 쓴 소개 페이지입니다/);
  assert.equal(document.querySelector(".about, .profile"), null, "the generated about page is not shown");
  // A page, not a post: no date, terms or neighbours; searchable like a post.
  assert.equal(document.querySelector(".post__meta, time, .term-list, .post-nav, .series"), null);
  assert.ok(document.querySelector("[data-pagefind-body]"));
  assert.ok([...document.querySelectorAll(".site-nav a")].some((a) => a.getAttribute("href") === "/about/"));
});

test("the page is in the sitemap but not on the home page, the archive, the feeds or the tags", async () => {
  const home = await page("/");
  const listed = [...home.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
  assert.ok(listed.includes("/notes/diagram/"), "the home page lists posts");
  assert.ok(!listed.includes("/about/"), "the home page lists the about page");
  const archive = [...(await page("/archive/")).querySelectorAll("main a")].map((a) => a.getAttribute("href"));
  assert.ok(!archive.includes("/about/"));
  const atom = parseHTML(await readFile(path.join(blog.output, "feed.xml"), "utf8")).document;
  const atomIds = [...atom.querySelectorAll("entry > id")].map((id) => new URL(id.textContent ?? "").pathname);
  const json = JSON.parse(await readFile(path.join(blog.output, "feed.json"), "utf8")) as { items: { url: string }[] };
  const jsonUrls = json.items.map((item) => new URL(item.url).pathname);
  for (const urls of [atomIds, jsonUrls]) {
    assert.ok(urls.includes("/notes/diagram/"), `the feed lists posts: ${urls.join(" ")}`);
    assert.ok(!urls.includes("/about/"), "the feed lists the about page");
  }
  assert.ok(!existsSync(path.join(blog.output, "tags", "소개")), "the page's tags make no tag page");
  const sitemap = await readFile(path.join(blog.output, "sitemap.xml"), "utf8");
  assert.match(sitemap, /<loc>[^<]*\/about\/<\/loc>/);
});

test("check and the build agree: what the page links is what check accepts, a missing root image is reported", async () => {
  const root = await writeTempFolder("published-check", {
    ...BLOG,
    "posts/2024-04-04-broken.md": "---\ntitle: 깨진 글\n---\n\n![없음](/images/missing.png)\n\n![밖](../../outside.png)\n\n![없는 옆 파일](nope.png)\n",
    "outside.png": PNG,
  });
  roots.push(root);
  const report = await checkPosts({ posts: path.join(root, "posts"), site: defaultSite, staticDirs: defaultSite.staticDirs });
  const lines = report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.field}: ${d.message}`);
  assert.deepEqual(lines.filter((line) => line.startsWith("2024-01-01-diagram.md") || line.startsWith("about.md") || line.startsWith("index.md")), [],
    "the diagram post, the bundle and the page link only published files");
  const broken = lines.filter((line) => line.startsWith("2024-04-04-broken.md"));
  assert.equal(broken.length, 3, broken.join("\n"));
  assert.match(broken.join("\n"), /\/images\/missing\.png: no such file in .*images\//);
  assert.match(broken.join("\n"), /\.\.\/\.\.\/outside\.png: .* is in no folder the site publishes/);
  assert.match(broken.join("\n"), /nope\.png: no such file beside the post/);
});

test("every output is in one collision check: a post over the stylesheet, the script or Pagefind, two files for one URL", async () => {
  const { build } = await buildBlog({
    "posts/2024-01-01-css.md": "---\ntitle: 스타일 덮기\npermalink: /assets/css/opsnote.css\n---\n\n본문\n",
    "posts/2024-01-02-js.md": "---\ntitle: 스크립트 덮기\npermalink: /assets/js/site.js\n---\n\n본문\n",
    "posts/2024-01-03-pagefind.md": "---\ntitle: 검색 덮기\npermalink: /pagefind/pagefind.js\n---\n\n본문\n",
    "posts/2024-01-04-code-css.md": "---\ntitle: 코드 색 덮기\npermalink: /assets/css/code.css\n---\n\n본문\n",
    "images/dup.png": PNG,
    "static/images/dup.png": PNG,
  });
  assert.equal(build.status, 1, build.stdout);
  const errors = build.stderr.split("\n").filter((line) => / error /.test(line));
  const find = (pattern: RegExp) => errors.find((line) => pattern.test(line));
  assert.ok(find(/2024-01-01-css\.md.*스타일 덮기.*the file assets\/css\/opsnote\.css/), errors.join("\n"));
  assert.ok(find(/2024-01-02-js\.md.*스크립트 덮기.*the file assets\/js\/site\.js/), errors.join("\n"));
  assert.ok(find(/2024-01-03-pagefind\.md.*검색 덮기.*the search index/), errors.join("\n"));
  assert.ok(find(/2024-01-04-code-css\.md.*코드 색 덮기.*the code colours stylesheet/), errors.join("\n"));
  assert.ok(find(/images\/dup\.png.*static\/images\/dup\.png|static\/images\/dup\.png.*images\/dup\.png/), errors.join("\n"));
});

test("without a page of its own, the generated about page stays", async () => {
  const { output, build } = await buildBlog({ "posts/2024-01-01-a.md": "---\ntitle: 글\n---\n\n본문\n" });
  assert.equal(build.status, 0, build.stderr);
  const { document } = parseHTML(await readFile(path.join(output, "about", "index.html"), "utf8"));
  // Built from the settings alone: the author's profile and the blog's description, no fixed prose.
  assert.equal(document.querySelector(".about .profile__name")?.textContent, defaultSite.author.name);
  assert.equal(document.querySelector(".about .page-lead")?.textContent, defaultSite.description);
});
