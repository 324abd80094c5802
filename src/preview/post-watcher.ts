/**
 * Watches the posts folder for the fast path, quicker than Eleventy's watcher: chokidar waits for a
 * file to stay unchanged for 150 ms (`awaitWriteFinish`) before it reports it. Here a save is
 * reported once no event came for `settleMs`: an editor's save is a truncate and a write (or a
 * write to a temporary file and a rename) within a millisecond or two.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface PostWatcherOptions {
  /** Quiet time after the last event before the files are reported. @default 15 */
  settleMs?: number;
  /** Which files to report. */
  accept(file: string): boolean;
  /** The files (absolute) that changed, were created or were removed since the last call. */
  onChange(files: string[]): void;
}

export function watchPosts(folder: string, { settleMs = 15, accept, onChange }: PostWatcherOptions): FSWatcher {
  const root = path.resolve(folder);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    if (name === null) return;
    const file = path.join(root, name.toString());
    if (!accept(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending = new Set();
      onChange(files);
    }, settleMs);
  });
  watcher.on("close", () => clearTimeout(timer));
  // The folder went away or the system ran out of watches: Eleventy's own watcher still rebuilds.
  watcher.on("error", () => watcher.close());
  return watcher;
}
