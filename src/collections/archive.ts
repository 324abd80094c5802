/**
 * The archive: posts by year, then month, newest first, by the calendar date the author wrote
 * (a post written 2021-05-01 00:30 +09:00 is a May post, whatever the build machine's zone).
 */
import type { Post } from "../content/post.ts";
import { sortPostsNewestFirst } from "./taxonomy.ts";

export interface ArchiveMonth {
  month: number;
  posts: Post[];
}

export interface ArchiveYear {
  year: number;
  months: ArchiveMonth[];
  /** Posts in the year. */
  count: number;
}

export function groupByMonth(posts: readonly Post[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const post of sortPostsNewestFirst(posts)) {
    const { year, month } = post.date.wall;
    let y = years.at(-1);
    if (y?.year !== year) {
      y = { year, months: [], count: 0 };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (m?.month !== month) {
      m = { month, posts: [] };
      y.months.push(m);
    }
    m.posts.push(post);
    y.count += 1;
  }
  return years;
}
