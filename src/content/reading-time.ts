/**
 * Reading time for Korean technical prose.
 *
 * Prose is counted in eojeol (space-separated words, the unit Korean reading-speed studies use)
 * at `PROSE_EOJEOL_PER_MINUTE`. Code is not read word by word: each line of a code block counts
 * at `CODE_LINES_PER_MINUTE`, so a post that is mostly a long YAML manifest is not reported as a
 * one-minute read. Markup (front matter, URLs of links and images, HTML tags) is not counted.
 */

/** Korean adults read roughly 200–250 eojeol a minute; technical text sits at the low end. */
export const PROSE_EOJEOL_PER_MINUTE = 220;
/** Lines of code skimmed a minute. */
export const CODE_LINES_PER_MINUTE = 40;

export interface ReadingStats {
  eojeol: number;
  codeLines: number;
  minutes: number;
}

/** Counts a markdown body (front matter already removed). */
export function readingStats(markdown: string): ReadingStats {
  let codeLines = 0;
  const prose: string[] = [];
  let fence: string | undefined;
  for (const written of markdown.split(/\r?\n/)) {
    // A fence in a blockquote (`> ~~~`) or a list item (indented) is code too.
    const line = written.replace(/^(?:\s{0,3}>)+ ?/, "");
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker !== undefined) {
      fence = marker;
    } else if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
      } else if (line.trim() !== "") {
        codeLines += 1;
      }
    } else {
      prose.push(line);
    }
  }
  const text = prose
    .join("\n")
    .replace(/\{:[^}\n]*\}/g, " ") // kramdown attribute lists are markup
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/\|/g, " ")
    // Emphasis and code marks sit inside an eojeol (`**인그레스**는`, `` `Pod`를 ``): drop them, do not split.
    .replace(/[#>*_`~-]+/g, "");
  const eojeol = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const minutes = Math.max(1, Math.round(eojeol / PROSE_EOJEOL_PER_MINUTE + codeLines / CODE_LINES_PER_MINUTE));
  return { eojeol, codeLines, minutes };
}
