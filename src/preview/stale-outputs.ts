/**
 * The preview builds into the same folder again and again, and Eleventy never removes what it wrote
 * before: after a post is deleted or moved, the tag page only it had, the list page past the new last
 * one and the post's old URL stayed served, listing it, even after a restart (found on five real
 * blogs). A production build has no such pages: it sweeps its recycled folder
 * (src/static/recycled-output.ts).
 *
 * So the preview remembers what Eleventy's last full build wrote (a list per output folder in the
 * cache, which outlives a restart), and after each full build removes what an earlier one wrote and
 * this one did not, with the folders that leaves empty. Only files Eleventy wrote are ever removed;
 * copied files, images and the search index have their own steps.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheDir } from "../cache-dir.ts";

const FORMAT = "opsnote-preview-outputs/1";

/** Where the list of an output folder's files is kept. */
function listFileOf(outputDir: string): string {
  return path.join(cacheDir("preview-outputs"), `${createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16)}.json`);
}

function load(file: string): Set<string> {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; files?: unknown };
    if (saved.format !== FORMAT || !Array.isArray(saved.files)) return new Set();
    return new Set(saved.files.filter((entry): entry is string => typeof entry === "string"));
  } catch {
    return new Set(); // none yet, or unreadable: nothing is removed
  }
}

/** A path relative to `outputDir` for a file inside it, else undefined. */
function inside(outputDir: string, file: string): string | undefined {
  const relative = path.relative(outputDir, path.resolve(file));
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? undefined : relative;
}

export interface StaleOutputs {
  /**
   * After a full build: removes the files an earlier build wrote and `written` (this build's output
   * paths) does not have, and remembers `written`. @returns the removed files, relative
   */
  afterFullBuild(written: readonly string[]): string[];
}

export function trackStaleOutputs(outputDir: string): StaleOutputs {
  const root = path.resolve(outputDir);
  const listFile = listFileOf(root);
  let known = load(listFile);
  return {
    afterFullBuild(written) {
      const now = new Set(written.map((file) => inside(root, file)).filter((file): file is string => file !== undefined));
      const removed: string[] = [];
      for (const relative of known) {
        if (now.has(relative) || inside(root, path.join(root, relative)) === undefined) continue;
        rmSync(path.join(root, relative), { force: true });
        removed.push(relative);
        // The folders it leaves empty (`tags/x/`), up to the output folder.
        for (let dir = path.dirname(path.join(root, relative)); dir !== root && dir.startsWith(root); dir = path.dirname(dir)) {
          try {
            rmdirSync(dir);
          } catch {
            break; // not empty
          }
        }
      }
      known = now;
      try {
        mkdirSync(path.dirname(listFile), { recursive: true });
        const temp = `${listFile}.${process.pid}.tmp`;
        writeFileSync(temp, `${JSON.stringify({ format: FORMAT, files: [...now].sort() })}\n`);
        renameSync(temp, listFile);
      } catch {
        // Not saved: a restart removes nothing the first time, as before.
      }
      return removed.sort();
    },
  };
}
