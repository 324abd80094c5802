/**
 * Turns whatever a failed Eleventy build threw into lines a blogger can act on. Eleventy wraps the
 * real error in several layers (`originalError` / `cause`); a DiagnosticError anywhere in that
 * chain is printed as its compiler-style lines, without a stack trace.
 */
import { readFileSync } from "node:fs";
import { DiagnosticError, displayPath, formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { sourceSnippet } from "../preview/source-snippet.ts";
import { strings } from "../ui/strings.ts";
import { unsupportedLanguageOf } from "../content/front-matter.ts";

function causeOf(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { originalError?: unknown; cause?: unknown };
  return e.originalError ?? e.cause;
}

/** Every error in the chain, outermost first. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 20; current = causeOf(current)) chain.push(current);
  return chain;
}

/**
 * A front-matter language no engine reads (`---toml`): gray-matter throws a bare "engine … is not
 * registered" and Eleventy wraps it in a message holding the path (the build test pins both).
 */
function unknownLanguageOf(chain: readonly unknown[]): Diagnostic | undefined {
  const messages = chain.map((e) => (e instanceof Error ? e.message : ""));
  const file = messages.map((m) => /^Having trouble reading front matter from template (.+)$/.exec(m)?.[1]).find((f) => f !== undefined);
  if (file === undefined) return undefined;
  return chain.map((e) => unsupportedLanguageOf(e, file)).find((d) => d !== undefined);
}

/** The diagnostics carried anywhere in the chain, if any. */
export function diagnosticsOf(error: unknown): Diagnostic[] | undefined {
  const chain = errorChain(error);
  const found = chain.find((e): e is DiagnosticError => e instanceof DiagnosticError);
  if (found) return found.diagnostics;
  const unknownLanguage = unknownLanguageOf(chain);
  return unknownLanguage ? [unknownLanguage] : undefined;
}

/** Diagnostics past this many are printed without their snippet: a build with many errors stays readable. */
const SNIPPETS_SHOWN = 10;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The lines around a diagnostic's place in its file, caret under the column, indented; [] without a line. */
export function snippetOf(d: Diagnostic, read: (file: string) => string | undefined = readText): string[] {
  if (d.line === undefined) return [];
  const text = read(d.file);
  return text === undefined ? [] : sourceSnippet(text, d.line, d.column).map((line) => `    ${line}`);
}

/** A failed build as the terminal and the preview's banner show it. */
export interface FailureReport {
  /** One line per problem, as the terminal shows it (and `check` printed it, when it found it first). */
  lines: string[];
  /** The snippet under each of `lines` (empty when none). */
  snippets: string[][];
  /** The banner's lines, in Korean, snippets included. */
  banner: string[];
}

export function describeFailure(error: unknown, read: (file: string) => string | undefined = readText): FailureReport {
  const diagnostics = diagnosticsOf(error);
  if (!diagnostics) {
    const lines = describeBuildError(error);
    return { lines, snippets: lines.map(() => []), banner: lines };
  }
  const snippets = diagnostics.map((d, i) => (i < SNIPPETS_SHOWN ? snippetOf(d, read) : []));
  const banner = diagnostics.flatMap((d, i) => {
    const field = d.field === undefined ? "" : `${strings.preview.field[d.field] ?? d.field}: `;
    const head = `${strings.preview.where(displayPath(d.file), d.line, d.line === undefined ? undefined : d.column ?? 1)} · ${strings.preview.severity[d.severity] ?? d.severity} · ${field}${strings.preview.message(d.message)}`;
    return [head, ...snippets[i]!];
  });
  return { lines: diagnostics.map(formatDiagnostic), snippets, banner };
}

/** Lines to print for a failed build: diagnostics (each with its source snippet) when known, else the chain of messages. */
export function describeBuildError(error: unknown, verbose = false): string[] {
  const diagnostics = diagnosticsOf(error);
  if (diagnostics) return diagnostics.flatMap((d, i) => [formatDiagnostic(d), ...(i < SNIPPETS_SHOWN ? snippetOf(d) : [])]);
  const chain = errorChain(error);
  const lines = chain.map((e) => (e instanceof Error ? e.message : String(e)));
  const innermost = chain.at(-1);
  if (verbose && innermost instanceof Error && innermost.stack) lines.push(innermost.stack);
  return lines;
}
