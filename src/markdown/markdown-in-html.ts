/**
 * kramdown's `markdown="1"` on an HTML block: `<div class="notice" markdown="1">` … `</div>` holds
 * markdown, which kramdown renders. CommonMark ends an HTML block at the first blank line and
 * never renders markdown inside it, so such a block would show raw `**bold**` and half-HTML.
 * This block rule (before `html_block`) emits the tags as HTML and tokenizes the lines between
 * them as markdown. The opening and the closing tag must each sit on their own line, as kramdown
 * documents them; other shapes are left to CommonMark.
 */
import type { MarkdownIt, StateBlock } from "markdown-it";

const OPEN_TAG = /^<([a-zA-Z][\w-]*)(\s[^>]*?)?\s+markdown=(?:"(?:1|block|span)"|'(?:1|block|span)'|1)([^>]*)>\s*$/;

function markdownInHtmlRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
  const open = OPEN_TAG.exec(lineText(startLine));
  if (!open) return false;
  const tag = open[1]!.toLowerCase();
  const opens = new RegExp(`<${tag}(?:\\s[^>]*)?>`, "gi");
  const closes = new RegExp(`</${tag}\\s*>`, "gi");
  let depth = 1;
  let closeLine = -1;
  for (let line = startLine + 1; line < endLine; line++) {
    const text = lineText(line);
    depth += (text.match(opens)?.length ?? 0) - (text.match(closes)?.length ?? 0);
    if (depth <= 0) {
      if (/^<\/[a-zA-Z][\w-]*\s*>\s*$/.test(text)) closeLine = line;
      break;
    }
  }
  if (closeLine === -1) return false;
  if (silent) return true;

  const openToken = state.push("html_block", "", 0);
  openToken.content = `<${open[1]}${open[2] ?? ""}${open[3] ?? ""}>\n`;
  openToken.map = [startLine, startLine + 1];
  // Ending the inner markdown at the closing tag's line keeps a paragraph from running into it.
  const oldLineMax = state.lineMax;
  state.lineMax = closeLine;
  state.md.block.tokenize(state, startLine + 1, closeLine);
  state.lineMax = oldLineMax;
  const closeToken = state.push("html_block", "", 0);
  closeToken.content = `${lineText(closeLine)}\n`;
  closeToken.map = [closeLine, closeLine + 1];
  state.line = closeLine + 1;
  return true;
}

export function markdownInHtmlPlugin(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "opsnote_markdown_in_html", markdownInHtmlRule, {
    alt: ["paragraph", "reference", "blockquote"],
  });
}
