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
 */
import { createHash } from "node:crypto";
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
 * order expected, so a document is seldom held for long (src/search/index.ts, bySourceThenUrl).
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

  // A drop still releasing the index (and removing what Pagefind wrote ahead): a later drop() waits for it.
  let dropping: Promise<void> = Promise.resolve();
  async function drop(): Promise<void> {
    state = "off";
    const open = index;
    index = undefined;
    held.clear();
    fed.length = 0;
    const done = dropping.then(() => open?.drop());
    dropping = done.catch(() => undefined);
    await done;
  }

  function hold(document: SearchDocument): void {
    // A page the previous build did not index (a new post), or one given twice: no stream can match.
    if (!position.has(document.url) || held.has(document.url) || position.get(document.url)! < fed.length) {
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
    offer(document, changed, earlier) {
      if (state === "off") return;
      if (state === "waiting") {
        if (!changed) return;
        const found = guess();
        if (!found) {
          state = "off";
          return;
        }
        ({ mark, order } = found);
        position = new Map(order.map((url, i) => [url, i]));
        state = "streaming";
        index = openIndex();
        for (const previous of earlier()) if (previous.url !== document.url && state === "streaming") hold(previous);
      }
      if (state === "streaming") hold(document);
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

/** Marks documents by `vocabulary`, with one memo for all of them. */
export function stemMarker(vocabulary: ReadonlySet<string>): StreamGuess["mark"] {
  const memo = new Map<string, string>();
  return (html) => markDocumentStems(html, vocabulary, memo);
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
