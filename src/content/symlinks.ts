/**
 * Symbolic links in the posts folder. Eleventy follows them, so a link could publish a file from
 * anywhere on the machine (`posts/notes.md -> ~/.ssh/…`) or loop (`posts/all -> .`). opsnote keeps
 * a linked file only when it resolves inside a folder the site publishes (posts, assets, the
 * `staticDirs`: src/static/static-files.ts applies the same rule), and never descends into a
 * linked folder; everything it skips is reported.
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

export interface SkippedSymlink {
  /** The link, as a path inside the posts folder. */
  path: string;
  reason: string;
  /** Links to folders are skipped with everything below them. */
  isDirectory: boolean;
}

function isInside(child: string, parents: readonly string[]): boolean {
  return parents.some((parent) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep));
}

/**
 * Why the symbolic link at `link` is skipped: broken or looping, a link to a folder, or a file outside
 * every folder of `allowed` (resolved real paths; `outside` names them in the reason). Undefined when
 * the link is kept. The posts walk below and the published-file listing (src/static) share it.
 */
export function symlinkToSkip(link: string, allowed: readonly string[], outside: string): SkippedSymlink | undefined {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    return { path: link, reason: "the link is broken or loops", isDirectory: false };
  }
  if (statSync(target).isDirectory()) {
    return { path: link, reason: `links to the folder ${target}; linked folders are not followed`, isDirectory: true };
  }
  if (!isInside(target, allowed)) return { path: link, reason: `links to ${target}, outside ${outside}`, isDirectory: false };
  return undefined;
}

/** Walks `root` without following links and lists the links to skip. */
export function findUnsafeSymlinks(root: string, allowedRoots: readonly string[]): SkippedSymlink[] {
  const allowed = allowedRoots.flatMap((dir) => {
    try {
      return [realpathSync(dir)];
    } catch {
      return [];
    }
  });
  const skipped: SkippedSymlink[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
        continue;
      }
      if (!entry.isSymbolicLink()) continue;
      const skip = symlinkToSkip(full, allowed, "the posts and assets folders");
      if (skip) skipped.push(skip);
    }
  };
  walk(root);
  return skipped;
}

/**
 * Every file under `root` (relative paths, `/` separators), links to files included, without ever
 * entering a linked folder. Node 20's `readdir(…, { recursive: true })` follows folder links, so
 * two links that loop (`posts/loop -> .`) made it run forever. Dot folders and `node_modules` are
 * not entered either: neither `check` nor the build reads them. `fileLinks: false` leaves out links
 * to files as well (for readers that do not check where a link points).
 */
export async function listFilesWithoutFollowingLinks(root: string, { fileLinks = true } = {}): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const name = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) await walk(name);
      } else if (entry.isFile() || (fileLinks && entry.isSymbolicLink() && !isLinkToFolder(path.join(root, name)))) {
        files.push(name);
      }
    }
  };
  await walk("");
  return files;
}

function isLinkToFolder(link: string): boolean {
  try {
    return statSync(link).isDirectory();
  } catch {
    return false; // broken or looping: listed, so the caller's own check reports it
  }
}
