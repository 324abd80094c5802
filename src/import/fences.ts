/**
 * Fenced code blocks as CommonMark reads them, a line at a time, for the import's line-based edits
 * and reports (what a code block shows is text: never converted, rewritten or reported).
 *
 * Why by hand: the import edits the post's own text line by line and must leave every other byte as
 * written, where markdown-it gives tokens of a rendered document. Three rules of the spec that the
 * import's earlier `startsWith` trackers missed, each seen on a real blog: a backtick fence's info
 * string has no backtick (sangho0n's "```TargetActor```란 …" is inline code, not a fence); only a bare
 * run of the opening character, at least as long, closes a fence ("```python" inside a "```" block is
 * text, urfreein's guide); a tilde fence is closed by tildes only.
 */

/** What a line is: a fence line (opening or closing), a line of code inside a fence, or text. */
export type FenceLine = "fence" | "code" | "text";

const FENCE_LINE = /^[ \t>]*(`{3,}|~{3,})(.*)$/;

/** Whether `line` opens a fenced code block where no fence is open (inside a blockquote too). */
export function opensFence(line: string): boolean {
  const [, marker, rest = ""] = FENCE_LINE.exec(line) ?? [];
  return marker !== undefined && !(marker.startsWith("`") && rest.includes("`"));
}

/** Reads lines in order and says what each one is; `open` says whether a fence is open after the last line read. */
export interface FenceTracker {
  read(line: string): FenceLine;
  readonly open: boolean;
}

export function fenceTracker(): FenceTracker {
  let fence: string | undefined;
  return {
    get open() {
      return fence !== undefined;
    },
    read(line) {
      if (fence === undefined) {
        if (!opensFence(line)) return "text";
        fence = FENCE_LINE.exec(line)![1]!;
        return "fence";
      }
      const [, marker, rest = ""] = FENCE_LINE.exec(line) ?? [];
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && rest.trim() === "") {
        fence = undefined;
        return "fence";
      }
      return "code";
    },
  };
}
