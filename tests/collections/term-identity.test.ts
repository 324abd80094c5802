/**
 * Term identity (issue 3, item 2): NFC, trimmed, zero-width removed, case-insensitive, one safe
 * non-empty slug; spellings that share a slug are one term, with a note naming them (issue 15).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupByTerm, applyGroupSpelling, termSpellingNotes } from "../../src/collections/taxonomy.ts";
import { toTerms, type Post } from "../../src/content/post.ts";
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
    const groups = groupByTerm([post("a", [a], 1), post("b", [b], 2)], (p) => p.tags);
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
    const [group] = groupByTerm([post("a", [term])], (p) => p.tags);
    assert.equal(group!.slug, slug);
    assert.doesNotMatch(group!.slug, /[/\\]|^\.{1,2}$|^$/);
  });
}

test("the most used spelling is shown, on the tag and on every post", () => {
  const posts = [post("a", ["Kubernetes"], 1), post("b", ["kubernetes"], 2), post("c", ["Kubernetes"], 3)];
  const groups = groupByTerm(posts, (p) => p.tags);
  assert.equal(groups[0]!.name, "Kubernetes");
  applyGroupSpelling(groups, (p) => p.tags);
  assert.deepEqual(posts.map((p) => p.tags[0]!.name), ["Kubernetes", "Kubernetes", "Kubernetes"]);
});

test("terms sort by post count, then Korean collation", () => {
  const posts = [post("a", ["하나", "가나", "zeta"], 1), post("b", ["하나"], 2), post("c", ["나비", "가나"], 3)];
  assert.deepEqual(groupByTerm(posts, (p) => p.tags).map((g) => g.name), ["가나", "하나", "나비", "zeta"]);
});

// [one spelling per post (oldest first), shown name, slug]: spellings that share a slug are one term
// (Hugo merges them); the most used spelling is shown, a tie goes to the oldest post's.
const MERGED: [string[], string, string][] = [
  [["Brute Force", "brute-force"], "Brute Force", "brute-force"],
  [["brute-force", "Brute Force", "Brute Force"], "Brute Force", "brute-force"],
  [["github-actions", "GitHub Actions"], "github-actions", "github-actions"],
  [["KV Cache", "kv-cache", "kv-cache"], "kv-cache", "kv-cache"],
  [["CI/CD", "ci-cd"], "CI/CD", "ci-cd"],
];

for (const [spellings, shown, slug] of MERGED) {
  test(`${JSON.stringify(spellings)} are one term ${JSON.stringify(shown)} at ${slug}, no error`, () => {
    const posts = spellings.map((tag, i) => post(`p${i}.md`, [tag], i + 1));
    const groups = groupByTerm(posts, (p) => p.tags);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.slug, slug);
    assert.equal(groups[0]!.name, shown);
    assert.deepEqual(groups[0]!.posts.map((p) => p.inputPath).sort(), posts.map((p) => p.inputPath).sort());
  });
}

test("a post writing two spellings of one term has it once", () => {
  const groups = groupByTerm([post("a.md", ["KV Cache", "kv-cache"])], (p) => p.tags);
  assert.equal(groups[0]!.posts.length, 1);
});

test("a term written two ways gets one warning naming every spelling and file; letter case alone is silent", () => {
  const posts = [post("first.md", ["Brute Force", "Docker"], 1), post("second.md", ["brute-force", "docker"], 2), post("third.md", ["Brute Force"], 3)];
  const notes = termSpellingNotes(groupByTerm(posts, (p) => p.tags), "tags", (t) => `/tags/${t.slug}/`);
  assert.equal(notes.length, 1);
  const brute = notes[0]!;
  assert.equal(brute.severity, "warning");
  assert.equal(brute.field, "tags");
  assert.equal(brute.file, "posts/second.md");
  assert.match(brute.message, /^"Brute Force" \(posts\/first\.md, posts\/third\.md\), "brute-force" \(posts\/second\.md\) are one tag at \/tags\/brute-force\/, shown as "Brute Force"/);
  assert.deepEqual(termSpellingNotes(groupByTerm([post("a.md", ["helm"]), post("b.md", ["helm"], 2)], (p) => p.tags), "tags", () => ""), []);
});
