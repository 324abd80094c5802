import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { relatedPosts, relatedPostsByUrl } from "../../src/collections/related-posts.ts";
import type { Post } from "../../src/content/post.ts";
import { makePost } from "../helpers/make-post.ts";

const terms = (...names: string[]) => names.map((name) => ({ name, slug: name }));
const slugs = (posts: readonly Post[]) => posts.map((post) => post.slug);

test("ranked by shared terms, a tag weighing more than a category, then the newest", () => {
  const self = makePost("self", "2021-05-01", { tags: terms("helm", "k8s"), categories: terms("devops") });
  const posts = [
    self,
    makePost("two-tags", "2021-01-01", { tags: terms("helm", "k8s") }), // 4
    makePost("tag-and-category", "2021-02-01", { tags: terms("helm"), categories: terms("devops") }), // 3
    makePost("one-tag-old", "2021-01-15", { tags: terms("k8s") }), // 2
    makePost("one-tag-new", "2021-03-15", { tags: terms("helm") }), // 2, newer
    makePost("category-only", "2021-04-01", { categories: terms("devops") }), // 1
    makePost("unrelated-newest", "2021-06-01", { tags: terms("rust") }), // 0
  ];
  assert.deepEqual(slugs(relatedPosts(self, posts)), ["two-tags", "tag-and-category", "one-tag-new", "one-tag-old", "category-only"]);
});

test("fewer than three related posts: the newest others fill the list; never more than five", () => {
  const self = makePost("self", "2021-05-01", { tags: terms("terraform") });
  const posts = [
    self,
    makePost("shares", "2020-01-01", { tags: terms("terraform") }),
    makePost("newest", "2021-06-01"),
    makePost("newer", "2021-05-20"),
    makePost("old", "2019-01-01"),
  ];
  assert.deepEqual(slugs(relatedPosts(self, posts)), ["shares", "newest", "newer"]);
  const many = Array.from({ length: 9 }, (_, i) => makePost(`p${i}`, `2021-01-0${i + 1}`, { tags: terms("terraform") }));
  assert.equal(relatedPosts(self, [self, ...many]).length, 5);
});

test("drafts, scheduled posts and standalone pages are never related; a lone post has none", () => {
  const self = makePost("self", "2021-05-01", { tags: terms("helm") });
  const posts = [
    self,
    makePost("draft", "2021-04-01", { tags: terms("helm"), draft: true }),
    makePost("scheduled", "2999-01-01", { tags: terms("helm") }),
    makePost("about", "2021-04-01", { tags: terms("helm"), kind: "page" }),
    makePost("published", "2020-01-01", { tags: terms("helm") }),
  ];
  assert.deepEqual(slugs(relatedPosts(self, posts)), ["published"]);
  assert.deepEqual(relatedPosts(self, [self]), []);
  // A draft shown by the preview still gets related posts of its own.
  assert.deepEqual(slugs(relatedPostsByUrl(posts).get("/draft/")!), ["self", "published"]);
});

/** The plain definition: score every other post, sort them all, take five; fill to three with the newest. */
function reference(post: Post, posts: readonly Post[]): Post[] {
  const shared = (a: readonly { slug: string }[], b: readonly { slug: string }[]) => a.filter((x) => b.some((y) => y.slug === x.slug)).length;
  const newest = (a: Post, b: Post) => b.date.instant.getTime() - a.date.instant.getTime() || (a.url < b.url ? -1 : 1);
  const others = posts.filter((other) => other.url !== post.url && !other.draft);
  const score = (other: Post) => 2 * shared(post.tags, other.tags) + shared(post.categories, other.categories);
  const chosen = others.filter((other) => score(other) > 0).sort((a, b) => score(b) - score(a) || newest(a, b)).slice(0, 5);
  for (const other of [...others].sort(newest)) if (chosen.length < 3 && !chosen.includes(other)) chosen.push(other);
  return chosen;
}

const postArbitrary = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  tags: fc.subarray(["a", "b", "c", "d"]),
  categories: fc.subarray(["x", "y"]),
  draft: fc.boolean(),
});

test("property: never the post itself nor a draft, at most five, the same list whatever the input order", () => {
  fc.assert(fc.property(fc.array(postArbitrary, { minLength: 1, maxLength: 25 }), fc.nat(), (specs, seed) => {
    const posts = specs.map((spec, index) => makePost(`p${index}`, `2021-${String(spec.month).padStart(2, "0")}-${String(spec.day).padStart(2, "0")}`, {
      tags: terms(...spec.tags), categories: terms(...spec.categories), draft: spec.draft,
    }));
    const shuffled = [...posts].sort((a, b) => ((a.slug.length * 31 + seed) % 7) - ((b.slug.length * 31 + seed) % 7) || (seed % 2 === 0 ? a.url.localeCompare(b.url) : b.url.localeCompare(a.url)));
    const first = relatedPostsByUrl(posts);
    const second = relatedPostsByUrl(shuffled);
    for (const post of posts) {
      const related = first.get(post.url)!;
      assert.ok(related.length <= 5);
      assert.ok(!related.some((other) => other.url === post.url), "never itself");
      assert.ok(!related.some((other) => other.draft), "never a draft");
      assert.equal(new Set(related.map((other) => other.url)).size, related.length, "no post twice");
      assert.deepEqual(slugs(second.get(post.url)!), slugs(related), "deterministic");
      assert.deepEqual(slugs(related), slugs(reference(post, posts)), "same as sorting every candidate");
      const others = posts.filter((other) => other !== post && !other.draft).length;
      assert.ok(related.length >= Math.min(3, others), "at least three when there are three others");
    }
  }));
});
