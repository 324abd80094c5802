/**
 * A line of `<br>` tags alone, as Jekyll posts use it for space before a section:
 * `<br>\n<br>\n### 2. 회귀 모형`. kramdown reads `<br>` as span HTML, so the lines after it are still
 * markdown (a heading, a paragraph with `$…$` math). CommonMark starts an HTML block there (type 7)
 * that runs to the next blank line, and the heading showed as the text `### 2. 회귀 모형`.
 * This block rule (before `html_block`) emits such a line as HTML and leaves the next line to
 * markdown. Like an HTML block of that type, it never interrupts a paragraph: there `<br>` is
 * already inline HTML, and a heading on the next line already ends the paragraph.
 */
import type { MarkdownIt, StateBlock } from "markdown-it";

/** `<br>`, `<br/>` or `<br />`, one or more, and nothing else on the line. */
const LINE_BREAKS_ONLY = /^(?:<br\s*\/?>[ \t]*)+$/i;

function lineBreakLineRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // indented code
  const text = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]!);
  if (!LINE_BREAKS_ONLY.test(text)) return false;
  if (silent) return true;
  const token = state.push("html_block", "", 0);
  token.content = `${text}\n`;
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

export function lineBreakLinesPlugin(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "opsnote_line_break_line", lineBreakLineRule);
}
