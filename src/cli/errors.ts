/**
 * Turns whatever a failed Eleventy build threw into lines a blogger can act on. Eleventy wraps the
 * real error in several layers (`originalError` / `cause`); a DiagnosticError anywhere in that
 * chain is printed as its compiler-style lines, without a stack trace.
 */
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
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

/** Lines to print for a failed build: diagnostics when known, else the chain of messages. */
export function describeBuildError(error: unknown, verbose = false): string[] {
  const diagnostics = diagnosticsOf(error);
  if (diagnostics) return diagnostics.map(formatDiagnostic);
  const chain = errorChain(error);
  const lines = chain.map((e) => (e instanceof Error ? e.message : String(e)));
  const innermost = chain.at(-1);
  if (verbose && innermost instanceof Error && innermost.stack) lines.push(innermost.stack);
  return lines;
}
