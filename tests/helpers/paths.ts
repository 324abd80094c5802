/**
 * The repository's folder, and temporary folders for tests. Apart from tests/helpers/run-cli.ts, so that
 * a test file that only needs these does not reach the helper that starts processes: npm test runs such
 * files together in one process (scripts/test-bundle.mjs, planProcesses).
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `opsnote-${prefix}-`));
}
