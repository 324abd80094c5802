/**
 * Eleventy adapter for search. A transform makes each written page's search document (the indexed
 * body's text, headings, tags, meta and filters: search-document.ts) as Eleventy writes it, and
 * `eleventy.after` hands them to Pagefind in batches. Pagefind never reads the written site, so the
 * listing pages cost it nothing. A production build hands them over while it still writes the pages
 * instead, marked by the vocabulary of the posts' sources, when the pages are those the sources
 * foretold (corpus.ts, index-stream.ts).
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
import { createIndexCache, indexDocuments, type IndexResult } from "./index-site.ts";
import { createIndexStream, loadIndexedPages, oneTurnEach, prefeedDocuments, saveIndexedPages, stemMarker, type IndexStream } from "./index-stream.ts";
import { cacheDir } from "../cache-dir.ts";
import { compareIndexOrder, searchCorpusOf, type SearchCorpus } from "./corpus.ts";
import type { PostSources } from "../check/post-sources.ts";
import { keepDataImagesOutOfIndex } from "./data-images.ts";
import type { SearchDocument } from "./search-document.ts";
import { createSearchDocumentCache, type SearchDocumentCache } from "./document-cache.ts";
import { ANALYSIS_VERSION, analyzeDocuments, buildVocabulary, writeQueryVocabulary } from "./korean-index.ts";

interface BuildEvent {
  outputMode?: string;
  incremental?: boolean;
  directories?: { input?: string; output?: string };
}

interface TransformContext {
  page: { outputPath?: string | false; url?: string | false; inputPath?: string };
}

export interface SearchPluginOptions {
  /** Synonym groups added to the built-in table (settings `searchSynonyms`). @default [] */
  synonyms?: readonly (readonly string[])[];
  /**
   * Index-time Korean analysis (stems, compounds). Off only to measure what it costs and to compare
   * with plain Pagefind (`OPSNOTE_SEARCH_ANALYSIS=0`). @default true
   */
  analysis?: boolean;
  /**
   * Whether a production build hands Pagefind the documents as it writes the pages (index-stream.ts).
   * Off only to compare (`OPSNOTE_SEARCH_STREAM=0`): the index is the same. @default true
   */
  stream?: boolean;
  /** Called with each production build's index result (how the index was made: cache, stream or Pagefind after the pages). */
  onIndexed?: (result: IndexResult) => void;
  /**
   * The posts, read before Eleventy's pages (the build's one analysis, shared with `check`): their
   * vocabulary and expected pages let a build stream its index (corpus.ts). Without them the
   * vocabulary comes from the written pages and the index is made after the last one.
   */
  sources?: PostSources;
}

export function searchPlugin(eleventyConfig: UserConfig, { synonyms = [], analysis = process.env.OPSNOTE_SEARCH_ANALYSIS !== "0", stream: streams = process.env.OPSNOTE_SEARCH_STREAM !== "0", onIndexed, sources }: SearchPluginOptions = {}): void {
  const salt = JSON.stringify({ analysis: analysis ? ANALYSIS_VERSION : 0, synonyms });
  // This build's corpus, from the posts' sources (undefined without them, or when they could not be read),
  // and its marker by the corpus's vocabulary: the stream's and the final documents' (each page marked once).
  let corpus: SearchCorpus | undefined;
  let marker: ((html: string) => string) | undefined;
  /** The documents marked for the index: by the sources' vocabulary, else by their own. */
  const prepare = (documents: readonly SearchDocument[], mark = marker) => {
    if (!analysis) return [...documents];
    return mark ? documents.map((document) => ({ ...document, html: mark(document.html) })) : analyzeDocuments(documents, buildVocabulary(documents));
  };
  const isBuild = () => (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
  let stream: IndexStream | undefined;
  const writeExtraFiles = (pagefindDir: string, documents: readonly SearchDocument[]) => writeQueryVocabulary(pagefindDir, documents, synonyms);
  // Search documents by output path. Kept across the preview's rebuilds: an incremental one
  // re-renders only some pages.
  const documents = new Map<string, { document: SearchDocument; build: number; source: string; key: string }>();
  // What a build indexed, for the next one's prefeed (index-stream.ts).
  const indexedFile = () => path.join(cacheDir("search"), "indexed.json");
  let build = 0;
  // Opened per build: the pack is read once, when the first page asks (document-cache.ts).
  let documentCache: SearchDocumentCache | undefined;
  function* thisBuild(): Iterable<SearchDocument> {
    for (const entry of documents.values()) if (entry.build === build) yield entry.document;
  }
  eleventyConfig.on("eleventy.before", async (event: BuildEvent) => {
    build++;
    documentCache = undefined;
    await stream?.drop(); // left by a build that failed before its end
    // A folder that cannot be analysed fails the build in `check`; here it only means no stream.
    const input = event.directories?.input;
    corpus = sources && input !== undefined ? await sources.analyse(path.resolve(input), event).then((analyses) => searchCorpusOf(analyses, new Date()), () => undefined) : undefined;
    const known = corpus;
    marker = known && analysis ? stemMarker(known.stems) : undefined;
    const mark = marker ?? ((html: string) => html);
    const output = event.directories?.output;
    stream = streams && isBuild() && event.outputMode === "fs" && known && output !== undefined
      ? createIndexStream({
        guess: () => ({ mark, order: known.order }),
        pagefindDir: path.join(output, "pagefind"),
      })
      : undefined;
    // After an edit, the pages before the first changed post (in index order) go to Pagefind now, from
    // the build before, so that it works while Eleventy renders instead of after the last page.
    const saved = stream && known ? loadIndexedPages(indexedFile(), salt) : undefined;
    if (stream && known && saved) {
      documentCache ??= createSearchDocumentCache();
      const cache = documentCache;
      const ahead = prefeedDocuments(saved, known, (key) => cache.stored(key));
      if (ahead && ahead.length > 0) stream.prefeed(ahead);
    }
  });
  eleventyConfig.addTransform("search-document", function (this: TransformContext, content: string): string | Promise<string> {
    const { outputPath: output, url, inputPath } = this.page;
    if (typeof output !== "string" || !output.endsWith(".html")) return content;
    const page = keepDataImagesOutOfIndex(content);
    const index = () => {
      documentCache ??= createSearchDocumentCache();
      const made = documentCache.made;
      const entry = documentCache.entryOf(page, typeof url === "string" ? url : `/${output}`);
      if (entry) {
        stream?.offer(entry.document, documentCache.made > made, thisBuild);
        documents.set(path.resolve(output), { ...entry, build, source: inputPath ?? "" });
      } else documents.delete(path.resolve(output));
      return page;
    };
    // While a stream feeds Pagefind, each page's document is made (and the page then written by
    // Eleventy) on a turn of the event loop of its own. Eleventy calls the transforms of all pages in
    // one run of promise callbacks, without polling for I/O in between: made there, the documents
    // reached Pagefind's pipe, and its answers were read, only once the last page was done (measured:
    // Pagefind's index was created 1.7 s after it was asked for, as the last document was made).
    return stream?.streaming ? nextTurn(undefined).then(index) : index();
  });

  const nextTurn = oneTurnEach();

  let background: Promise<void> = Promise.resolve();
  let queued = false;
  let firstRun = true;
  eleventyConfig.on("eleventy.after", async ({ outputMode, incremental, directories }: BuildEvent) => {
    const fed = stream;
    stream = undefined;
    try {
      await indexAfterBuild({ outputMode, incremental, directories }, fed);
    } finally {
      await fed?.drop(); // nothing left to drop when the index claimed it
    }
  });

  async function indexAfterBuild({ outputMode, incremental, directories }: BuildEvent, fed: IndexStream | undefined): Promise<void> {
    if (outputMode !== "fs" || !directories?.output) return;
    for (const [output, entry] of documents) {
      // A full build rewrites every page it still has; a page it did not write was deleted.
      const gone = incremental ? !existsSync(output) : entry.build !== build;
      if (gone) documents.delete(output);
    }
    // A build keeps the documents it made; the preview, whose later runs write some pages only, all of them.
    documentCache?.save({ prune: !incremental && isBuild() });
    const ordered = () => [...documents.values()].sort((a, b) => compareIndexOrder({ source: a.source, url: a.document.url }, { source: b.source, url: b.document.url }));
    const current = () => ordered().map((entry) => entry.document);
    const outputPath = path.join(directories.output, "pagefind");
    if (isBuild()) {
      const entries = ordered();
      const result = await indexDocuments(prepare(entries.map((entry) => entry.document)), outputPath, { cache: createIndexCache(undefined, salt), writeExtraFiles, stream: fed });
      const known = corpus;
      if (known) saveIndexedPages(indexedFile(), salt, entries.map((entry) => ({ url: entry.document.url, source: known.sources.get(entry.document.url) ?? "", key: entry.key })));
      onIndexed?.(result);
      if (process.env.OPSNOTE_DEBUG_SEARCH_INDEX) console.error(`[opsnote] search index: ${JSON.stringify(result)}`);
      return;
    }
    const cache = firstRun ? createIndexCache(undefined, salt) : undefined;
    firstRun = false;
    const mark = marker; // this build's, though the run may start after the next build began
    // One index run at a time; saves made while one runs are covered by the next.
    if (queued) return;
    queued = true;
    background = background.then(async () => {
      queued = false;
      await indexDocuments(prepare(current(), mark), outputPath, { cache, writeExtraFiles }).catch((error: unknown) =>
        console.warn(`[opsnote] search index not updated: ${String(error)}`),
      );
    });
  }
}
