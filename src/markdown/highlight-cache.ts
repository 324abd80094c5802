/**
 * The cache of highlighted code blocks (and, with another name and salt, of rendered formulas), so a
 * rebuild highlights only what changed. Lookups are sync because markdown-it's renderers are.
 *
 * An entry's key is a hash of everything that decides its HTML: the code, the language and a `salt`
 * (shiki's, the grammars' and the themes' versions, the theme names, the renderer's own version).
 * All entries live in one pack file (cache-pack.ts): read once, written once at the end of a build by
 * the build's own thread (highlight workers hand their HTML back to it), atomically, and checked on
 * read, so a torn, truncated or foreign pack is a miss, never served.
 */
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { CodeHighlighter } from "./highlight.ts";
import { openCachePack, type CachePack } from "./cache-pack.ts";
import { noteRenderInput } from "./render-inputs.ts";
import { cacheDir } from "../cache-dir.ts";

export interface HighlightCacheOptions {
  /** Folder the pack lives in. @default cacheDir("markdown"): `.cache/markdown`, or `$OPSNOTE_CACHE_DIR/markdown` */
  dir?: string;
  /** The pack's name: `<dir>/<name>.pack`. @default "highlight" */
  name?: string;
  /** Everything besides code and language that changes the HTML (versions, themes, options). */
  salt: string;
}

export interface HighlightCache extends Omit<CachePack, "read" | "write"> {
  readonly dir: string;
  /** The render input kind a lookup is noted as (render-inputs.ts): `<name>-cache`. */
  readonly inputKind: string;
  /** The entry name for a block: a SHA-256 of salt, language (`CodeHighlighter.cacheKeyOf`) and code. */
  keyOf(code: string, language: string): string;
  /** The cached HTML, or undefined when missing; noted as an input of the render running now. */
  read(key: string): string | undefined;
  /** Stores a block's HTML for the save at the end of the build. */
  write(key: string, html: string): void;
}

export function defaultCacheDir(): string {
  return cacheDir("markdown");
}

function sha256(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function createHighlightCache({ dir = defaultCacheDir(), name = "highlight", salt }: HighlightCacheOptions): HighlightCache {
  const root = path.resolve(dir);
  const pack = openCachePack({ file: path.join(root, `${name}.pack`), salt });
  const inputKind = `${name}-cache`;
  return {
    ...pack,
    dir: root,
    inputKind,
    keyOf: (code, language) => sha256(JSON.stringify([salt, language, code])),
    read(key) {
      const html = pack.read(key);
      // A cached render that used this entry keeps it alive in the pack (index.ts asks again: markUsed).
      if (html !== undefined) noteRenderInput(inputKind, key, "");
      return html;
    },
    write(key, html) {
      // As UTF-8 bytes: a cold build holds every block until the save, and a rope of spans or a
      // two-byte string (Korean comments) would take two to four times the room on the heap.
      pack.write(key, Buffer.from(html));
      noteRenderInput(inputKind, key, "");
    },
  };
}

/**
 * Before the pack, every entry was a file in a two-hex-digit folder (`.cache/highlight/ab/<key>.html`,
 * `$OPSNOTE_CACHE_DIR/ab/…`, `…/math/ab/…`): thousands of files a pack build never reads again.
 */
export function removeFileEntries(dirs: readonly string[]): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^[0-9a-f]{2}$/.test(name)) continue;
      const folder = path.join(dir, name);
      let entries: string[];
      try {
        entries = readdirSync(folder);
      } catch {
        continue;
      }
      // Only folders of nothing but entries (a folder someone else keeps there stays).
      if (entries.every((entry) => /^[0-9a-f]{64}\.html(?:\.[\w-]+\.tmp)?$/.test(entry))) rmSync(folder, { recursive: true, force: true });
    }
  }
}

/** Render input kind (render-inputs.ts): what `cacheKeyOf` says for a grammar that embeds others lazily. */
export const GRAMMARS_INPUT = "highlight-grammars";

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
      const grammars = highlighter.cacheKeyOf?.(language) ?? language;
      // A markdown block colours its fences with the grammars loaded in this process, by any post:
      // a cached page holding one is rendered again when that set changes.
      if (grammars !== language) noteRenderInput(GRAMMARS_INPUT, language, grammars);
      const key = cache.keyOf(code, grammars);
      const cached = cache.read(key);
      if (cached !== undefined) return cached;
      const html = highlighter.highlight(code, language);
      cache.write(key, html);
      return html;
    },
  };
}
