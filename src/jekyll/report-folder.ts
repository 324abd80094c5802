/**
 * `npm run import -- --report <folder>`: builds a folder of posts into a throwaway output and tells
 * how migration went: posts built, and the build's warnings grouped by kind (the diagnostic's
 * field: `liquid`, `include`, `code`, `redirect_from`, `date`, …).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../cli/build-site.ts";
import { diagnosticsOf } from "../cli/errors.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { site } from "../site.ts";
import { indexPosts } from "./post-index.ts";

/** What each warning kind means, for the report; kinds not listed are printed by name. */
export const WARNING_KINDS: Readonly<Record<string, string>> = {
  liquid: "Liquid tag or object kept as written (not run)",
  include: "theme include kept as written",
  post_url: "{% post_url %} target not found",
  link: "{% link %} target not found",
  code: "unknown code language, shown as plain text",
  redirect_from: "redirect not written (not a path, or a real page is there)",
  date: "date with an impossible offset",
  last_modified_at: "updated date with an impossible offset",
  lastmod: "updated date with an impossible offset",
  updated: "updated date with an impossible offset",
};

export interface FolderReport {
  folder: string;
  postsBuilt: number;
  warnings: Diagnostic[];
  /** Problems that stopped the build. */
  errors: Diagnostic[];
}

/** The printed form is the only channel the build's warning printer has, so it is read back. */
const PRINTED = /^\[opsnote\] (.+?)(?::(\d+):\d+)? (warning|error) (?:([\w.-]+): )?(.*)$/s;

export function parsePrintedDiagnostic(line: string): Diagnostic | undefined {
  const match = PRINTED.exec(line);
  if (!match) return undefined;
  return {
    file: match[1]!, line: match[2] === undefined ? undefined : Number(match[2]),
    severity: match[3] as Diagnostic["severity"], field: match[4], message: match[5]!,
  };
}

export async function reportFolder(folder: string): Promise<FolderReport> {
  const output = await mkdtemp(path.join(tmpdir(), "opsnote-report-"));
  const warnings: Diagnostic[] = [];
  let errors: Diagnostic[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const diagnostic = parsePrintedDiagnostic(args.map(String).join(" "));
    if (diagnostic) warnings.push(diagnostic);
    else originalWarn(...args);
  };
  try {
    await buildSite({ posts: folder, output: path.join(output, "site") });
  } catch (error) {
    errors = diagnosticsOf(error) ?? [{ severity: "error", file: folder, message: error instanceof Error ? error.message : String(error) }];
    // Eleventy marks a failed build with exitCode 1; the report decides the exit code itself.
    process.exitCode = 0;
  } finally {
    console.warn = originalWarn;
    await rm(output, { recursive: true, force: true });
  }
  const postsBuilt = errors.length > 0 ? 0 : (await indexPosts(path.resolve(folder), site)).posts.length;
  return { folder, postsBuilt, warnings, errors };
}

/** Warnings grouped by kind, most frequent first. */
export function groupByKind(diagnostics: readonly Diagnostic[]): [string, Diagnostic[]][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const kind = d.field ?? "other";
    groups.set(kind, [...(groups.get(kind) ?? []), d]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
