/**
 * The search index: Pagefind gets one small search document per indexed page (search-document.ts),
 * in batches, through its Node API (`addHTMLFile`), and writes `pagefind/` (index, WASM, client) into
 * the site. It never parses the written site itself: at 4,000 posts `addDirectory` over the site
 * peaked at 4.4 GiB in the Pagefind process (docs/search.md has the measurements).
 */
import { readFileSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { createSearchIndexCache, tempBeside, type SearchIndexCache } from "./index-cache.ts";
import type { IndexStream } from "./index-stream.ts";
import { buildSearchDocument, type SearchDocument } from "./search-document.ts";
import { packageVersion } from "../package-version.ts";

/** Search documents handed to Pagefind at once: bounds what waits in the pipe to its process. */
export const BATCH_SIZE = 100;

/** Files opsnote writes beside Pagefind's own in `pagefind/` (changes to them change the cache's salt). */
export const EXTRA_FILES_VERSION = 1;

/**
 * Indexes being built in this process. Pagefind's Node API drives one backend process for all of them,
 * and `close()` stops it at once: an index finishing while another was being built in the same process
 * (two builds at once, as a test run or a tool embedding opsnote does) failed the other with "Pagefind
 * backend closed". The backend is stopped when the last index is done.
 */
let indexesInProgress = 0;

export interface IndexResult {
  pages: number;
  seconds: number;
  /** Whether the index came from the cache (the same search documents as a build's before). */
  reused: boolean;
  /** Whether Pagefind had been given the documents while the pages were still being written (index-stream.ts). */
  streamed: boolean;
  /** Of those, how many it was given before the first page, from the build before (index-stream.ts, prefeed). */
  prefed: number;
}

export interface IndexOptions {
  cache?: SearchIndexCache;
  /** Writes files of its own into the new `pagefind/` folder before it is cached (the vocabulary). */
  writeExtraFiles?: (pagefindDir: string, documents: readonly SearchDocument[]) => Promise<void>;
  /** An index fed while the pages were written (index-stream.ts): written when it holds exactly `documents`, else dropped. */
  stream?: Pick<IndexStream, "claim" | "drop" | "prefed">;
}

/** The search index cache with the salt of this Pagefind and these documents' format. */
export function createIndexCache(dir?: string, salt = ""): SearchIndexCache {
  return createSearchIndexCache({ dir, salt: JSON.stringify({ pagefind: packageVersion("pagefind"), extra: EXTRA_FILES_VERSION, salt }) });
}

/** URL of a page written at `file` (relative to the site): `a/index.html` is `/a/`. */
export function urlOfFile(file: string): string {
  const url = `/${file.split(path.sep).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/**
 * A Pagefind index being fed: documents are added as they come, at most BATCH_SIZE of them waiting
 * in Pagefind's pipe at once, then the index is written or dropped (exactly one of the two).
 * Pagefind numbers pages in the order they are added: the same documents in another order make other
 * filter files, so callers add them in one order (by URL).
 */
export interface OpenIndex {
  add(document: { url: string; html: string }): void;
  /**
   * Has Pagefind write the index now, beside `outputPath`, for `write(outputPath)` to move into place:
   * no document may be added after. A stream calls it once the last page it expects is in, so that
   * Pagefind writes while Eleventy still writes the pages.
   */
  writeAhead(outputPath: string): void;
  /** Writes the index to `outputPath` (replacing it) once every added document is in. @returns the pages indexed */
  write(outputPath: string, options: { documents: readonly SearchDocument[]; writeExtraFiles?: IndexOptions["writeExtraFiles"] }): Promise<number>;
  /** Releases the index unwritten; its errors, if any, are dropped with it. */
  drop(): Promise<void>;
}

export function openIndex(): OpenIndex {
  indexesInProgress++;
  const created = pagefind.createIndex({}).then(({ index, errors }) => {
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    return index;
  });
  const waiting: { url: string; html: string }[] = [];
  let pages = 0;
  let released = false;
  // The index written ahead (writeAhead), into a temp folder beside where it goes.
  let ahead: { outputPath: string; folder: string; written: Promise<void> } | undefined;
  const send = async () => {
    const index = await created;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, BATCH_SIZE);
      const added = await Promise.all(batch.map(({ url, html }) => index.addHTMLFile({ url, content: html })));
      for (const [i, result] of added.entries()) {
        if (result.errors.length > 0) throw new Error(`search index: ${batch[i]!.url}: ${result.errors.join("; ")}`);
        pages++;
      }
    }
  };
  // One sender at a time; documents added while it waits on Pagefind go in its next batch.
  let sending: Promise<void> = Promise.resolve();
  let sendQueued = false;
  // A failure is reported by write(); until then it must not count as unhandled.
  const quiet = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  quiet(created);

  /** Pagefind writes every document added so far into `folder`, once they are in. */
  async function writeInto(folder: string): Promise<void> {
    await sending;
    const written = await (await created).writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
  }

  /** Removes the folder written ahead, once Pagefind is done with it. */
  async function discardAhead(): Promise<void> {
    if (!ahead) return;
    const { folder, written } = ahead;
    ahead = undefined;
    await written.catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }

  async function release(): Promise<void> {
    if (released) return;
    released = true;
    // The Node API drives a Pagefind binary as a child process: stop it, or the build never exits.
    // While another index is being built, only this one's memory in that process is released, and
    // this one stays counted until that is done: stopping the backend under a pending deleteIndex
    // failed it with "Pagefind backend closed" too.
    try {
      if (indexesInProgress > 1) await (await created.catch(() => undefined))?.deleteIndex();
    } finally {
      // Counted down whatever deleteIndex did: a count left up would keep the backend, and the build, alive.
      if (--indexesInProgress === 0) await pagefind.close();
    }
  }

  return {
    add(document) {
      if (released || ahead) throw new Error("search index: add() after writeAhead(), write() or drop()");
      waiting.push(document);
      if (sendQueued) return;
      sendQueued = true;
      sending = sending.then(() => {
        sendQueued = false;
        return send();
      });
      quiet(sending);
    },
    writeAhead(outputPath) {
      if (released || ahead) return;
      const folder = tempBeside(outputPath);
      ahead = { outputPath, folder, written: writeInto(folder) };
      quiet(ahead.written);
    },
    async write(outputPath, { documents, writeExtraFiles }) {
      // Written beside the old index and renamed into place: the preview's search never reads a half
      // written index, and fragments of removed pages do not linger (Pagefind never empties its folder).
      // Never over the index of a recycled staging folder (src/static/recycled-output.ts), though that
      // saved 0.5 s of file creation after an edit: Pagefind's writeFiles skips a content-hashed file
      // (fragment, word chunk, filter) that already exists, so the unchanged ones kept their epoch date
      // and the sweep removed them. Real blogs rebuilt after an edit lost most of their index that way.
      // A stream has Pagefind write while Eleventy still writes the pages (writeAhead). That once hung a
      // build, from a temp folder name shared with a cache restore (tempBeside, since made unique); and
      // it gained nothing while documents went to Pagefind in URL order, most of them with the last page
      // (docs/benchmarks.md, seventeenth session).
      // Written ahead for another place (never, from a build): that folder goes, and the index is written here.
      if (ahead && ahead.outputPath !== outputPath) await discardAhead();
      const fresh = ahead?.folder ?? tempBeside(outputPath);
      try {
        await (ahead?.written ?? writeInto(fresh));
        ahead = undefined;
        await writeExtraFiles?.(fresh, documents);
        await rm(outputPath, { recursive: true, force: true });
        await rename(fresh, outputPath);
      } catch (error) {
        await rm(fresh, { recursive: true, force: true });
        throw error;
      } finally {
        await release();
      }
      return pages;
    },
    async drop() {
      await sending.catch(() => undefined);
      try {
        await discardAhead();
      } finally {
        await release();
      }
    },
  };
}

/**
 * Indexes `documents` into `outputPath` (a site's `pagefind/` folder). With a cache, documents
 * identical to an earlier build's get that build's index back instead of a Pagefind run.
 */
export async function indexDocuments(documents: readonly SearchDocument[], outputPath: string, { cache, writeExtraFiles, stream }: IndexOptions = {}): Promise<IndexResult> {
  const started = performance.now();
  const key = cache?.keyOf(documents);
  let streamed: OpenIndex | undefined;
  try {
    if (cache && key) {
      const cached = await cache.restore(key, outputPath);
      if (cached) return { pages: cached.pages, seconds: (performance.now() - started) / 1000, reused: true, streamed: false, prefed: 0 };
    }
    streamed = await stream?.claim(documents);
  } finally {
    // A stream not claimed holds an index in Pagefind's process: released on every way out.
    if (!streamed) await stream?.drop();
  }
  const index = streamed ?? openIndex();
  if (!streamed) for (const document of documents) index.add(document);
  const pages = await index.write(outputPath, { documents, writeExtraFiles });
  if (cache && key) await cache.store(key, outputPath, { pages });
  return { pages, seconds: (performance.now() - started) / 1000, reused: false, streamed: streamed !== undefined, prefed: streamed ? (stream?.prefed ?? 0) : 0 };
}

/** The search documents of every written `.html` page of a site folder (outside `pagefind/`), in path order. */
export async function readSiteDocuments(siteDir: string, analyze?: (text: string) => string): Promise<SearchDocument[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`pagefind${path.sep}`))
    .sort();
  const documents: SearchDocument[] = [];
  for (const file of files) {
    const document = buildSearchDocument(readFileSync(path.join(siteDir, file), "utf8"), urlOfFile(file), { analyze });
    if (document) documents.push(document);
  }
  return documents;
}

/** Indexes a written site folder (the pages read back from disk); builds feed documents as pages are written instead. */
export async function indexSite(siteDir: string, options: IndexOptions & { analyze?: (text: string) => string } = {}): Promise<IndexResult> {
  return indexDocuments(await readSiteDocuments(siteDir, options.analyze), path.join(siteDir, "pagefind"), options);
}
