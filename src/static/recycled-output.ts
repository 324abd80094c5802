/**
 * The folder a build's swap retires is kept (in the cache) and becomes the next build's staging
 * folder, so a build overwrites the files of an earlier site instead of creating every file and
 * folder anew.
 *
 * Why: a 1,000-post site is 2,641 files in 1,566 folders. On the disks of our CI machines (ext4 on a
 * virtual disk), while the last build's 70 MB were still being written back, creating a file or a folder
 * cost 0.7–1.1 ms and overwriting one 0.06 ms (0.07 ms and 0.06 ms on a quiet disk), and a build into a
 * fresh folder also left the old site to delete. Warm builds went from 7.8 s to 6.9 s (medians of six,
 * interleaved; docs/benchmarks.md, "thirteenth session"). Hugo writes into its `public/` in place.
 *
 * Nothing in the recycled folder is trusted. Before the build, every file in it is dated to the
 * epoch (`markUnwritten`); a build writes or copies every file it publishes, which dates it now. After
 * the build, `sweepUnwritten` removes what still has the epoch date (pages of deleted posts, files that
 * are no longer published) and the folders left empty. Copies that skip an up-to-date target
 * (src/static, src/images) see an epoch-dated target as older than its source and copy it again;
 * a step that asks whether the build has written a file already asks `isWritten`. A writer that skips
 * a file it finds already there must not write into this folder: the file it skips keeps the epoch
 * date and is swept. Pagefind's `writeFiles` does that with its content-hashed files, and rebuilt real
 * blogs lost most of their search index until it went back to a fresh folder (src/search/index-site.ts).
 * No library does this pairing of a build tool's swap with a sweep, hence the few lines here.
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, rmdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { cacheDir } from "../cache-dir.ts";

const EPOCH = new Date(0);

/** Where the retired folder of `output` waits for the next build: `.cache/output/<hash of its path>`. */
export function spareFolderOf(output: string): string {
  return path.join(cacheDir("output"), createHash("sha256").update(path.resolve(output)).digest("hex").slice(0, 16));
}

/**
 * Moves the spare folder of `output` to `staging` and marks every file in it unwritten.
 * @returns whether there was a spare; without one (first build, another file system, a cleared
 * cache) the caller builds into a fresh folder, as before.
 */
export async function takeSpare(output: string, staging: string): Promise<boolean> {
  try {
    await rename(spareFolderOf(output), staging);
  } catch {
    return false;
  }
  try {
    markUnwritten(staging);
    return true;
  } catch {
    await rm(staging, { recursive: true, force: true });
    return false;
  }
}

/** A spare not taken for this long belongs to an output folder no longer built (a one-off `--output`). */
const SPARE_KEPT_MS = 7 * 24 * 3600 * 1000;

/**
 * Keeps the folder a swap retired for the next build. Where it cannot be moved (the cache on another
 * file system), it is removed, as before. Spares of other outputs not built for a week are removed.
 */
export async function keepSpare(output: string, retired: string, now = new Date()): Promise<void> {
  const spare = spareFolderOf(output);
  try {
    await rm(spare, { recursive: true, force: true });
    await mkdir(path.dirname(spare), { recursive: true });
    await rename(retired, spare);
    utimesSync(spare, now, now); // a rename keeps the folder's own date
  } catch {
    await rm(retired, { recursive: true, force: true });
  }
  let others: string[] = [];
  try {
    others = readdirSync(path.dirname(spare)).map((name) => path.join(path.dirname(spare), name)).filter((other) => other !== spare);
  } catch {
    // no spare folder at all: nothing to prune
  }
  // The site is already swapped in: nothing here may fail the build.
  for (const other of others) {
    const age = now.getTime() - (lstatSync(other, { throwIfNoEntry: false })?.mtimeMs ?? now.getTime());
    if (age > SPARE_KEPT_MS) await rm(other, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Dates every regular file under `dir` to the epoch; anything else that is not a folder (a symbolic
 * link, a socket) is removed, so the sweep only ever has files and folders to judge. So is a file with
 * another name elsewhere (a hard link: `cp -al _site /var/www` serves the same files), which writing in
 * place would change there too.
 */
export function markUnwritten(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markUnwritten(full);
    else if (entry.isFile() && lstatSync(full).nlink === 1) utimesSync(full, EPOCH, EPOCH);
    else rmSync(full, { force: true });
  }
}

/**
 * Removes the files under `dir` still dated to the epoch (no step of this build wrote them), then the
 * folders left empty. `dir` itself stays.
 * @returns how many files were removed.
 */
export function sweepUnwritten(dir: string): number {
  return removeFiles(dir, isUnwritten);
}

/**
 * Removes the files under `dir` that `remove` picks, then the folders that leaves empty (the index
 * cache's restore removes the files of no index path with it). `dir` itself stays.
 * @returns how many files were removed.
 */
export function removeFiles(dir: string, remove: (file: string) => boolean): number {
  let removed = 0;
  const sweep = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (sweep(full)) rmdirSync(full);
        else empty = false;
      } else if (entry.isFile() && remove(full)) {
        rmSync(full);
        removed++;
      } else {
        empty = false;
      }
    }
    return empty;
  };
  sweep(dir);
  return removed;
}

/** Whether `file` is a file of the recycled folder still waiting to be overwritten or swept. */
function isUnwritten(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs === 0;
}

/**
 * Whether the build has written `file` so far: it is there, and it is not a file of the recycled
 * folder still waiting to be overwritten or swept. In a fresh folder, this is whether it exists.
 */
export function isWritten(file: string): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && wasWritten(stats);
}

/** `isWritten` for a file already stat'ed: not dated to the epoch. */
export function wasWritten(stats: { mtimeMs: number }): boolean {
  return stats.mtimeMs !== 0;
}
