/**
 * An on-disk cache of highlighted code blocks, so a rebuild highlights only what changed.
 *
 * One file per block, named by a hash of everything that decides the HTML: the code, the language
 * and a `salt` (shiki's, the grammars' and the themes' versions, the theme names, the renderer's
 * own version). Lookups are sync because markdown-it's renderers are.
 *
 * Safe under concurrent builds and killed builds: an entry is written to a temp file and renamed
 * into place (rename is atomic), and every entry starts with a header holding its key, its
 * length and its SHA-256, checked on every read. A torn, truncated or foreign file is treated as
 * a miss and rewritten, never served.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import type { CodeHighlighter } from "./highlight.ts";

const FORMAT = "opsnote-highlight-cache/1";

export interface HighlightCacheOptions {
  /** Folder the entries live in. @default process.env.OPSNOTE_CACHE_DIR ?? ".cache/highlight" */
  dir?: string;
  /** Everything besides code and language that changes the HTML (versions, themes, options). */
  salt: string;
}

export interface HighlightCache {
  readonly dir: string;
  /** The entry name for a block: a SHA-256 of salt, language (`CodeHighlighter.cacheKeyOf`) and code. */
  keyOf(code: string, language: string): string;
  /** The cached HTML, or undefined when missing or failing its integrity check. */
  read(key: string): string | undefined;
  /** Stores an entry atomically; a failure to write only costs a future miss. */
  write(key: string, html: string): void;
  /** Whether an entry file exists (not checked: a cheap pre-scan before `read`). */
  has(key: string): boolean;
  /** Whether the cache holds no entry at all: a first build, a fresh clone, CI without a saved cache. */
  isEmpty(): boolean;
}

export function defaultCacheDir(): string {
  return path.resolve(process.env.OPSNOTE_CACHE_DIR ?? path.join(".cache", "highlight"));
}

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

let tempCounter = 0;

export function createHighlightCache({ dir = defaultCacheDir(), salt }: HighlightCacheOptions): HighlightCache {
  const root = path.resolve(dir);
  // Two-character fan-out keeps folders small at tens of thousands of blocks.
  const fileOf = (key: string) => path.join(root, key.slice(0, 2), `${key}.html`);
  const headerOf = (key: string, html: string | Uint8Array) =>
    `${FORMAT} ${key} ${typeof html === "string" ? Buffer.byteLength(html) : html.byteLength} ${sha256(html)}\n`;

  return {
    dir: root,
    keyOf: (code, language) => sha256(JSON.stringify([salt, language, code])),
    has: (key) => existsSync(fileOf(key)),
    isEmpty() {
      // Entries live in two-hex-character folders; the folder may hold other caches (check/, search/).
      try {
        return !readdirSync(root).some((name) => /^[0-9a-f]{2}$/.test(name));
      } catch {
        return true;
      }
    },
    read(key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
      const newline = bytes.indexOf(0x0a);
      if (newline === -1) return undefined;
      const body = bytes.subarray(newline + 1);
      if (bytes.toString("latin1", 0, newline + 1) !== headerOf(key, body)) return undefined;
      // Decoded on its own, not sliced from the whole file's text: a page keeps this string until the
      // build ends, and a slice would keep the header and the file's text alive with it.
      return body.toString("utf8");
    },
    write(key, html) {
      const file = fileOf(key);
      const temp = `${file}.${process.pid}-${threadId}-${++tempCounter}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(temp, headerOf(key, html) + html);
        renameSync(temp, file);
      } catch {
        rmSync(temp, { force: true });
      }
    },
  };
}

/**
 * A highlighter that answers from the cache and fills it on a miss; same interface, same output.
 * The key is the resolved grammar and what else decides its output (`cacheKeyOf`), never the name
 * the author wrote: a name that was plain text before and has a grammar now is a new key.
 */
export function createCachedHighlighter(highlighter: CodeHighlighter, cache: HighlightCache): CodeHighlighter {
  return {
    get languages() {
      return highlighter.languages;
    },
    resolveLanguage: (name) => highlighter.resolveLanguage(name),
    isLoaded: (language) => highlighter.isLoaded?.(language) ?? true,
    loadLanguages: async (languages) => highlighter.loadLanguages?.(languages),
    cacheKeyOf: (language) => highlighter.cacheKeyOf?.(language) ?? language,
    highlight(code, language) {
      const key = cache.keyOf(code, highlighter.cacheKeyOf?.(language) ?? language);
      const cached = cache.read(key);
      if (cached !== undefined) return cached;
      const html = highlighter.highlight(code, language);
      cache.write(key, html);
      return html;
    },
  };
}
