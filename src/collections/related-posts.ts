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
 * is compared only with the posts it shares a term with, in typed arrays, and only the best `limit`
 * are kept (no sort of every candidate): 4,000 posts sharing two categories take well under a second.
 */
export function relatedPostsByUrl(posts: readonly Post[], { limit = 5, minimum = 3, now = new Date() }: RelatedPostsOptions = {}): Map<string, Post[]> {
  // Candidates by their rank, newest first: a lower rank wins a tie of scores.
  const candidates = posts.filter((post) => post.kind === "post" && !post.draft && isPublished(post, now)).sort(compareNewestFirst);
  const byTerm = new Map<string, number[]>();
  const keysOf = (post: Post): Map<string, number> => new Map([
    ...post.categories.map((category): [string, number] => [`category:${category.slug}`, CATEGORY_WEIGHT]),
    ...post.tags.map((tag): [string, number] => [`tag:${tag.slug}`, TAG_WEIGHT]),
  ]);
  candidates.forEach((post, rank) => {
    for (const key of keysOf(post).keys()) {
      const list = byTerm.get(key);
      if (list) list.push(rank);
      else byTerm.set(key, [rank]);
    }
  });
  const scores = new Int32Array(candidates.length);
  const fillCount = Math.min(minimum, limit);
  const related = new Map<string, Post[]>();
  for (const post of posts) {
    if (related.has(post.url)) continue;
    const touched: number[] = [];
    for (const [key, weight] of keysOf(post)) {
      for (const rank of byTerm.get(key) ?? []) {
        if (candidates[rank]!.url === post.url) continue;
        if (scores[rank] === 0) touched.push(rank);
        scores[rank] = scores[rank]! + weight;
      }
    }
    // The best `limit` by score, then rank, kept in order by insertion.
    const best: number[] = [];
    const beats = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    for (const rank of touched) {
      if (best.length === limit && !beats(rank, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && beats(rank, best[at - 1]!)) at--;
      best.splice(at, 0, rank);
      if (best.length > limit) best.pop();
    }
    for (const rank of touched) scores[rank] = 0;
    for (let rank = 0; rank < candidates.length && best.length < fillCount; rank++) {
      if (candidates[rank]!.url !== post.url && !best.includes(rank)) best.push(rank);
    }
    related.set(post.url, best.map((rank) => candidates[rank]!));
  }
  return related;
}

/** The related posts of one post among `posts` (see relatedPostsByUrl). */
export function relatedPosts(post: Post, posts: readonly Post[], options?: RelatedPostsOptions): Post[] {
  return relatedPostsByUrl([post, ...posts.filter((other) => other.url !== post.url)], options).get(post.url) ?? [];
}
