import { parsePostDate } from "../../src/content/dates.ts";
import type { Post } from "../../src/content/post.ts";

/** A Post for unit tests of what consumes posts; every field a sensible default, `date` as YYYY-MM-DD. */
export function makePost(name: string, date: string, overrides: Partial<Post> = {}): Post {
  const parsed = parsePostDate(date, "Asia/Seoul");
  if (!parsed.ok) throw new Error(parsed.error);
  return {
    kind: "post", inputPath: `posts/${name}.md`, slug: name, title: name, date: parsed.date, tags: [], categories: [],
    url: `/${name}/`, toc: { enabled: false, label: "목차", sticky: false }, excerpt: "", draft: false, pin: false,
    readingMinutes: 1, redirectFrom: [], renderWithLiquid: true, ...overrides,
  };
}
