/**
 * Series: posts sharing a `series:` name, read in publication order ("쿠버네티스 첫걸음 (2/3)").
 * A post can also join a series from the site settings (`seriesMembers`), for a file that should
 * stay as its author wrote it.
 */
import type { Post } from "../content/post.ts";
import { normalizeText } from "../slug/slugify.ts";

export interface Series {
  name: string;
  /** Oldest first: part 1 is the first post published. */
  posts: Post[];
}

export interface SeriesPosition {
  series: Series;
  /** 1-based. */
  part: number;
}

/**
 * Groups posts into series. `memberOf(post)` gives a series for posts without `series:`.
 * Names are compared like terms (NFC, case-insensitive); the first spelling met is shown.
 */
export function groupSeries(posts: readonly Post[], memberOf: (post: Post) => string | undefined = () => undefined): Series[] {
  const byKey = new Map<string, Series>();
  const oldestFirst = [...posts].sort((a, b) => a.date.instant.getTime() - b.date.instant.getTime());
  for (const post of oldestFirst) {
    const raw = post.series ?? memberOf(post);
    const name = raw === undefined ? "" : normalizeText(raw);
    if (name === "") continue;
    const key = name.toLowerCase();
    let series = byKey.get(key);
    if (!series) {
      series = { name, posts: [] };
      byKey.set(key, series);
    }
    series.posts.push(post);
  }
  return [...byKey.values()];
}

/** The series a post (by URL) is part of, and which part it is. */
export function findSeriesPosition(seriesList: readonly Series[], url: string): SeriesPosition | undefined {
  for (const series of seriesList) {
    const index = series.posts.findIndex((post) => post.url === url);
    if (index !== -1) return { series, part: index + 1 };
  }
  return undefined;
}
