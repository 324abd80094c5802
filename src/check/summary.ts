import type { Diagnostic } from "../diagnostics/diagnostic.ts";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** `12 posts, 1 error, 3 warnings` (`, 2 info` when there are any). */
export function summarise(report: { posts: number; diagnostics: readonly Diagnostic[] }) {
  const count = (severity: Diagnostic["severity"]) => report.diagnostics.filter((d) => d.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  const notes = count("info");
  const text = `${plural(report.posts, "post")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}${notes > 0 ? `, ${notes} info` : ""}`;
  return { errors, warnings, notes, text };
}
