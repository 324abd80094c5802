/**
 * The search index, fed to Pagefind while a build still writes its pages.
 *
 * Why: after an edit, a 1,000-post build spent 1.2–1.4 s handing Pagefind its documents once Eleventy
 * had finished, while the main thread had spent the 2–3 s before writing pages with the second core
 * mostly idle (docs/benchmarks.md).
 * Pagefind is given the documents marked for Korean compounds (korean-index.ts) by the vocabulary of
 * every document, known only once the last page is written, and it numbers pages in the order they are
 * added (its filter files list those numbers). So the stream guesses both from the previous build: from
 * the first page whose search document changed since the cache last saw it, documents are marked with
 * the previous build's vocabulary and added in the previous build's order, each held back until those
 * before it have come. At the end, `claim` hands the index over only if Pagefind was given exactly the
 * documents the full analysis produced, in their order (the same URLs, the same marked HTML, compared by
 * hash); then its index is byte for byte the one a cold build writes. Otherwise the index is dropped and
 * the caller builds it from the final documents, as without a stream: a new or deleted post, or an edit
 * that changes how another post's compounds are split.
 * A build in which nothing changed starts no stream (the index cache has its index), nor does a first
 * build (nothing saved yet): there, Pagefind runs after the pages, as before.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openIndex, type OpenIndex } from "./index-site.ts";
import { markDocumentStems } from "./korean-index.ts";
import type { SearchDocument } from "./search-document.ts";

const GUESS_FORMAT = "opsnote-search-stream/1";

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

/** What the previous build leaves the next one's stream (saveStreamGuess). */
export interface StreamGuess {
  /** Marks a document's HTML for the index, as the previous build's vocabulary would. */
  mark: (html: string) => string;
  /** The URLs the previous build indexed, in the order it gave them to Pagefind. */
  order: readonly string[];
}

export interface IndexStreamOptions {
  /** Asked once, when the stream would start; undefined means no stream this build (no earlier build). */
  guess: () => StreamGuess | undefined;
}

const digest = (html: string) => createHash("sha256").update(html).digest("base64url");

/**
 * A stream for one build. Eleventy runs the transforms of a 1,000-post site's pages within about
 * 0.3 s and writes the pages after, so held documents are released long before the last page is
 * written (measured: all 1,000 had come 2.5 s before the end).
 */
export function createIndexStream({ guess }: IndexStreamOptions): IndexStream {
  let state: "waiting" | "streaming" | "off" = "waiting";
  let mark: StreamGuess["mark"] = (html) => html;
  let order: readonly string[] = [];
  let position = new Map<string, number>();
  let index: OpenIndex | undefined;
  const held = new Map<string, SearchDocument>();
  // What Pagefind was given, in order: URL and a digest of the marked HTML.
  const fed: { url: string; digest: string }[] = [];

  async function drop(): Promise<void> {
    state = "off";
    const open = index;
    index = undefined;
    held.clear();
    fed.length = 0;
    await open?.drop();
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

/** The previous build's vocabulary marks documents with its own memo. */
function stemMarker(vocabulary: ReadonlySet<string>): StreamGuess["mark"] {
  const memo = new Map<string, string>();
  return (html) => markDocumentStems(html, vocabulary, memo);
}

/**
 * What `saveStreamGuess` saved with the same salt, or undefined (none, another salt, unreadable: a
 * guess is only ever checked, never trusted). `analysis`: whether documents are marked at all.
 */
export function loadStreamGuess(file: string, salt: string, analysis: boolean): StreamGuess | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; salt?: unknown; stems?: unknown; urls?: unknown };
    if (saved.format !== GUESS_FORMAT || saved.salt !== salt) return undefined;
    const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
    if (!strings(saved.stems) || !strings(saved.urls)) return undefined;
    return { mark: analysis ? stemMarker(new Set(saved.stems)) : (html) => html, order: saved.urls };
  } catch {
    return undefined;
  }
}

/**
 * Saves what a build indexed, for the next build's stream: its vocabulary and its documents' URLs in
 * the order Pagefind got them. A temp file renamed into place: never read half written.
 */
export function saveStreamGuess(file: string, salt: string, vocabulary: ReadonlySet<string>, documents: readonly SearchDocument[]): void {
  const text = `${JSON.stringify({ format: GUESS_FORMAT, salt, stems: [...vocabulary].sort(), urls: documents.map((document) => document.url) })}\n`;
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
    // A guess that cannot be saved only means no stream next time.
  }
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
