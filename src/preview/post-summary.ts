/**
 * A post's summary: everything about a post that pages other than its own show or depend on.
 * When an edit leaves the summary as it was, no other page can change, so the preview may render
 * the post's own page alone (fast-path.ts).
 *
 * Derived from the readers of `Post` outside the post's own page:
 * - lists (home, tags, categories, archive: pages/*.tsx, `PostSummary`): url, title, pin, draft and
 *   date (the status badge), date, readingMinutes, excerpt, tags, image (the home page's thumbnail);
 * - order, grouping and neighbours (collections/*): date and title (sorting), tags, categories,
 *   series, inputPath (`seriesMembers`), draft and date (what is published);
 * - the previous/next links and series boxes of other posts: url, title;
 * - feeds and the sitemap (feeds/*, seo/sitemap.ts): url, title, excerpt, date, updated, tags,
 *   categories; JSON-LD is only on the post's own page;
 * - URLs and redirect pages (content/permalink.ts, jekyll/redirects.ts): slug, url, redirectFrom.
 * Left out, because only the post's own page reads them: `toc` (the settings) and `renderWithLiquid`
 * (how its body is read).
 */
import { isDeepStrictEqual } from "node:util";
import type { Post } from "../content/post.ts";

export type PostSummary = Omit<Post, "toc" | "renderWithLiquid">;

export function postSummary(post: Post): PostSummary {
  const { toc: _toc, renderWithLiquid: _liquid, ...summary } = post;
  return summary;
}

/** True when no page but the post's own can tell the two versions apart. */
export function sameSummary(a: Post, b: Post): boolean {
  return isDeepStrictEqual(postSummary(a), postSummary(b));
}
