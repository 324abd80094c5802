/**
 * Every URL a build writes, known before the build, for the link check: taken from the site plan
 * (src/collections/site-plan.ts: posts, home and list pages with their page 2, 3, …, tag and category
 * pages with their feeds, the archive, feeds, sitemap, robots.txt, 404) and the fixed pages of
 * src/pages, so a new generated page is known to the check the day it is planned, with no list here
 * to keep in step. Files written outside the plan (the highlighting stylesheet, Pagefind's folder,
 * redirect pages) are added from where they are defined.
 */
import type { Post } from "../content/post.ts";
import { SEARCH_INDEX_OUTPUT, outputFileOf, planSite } from "../collections/site-plan.ts";
import { applyGroupSpelling, groupByTerm } from "../collections/taxonomy.ts";
import { pages } from "../pages/pages.tsx";
import { CODE_STYLESHEET_URL } from "../urls/site-urls.ts";

/** URL folders whose files are written after the plan (Pagefind writes its own files). */
export const GENERATED_FOLDERS = ["/pagefind/"] as const;

export interface KnownUrls {
  /** True when a build writes something at this root-relative, decoded URL. */
  has(url: string): boolean;
  /**
   * What opsnote writes of its own at this URL (a list, term or index page, a feed, the search index),
   * named as the build names it (`the tag index`), or undefined: a published file of the blogger's there
   * is not published. Letter case is ignored, as the collision check ignores it.
   */
  generatedAt?(url: string): string | undefined;
}

/**
 * The URLs a build of `posts` (the published ones) writes. Terms are copied before grouping: the
 * grouping respells them in place, and the posts belong to the analyses.
 */
export function knownUrls(posts: readonly Post[], pageSize: number, redirects: Iterable<string> = []): KnownUrls {
  const copies = posts.map((post) => ({ ...post, tags: post.tags.map((t) => ({ ...t })), categories: post.categories.map((c) => ({ ...c })) }));
  // As the build plans them (src/collections): posts make the lists and terms; a standalone page is
  // one more page, or a term's page when it is at the term's URL.
  const listed = copies.filter((post) => post.kind !== "page");
  const tags = groupByTerm(listed, (post) => post.tags);
  applyGroupSpelling(tags, (post) => post.tags);
  const categories = groupByTerm(listed, (post) => post.categories);
  applyGroupSpelling(categories, (post) => post.categories);
  const plan = planSite({ posts: listed, standalonePages: copies.filter((post) => post.kind === "page"), tags, categories, pageSize });
  const urls = new Set<string>([
    ...plan.pages.map((page) => page.url),
    ...Object.values(pages).map((page) => page.data.permalink).filter((p): p is string => typeof p === "string"),
    CODE_STYLESHEET_URL,
    ...redirects,
  ].map((url) => url.normalize("NFC")));
  const generated = new Map(plan.pages.filter((page) => page.generated).map((page) => [outputFileOf(page.url).toLowerCase(), page.what]));
  return {
    has: (url) => urls.has(url.normalize("NFC")) || GENERATED_FOLDERS.some((folder) => url.startsWith(folder)),
    generatedAt: (url) =>
      generated.get(outputFileOf(url).toLowerCase()) ?? (url.toLowerCase().startsWith(SEARCH_INDEX_OUTPUT.url) ? SEARCH_INDEX_OUTPUT.what : undefined),
  };
}
