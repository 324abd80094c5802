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

/**
 * Unpublished posts (drafts, scheduled) at the URL of a published post, each with that post: a
 * production build leaves them out anyway; the preview, which builds unpublished posts, leaves these
 * out too (with a warning), instead of failing the whole site on the clash.
 */
export function unpublishedOnPublishedUrls<T extends { file: string; post?: Pick<Post, "draft" | "date" | "url"> }>(posts: readonly T[], now: Date): Map<T, T> {
  const published = new Map<string, T>();
  for (const entry of posts) if (entry.post && isPublished(entry.post, now) && !published.has(entry.post.url)) published.set(entry.post.url, entry);
  const found = new Map<T, T>();
  for (const entry of posts) {
    const owner = entry.post && !isPublished(entry.post, now) ? published.get(entry.post.url) : undefined;
    if (owner) found.set(entry, owner);
  }
  return found;
}
