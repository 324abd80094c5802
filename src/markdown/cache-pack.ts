/**
 * A build cache kept as one file, a "pack": read once when first needed, filled in memory during the
 * build, written once at its end. One file per entry cost a cold 1,000-post build 3.2 s of sync
 * `mkdir` + `writeFileSync` (3,969 files in 256 folders); one pack costs one read and one write.
 *
 * File layout (all UTF-8):
 *
 *   opsnote-cache-pack/1 <SHA-256 of the salt> <body length in bytes> <SHA-256 of the body>\n
 *   [["<key>",<value length in bytes>],...]\n      <- the index, in value order
 *   <value><value>...
 *
 * A pack is written to a temp file and renamed into place (atomic), so a killed build leaves either the
 * old pack or the new one. On read the header is checked: another format or salt (another shiki,
 * theme or opsnote version), a length that differs (truncated, appended to) or a hash that differs
 * (torn, edited) makes the whole pack a miss, never a wrong value. Values are decoded from the file's
 * bytes on lookup, so a build holds the file's bytes once, outside the JavaScript heap.
 *
 * Pruning: a save keeps the entries this build used (read, written, or marked used by a cached render
 * that stands for the reads it once made) and drops the rest, so the pack holds one build's worth.
 * A build that added nothing does not write at all (a warm build never touches the file).
 */
import { createHash } from "node:crypto";
import { mkdirSync, openSync, readFileSync, readSync, closeSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

const FORMAT = "opsnote-cache-pack/1";
/** Longest header: the format, two hex SHA-256s, a length and three spaces. */
const HEADER_MAX_BYTES = 200;

export interface CachePackOptions {
  /** The pack's file. */
  file: string;
  /** Everything besides the key that decides the values (versions, themes, settings): another salt is a miss. */
  salt: string;
}

export interface CachePack {
  readonly file: string;
  /** The stored value, or undefined when missing (or the pack failed its check). Marks the key used. */
  read(key: string): string | undefined;
  /** Whether the key has a value (marks nothing). */
  has(key: string): boolean;
  /**
   * Stores a value for this build's save; marks the key used. A value given as pieces is stored as
   * they are (a rendered page's HTML is not copied to be joined with its entry's header); bytes are
   * UTF-8 text held outside the JavaScript heap until the save.
   */
  write(key: string, value: PackValue): void;
  /** Keeps an entry at the next save although this build did not read it (a cached render depends on it). */
  markUsed(key: string): void;
  /** Whether the pack has no entry: no file, or one of another format or salt (reads the header only). */
  isEmpty(): boolean;
  /**
   * Writes the pack when this build added entries: the used ones, or with `prune: false` every entry
   * old and new (the preview, whose rebuilds render only part of the site). A failure to write only
   * costs a future miss. Returns whether a file was written.
   */
  save(options?: { prune?: boolean }): boolean;
}

/** A value as text, as pieces of text, or as UTF-8 bytes. */
export type PackValue = string | readonly string[] | Uint8Array;

const textOf = (value: PackValue) =>
  typeof value === "string" ? value : Array.isArray(value) ? value.join("") : Buffer.from(value as Uint8Array).toString("utf8");

interface Loaded {
  bytes: Buffer;
  /** Key -> [start, end) in `bytes`. */
  index: Map<string, [number, number]>;
}

const EMPTY: Loaded = { bytes: Buffer.alloc(0), index: new Map() };

function sha256(...parts: Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

const headerOf = (saltHash: string, bodyLength: number, bodyHash: string) => `${FORMAT} ${saltHash} ${bodyLength} ${bodyHash}\n`;

/** The entries of a pack file's bytes, or undefined when it is not a whole pack of this salt. */
export function parsePack(bytes: Buffer, salt: string): Loaded | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline === -1 || newline > HEADER_MAX_BYTES) return undefined;
  const [format, saltHash, length, bodyHash, ...rest] = bytes.toString("latin1", 0, newline).split(" ");
  if (format !== FORMAT || saltHash !== sha256(Buffer.from(salt)) || rest.length > 0) return undefined;
  const body = bytes.subarray(newline + 1);
  if (String(body.length) !== length || sha256(body) !== bodyHash) return undefined;
  const indexEnd = body.indexOf(0x0a);
  if (indexEnd === -1) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(body.toString("utf8", 0, indexEnd));
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  const index = new Map<string, [number, number]>();
  let offset = indexEnd + 1;
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isInteger(entry[1]) || entry[1] < 0) return undefined;
    index.set(entry[0], [offset, offset + (entry[1] as number)]);
    offset += entry[1] as number;
  }
  return offset === body.length ? { bytes: body, index } : undefined;
}

/**
 * Writes a pack holding `entries`, in order, to `file`: piece by piece, hashed on the way, so a large
 * pack is never copied into one buffer (peak memory at the end of a build).
 */
export function writePack(file: string, entries: readonly [string, PackValue][], salt: string): void {
  const piecesOf = (value: PackValue): readonly (string | Uint8Array)[] => (Array.isArray(value) ? (value as readonly string[]) : [value as string | Uint8Array]);
  const byteLength = (value: PackValue) =>
    piecesOf(value).reduce((sum, piece) => sum + (typeof piece === "string" ? Buffer.byteLength(piece) : piece.byteLength), 0);
  const index = Buffer.from(`${JSON.stringify(entries.map(([key, value]) => [key, byteLength(value)]))}\n`);
  const hash = createHash("sha256").update(index);
  let length = index.length;
  for (const [, value] of entries) {
    for (const piece of piecesOf(value)) hash.update(piece);
    length += byteLength(value);
  }
  const fd = openSync(file, "w");
  try {
    const write = (value: string | Uint8Array) => {
      // A string is encoded in chunks by Node; a short write of a string would need the rest re-encoded.
      const bytes = typeof value === "string" ? Buffer.from(value) : value;
      for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
    };
    write(Buffer.from(headerOf(sha256(Buffer.from(salt)), length, hash.digest("hex"))));
    write(index);
    for (const [, value] of entries) for (const piece of piecesOf(value)) write(piece);
  } finally {
    closeSync(fd);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temp files of builds that were killed before their rename (`<pack>.<pid>-<thread>.tmp`). */
function removeAbandonedTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)-\d+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1]))) rmSync(path.join(dir, name), { force: true });
  }
}

export function openCachePack({ file, salt }: CachePackOptions): CachePack {
  const target = path.resolve(file);
  let loaded: Loaded | undefined;
  const fresh = new Map<string, PackValue>();
  const used = new Set<string>();
  /** Whether `fresh` holds entries no save has written. */
  let dirty = false;

  const load = (): Loaded => {
    if (loaded) return loaded;
    try {
      loaded = parsePack(readFileSync(target), salt) ?? EMPTY;
    } catch {
      loaded = EMPTY;
    }
    return loaded;
  };

  const headerMatches = (): boolean => {
    let fd: number | undefined;
    try {
      fd = openSync(target, "r");
      const head = Buffer.alloc(HEADER_MAX_BYTES);
      const text = head.toString("latin1", 0, readSync(fd, head, 0, HEADER_MAX_BYTES, 0));
      const [format, saltHash] = text.split(" ");
      return format === FORMAT && saltHash === sha256(Buffer.from(salt));
    } catch {
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };

  return {
    file: target,
    read(key) {
      const value = fresh.get(key);
      if (value !== undefined) {
        used.add(key);
        return textOf(value);
      }
      const { bytes, index } = load();
      const range = index.get(key);
      if (range === undefined) return undefined;
      used.add(key);
      return bytes.toString("utf8", range[0], range[1]);
    },
    has: (key) => fresh.has(key) || load().index.has(key),
    write(key, value) {
      fresh.set(key, value);
      used.add(key);
      dirty = true;
    },
    markUsed: (key) => void used.add(key),
    isEmpty: () => fresh.size === 0 && (loaded ? loaded.index.size === 0 : !headerMatches()),
    save({ prune = true } = {}) {
      if (!dirty) return false;
      const { bytes, index } = load();
      const entries: [string, PackValue][] = [];
      for (const key of prune ? used : new Set([...index.keys(), ...fresh.keys()])) {
        const value = fresh.get(key);
        const range = value === undefined ? index.get(key) : undefined;
        if (value !== undefined) entries.push([key, value]); // encoded one at a time while written
        else if (range !== undefined) entries.push([key, bytes.subarray(range[0], range[1])]);
      }
      const temp = `${target}.${process.pid}-${threadId}.tmp`;
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        writePack(temp, entries, salt);
        renameSync(temp, target);
      } catch {
        rmSync(temp, { force: true });
        return false;
      }
      removeAbandonedTempFiles(target);
      // This object keeps answering from memory (the file read and the new entries): same values.
      dirty = false;
      return true;
    },
  };
}

