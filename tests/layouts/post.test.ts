import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { minifyCss } from "../../src/static/minify-css.ts";
import { parseHTML } from "linkedom";
import { buildPost, type Post } from "../../src/content/post.ts";
import type { TocEntry } from "../../src/markdown/toc.ts";
import { PostPage } from "../../src/layouts/post.tsx";
import { postLayout } from "../../src/layouts/post-layout.tsx";
import { PAGE_FEATURES_KEY, type PageFeatures } from "../../src/markdown/page-features.ts";
import { KATEX_STYLESHEET_URL, MERMAID_LOADER_URL } from "../../src/urls/site-urls.ts";
import { renderDocument } from "../../src/layouts/render.ts";
import type { SeriesPosition } from "../../src/collections/series.ts";
import { site } from "../../src/site.ts";

function makePost(frontMatter: Record<string, unknown>): Post {
  const result = buildPost({
    inputPath: "posts/2021-04-13-kubernetes-intro.md",
    frontMatter: { title: "Kubernetes intro", categories: ["devops"], ...frontMatter },
    body: "본문",
    site,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.post;
}

const toc: TocEntry[] = [
  { id: "introduction", text: "Introduction", level: 2, children: [{ id: "container", text: "Container", level: 3, children: [] }] },
];

function render(post: Post, entries?: TocEntry[]) {
  const html = renderDocument(PostPage({ post, content: "<h2 id=\"introduction\">Introduction</h2>", toc: entries }));
  return parseHTML(html).document;
}

test("a post with a TOC marks its article and puts the TOC in the sidebar, as a closed <details>", () => {
  const document = render(makePost({ toc: true, toc_sticky: true }), toc);
  const article = document.querySelector("article.post");
  assert.ok(article?.classList.contains("post--with-aside"));
  const details = article?.querySelector(".post__aside.post__aside--sticky > details.aside-box--toc");
  assert.ok(details, "the TOC sits in the sticky sidebar");
  assert.equal(details.hasAttribute("open"), false, "closed: a phone shows one row; the stylesheet opens it on a wide screen");
  assert.equal(details.querySelector("summary")?.textContent, "목차");
  assert.ok(details.querySelector("nav.toc a[href='#introduction']"));
  // The sidebar comes before the text, so a phone reads the two rows first.
  assert.equal(article?.querySelector(".post__aside + .post__content")?.localName, "div");
});

test("a series post without a TOC still gets the sidebar, with the series as a closed <details>", () => {
  const post = makePost({});
  const series: SeriesPosition = { series: { name: "쿠버네티스 첫걸음", posts: [post, makePost({ title: "둘째" })] }, part: 1 };
  const html = renderDocument(PostPage({ post, content: "<p>본문</p>", toc: [], series }));
  const { document } = parseHTML(html);
  assert.ok(document.querySelector("article.post--with-aside"));
  const details = document.querySelector(".post__aside > details.aside-box--series");
  assert.ok(details && !details.hasAttribute("open"));
  assert.equal(details.querySelector("summary")?.textContent, "시리즈: 쿠버네티스 첫걸음 (1/2)");
  assert.equal(details.querySelector("nav.series .series__title")?.textContent, "시리즈 쿠버네티스 첫걸음 (1/2)");
  assert.equal(document.querySelector("nav.toc"), null);
});

test("a post without a TOC or series keeps the single-column article", () => {
  const document = render(makePost({}), []);
  const article = document.querySelector("article.post");
  assert.ok(article);
  assert.equal(article.classList.contains("post--with-aside"), false);
  assert.equal(document.querySelector(".post__aside, nav.toc"), null);
});

// A standalone page (`layout: page`) once rendered without them: its diagrams stayed source text and
// its formulas printed twice (MathML and unstyled HTML).
for (const layout of [undefined, "page"]) {
  for (const features of [{}, { math: true }, { mermaid: true }, { math: true, mermaid: true }] as PageFeatures[]) {
    test(`the ${layout ?? "post"} layout with features ${JSON.stringify(features)} links KaTeX's stylesheet for math and loads the Mermaid loader for a diagram`, () => {
      const post = makePost(layout === undefined ? {} : { layout });
      assert.equal(post.kind, layout ?? "post", "fixture guard");
      const html = postLayout.render({ page: { url: post.url, inputPath: post.inputPath }, post, content: "<p>본문</p>", collections: {}, [PAGE_FEATURES_KEY]: features });
      const { document } = parseHTML(html);
      assert.deepEqual({
        math: document.querySelector(`head link[rel=stylesheet][href="${KATEX_STYLESHEET_URL}"]`) !== null,
        mermaid: document.querySelector(`head script[type=module][src="${MERMAID_LOADER_URL}"]`) !== null,
      }, { math: features.math === true, mermaid: features.mermaid === true });
    });
  }
}

test("the published stylesheet (minified, as the build writes it) stays within its 30 KB budget (issue 5)", async () => {
  const file = fileURLToPath(new URL("../../assets/css/opsnote.css", import.meta.url));
  const bytes = Buffer.byteLength(await minifyCss(readFileSync(file, "utf8"), file));
  assert.ok(bytes <= 30 * 1024, `assets/css/opsnote.css is ${bytes} bytes minified`);
});

test("a subtitle (Beautiful Jekyll's, Hux's) is a line under the title, inside the indexed header; none without one", () => {
  const withSubtitle = render(makePost({ subtitle: "  사후분포를   직접 구해 보기 " }));
  const title = withSubtitle.querySelector("h1.post__title")!;
  const subtitle = title.nextElementSibling;
  assert.equal(subtitle?.tagName, "P");
  assert.equal(subtitle?.className, "post__subtitle");
  assert.equal(subtitle?.textContent, "사후분포를 직접 구해 보기");
  assert.ok(subtitle?.closest("[data-pagefind-body]"), "searched like the body");
  assert.equal(render(makePost({})).querySelector(".post__subtitle"), null);
  assert.equal(render(makePost({ subtitle: "" })).querySelector(".post__subtitle"), null);
});
