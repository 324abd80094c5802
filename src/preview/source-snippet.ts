/**
 * The lines around an error with a caret under its column, as compilers print them:
 *
 *     1 | ---
 *     2 | title: "글
 *       |        ^
 *     3 | tags: [a]
 *
 * Shown under a diagnostic in the terminal and in the preview's error banner.
 */

export interface SnippetOptions {
  /** Lines shown before and after the error's line. @default 1 */
  context?: number;
  /** Longer lines are cut (a pasted base64 image is one line). @default 120 */
  maxWidth?: number;
}

/**
 * @param line 1-based line of the error
 * @param column 1-based column; without one, no caret is drawn
 * @returns the snippet's lines, or [] when the line is not in the text
 */
export function sourceSnippet(text: string, line: number, column?: number, { context = 1, maxWidth = 120 }: SnippetOptions = {}): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth)}…` : s);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${String(n).padStart(width)} | ${cut(lines[n - 1]!)}`.trimEnd());
    if (n === line && column !== undefined && column >= 1 && column <= maxWidth + 1) {
      // Tabs keep their width above the caret; other characters become spaces.
      const lead = lines[n - 1]!.slice(0, column - 1).replace(/[^\t]/g, " ");
      out.push(`${" ".repeat(width)} | ${lead}^`);
    }
  }
  return out;
}
