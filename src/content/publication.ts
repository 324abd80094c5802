/**
 * Whether a post is public yet: THE rule every page, list, taxonomy, feed, sitemap and search index
 * follows. A draft (`draft: true` or `published: false`) never is; a post dated after `now` is
 * scheduled and becomes public with the first build after its date.
 */
import type { Post } from "./post.ts";

export type PostStatus = "published" | "draft" | "scheduled";

export function postStatus(post: Pick<Post, "draft" | "date">, now: Date): PostStatus {
  if (post.draft) return "draft";
  return post.date.instant.getTime() > now.getTime() ? "scheduled" : "published";
}

export function isPublished(post: Pick<Post, "draft" | "date">, now: Date): boolean {
  return postStatus(post, now) === "published";
}

/** Unpublished posts are built only when asked for: in the preview server, or with OPSNOTE_DRAFTS=1. */
export function includeUnpublished(): boolean {
  return process.env.OPSNOTE_DRAFTS === "1" || (process.env.ELEVENTY_RUN_MODE ?? "build") !== "build";
}
