/**
 * What a feed says about a post, built once and written as Atom and JSON Feed. URLs are absolute
 * (prefix included) and dates RFC 3339, because feed readers see them outside the site.
 */
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";

export interface FeedEntry {
  /** Permanent id: the post's absolute URL. */
  id: string;
  url: string;
  title: string;
  /** Plain-text excerpt. */
  summary: string;
  /** Full post body, HTML with absolute URLs. */
  contentHtml: string;
  /** RFC 3339. */
  published: string;
  /** RFC 3339: `last_modified_at`, else the publication date. */
  updated: string;
  tags: string[];
  /** Category names that are not also tags. */
  categories: string[];
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  language: string;
  author: { name: string; url?: string; email?: string };
  /** Absolute URL of the site icon. */
  icon?: string;
}

export function buildFeedEntry(post: Post, contentHtml: string, site: Pick<SiteSettings, "url" | "pathPrefix">): FeedEntry {
  const url = absoluteUrl(site, post.url);
  return {
    id: url,
    url,
    title: post.title,
    summary: post.excerpt,
    contentHtml,
    published: post.date.iso,
    updated: (post.updated ?? post.date).iso,
    tags: post.tags.map((t) => t.name),
    // A word that is both a category and a tag (`devops`) is one feed category, not two.
    categories: post.categories.map((c) => c.name).filter((name) => !post.tags.some((t) => t.name.toLowerCase() === name.toLowerCase())),
  };
}

/** The feed's own `updated`: its newest entry's, compared as instants (offsets may differ). */
export function newestUpdate(entries: readonly FeedEntry[]): string | undefined {
  let newest: FeedEntry | undefined;
  for (const entry of entries) {
    if (newest === undefined || Date.parse(entry.updated) > Date.parse(newest.updated)) newest = entry;
  }
  return newest?.updated;
}
