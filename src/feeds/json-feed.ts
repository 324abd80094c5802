/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` does the escaping.
 */
import type { FeedEntry, FeedInfo } from "./feed-entry.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function buildJsonFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const author = { name: info.author.name, ...(info.author.url ? { url: info.author.url } : {}) };
  const feed = {
    version: JSON_FEED_VERSION,
    title: info.title,
    description: info.description,
    home_page_url: info.pageUrl,
    feed_url: info.feedUrl,
    language: info.language,
    ...(info.icon ? { favicon: info.icon } : {}),
    authors: [author],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      ...(entry.summary !== "" ? { summary: entry.summary } : {}),
      date_published: entry.published,
      date_modified: entry.updated,
      ...(entry.tags.length + entry.categories.length > 0 ? { tags: [...entry.categories, ...entry.tags] } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
