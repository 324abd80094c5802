/**
 * `npm run import -- --report <folder>`: builds a folder of posts into a throwaway output and tells
 * how migration went: posts built, and the build's warnings grouped by kind (src/import/group-warnings.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../cli/build-site.ts";
import { diagnosticsOf } from "../cli/errors.ts";
import { observeDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { site } from "../site.ts";
import { indexPosts } from "./post-index.ts";

export interface FolderReport {
  folder: string;
  postsBuilt: number;
  warnings: Diagnostic[];
  /** Problems that stopped the build. */
  errors: Diagnostic[];
}

export async function reportFolder(folder: string): Promise<FolderReport> {
  const output = await mkdtemp(path.join(tmpdir(), "opsnote-report-"));
  const warnings: Diagnostic[] = [];
  let errors: Diagnostic[] = [];
  const stopObserving = observeDiagnostics((diagnostic) => warnings.push(diagnostic));
  // The build's own warning lines and their grouped summary: the report prints them grouped itself.
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith("[opsnote] ")) originalWarn(...args);
  };
  try {
    await buildSite({ posts: folder, output: path.join(output, "site") });
  } catch (error) {
    errors = diagnosticsOf(error) ?? [{ severity: "error", file: folder, message: error instanceof Error ? error.message : String(error) }];
    // Eleventy marks a failed build with exitCode 1; the report decides the exit code itself.
    process.exitCode = 0;
  } finally {
    console.warn = originalWarn;
    stopObserving();
    await rm(output, { recursive: true, force: true });
  }
  const postsBuilt = errors.length > 0 ? 0 : (await indexPosts(path.resolve(folder), site)).posts.length;
  return { folder, postsBuilt, warnings, errors };
}
