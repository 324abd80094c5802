/**
 * A date for a post that names none (no `date:`, no `YYYY-MM-DD-` file name), so it still builds:
 * the commit that added the file, else the file's modification time, always with a warning. Never
 * Eleventy's default, the file's creation time, which in CI is the checkout and changes every build.
 */
import { statSync } from "node:fs";
import { gitDateKey } from "./git-dates.ts";

export interface UndatedFallback {
  instant: Date;
  /** Where the date came from, for the warning. */
  source: "the first git commit of the file" | "the file's modification time";
}

/** The fallback date of `file`, from `firstCommits` (readFirstCommitDates) or its modification time. */
export function undatedFallback(file: string, firstCommits: ReadonlyMap<string, Date>): UndatedFallback {
  const committed = firstCommits.get(gitDateKey(file));
  if (committed) return { instant: committed, source: "the first git commit of the file" };
  // Whole seconds, as git dates are: the same file gives the same date in check and build.
  return { instant: new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000), source: "the file's modification time" };
}
