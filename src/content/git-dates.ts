/**
 * When each post was last changed, from git: the fallback for a post without `last_modified_at`.
 *
 * One `git log` for the whole posts folder per build, parsed into a map, rather than one process per
 * post (1,000 posts would mean 1,000 processes). A shallow clone (CI's default) would date every post
 * to the clone's single commit, and a folder outside git has no history: both give an empty map and
 * posts simply show no 수정일.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const GIT_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Absolute, NFC path of a file, the key of the map `readGitDates` returns. */
export function gitDateKey(file: string): string {
  return path.resolve(file).normalize("NFC");
}

/**
 * Parses `git log --format=%x00%ct --name-only` output. Commits come newest first, so the first
 * commit a file appears in is its last change.
 */
export function parseGitLog(output: string, topLevel: string, keep: "newest" | "oldest" = "newest"): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const chunk of output.split("\0")) {
    const [stamp, ...files] = chunk.split("\n");
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    for (const file of files) {
      if (file === "") continue;
      const key = gitDateKey(path.join(topLevel, file));
      if (keep === "oldest" || !dates.has(key)) dates.set(key, new Date(seconds * 1000));
    }
  }
  return dates;
}

/** Last commit date of every file under `folder`; empty when git is missing, the folder is not in a checkout, or the clone is shallow. */
export async function readGitDates(folder: string): Promise<Map<string, Date>> {
  return readGitLog(folder, [], "newest");
}

/**
 * The commit that added each file under `folder` (its author date), for a post with no date
 * anywhere: one `git log --diff-filter=A` for the folder, like `git log --diff-filter=A --follow`
 * per file but without following renames (a renamed file is dated from its rename). Empty when
 * there is no history to trust (see `readGitDates`).
 */
export async function readFirstCommitDates(folder: string): Promise<Map<string, Date>> {
  return readGitLog(folder, ["--diff-filter=A"], "oldest", "%at");
}

async function readGitLog(folder: string, filter: string[], keep: "newest" | "oldest", stamp = "%ct"): Promise<Map<string, Date>> {
  try {
    const cwd = path.resolve(folder);
    const { stdout: info } = await run("git", ["rev-parse", "--is-shallow-repository", "--show-toplevel"], { cwd });
    const [shallow, topLevel] = info.trim().split("\n");
    if (shallow !== "false" || !topLevel) return new Map();
    const { stdout } = await run(
      "git",
      ["-c", "core.quotePath=false", "log", `--format=%x00${stamp}`, "--name-only", "--no-renames", ...filter, "--", "."],
      { cwd, maxBuffer: GIT_OUTPUT_BYTES },
    );
    return parseGitLog(stdout, topLevel, keep);
  } catch {
    return new Map();
  }
}
