/**
 * Related posts under each post: the posts that share the most tags and categories with it (a
 * shared tag weighs more than a shared category, which is broad: `devops` holds half a blog), then
 * the newest. When fewer than `minimum` posts share a term, the newest others fill the list, so a
 * post on a new subject still points somewhere. Never the post itself, never a draft or a
 * scheduled post, and the same list whatever order the posts come in.
 */
import type { Post } from "../content/post.ts";
import { isPublished } from "../content/publication.ts";

/** Weight of one shared tag. */
export const TAG_WEIGHT = 2;
/** Weight of one shared category. */
export const CATEGORY_WEIGHT = 1;

export interface RelatedPostsOptions {
  /** Most posts listed. @default 5 */
  limit?: number;
  /** Fewest posts listed when the blog has that many others: the newest fill the gap. @default 3 */
  minimum?: number;
  /** Posts after this instant are scheduled, not published. @default now */
  now?: Date;
}

/** Newest first; the URL breaks ties so equal dates keep one order. */
function compareNewestFirst(a: Post, b: Post): number {
  return b.date.instant.getTime() - a.date.instant.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * Related posts of every listed post, by URL. Scores come from an index of term -> posts, so a post
 * is compared only with the posts it shares a term with (a blog of thousands of posts stays cheap).
 */
export function relatedPostsByUrl(posts: readonly Post[], { limit = 5, minimum = 3, now = new Date() }: RelatedPostsOptions = {}): Map<string, Post[]> {
  const eligible = posts.filter((post) => post.kind === "post" && !post.draft && isPublished(post, now));
  const newestFirst = [...eligible].sort(compareNewestFirst);
  const byTerm = new Map<string, Post[]>();
  const keysOf = (post: Post): [string, number][] => [
    ...post.tags.map((tag): [string, number] => [`tag:${tag.slug}`, TAG_WEIGHT]),
    ...post.categories.map((category): [string, number] => [`category:${category.slug}`, CATEGORY_WEIGHT]),
  ];
  for (const post of eligible) {
    for (const [key] of new Map(keysOf(post))) {
      const list = byTerm.get(key);
      if (list) list.push(post);
      else byTerm.set(key, [post]);
    }
  }
  const related = new Map<string, Post[]>();
  for (const post of posts) {
    if (related.has(post.url)) continue;
    const scores = new Map<Post, number>();
    for (const [key, weight] of new Map(keysOf(post))) {
      for (const other of byTerm.get(key) ?? []) {
        if (other.url !== post.url) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    const ranked = [...scores].sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || compareNewestFirst(a, b)).map(([other]) => other);
    const chosen = ranked.slice(0, limit);
    for (const other of newestFirst) {
      if (chosen.length >= Math.min(minimum, limit)) break;
      if (other.url !== post.url && !chosen.includes(other)) chosen.push(other);
    }
    related.set(post.url, chosen);
  }
  return related;
}

/** The related posts of one post among `posts` (see relatedPostsByUrl). */
export function relatedPosts(post: Post, posts: readonly Post[], options?: RelatedPostsOptions): Post[] {
  return relatedPostsByUrl([post, ...posts.filter((other) => other.url !== post.url)], options).get(post.url) ?? [];
}
