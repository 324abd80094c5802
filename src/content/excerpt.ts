/**
 * The excerpt a post marks itself with `<!--more-->` (Jekyll's `excerpt_separator` as Minimal
 * Mistakes and Chirpy configure it, Hugo's summary divider, Zola's `<!-- more -->`), as plain text
 * for list pages, feeds and `<meta name="description">`.
 */

const MORE_MARKER = /^[ \t]*<!--\s*more\s*-->[ \t]*$/im;

/** Markup removed so only what a reader would read is left. */
function toPlainText(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, " ") // fenced code
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, " ") // Liquid
    .replace(/^\{:[^}\n]*\}[ \t]*$/gm, " ") // kramdown attribute lists
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/^[ \t]*(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, "")
    .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Plain text before `<!--more-->`, or undefined when the body has no marker (or nothing before it). */
export function excerptBeforeMore(markdown: string): string | undefined {
  const match = MORE_MARKER.exec(markdown);
  if (!match) return undefined;
  const text = toPlainText(markdown.slice(0, match.index));
  return text === "" ? undefined : text;
}
