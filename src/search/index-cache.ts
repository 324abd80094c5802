/**
 * An on-disk cache of the search index, so a build whose pages did not change does not run Pagefind
 * again: at 4,000 posts Pagefind takes 10–11 s of wall time and 14–17 s of CPU, a third of a warm
 * build (docs/benchmarks.md).
 *
 * Pagefind has no incremental mode (one changed page changes index chunks that every page shares), so
 * an entry is a whole `pagefind/` folder, keyed by a SHA-256 of everything Pagefind reads: the URL and
 * HTML of every search document it is given (search-document.ts), and a `salt` holding Pagefind's
 * version, the options it is given and the version of the files written beside its index. Hand-written because no library caches a generated folder by the
 * content of another one; the pattern is the highlight cache's (src/markdown/highlight-cache.ts).
 *
 * An entry is one file, `<key>.search`: a header line `FORMAT key length sha256` (the length and hash
 * are of everything after the header), a JSON line with the page count and the files' paths and sizes,
 * then the files' bytes one after another. It is written to a temp file and renamed into place (rename
 * is atomic), and the header is checked on every read, so two builds at once or a killed build never
 * serve a torn entry: a torn, truncated or foreign entry is a miss, and is replaced by the next store.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheDir } from "../cache-dir.ts";
import { removeFiles } from "../static/recycled-output.ts";

// 3: entries stored by builds from 9229e8b to 20fb505 may lack index files (index-site.ts, `write`).
export const FORMAT = "opsnote-search-cache/3";
const EXTENSION = ".search";

/** Entries kept: the one just stored and the most recently used other (another branch, a test run). */
const KEEP = 2;
/** Temp files older than this are from killed builds. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface SearchIndexCacheOptions {
  /** Folder the entries live in. @default `$OPSNOTE_CACHE_DIR/search`, else `.cache/search` */
  dir?: string;
  /** Everything besides the pages that changes the index (Pagefind's version, its options). */
  salt: string;
}

export interface CachedIndex {
  /** Pages Pagefind indexed when the entry was made. */
  pages: number;
}

export interface SearchIndexCache {
  readonly dir: string;
  /** The key of what Pagefind is given: every search document, URL and HTML, in URL order. */
  keyOf(documents: readonly { url: string; html: string }[]): string;
  /**
   * Writes the entry's files to `pagefindDir` (replacing it) and returns what it holds, or undefined,
   * touching nothing, when the entry is missing or fails its integrity check.
   */
  restore(key: string, pagefindDir: string): Promise<CachedIndex | undefined>;
  /** Stores `pagefindDir` under `key` atomically; a failure to write only costs a future miss. */
  store(key: string, pagefindDir: string, index: CachedIndex): Promise<void>;
}


function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Files under `dir`, relative, with `/` separators, sorted by code unit so every machine agrees. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

interface EntryHeader {
  pages: number;
  files: [path: string, size: number][];
}

/**
 * Whether a parsed header has the entry's shape, every path a plain relative one inside the folder
 * (an entry passing its checksum was still written by someone: it must not write outside `pagefind/`)
 * and the sizes adding up to the body's length.
 */
function isEntryHeader(value: unknown, bodyLength: number): value is EntryHeader {
  if (typeof value !== "object" || value === null) return false;
  const { pages, files } = value as Partial<EntryHeader>;
  if (!Number.isInteger(pages) || !Array.isArray(files)) return false;
  let total = 0;
  for (const entry of files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return false;
    const [file, size] = entry as [unknown, unknown];
    if (typeof file !== "string" || !Number.isInteger(size) || (size as number) < 0) return false;
    const parts = file.split("/");
    if (file.includes("\\") || parts.some((part) => part === "" || part === "." || part === "..")) return false;
    total += size as number;
  }
  return total === bodyLength;
}

let tempCounter = 0;
/**
 * A temp path beside `target` (`<target>.<pid>-<n>.tmp`), unique in this process: the one counter for
 * the entries here and Pagefind's fresh folders (index-site.ts). With a counter each, a restore (which
 * then wrote into a temp folder too) once wrote into, and renamed away, the folder Pagefind was writing
 * an index into: both were `pagefind.<pid>-1.tmp`, and Pagefind never answered that `writeFiles`.
 */
export function tempBeside(target: string): string {
  return `${target}.${process.pid}-${++tempCounter}.tmp`;
}

export function createSearchIndexCache({ dir = cacheDir("search"), salt }: SearchIndexCacheOptions): SearchIndexCache {
  const root = path.resolve(dir);
  const fileOf = (key: string) => path.join(root, `${key}${EXTENSION}`);

  async function prune(keep: string): Promise<void> {
    const names = await readdir(root).catch(() => [] as string[]);
    const entries: { file: string; mtime: number }[] = [];
    for (const name of names) {
      const file = path.join(root, name);
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      if (name.endsWith(".tmp")) {
        if (Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
      } else if (name.endsWith(EXTENSION) && file !== keep) {
        entries.push({ file, mtime: info.mtimeMs });
      }
    }
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const { file } of entries.slice(KEEP - 1)) await rm(file, { force: true });
  }

  return {
    dir: root,

    keyOf(documents) {
      const hash = createHash("sha256").update(`${FORMAT}\0${salt}\0`);
      const sorted = [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      for (const { url, html } of sorted) hash.update(`${url}\0${Buffer.byteLength(html)}\0`).update(html);
      return hash.digest("hex");
    },

    async restore(key, pagefindDir) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(key));
      } catch {
        return undefined;
      }
      const headerEnd = bytes.indexOf(0x0a);
      if (headerEnd === -1) return undefined;
      const rest = bytes.subarray(headerEnd + 1);
      if (bytes.toString("latin1", 0, headerEnd) !== `${FORMAT} ${key} ${rest.byteLength} ${sha256(rest)}`) return undefined;
      const listEnd = rest.indexOf(0x0a);
      if (listEnd === -1) return undefined;
      const body = rest.subarray(listEnd + 1);
      let header: unknown;
      try {
        header = JSON.parse(rest.toString("utf8", 0, listEnd));
      } catch {
        return undefined;
      }
      if (!isEntryHeader(header, body.byteLength)) return undefined;

      // Written over the files an earlier index left in the folder, not into a fresh one: restores run
      // in builds, whose output is a staging folder that is often a recycled site with last time's index
      // (src/static/recycled-output.ts), and overwriting a file costs a fraction of creating it (1,072
      // files at 1,000 posts: 0.6 s of a warm build, in a fresh folder). Files of no other index stay.
      // A restore that fails midway fails the build, whose staging folder is then removed.
      if (!(await stat(pagefindDir).catch(() => undefined))?.isDirectory()) await rm(pagefindDir, { recursive: true, force: true });
      let offset = 0;
      const made = new Set<string>();
      const listed = new Set<string>();
      for (const [file, size] of header.files) {
        const target = path.join(pagefindDir, ...file.split("/"));
        const parent = path.dirname(target);
        if (!made.has(parent)) {
          mkdirSync(parent, { recursive: true });
          made.add(parent);
        }
        writeFileSync(target, body.subarray(offset, offset + size));
        listed.add(target);
        offset += size;
      }
      removeFiles(pagefindDir, (file) => !listed.has(file));
      // Recently used entries are the ones pruning keeps.
      const now = new Date();
      await utimes(fileOf(key), now, now).catch(() => undefined);
      return { pages: header.pages };
    },

    async store(key, pagefindDir, { pages }) {
      const file = fileOf(key);
      const temp = tempBeside(file);
      try {
        const files = await filesUnder(pagefindDir);
        const contents = files.map((name) => readFileSync(path.join(pagefindDir, name)));
        const header: EntryHeader = { pages, files: files.map((name, i) => [name, contents[i]!.byteLength]) };
        const rest = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...contents]);
        await mkdir(root, { recursive: true });
        await writeFile(temp, Buffer.concat([Buffer.from(`${FORMAT} ${key} ${rest.byteLength} ${sha256(rest)}\n`, "latin1"), rest]));
        await rename(temp, file);
        await prune(file);
      } catch {
        await rm(temp, { force: true });
      }
    },
  };
}
