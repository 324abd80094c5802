/**
 * Problems found in a post, in the compiler-style form every opsnote command prints:
 * `posts/x.md:3:1 error tags: expected a list of strings`.
 */
import path from "node:path";
import type { DiagnosticKind } from "./kinds.ts";
import { decodeTarget } from "../urls/decode-target.ts";

export type { DiagnosticKind } from "./kinds.ts";

/** `info` notes something deliberate but worth knowing (a scheduled post); it never fails anything. */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Path of the source file, as given (relative paths are kept relative). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  column?: number;
  /** Front-matter field or construct the problem is about, e.g. `tags` or `code`. */
  field?: string;
  message: string;
  /**
   * What sort of problem it is, for grouping and for the build policy (src/diagnostics/kinds.ts):
   * `broken-link`, `missing-image`, `unknown-anchor`, …; absent for problems that are not classified.
   */
  kind?: DiagnosticKind;
  /** The link target or file the problem is about, as written (decoded), for grouping by URL shape. */
  target?: string;
}

/**
 * `./posts/x.md` -> `posts/x.md`: paths inside the working directory are shown relative, others
 * absolute, however they were given (`../../tmp/x.md` and `/tmp/x.md` print the same).
 */
export function displayPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? displayPath(d.file) : `${displayPath(d.file)}:${d.line}:${d.column ?? 1}`;
  return `${where} ${d.severity} ${d.field ? `${d.field}: ` : ""}${d.message}`;
}

/** An error that carries its diagnostics, so a build failure prints them and not a stack trace. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = diagnostics;
  }
}

export type DiagnosticSink = (diagnostic: Diagnostic) => void;

/** One problem, however worded: a classified problem found by two plugins (`check` and the image renderer) is one. */
function problemKey(d: Diagnostic): string | undefined {
  if (d.kind === undefined || d.target === undefined || d.line === undefined) return undefined;
  return [displayPath(d.file), d.line, d.kind, decodeTarget(d.target)].join("\0");
}

const observers = new Set<DiagnosticSink>();

/**
 * Calls `observer` with every diagnostic a warning printer prints, until the returned function is
 * called: how `npm run import -- --report` receives the build's warnings as objects (with their kind),
 * not as printed text to parse back.
 */
export function observeDiagnostics(observer: DiagnosticSink): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/**
 * Prints warnings once per file, line and message: Eleventy may render a page more than once
 * (serve mode re-runs), and a repeated warning hides new ones. A classified problem is printed once
 * per file, line, kind and target, whichever part of the build found it first.
 */
export function createWarningPrinter(write: (line: string) => void = (line) => console.warn(line)): DiagnosticSink & {
  reset(): void;
} {
  const seen = new Set<string>();
  const sink = (diagnostic: Diagnostic) => {
    const text = formatDiagnostic(diagnostic);
    const problem = problemKey(diagnostic);
    if (seen.has(text) || (problem !== undefined && seen.has(problem))) return;
    seen.add(text);
    if (problem !== undefined) seen.add(problem);
    for (const observer of observers) observer(diagnostic);
    write(`[opsnote] ${text}`);
  };
  sink.reset = () => seen.clear();
  return sink;
}
