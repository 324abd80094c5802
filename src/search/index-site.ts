/**
 * The search index: Pagefind reads the written HTML and writes `pagefind/` (index, WASM, client)
 * next to it. Only elements marked `data-pagefind-body` are indexed (the body of published posts),
 * so the generated pages (home, tags, archive) never show up as results.
 */
import path from "node:path";
import * as pagefind from "pagefind";
import { createSearchIndexCache, type SearchIndexCache } from "./index-cache.ts";
import { packageVersion } from "../package-version.ts";

/**
 * Parts of a post that are not its content: they would otherwise match every query about a tag or
 * a date, and show up in excerpts ("#" heading anchors, "카테고리 devops").
 */
export const NOT_INDEXED = [
  ".heading-anchor", // the "#" link after each heading
  ".term-list", // category kicker and tag list
  ".post__meta", // dates and reading time
  ".toc",
  ".series", // the list of the series' other posts
  ".post__footer", // tags, previous and next post titles
  ".code-block__header", // language label
] as const;

const INDEX_OPTIONS = { excludeSelectors: [...NOT_INDEXED] } satisfies pagefind.PagefindServiceConfig;

export interface IndexSiteResult {
  pages: number;
  seconds: number;
  /** Whether the index came from the cache (the pages were the same as a build's before). */
  reused: boolean;
}

/** The search index cache with the salt of this Pagefind and these options. */
export function createIndexCache(dir?: string): SearchIndexCache {
  return createSearchIndexCache({ dir, salt: JSON.stringify({ pagefind: packageVersion("pagefind"), options: INDEX_OPTIONS }) });
}

/**
 * Indexes the site in `siteDir` and writes the bundle to `siteDir/pagefind`. With a cache, pages
 * identical to an earlier build's get that build's index back instead of a Pagefind run.
 */
export async function indexSite(siteDir: string, { cache }: { cache?: SearchIndexCache } = {}): Promise<IndexSiteResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, "pagefind");
  const key = cache ? await cache.keyOf(siteDir) : undefined;
  if (cache && key) {
    const cached = await cache.restore(key, outputPath);
    if (cached) return { pages: cached.pages, seconds: (performance.now() - started) / 1000, reused: true };
  }
  let pages: number;
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    pages = added.page_count;
  } finally {
    // The Node API drives a Pagefind binary as a child process: stop it, or the build never exits.
    await pagefind.close();
  }
  if (cache && key) await cache.store(key, outputPath, { pages });
  return { pages, seconds: (performance.now() - started) / 1000, reused: false };
}
