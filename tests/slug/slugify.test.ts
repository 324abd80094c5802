import { test } from "node:test";
import assert from "node:assert/strict";
import { FALLBACK_HEADING_ID, HeadingSlugger, slugify, termSlug } from "../../src/slug/slugify.ts";
import { LAYOUT_IDS } from "../../src/slug/reserved-ids.ts";

const NFD = (text: string) => text.normalize("NFD");

/** A test-name form of a string: invisible characters spelled out, decomposed text marked. */
function show(text: string): string {
  const visible = JSON.stringify(text).replace(/[\u200B-\u200D\u2060\uFEFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return text === text.normalize("NFC") ? visible : `${visible} (NFD)`;
}

// slugify: one string, GitHub's ids (Hangul kept, punctuation dropped, spaces -> hyphens).
const slugCases: [input: string, expected: string][] = [
  ["그래서 쿠버네티스가 뭔데?", "그래서-쿠버네티스가-뭔데"],
  ["포스트를 마치며", "포스트를-마치며"],
  ["Helm 차트 만들기", "helm-차트-만들기"],
  ["Kubernetes 1.29 업그레이드", "kubernetes-129-업그레이드"],
  ["Service discovery and load balancing", "service-discovery-and-load-balancing"],
  // A heading with inline code: headings.ts passes the text a reader sees, backticks removed.
  ["kubectl apply 사용법", "kubectl-apply-사용법"],
  // Backticks left in (e.g. raw markdown) are dropped, not kept in the id.
  ["`kubectl apply` 사용법", "kubectl-apply-사용법"],
  ["  여러   칸   띄어쓰기  ", "여러-칸-띄어쓰기"],
  ["쿠\u200B버네티스", "쿠버네티스"],
];

for (const [input, expected] of slugCases) {
  test(`slugify(${show(input)}) is "${expected}"`, () => {
    assert.equal(slugify(input), expected);
  });
}

for (const text of ["그래서 쿠버네티스가 뭔데?", "쿠버네티스", "Helm 차트 만들기"]) {
  test(`slugify gives NFD ${JSON.stringify(text)} the same id as NFC`, () => {
    assert.notEqual(NFD(text), text, "the fixture really is decomposed");
    assert.equal(slugify(NFD(text)), slugify(text));
    assert.equal(slugify(NFD(text)), slugify(text).normalize("NFC"), "the id is NFC, not jamo");
  });
}

// HeadingSlugger: unique ids within one document.
const headingCases: [name: string, headings: string[], ids: string[]][] = [
  ["repeats get -1, -2", ["Intro", "Intro", "Intro"], ["intro", "intro-1", "intro-2"]],
  ["Korean repeats get -1", ["설치", "설치"], ["설치", "설치-1"]],
  ["punctuation-only heading gets section", ["???"], [FALLBACK_HEADING_ID]],
  ["emoji-only headings get section, section-1", ["🚀", "🔥🔥"], ["section", "section-1"]],
  ["punctuation and emoji share the fallback counter", ["!!!", "🚀", "..."], ["section", "section-1", "section-2"]],
  ["a real 'section' heading does not collide with the fallback", ["Section", "🚀"], ["section", "section-1"]],
  ["NFD and NFC spellings are the same heading", ["쿠버네티스", NFD("쿠버네티스")], ["쿠버네티스", "쿠버네티스-1"]],
  ["mixed Korean and English", ["Kubernetes란?", "Pod와 Deployment"], ["kubernetes란", "pod와-deployment"]],
  ["an emoji with a variation selector is not an invisible id", ["☸️", "⚙️"], ["section", "section-1"]],
  ["the layout's ids are taken", ["main", "Main", "toc-title", "search input", "search-dialog"], ["main-1", "main-2", "toc-title-1", "search-input-1", "search-dialog-1"]],
];

for (const [name, headings, ids] of headingCases) {
  test(`HeadingSlugger: ${name}`, () => {
    const slugger = new HeadingSlugger();
    const got = headings.map((h) => slugger.next(h));
    assert.deepEqual(got, ids);
    for (const id of got) assert.notEqual(id, "");
  });
}

test("HeadingSlugger: an id the author set is taken before any heading is slugged", () => {
  const slugger = new HeadingSlugger();
  slugger.reserve("install");
  slugger.reserve("설치");
  assert.deepEqual(["Install", "설치", "Install"].map((h) => slugger.next(h)), ["install-1", "설치-1", "install-2"]);
});

test("HeadingSlugger: every layout id is reserved", () => {
  for (const id of LAYOUT_IDS) assert.equal(new HeadingSlugger().next(id), `${id}-1`);
});

test("HeadingSlugger: each document starts its own counter", () => {
  assert.equal(new HeadingSlugger().next("Intro"), "intro");
  assert.equal(new HeadingSlugger().next("Intro"), "intro");
});

// termSlug: tag and category URL segments.
const termCases: [input: string, expected: string][] = [
  ["CI/CD", "ci-cd"],
  ["Kubernetes", "kubernetes"],
  ["쿠버네티스", "쿠버네티스"],
  [NFD("쿠버네티스"), "쿠버네티스"],
  ["쿠\u200B버네티스", "쿠버네티스"],
  ["\uFEFF쿠버\u200D네티스\u2060", "쿠버네티스"],
  ["k8s.io", "k8s-io"],
  ["a:b", "a-b"],
  ["a\\b", "a-b"],
  ["GitHub Actions", "github-actions"],
  ["  spaced   out  ", "spaced-out"],
  ["../etc/passwd", "etc-passwd"],
  // Emoji-only names: the emoji's name, visible and distinct (U+FE0F alone would be invisible).
  ["☸️", "wheel-of-dharma"],
  ["☸", "wheel-of-dharma"],
  ["⚙️", "gear"],
  ["🚀", "rocket"],
  ["🇰🇷", "flag-south-korea"],
  ["❤️‍🔥", "heart-on-fire"],
  ["☸️ ⚙️", "wheel-of-dharma-gear"],
  // Punctuation, or emoji mixed with it: a short hash of the NFC text, stable across builds.
  ["???", "tag-a03b221c"],
  ["!!!", "tag-e84c538e"],
  ["🚀!", "tag-352d45dc"],
  ["..", "tag-5ec1f7e7"],
  // What YAML would have made of 1.10 is a front-matter matter (schema.ts); the slug keeps both parts.
  ["1.10", "1-10"],
  ["1.1", "1-1"],
];

for (const [input, expected] of termCases) {
  test(`termSlug(${show(input)}) is "${expected}"`, () => {
    assert.equal(termSlug(input), expected);
  });
}

// Whatever the term, the slug is one non-empty segment that cannot climb out of its folder.
const hostileTerms = ["..", ".", "../..", "/", "\\", "..\\..", "%2e%2e", "%2F", "🚀", "???", "", "   ", "\u200B", "a/../..", "C++"];

for (const term of hostileTerms) {
  test(`termSlug(${show(term)}) is one safe, non-empty segment`, () => {
    const slug = termSlug(term);
    assert.notEqual(slug, "");
    assert.ok(!slug.includes("/") && !slug.includes("\\"), `"${slug}" has a separator`);
    assert.notEqual(slug, "..");
    assert.notEqual(slug, ".");
    assert.ok(!decodeURIComponent(slug).includes(".."), `"${slug}" decodes to a path with ..`);
    assert.equal(slug.trim(), slug);
  });
}

test("termSlug is stable: the same emoji tag always gets the same slug", () => {
  assert.equal(termSlug("🚀"), termSlug("🚀"));
  assert.notEqual(termSlug("🚀"), termSlug("🔥"));
});

test("termSlug: symbol-only names are visible and never collide with each other", () => {
  const names = ["☸️", "⚙️", "🐳", "🔥", "???", "!!!", "§", "→", "✅", "❤️‍🔥", "🧑‍💻", "🚀".repeat(30), "?".repeat(30)];
  const slugs = names.map(termSlug);
  assert.equal(new Set(slugs).size, names.length, slugs.join(" "));
  for (const slug of slugs) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `"${slug}" is not a visible ASCII slug`);
});
