/**
 * Eleventy adapter for search. A transform makes each written page's search document (the indexed
 * body's text, headings, tags, meta and filters: search-document.ts) as Eleventy writes it, and
 * `eleventy.after` hands them to Pagefind in batches. Pagefind never reads the written site, so the
 * listing pages cost it nothing.
 * `eleventy.after` runs inside `eleventy.write()`, so a production build indexes its staging folder
 * before build-site.ts swaps it in (a failed index fails the build and keeps the old site).
 * The preview re-indexes with the same code, but in the background: the page reloads as soon as
 * Eleventy has written it, and search catches up after. A build and the preview's first index reuse
 * the index of identical search documents from the cache (index-cache.ts); the preview's later runs
 * follow edits, which a cached index would not match.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createIndexCache, indexDocuments } from "./index-site.ts";
import { keepDataImagesOutOfIndex } from "./data-images.ts";
import type { SearchDocument } from "./search-document.ts";
import { createSearchDocumentCache, type SearchDocumentCache } from "./document-cache.ts";
import { ANALYSIS_VERSION, analyzeDocuments, writeQueryVocabulary } from "./korean-index.ts";

interface BuildEvent {
  outputMode?: string;
  incremental?: boolean;
  directories?: { output?: string };
}

interface TransformContext {
  page: { outputPath?: string | false; url?: string | false };
}

export interface SearchPluginOptions {
  /** Synonym groups added to the built-in table (settings `searchSynonyms`). @default [] */
  synonyms?: readonly (readonly string[])[];
  /**
   * Index-time Korean analysis (stems, compounds). Off only to measure what it costs and to compare
   * with plain Pagefind (`OPSNOTE_SEARCH_ANALYSIS=0`). @default true
   */
  analysis?: boolean;
}

export function searchPlugin(eleventyConfig: UserConfig, { synonyms = [], analysis = process.env.OPSNOTE_SEARCH_ANALYSIS !== "0" }: SearchPluginOptions = {}): void {
  const salt = JSON.stringify({ analysis: analysis ? ANALYSIS_VERSION : 0, synonyms });
  const prepare = (documents: SearchDocument[]) => (analysis ? analyzeDocuments(documents) : documents);
  const writeExtraFiles = (pagefindDir: string, documents: readonly SearchDocument[]) => writeQueryVocabulary(pagefindDir, documents, synonyms);
  // Search documents by output path. Kept across the preview's rebuilds: an incremental one
  // re-renders only some pages.
  const documents = new Map<string, { document: SearchDocument; build: number }>();
  let build = 0;
  // Opened per build: the pack is read once, when the first page asks (document-cache.ts).
  let documentCache: SearchDocumentCache | undefined;
  eleventyConfig.on("eleventy.before", () => {
    build++;
    documentCache = undefined;
  });
  eleventyConfig.addTransform("search-document", function (this: TransformContext, content: string) {
    const output = this.page.outputPath;
    if (typeof output !== "string" || !output.endsWith(".html")) return content;
    const page = keepDataImagesOutOfIndex(content);
    const url = typeof this.page.url === "string" ? this.page.url : `/${output}`;
    documentCache ??= createSearchDocumentCache();
    const document = documentCache.documentOf(page, url);
    if (document) documents.set(path.resolve(output), { document, build });
    else documents.delete(path.resolve(output));
    return page;
  });

  let background: Promise<void> = Promise.resolve();
  let queued = false;
  let firstRun = true;
  eleventyConfig.on("eleventy.after", async ({ outputMode, incremental, directories }: BuildEvent) => {
    if (outputMode !== "fs" || !directories?.output) return;
    for (const [output, entry] of documents) {
      // A full build rewrites every page it still has; a page it did not write was deleted.
      const gone = incremental ? !existsSync(output) : entry.build !== build;
      if (gone) documents.delete(output);
    }
    // A build keeps the documents it made; the preview, whose later runs write some pages only, all of them.
    documentCache?.save({ prune: !incremental && (process.env.ELEVENTY_RUN_MODE ?? "build") === "build" });
    const current = () => [...documents.values()].map((entry) => entry.document).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const outputPath = path.join(directories.output, "pagefind");
    if ((process.env.ELEVENTY_RUN_MODE ?? "build") === "build") {
      await indexDocuments(prepare(current()), outputPath, { cache: createIndexCache(undefined, salt), writeExtraFiles });
      return;
    }
    const cache = firstRun ? createIndexCache(undefined, salt) : undefined;
    firstRun = false;
    // One index run at a time; saves made while one runs are covered by the next.
    if (queued) return;
    queued = true;
    background = background.then(async () => {
      queued = false;
      await indexDocuments(prepare(current()), outputPath, { cache, writeExtraFiles }).catch((error: unknown) =>
        console.warn(`[opsnote] search index not updated: ${String(error)}`),
      );
    });
  });
}
