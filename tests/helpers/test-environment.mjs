// Plain JavaScript: worker threads inherit the test process's --import flags, and a worker cannot load a .ts file there.
/**
 * Loaded into every test file's process (`npm test` passes `--import ./tests/helpers/test-environment.mjs`).
 * Test files run in parallel, so each process gets build caches of its own: a file never reads an entry
 * another file is writing, a test never depends on which file ran before it, and the repository's `.cache/`
 * (the blogger's own warm cache) is left alone. (The files that share a process, scripts/test-bundle.mjs,
 * share its caches too: their builds may overlap, and each cache file is written whole and renamed into
 * place, so a build reads a complete file or none.) Builds a test starts in a child process inherit it.
 * A file that sets OPSNOTE_CACHE_DIR itself still wins.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Node's test runner sets NODE_TEST_CONTEXT in the processes it starts for test files; the runner itself
// (which only spawns them) is left alone so that it does not hand one folder to every file.
// The file's temporary folders go inside one folder of its own too (TMPDIR, which `os.tmpdir()` reads
// on every call and the commands it starts inherit), removed when the file's process ends: a test that
// fails, or forgets its `after`, leaves nothing in /tmp. A run used to leave about 90 folders there.
if (process.env.NODE_TEST_CONTEXT !== undefined && process.env.OPSNOTE_TEST_CACHE_OWNER === undefined) {
  const root = mkdtempSync(path.join(tmpdir(), "opsnote-test-"));
  const folder = path.join(root, "cache");
  mkdirSync(folder);
  process.env.OPSNOTE_CACHE_DIR = folder;
  process.env.OPSNOTE_TEST_CACHE_OWNER = String(process.pid);
  process.env.TMPDIR = path.join(root, "tmp");
  mkdirSync(process.env.TMPDIR);
  process.on("exit", () => rmSync(root, { recursive: true, force: true }));
}
