/**
 * Watches the posts folder for the fast path, quicker than Eleventy's watcher: chokidar waits for a
 * file to stay unchanged for 150 ms (`awaitWriteFinish`) before it reports it. Here a save is
 * reported once no event came for `settleMs`: an editor's save is a truncate and a write (or a
 * write to a temporary file and a rename) within a millisecond or two.
 *
 * One `fs.watch` per folder, not `fs.watch(root, { recursive: true })`: on Linux, Node 20 emulates the
 * recursive watch with a watch on every file, which stays on the file's old inode when an editor saves
 * by writing a temporary file and renaming it over the post (JetBrains' safe write, Emacs, `sed -i`):
 * that post's later saves were never reported. A folder's watch sees every file written, created,
 * renamed or removed in it, whatever the inode. Folders created later are watched as they appear.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface PostWatcherOptions {
  /** Quiet time after the last event before the files are reported. @default 15 */
  settleMs?: number;
  /** Which files to report. */
  accept(file: string): boolean;
  /** The files (absolute) that changed, were created or were removed since the last call. */
  onChange(files: string[]): void;
}

export interface PostWatcher {
  close(): void;
}

export function watchPosts(folder: string, { settleMs = 15, accept, onChange }: PostWatcherOptions): PostWatcher {
  const root = path.resolve(folder);
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const report = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending = new Set();
      onChange(files);
    }, settleMs);
  };

  /** Watches `dir` and the folders under it (not through symbolic links: linked folders are never built). */
  const watchTree = (dir: string, initial: boolean): void => {
    if (closed || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (name === null) return;
        const file = path.join(dir, name.toString());
        // A folder created (or moved in) after the start: watch it, and report the posts it brought.
        if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
          if (!watchers.has(file)) watchTree(file, false);
          return;
        }
        if (accept(file)) report(file);
      });
    } catch (error) {
      // The root itself must be watchable (the caller falls back to Eleventy's watcher otherwise).
      if (dir === root) throw error;
      return;
    }
    watchers.set(dir, watcher);
    // The folder went away or the system ran out of watches: Eleventy's own watcher still rebuilds.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(dir);
    });
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) watchTree(child, initial);
      else if (!initial && entry.isFile() && accept(child)) report(child);
    }
  };
  watchTree(root, true);

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
