/**
 * What the search index knows before Eleventy writes a page: from the posts' analyses (the one read
 * of every post a build does first, src/check/post-sources.ts, cached by content), the compound
 * vocabulary and the pages it expects, in the order Pagefind gets them. Both are what let a build
 * hand Pagefind each page's document as the page is written (index-stream.ts), a first build too.
 *
 * The vocabulary is made from the posts' markdown, not from the written pages: a page's own words
 * are in its source, and a word only there (a link target, an alt text) adds a split point at most.
 */
import type { PostAnalysis } from "../check/analyse-post.ts";
import { isPublished } from "../content/publication.ts";

export interface SearchCorpus {
  /** The stems of every published post's and page's body (korean-index.ts, compoundStems). */
  stems: ReadonlySet<string>;
  /**
   * The URLs of the pages the index should hold, by source file then URL (src/search/index.ts, the
   * order Pagefind is given). A guess: a stream checks it against the pages written.
   */
  order: readonly string[];
  /** Each expected page's source, as a digest of its file's text (a post that changed has another). */
  sources: ReadonlyMap<string, string>;
}

/**
 * The order Pagefind is given the documents in (it numbers pages in that order, so one order makes one
 * index): by the page's source file, then URL. Eleventy writes the pages in about that order, so a
 * stream (index-stream.ts) passes each document on as it comes instead of holding most of them until
 * the last; in URL order, 900 of 1,000 waited for the last page.
 */
export function compareIndexOrder(a: { source: string; url: string }, b: { source: string; url: string }): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** The corpus of the posts published at `now`. */
export function searchCorpusOf(analyses: readonly PostAnalysis[], now: Date): SearchCorpus {
  const stems = new Set<string>();
  const pages: { source: string; url: string }[] = [];
  const sources = new Map<string, string>();
  for (const analysis of analyses) {
    if (!analysis.post || !isPublished(analysis.post, now)) continue;
    for (const stem of analysis.stems ?? []) stems.add(stem);
    pages.push({ source: analysis.relativePath, url: analysis.post.url });
    sources.set(analysis.post.url, analysis.digest ?? "");
  }
  pages.sort(compareIndexOrder);
  return { stems, order: pages.map((page) => page.url), sources };
}
