/**
 * Makes Eleventy forget a deleted file. Eleventy keeps the file list of its first glob search and
 * updates it from its watcher's events, but a posts folder outside the project is listed as
 * `../../tmp/blog/posts/x.md` while the watcher reports `/tmp/blog/posts/x.md`: its own delete
 * matched nothing, the deleted post stayed listed, and every later rebuild failed with "no such
 * file" for it (hidden while the template cache still held the file's text) until a restart.
 */
import path from "node:path";

/** The part of Eleventy's FileSystemSearch this touches: its cached results, per search. */
export interface FileListCache {
  outputs: Record<string, Set<string>>;
}

/** Removes every spelling Eleventy may use for `file` from its cached file lists. */
export function forgetDeletedFile(search: FileListCache | undefined, file: string, cwd = process.cwd()): void {
  if (search?.outputs === undefined) return;
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const spellings = [absolute, relative, `./${relative}`].map((p) => p.split(path.sep).join("/"));
  for (const files of Object.values(search.outputs)) {
    for (const spelling of spellings) files.delete(spelling);
  }
}
