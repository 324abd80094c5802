/**
 * The search corpus (src/search/corpus.ts): from the posts' analyses, the compound vocabulary and
 * the pages the index expects, in index order; only what is published at the build's time counts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { searchCorpusOf } from "../../src/search/corpus.ts";
import { compoundStems } from "../../src/search/korean-index.ts";
import type { PostAnalysis } from "../../src/check/analyse-post.ts";
import type { Post } from "../../src/content/post.ts";

const NOW = new Date("2026-12-07T12:00:00Z");

function analysis(relativePath: string, post: Partial<Pick<Post, "url" | "draft">> & { at?: string } | undefined, body: string): PostAnalysis {
  return {
    file: `posts/${relativePath}`, relativePath, diagnostics: [], headingIds: new Set(), links: [],
    post: post && ({ url: post.url, draft: post.draft ?? false, date: { instant: new Date(post.at ?? "2026-01-01T00:00:00Z") } } as unknown as Post),
    stems: compoundStems(body),
  };
}

test("the vocabulary and the expected pages come from the published posts, ordered by source file then URL", () => {
  const corpus = searchCorpusOf([
    analysis("2026-03-01-helm.md", { url: "/helm/" }, "헬름차트를 배포했다."),
    analysis("2026-01-01-k8s.md", { url: "/k8s/" }, "쿠버네티스클러스터와 클러스터를 만들었다."),
    analysis("about/index.md", { url: "/about/" }, "소개 페이지"),
    analysis("2026-02-01-draft.md", { url: "/draft/", draft: true }, "초안에만있는단어"),
    analysis("2026-12-31-later.md", { url: "/later/", at: "2026-12-31T00:00:00Z" }, "예약된글"),
    analysis("2026-02-02-broken.md", undefined, "깨진글"),
  ], NOW);
  assert.deepEqual(corpus.order, ["/k8s/", "/helm/", "/about/"]);
  for (const stem of ["클러스터", "헬름차트", "소개"]) assert.ok(corpus.stems.has(stem), `${stem} is in the vocabulary`);
  for (const stem of ["초안에만있는단어", "예약된글", "깨진글"]) assert.ok(!corpus.stems.has(stem), `${stem} (unpublished or not a post) is not`);
  assert.ok(searchCorpusOf([analysis("2026-12-31-later.md", { url: "/later/", at: "2026-12-31T00:00:00Z" }, "예약된글")], new Date("2027-01-01T00:00:00Z")).stems.has("예약된글"),
    "a scheduled post counts once its time has come");
});

test("compoundStems keeps the stems of Hangul words of two syllables or more, once each, sorted", () => {
  assert.deepEqual(compoundStems("쿠버네티스를 쿠버네티스로 설치 kubectl 및 노드에"), ["노드", "설치", "쿠버네티스"]);
  assert.deepEqual(compoundStems("kubectl apply -f x.yaml"), []);
});
