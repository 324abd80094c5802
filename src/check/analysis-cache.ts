/**
 * An on-disk cache of post analyses (analyse-post.ts), so a build where nothing changed parses no
 * post before Eleventy starts: `check` and the Jekyll post index both read it (post-sources.ts).
 *
 * One manifest file per posts folder holds every post's entry, one line each: one read instead of
 * thousands of small files, and an entry is parsed only when it is used and serialised only when it
 * changed, so the preview's rewrite after each save stays cheap. An entry is used only when its key matches: a SHA-256 of the file's
 * bytes, its path (diagnostics name it), the site settings an analysis depends on (time zone,
 * permalink) and the code version (`analysisCodeVersion`). Nothing in an entry depends on the time:
 * whether a post is scheduled or published is decided by its readers on every build.
 *
 * Safe under concurrent and killed builds, like the highlight cache (src/markdown/highlight-cache.ts):
 * the manifest is written to a temp file and renamed into place, and it starts with a header holding
 * its key, its length and its SHA-256, checked on every read. A torn, truncated or foreign manifest
 * is a miss (every post is analysed again) and is rewritten, never served. Two builds of one folder
 * at once: the last to finish wins, and each has seen a whole manifest.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, open as openFile, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";
import type { SiteSettings } from "../site.ts";
import { cacheDir } from "../cache-dir.ts";
import type { Post } from "../content/post.ts";
import type { PostAnalysis } from "./analyse-post.ts";

/**
 * The manifest's layout: a header line, `FORMAT key length sha256 "folder"` (the length and hash are
 * the rest's), then one line per post, `["relative/path.md","key"]<TAB>{stored analysis}` (JSON
 * escapes every tab and newline inside strings). A manifest of another format is never read.
 */
const FORMAT = "opsnote-analysis-cache/2";

/**
 * Bump when what `analysePost` returns changes in a way the source digest below cannot see (it
 * sees every change under src/ and in package-lock.json, so this is for anything else).
 */
export const ANALYSIS_FORMAT = 1;

/**
 * When a manifest is written, the others are removed if their posts folder is gone (test runs and
 * benchmarks make many short-lived folders) or if they were untouched this long (temp files of
 * killed builds too).
 */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

export type AnalysisSite = Pick<SiteSettings, "timeZone" | "permalink">;

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
let codeVersion: string | undefined;

/**
 * The version of the code that makes an analysis: `ANALYSIS_FORMAT`, the package version, and a
 * digest of the source under src/ and of package-lock.json, so that a change to any parser, the
 * markdown pipeline or a dependency retires old entries without anyone remembering to bump a number.
 * Computed once per process (a hundred small files).
 */
export function analysisCodeVersion(): string {
  if (codeVersion !== undefined) return codeVersion;
  const hash = createHash("sha256").update(`${FORMAT}\0${ANALYSIS_FORMAT}\0`);
  const readOr = (file: string) => {
    try {
      return readFileSync(file);
    } catch {
      return "";
    }
  };
  const packageJson = readOr(path.join(PROJECT_ROOT, "package.json")).toString();
  let version = "unknown";
  try {
    version = String((JSON.parse(packageJson) as { version?: unknown }).version ?? version);
  } catch {
    // A missing or unreadable package.json leaves the digest to tell versions apart.
  }
  hash.update(`${version}\0`).update(readOr(path.join(PROJECT_ROOT, "package-lock.json"))).update("\0");
  const src = path.join(PROJECT_ROOT, "src");
  let sources: string[] = [];
  try {
    sources = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file))
      .map((file) => file.split(path.sep).join("/"))
      .sort();
  } catch {
    // Run from somewhere without the sources: the package version and format still count.
  }
  for (const file of sources) hash.update(`${file}\0`).update(readOr(path.join(src, file))).update("\0");
  codeVersion = `${version}+${ANALYSIS_FORMAT}+${hash.digest("hex").slice(0, 16)}`;
  return codeVersion;
}

/** `$OPSNOTE_CACHE_DIR/check` when set (the variable that moves the highlight cache), else `.cache/check`. */
export function defaultAnalysisCacheDir(): string {
  return cacheDir("check");
}

// ---- JSON form ----------------------------------------------------------------------------------

/** `PostAnalysis` as JSON can hold it: a Set as an array, dates as ISO strings. */
export interface StoredAnalysis extends Omit<PostAnalysis, "headingIds" | "post"> {
  headingIds: string[];
  post?: Omit<Post, "date" | "updated"> & { date: StoredDate; updated?: StoredDate };
}

type StoredDate = Omit<Post["date"], "instant"> & { instant: string };

export function toStoredAnalysis(analysis: PostAnalysis): StoredAnalysis {
  const { headingIds, post, ...rest } = analysis;
  const stored: StoredAnalysis = { ...rest, headingIds: [...headingIds] };
  if (post) {
    const { date, updated, ...fields } = post;
    const storeDate = (d: Post["date"]): StoredDate => ({ ...d, instant: d.instant.toISOString() });
    stored.post = { ...fields, date: storeDate(date), ...(updated ? { updated: storeDate(updated) } : {}) };
  }
  return stored;
}

/**
 * The analysis a stored one was made from. Properties that were `undefined` come back absent,
 * which every reader treats the same.
 */
export function fromStoredAnalysis(stored: StoredAnalysis): PostAnalysis {
  const { headingIds, post, ...rest } = stored;
  const analysis: PostAnalysis = { ...rest, headingIds: new Set(headingIds) };
  if (post) {
    const { date, updated, ...fields } = post;
    const reviveDate = (d: StoredDate): Post["date"] => {
      const instant = new Date(d.instant);
      if (Number.isNaN(instant.getTime())) throw new Error(`stored date ${d.instant} is not a date`);
      return { ...d, instant };
    };
    analysis.post = { ...fields, date: reviveDate(date), ...(updated ? { updated: reviveDate(updated) } : {}) };
  }
  return analysis;
}

// ---- Cache ----------------------------------------------------------------------------------------

export interface AnalysisKeyInput {
  /** The file's bytes, exactly as read. */
  bytes: Uint8Array;
  /** The path the analysis names the file by (as given to `check`). */
  file: string;
  /** Path relative to the posts folder. */
  relativePath: string;
  site: AnalysisSite;
}

export interface AnalysisCacheOptions {
  /** Folder the manifests live in. @default defaultAnalysisCacheDir() */
  dir?: string;
  /** Code version the entries belong to. @default analysisCodeVersion() */
  version?: string;
}

export interface AnalysisCache {
  readonly dir: string;
  readonly version: string;
  /** An entry's key: a SHA-256 of the version, the paths, the settings and the file's bytes. */
  keyOf(input: AnalysisKeyInput): string;
  /** The manifest file of a posts folder (named by the folder, as given and resolved). */
  fileOf(posts: string): string;
  /** The stored entries of a posts folder, read once per cache object; empty when missing or corrupt. */
  open(posts: string): Promise<AnalysisManifest>;
}

export interface AnalysisManifest {
  readonly file: string;
  /** The analysis stored for a path under this key, or undefined. */
  get(relativePath: string, key: string): PostAnalysis | undefined;
  /** Whether an entry for a path has this key (its analysis is not read). */
  has(relativePath: string, key: string): boolean;
  set(relativePath: string, key: string, analysis: PostAnalysis): void;
  /**
   * Writes the manifest atomically when anything changed, keeping the entries of `present` paths
   * only. A failure to write is ignored: it costs the next build its hits, nothing else.
   * @returns whether a manifest was written
   */
  save(present: ReadonlySet<string>): Promise<boolean>;
}

/** One post's line, parsed as far as needed: its key, and its analysis as JSON text until used. */
interface ManifestEntry {
  key: string;
  json: string;
}

let tempCounter = 0;

export function createAnalysisCache({ dir = defaultAnalysisCacheDir(), version = analysisCodeVersion() }: AnalysisCacheOptions = {}): AnalysisCache {
  const root = path.resolve(dir);
  const opened = new Map<string, Promise<AnalysisManifest>>();
  const nameOf = (posts: string) => sha256(JSON.stringify([path.resolve(posts), posts])).slice(0, 32);
  const fileOf = (posts: string) => path.join(root, `analyses-${nameOf(posts)}.json`);
  // The whole manifest belongs to one version and folder: another's is a miss without parsing it.
  const manifestKey = (posts: string) => sha256(JSON.stringify([version, path.resolve(posts), posts]));
  // The folder ends the header (JSON: one line) so that pruning can tell whether it still exists.
  const headerOf = (posts: string, body: Buffer) =>
    `${FORMAT} ${manifestKey(posts)} ${body.length} ${sha256(body)} ${JSON.stringify(path.resolve(posts))}\n`;

  async function read(posts: string): Promise<{ entries: Map<string, ManifestEntry>; ok: boolean }> {
    const entries = new Map<string, ManifestEntry>();
    let data: Buffer;
    try {
      data = await readFile(fileOf(posts));
    } catch {
      return { entries, ok: true }; // No manifest yet: nothing to repair.
    }
    const newline = data.indexOf(0x0a);
    if (newline === -1) return { entries, ok: false };
    const body = data.subarray(newline + 1);
    if (data.subarray(0, newline + 1).toString("utf8") !== headerOf(posts, body)) return { entries, ok: false };
    try {
      for (const line of body.toString("utf8").split("\n")) {
        if (line === "") continue;
        const tab = line.indexOf("\t");
        const [relativePath, key] = JSON.parse(line.slice(0, tab)) as [string, string];
        entries.set(relativePath, { key, json: line.slice(tab + 1) });
      }
    } catch {
      return { entries: new Map(), ok: false };
    }
    return { entries, ok: true };
  }

  /** The posts folder a manifest's header names, or undefined when it names none. */
  async function folderOf(file: string): Promise<string | undefined> {
    const handle = await openFile(file, "r");
    try {
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(16_384) });
      const line = buffer.subarray(0, bytesRead).toString("utf8").split("\n", 1)[0]!;
      if (!line.startsWith(FORMAT.replace(/\d+$/, ""))) return undefined; // any format's manifest names its folder
      const folder = JSON.parse(line.slice(line.indexOf(' "') + 1)) as unknown;
      return typeof folder === "string" ? folder : undefined;
    } catch {
      return undefined;
    } finally {
      await handle.close();
    }
  }

  async function removeStale(keep: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(root);
    } catch {
      return;
    }
    const now = Date.now();
    await Promise.all(names
      .filter((name) => name.startsWith("analyses-") && path.join(root, name) !== keep)
      .map(async (name) => {
        const file = path.join(root, name);
        try {
          const old = now - (await stat(file)).mtimeMs > STALE_MS;
          const folder = name.endsWith(".json") && !old ? await folderOf(file) : undefined;
          if (old || (folder !== undefined && !existsSync(folder))) await rm(file, { force: true });
        } catch {
          // Removed by another build meanwhile.
        }
      }));
  }

  async function openManifest(posts: string): Promise<AnalysisManifest> {
    const file = fileOf(posts);
    const { entries, ok } = await read(posts);
    // A corrupt manifest is rewritten by the next save even when nothing else changes.
    let dirty = !ok;
    const revived = new Map<string, PostAnalysis>();
    return {
      file,
      get(relativePath, key) {
        const entry = entries.get(relativePath);
        if (!entry || entry.key !== key) return undefined;
        const known = revived.get(relativePath);
        if (known) return known;
        try {
          const analysis = fromStoredAnalysis(JSON.parse(entry.json) as StoredAnalysis);
          revived.set(relativePath, analysis);
          return analysis;
        } catch {
          return undefined;
        }
      },
      has: (relativePath, key) => entries.get(relativePath)?.key === key,
      set(relativePath, key, analysis) {
        entries.set(relativePath, { key, json: JSON.stringify(toStoredAnalysis(analysis)) });
        revived.set(relativePath, analysis);
        dirty = true;
      },
      async save(present) {
        for (const relativePath of entries.keys()) {
          if (present.has(relativePath)) continue;
          entries.delete(relativePath);
          revived.delete(relativePath);
          dirty = true;
        }
        if (!dirty) return false;
        const lines = [...entries]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([relativePath, { key, json }]) => `${JSON.stringify([relativePath, key])}\t${json}\n`);
        const bytes = Buffer.from(lines.join(""), "utf8");
        const temp = `${file}.${process.pid}-${threadId}-${++tempCounter}.tmp`;
        try {
          await mkdir(root, { recursive: true });
          await writeFile(temp, Buffer.concat([Buffer.from(headerOf(posts, bytes), "utf8"), bytes]));
          await rename(temp, file);
        } catch {
          await rm(temp, { force: true });
          return false;
        }
        dirty = false;
        await removeStale(file);
        return true;
      },
    };
  }

  return {
    dir: root,
    version,
    fileOf,
    // The JSON array ends where the bytes begin, so no two inputs share a key.
    keyOf: ({ bytes, file, relativePath, site }) => createHash("sha256")
      .update(JSON.stringify([version, file, relativePath, site.timeZone, site.permalink]))
      .update(bytes)
      .digest("hex"),
    open(posts) {
      let manifest = opened.get(posts);
      if (!manifest) {
        manifest = openManifest(posts);
        opened.set(posts, manifest);
      }
      return manifest;
    },
  };
}
