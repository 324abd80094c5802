/**
 * The search index: Pagefind reads the written HTML and writes `pagefind/` (index, WASM, client)
 * next to it. Only elements marked `data-pagefind-body` are indexed (the body of published posts),
 * so the generated pages (home, tags, archive) never show up as results.
 */
import path from "node:path";
import * as pagefind from "pagefind";

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

export interface IndexSiteResult {
  pages: number;
  seconds: number;
}

/** Indexes the site in `siteDir` and writes the bundle to `siteDir/pagefind`. */
export async function indexSite(siteDir: string): Promise<IndexSiteResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...NOT_INDEXED] });
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    // The Node API drives a Pagefind binary as a child process: stop it, or the build never exits.
    await pagefind.close();
  }
}
