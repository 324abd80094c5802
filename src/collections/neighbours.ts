/**
 * Each post's older and newer neighbour, computed once per build for the whole list: looking them
 * up from every post page would scan the list once per post (N² at thousands of posts).
 */
import type { Post } from "../content/post.ts";

export interface Neighbours {
  /** The next older post. */
  previous?: Post;
  /** The next newer post. */
  next?: Post;
}

/** @param posts newest first */
export function neighboursByUrl(posts: readonly Post[]): Map<string, Neighbours> {
  return new Map(posts.map((post, index) => [post.url, { previous: posts[index + 1], next: posts[index - 1] }]));
}
