/**
 * The search index, fed to Pagefind while a build still writes its pages.
 *
 * Why: a 1,000-post build spent 2–3 s handing Pagefind its documents and waiting for its index once
 * Eleventy had finished, while the second core was mostly idle as the pages were written
 * (docs/benchmarks.md).
 * Pagefind is given the documents marked for Korean compounds (korean-index.ts) by a vocabulary known
 * before the first page (the posts' sources, src/search/corpus.ts), and it numbers pages in the order
 * they are added (its filter files list those numbers). So the stream is given that vocabulary and the
 * order the index expects (from the same sources): from the first page whose search document changed
 * since the cache last saw it, documents are marked and added in that order, each held back until those
 * before it have come. Once the last expected one is in, Pagefind writes its files while Eleventy still
 * writes the pages. At the end, `claim` hands the index over only if Pagefind was given exactly the
 * documents the full analysis produced, in their order (the same URLs, the same marked HTML, compared by
 * hash); then its index is byte for byte the one a build without a stream writes. Otherwise the index
 * is dropped and the caller builds it from the final documents, as without a stream: a page the sources
 * did not foresee (one not made from a post file), or a post that did not build.
 * A build in which nothing changed starts no stream (the index cache has its index).
 * After an edit, the documents of the pages before the first changed post (in that order) are given to
 * Pagefind before the first page, from the build before (`prefeed`, saveIndexedPages): Pagefind then
 * works while Eleventy renders, not after its last page (an edited 1,000-post build spent 3.2 s waiting
 * for Pagefind once its main thread was done). Each is checked against its page's document as it comes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openIndex, type OpenIndex } from "./index-site.ts";
import { markDocumentStems } from "./korean-index.ts";
import type { SearchDocument } from "./search-document.ts";

export interface IndexStream {
  /** Whether documents are being fed to Pagefind. */
  readonly streaming: boolean;
  /**
   * A page's search document, as the page is written. `changed`: the document was not in the document
   * cache. `earlier`: the documents of the pages this build wrote before, taken when the stream starts.
   */
  offer(document: SearchDocument, changed: boolean, earlier: () => Iterable<SearchDocument>): void;
  /**
   * Starts the stream before the first page with documents of the build before: those of the first
   * pages in the expected order whose sources did not change (given in that order; it stops at the first
   * that is not next). Each is checked when its page comes: another document ends the stream.
   */
  prefeed(documents: readonly SearchDocument[]): void;
  /** How many documents `prefeed` gave Pagefind. */
  readonly prefed: number;
  /**
   * The streamed index, when Pagefind was given exactly `documents`, in their order (as marked for the
   * index); else undefined, with the stream dropped. Ends the stream either way.
   */
  claim(documents: readonly SearchDocument[]): Promise<OpenIndex | undefined>;
  /** Ends the stream and releases its index, if it started one. */
  drop(): Promise<void>;
}

/** What a stream is told before it starts: how documents are marked, and which come in what order. */
export interface StreamGuess {
  /** Marks a document's HTML for the index, as the final analysis will. */
  mark: (html: string) => string;
  /** The URLs the index is expected to hold, in the order Pagefind gets them. */
  order: readonly string[];
}

export interface IndexStreamOptions {
  /** Asked once, when the stream would start; undefined means no stream this build. */
  guess: () => StreamGuess | undefined;
  /** Where the index will be written (`pagefind/` of the site being built): written ahead there once every expected document is in. */
  pagefindDir?: string;
}

const digest = (html: string) => createHash("sha256").update(html).digest("base64url");

/**
 * A stream for one build. Eleventy writes the pages in about the order of their source files, the
 * order expected, so a document is seldom held for long (corpus.ts, compareIndexOrder).
 */
export function createIndexStream({ guess, pagefindDir }: IndexStreamOptions): IndexStream {
  let state: "waiting" | "streaming" | "off" = "waiting";
  let mark: StreamGuess["mark"] = (html) => html;
  let order: readonly string[] = [];
  let position = new Map<string, number>();
  let index: OpenIndex | undefined;
  const held = new Map<string, SearchDocument>();
  // What Pagefind was given, in order: URL and a digest of the marked HTML.
  const fed: { url: string; digest: string }[] = [];
  // The first `prefed` of `fed` came from the build before; `checked`: those whose page has come since.
  let prefed = 0;
  const checked = new Set<string>();

  // A drop still releasing the index (and removing what Pagefind wrote ahead): a later drop() waits for it.
  let dropping: Promise<void> = Promise.resolve();
  async function drop(): Promise<void> {
    state = "off";
    const open = index;
    index = undefined;
    held.clear();
    fed.length = 0;
    checked.clear();
    const done = dropping.then(() => open?.drop());
    dropping = done.catch(() => undefined);
    await done;
  }

  // A function, not a comparison inline: TypeScript would narrow `state` across the calls that change it.
  const streaming = () => state === "streaming";

  function start(found: StreamGuess): void {
    ({ mark, order } = found);
    position = new Map(order.map((url, i) => [url, i]));
    state = "streaming";
    index = openIndex();
  }

  function hold(document: SearchDocument): void {
    const at = position.get(document.url);
    // A page given before its page came (prefeed): it must be the same document, and come once.
    if (at !== undefined && at < prefed && !checked.has(document.url)) {
      checked.add(document.url);
      if (digest(mark(document.html)) !== fed[at]!.digest) drop().catch(() => undefined);
      return;
    }
    // A page the sources did not foretell, or one given twice: no stream can match.
    if (at === undefined || held.has(document.url) || at < fed.length) {
      // Ends the stream at once; releasing its index in Pagefind's process may finish later.
      drop().catch(() => undefined);
      return;
    }
    held.set(document.url, document);
    for (let next = order[fed.length]; next !== undefined && held.has(next); next = order[fed.length]) {
      const html = mark(held.get(next)!.html);
      held.delete(next);
      fed.push({ url: next, digest: digest(html) });
      index!.add({ url: next, html });
    }
    // Every expected page is in: any other would end the stream (above), so Pagefind may write now.
    if (fed.length === order.length && pagefindDir !== undefined) index!.writeAhead(pagefindDir);
  }

  return {
    get streaming() {
      return state === "streaming";
    },
    get prefed() {
      return prefed;
    },
    prefeed(documents) {
      if (state !== "waiting") return;
      const found = guess();
      if (!found) return;
      start(found);
      for (const document of documents) {
        if (document.url !== order[fed.length]) break;
        const html = mark(document.html);
        fed.push({ url: document.url, digest: digest(html) });
        index!.add({ url: document.url, html });
      }
      prefed = fed.length;
    },
    offer(document, changed, earlier) {
      if (state === "off") return;
      if (state === "waiting") {
        if (!changed) return;
        const found = guess();
        if (!found) {
          state = "off";
          return;
        }
        start(found);
        for (const previous of earlier()) if (previous.url !== document.url && streaming()) hold(previous);
      }
      if (streaming()) hold(document);
    },
    async claim(documents) {
      const exact = index !== undefined && held.size === 0 && fed.length === documents.length && documents.every((document, i) => fed[i]!.url === document.url && fed[i]!.digest === digest(document.html));
      if (!exact) {
        await drop();
        return undefined;
      }
      const claimed = index;
      index = undefined;
      state = "off";
      fed.length = 0;
      return claimed;
    },
    drop,
  };
}

/**
 * Marks documents by `vocabulary`, with one memo of words for all of them and one of whole documents:
 * a build marks a streamed document when Pagefind gets it, again when its page comes after a prefeed,
 * and again for the index's final documents; with one marker per build, each HTML is marked once.
 */
export function stemMarker(vocabulary: ReadonlySet<string>): StreamGuess["mark"] {
  const words = new Map<string, string>();
  const documents = new Map<string, string>();
  return (html) => {
    let marked = documents.get(html);
    if (marked === undefined) documents.set(html, (marked = markDocumentStems(html, vocabulary, words)));
    return marked;
  };
}

/**
 * Hands back each value it is given on a turn of the event loop of its own, in order. Immediates set
 * from inside an immediate run on the next turn, and every turn polls for I/O (Pagefind's pipe) first;
 * all the immediates set before a turn would run in that one turn.
 */
export function oneTurnEach(): <T>(value: T) => Promise<T> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const next = () => {
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(next);
    else scheduled = false;
  };
  return (value) =>
    new Promise((resolve) => {
      waiting.push(() => resolve(value));
      if (!scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    });
}

const INDEXED_FORMAT = "opsnote-search-indexed/1";

/** A page a build indexed, for the next build's prefeed: its URL, its source's digest and its document's key in the document cache. */
export interface IndexedPage {
  url: string;
  source: string;
  key: string;
}

/**
 * Saves what a build indexed, in index order (a temp file renamed into place: never read half written).
 * A file that cannot be written only means no prefeed next time.
 */
export function saveIndexedPages(file: string, salt: string, pages: readonly IndexedPage[]): void {
  const text = `${JSON.stringify({ format: INDEXED_FORMAT, salt, pages: pages.map((page) => [page.url, page.source, page.key]) })}\n`;
  try {
    if (readFileSync(file, "utf8") === text) return;
  } catch {
    // not saved yet
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch {
    // no prefeed next time
  }
}

/** What `saveIndexedPages` saved with the same salt, or undefined (none, another salt, unreadable: it is only ever checked). */
export function loadIndexedPages(file: string, salt: string): IndexedPage[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; salt?: unknown; pages?: unknown };
    if (saved.format !== INDEXED_FORMAT || saved.salt !== salt || !Array.isArray(saved.pages)) return undefined;
    const pages: IndexedPage[] = [];
    for (const entry of saved.pages as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === "string")) return undefined;
      const [url, source, key] = entry as [string, string, string];
      pages.push({ url, source, key });
    }
    return pages;
  } catch {
    return undefined;
  }
}

/**
 * The documents a build can give Pagefind before its first page: those of the build before at the head
 * of the expected order, up to the first page whose source changed (or that moved, or whose document
 * the cache no longer holds). Undefined when no source changed: then every page is likely the same,
 * the index cache has the index, and no Pagefind should start.
 */
export function prefeedDocuments(
  saved: readonly IndexedPage[],
  expected: { order: readonly string[]; sources: ReadonlyMap<string, string> },
  stored: (key: string) => SearchDocument | undefined,
): SearchDocument[] | undefined {
  const same = (i: number) => saved[i]!.url === expected.order[i] && saved[i]!.source === expected.sources.get(expected.order[i]!);
  const length = Math.min(saved.length, expected.order.length);
  let unchanged = 0;
  while (unchanged < length && same(unchanged)) unchanged++;
  if (unchanged === saved.length && unchanged === expected.order.length) return undefined;
  const documents: SearchDocument[] = [];
  for (let i = 0; i < unchanged; i++) {
    const document = saved[i]!.source === "" ? undefined : stored(saved[i]!.key);
    if (!document || document.url !== saved[i]!.url) break;
    documents.push(document);
  }
  return documents;
}
