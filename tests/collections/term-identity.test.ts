/**
 * Term identity (issue 3, item 2): NFC, trimmed, zero-width removed, case-insensitive, one safe
 * non-empty slug; two terms that share a slug fail naming both posts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupByTerm, applyGroupSpelling } from "../../src/collections/taxonomy.ts";
import { toTerms, type Post } from "../../src/content/post.ts";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.ts";
import { makePost } from "../helpers/make-post.ts";

function post(file: string, tags: string[], day = 1): Post {
  return makePost(file, `2021-05-${String(day).padStart(2, "0")}`, { inputPath: `posts/${file}`, tags: toTerms(tags) });
}

const NFD = "쿠버네티스".normalize("NFD");

const SAME_TERM: [string, string, string][] = [
  // [spelling A, spelling B, expected slug]
  ["쿠버네티스", NFD, "쿠버네티스"],
  ["Kubernetes", "kubernetes", "kubernetes"],
  ["KUBERNETES", "Kubernetes", "kubernetes"],
  ["helm", "  helm ", "helm"],
  ["helm", "hel\u200Bm", "helm"],
  ["도커", "\uFEFF도커\u200D", "도커"],
  ["GitHub Actions", "github  actions", "github-actions"],
];

for (const [a, b, slug] of SAME_TERM) {
  test(`${JSON.stringify(a)} and ${JSON.stringify(b)} are one term with slug ${slug}`, () => {
    const groups = groupByTerm([post("a", [a], 1), post("b", [b], 2)], (p) => p.tags, "tags");
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.slug, slug);
    assert.equal(groups[0]!.posts.length, 2);
    assert.equal(groups[0]!.name, groups[0]!.name.normalize("NFC"));
    assert.doesNotMatch(groups[0]!.name, /[\u200B-\u200D\uFEFF]/);
  });
}

const SLUGS: [string, string][] = [
  ["CI/CD", "ci-cd"],
  ["k8s.io", "k8s-io"],
  ["a\\b", "a-b"],
  ["이미지 최적화", "이미지-최적화"],
  ["..", "tag-5ec1f7e7"],
  ["C++", "c"],
];

for (const [term, slug] of SLUGS) {
  test(`${JSON.stringify(term)} gets the one safe, non-empty segment ${JSON.stringify(slug)}`, () => {
    const [group] = groupByTerm([post("a", [term])], (p) => p.tags, "tags");
    assert.equal(group!.slug, slug);
    assert.doesNotMatch(group!.slug, /[/\\]|^\.{1,2}$|^$/);
  });
}

test("the most used spelling is shown, on the tag and on every post", () => {
  const posts = [post("a", ["Kubernetes"], 1), post("b", ["kubernetes"], 2), post("c", ["Kubernetes"], 3)];
  const groups = groupByTerm(posts, (p) => p.tags, "tags");
  assert.equal(groups[0]!.name, "Kubernetes");
  applyGroupSpelling(groups, (p) => p.tags);
  assert.deepEqual(posts.map((p) => p.tags[0]!.name), ["Kubernetes", "Kubernetes", "Kubernetes"]);
});

test("terms sort by post count, then Korean collation", () => {
  const posts = [post("a", ["하나", "가나", "zeta"], 1), post("b", ["하나"], 2), post("c", ["나비", "가나"], 3)];
  assert.deepEqual(groupByTerm(posts, (p) => p.tags, "tags").map((g) => g.name), ["가나", "하나", "나비", "zeta"]);
});

test("two different terms with one slug fail the build, naming both posts", () => {
  const run = () => groupByTerm([post("first.md", ["CI/CD"], 1), post("second.md", ["ci-cd"], 2)], (p) => p.tags, "tags");
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DiagnosticError);
    assert.match(error.message, /CI\/CD/);
    assert.match(error.message, /ci-cd/);
    assert.match(error.message, /posts\/first\.md/);
    assert.match(error.message, /posts\/second\.md/);
    return true;
  });
});
