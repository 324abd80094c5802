/**
 * The search document Pagefind gets instead of the page: the indexed body's text, headings with
 * their ids, the tags, and every meta/filter/sort of the page; nothing of the nav, footer or listing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { buildSearchDocument } from "../../src/search/search-document.ts";
import { markDocumentStems, buildQueryVocabulary, analyzeDocuments, missingSynonyms } from "../../src/search/korean-index.ts";
import { STEM_MARK } from "../../assets/js/korean-analysis.js";

const POST = `<!doctype html><html lang="ko"><head><title>헬름 차트 · opsnote</title>
<meta property="og:image" content="/img/cover.png" data-pagefind-meta="image[content]"></head><body>
<nav class="site-nav"><a href="/">홈</a><a href="/tags/">태그 목록</a></nav>
<article class="post" data-pagefind-body data-pagefind-meta="date:2021-05-10">
<header class="post__header"><p class="term-list term-list--categories"><a href="/categories/devops/">devops</a></p>
<h1 class="post__title" data-pagefind-meta="title">헬름 차트를 설치했다</h1><p class="post__meta">2021년 5월 10일 · 3분</p></header>
<nav class="toc"><a href="#values">values 나누기</a></nav>
<div class="post__content"><p>처음에는 <strong>헬름</strong> 차트를 <a href="/x/">설치하는</a> 방법.</p>
<h2 id="values">values 나누기<a class="heading-anchor" href="#values">#</a></h2>
<div class="code-block"><div class="code-block__header">yaml</div><pre class="shiki"><code><span class="line"><span style="color:red">replicas</span><span>: 3</span></span></code></pre></div>
<script>alert("no")</script><img src="data:image/png;base64,AAAA" alt="그림"></div>
<footer class="post__footer"><p class="term-list"><a href="/tags/helm/" data-pagefind-filter="tag">helm</a><a href="/tags/쿠버네티스/" data-pagefind-filter="tag">쿠버네티스</a></p>
<nav class="post-nav"><a href="/prev/">이전 글 도커 입문</a></nav></footer>
</article><footer class="site-footer">© opsnote</footer></body></html>`;

test("only the indexed body's text, headings with ids, tags and the page's meta and filters", () => {
  const made = buildSearchDocument(POST, "/helm/");
  assert.ok(made);
  const { document } = parseHTML(made.html);
  const article = document.querySelector("[data-pagefind-body]")!;
  assert.equal(article.getAttribute("data-pagefind-meta"), "date:2021-05-10");
  assert.equal(document.querySelector("h2")?.id, "values", "heading ids stay (results jump to headings)");
  const text = article.textContent!.replace(/\s+/g, " ");
  for (const kept of ["헬름 차트를 설치했다", "처음에는 헬름 차트를 설치하는 방법.", "values 나누기", "replicas: 3", "helm 쿠버네티스"]) {
    assert.ok(text.includes(kept), `${kept} in ${text}`);
  }
  for (const dropped of ["홈", "태그 목록", "2021년 5월", "#", "yaml", "alert", "이전 글", "© opsnote", "devops"]) {
    const indexed = [...article.querySelectorAll("*:not([data-pagefind-ignore])")].map((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("")).join(" ");
    assert.ok(!indexed.includes(dropped), `${dropped} is not indexed: ${indexed}`);
  }
  assert.equal(document.querySelectorAll("span, img, script, strong, a").length, document.querySelectorAll("span[data-pagefind-ignore]").length, "inline markup is unwrapped");
  const title = document.querySelector('[data-pagefind-meta="title"]');
  assert.equal(title?.textContent, "헬름 차트를 설치했다");
  assert.ok(title?.hasAttribute("data-pagefind-ignore"), "a meta's copy is not indexed twice");
  assert.deepEqual([...document.querySelectorAll("[data-pagefind-filter]")].map((e) => [e.getAttribute("data-pagefind-filter"), e.textContent]), [["tag", "helm"], ["tag", "쿠버네티스"]]);
  const image = document.querySelector("[data-pagefind-meta^='image']");
  assert.equal(image?.getAttribute("content"), "/img/cover.png", "an attribute a meta reads comes along");
  assert.deepEqual(made.labels, ["헬름 차트를 설치했다", "values 나누기", "helm", "쿠버네티스"]);
  assert.ok(made.html.length < POST.length / 1.5);
});

test("a page without an indexed body has no search document", () => {
  assert.equal(buildSearchDocument("<html><body><h1>태그</h1><a href='/x/'>글</a></body></html>", "/tags/"), undefined);
});

test("compounds are marked in the indexed text, never in meta or filter values", () => {
  const compound = POST.replace("헬름 차트를 설치했다</h1>", "헬름차트를 설치했다</h1>");
  const [made, other] = analyzeDocuments([buildSearchDocument(compound, "/helm/")!, buildSearchDocument(POST, "/helm-2/")!]);
  const { document } = parseHTML(made!.html);
  assert.equal(document.querySelector("h1")!.firstChild!.textContent, `헬름${STEM_MARK}차트를 설치했다`, "헬름 and 차트 are words of the corpus");
  assert.equal(parseHTML(other!.html).document.querySelector("h1")!.firstChild!.textContent, "헬름 차트를 설치했다", "endings are not marked");
  assert.equal(document.querySelector('[data-pagefind-meta="title"]')?.textContent, "헬름차트를 설치했다");
  assert.equal(document.querySelector("title")?.textContent, "헬름 차트 · opsnote");
  assert.equal(made!.html.replaceAll(STEM_MARK, ""), buildSearchDocument(compound, "/helm/")!.html);
});

test("the query vocabulary: label stems for initial consonants, body words for typos, the settings' synonyms", () => {
  const other = buildSearchDocument("<html><body><article data-pagefind-body><p>컨테이너를 띄우고 로그를 본다</p></article></body></html>", "/c/")!;
  const vocabulary = buildQueryVocabulary([buildSearchDocument(POST, "/helm/")!, other], [["argocd", "아르고"]]);
  assert.ok(vocabulary.labels.includes("헬름") && vocabulary.labels.includes("쿠버네티스") && vocabulary.labels.includes("설치"), vocabulary.labels.join(","));
  assert.deepEqual(vocabulary.words, ["띄우고", "컨테이너"], "body stems of three syllables or more, not already labels");
  assert.deepEqual(vocabulary.synonyms, [["argocd", "아르고"]]);
  assert.ok(vocabulary.missing.includes("k8s") && vocabulary.missing.includes("argocd"), "synonyms no page uses are listed");
  assert.ok(!vocabulary.missing.includes("쿠버네티스") && !vocabulary.missing.includes("helm") && !vocabulary.missing.includes("컨테이너"), vocabulary.missing.join(","));
});

test("missingSynonyms: a synonym is missing only when none of its words is inside a word of the index", () => {
  const words = new Set(["쿠버네티스를", "argocd-server", "redis"]);
  assert.deepEqual(missingSynonyms([["kubernetes", "쿠버네티스", "k8s"], ["ArgoCD", "argo cd"], ["redis", "레디스"]], words), ["k8s", "kubernetes", "레디스"], "argocd and argo cd are inside argocd-server");
});
