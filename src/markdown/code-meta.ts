/**
 * What a code fence asks for beyond its language: a title, line numbers, highlighted lines, and
 * shiki-style notation comments (`// [!code ++]`). All of it is read BEFORE highlighting, so the
 * highlighter stays a pure `(code, language) -> html` function that can be cached by its input;
 * the decorations are applied to its output afterwards (see code-frame.ts).
 */

export interface CodeMeta {
  /** A file name or caption shown above the block. Set by `title="…"` or, from Jekyll, `file="…"`. */
  title?: string;
  /** Show line numbers. @default false */
  lineNumbers: boolean;
  /** Number of the first line when line numbers are shown. @default 1 */
  firstLine: number;
  /** 1-based lines to highlight, from `{1,3-5}`. @default [] */
  highlightLines: number[];
}

/** How one displayed line is marked after notation comments are taken out. */
export type LineMark = "highlighted" | "add" | "remove";

export interface CodeNotation {
  /** The code without its notation comments: this is what gets highlighted. */
  code: string;
  /** Marks by 0-based line index of `code`. */
  marks: Map<number, Set<LineMark>>;
}

const QUOTED = String.raw`"([^"]*)"|'([^']*)'|(\S+)`;
const TITLE = new RegExp(String.raw`(?:^|\s)(?:title|file)=(?:${QUOTED})`);
const RANGES = /(?:^|\s)\{([\d\s,-]+)\}(?=\s|$)/;
const LINE_NUMBERS = /(?:^|\s)(?:showLineNumbers|linenos|lineNumbers)(?:\{(\d+)\}|=(\d+))?(?=\s|$)/;
/** A line range is capped, so `{1-99999999}` in a typo cannot allocate a huge array. */
const MAX_LINE = 100_000;

/** Expands `1,3-5` to `[1, 3, 4, 5]` (sorted, without duplicates). */
export function parseLineRanges(text: string): number[] {
  const lines = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) continue;
    const from = Number(match[1]);
    const to = Math.min(MAX_LINE, match[2] === undefined ? from : Number(match[2]));
    for (let line = from; line <= to; line++) if (line >= 1) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Reads the text after the language in a fence's info string.
 * @example parseCodeMeta('title="deployment.yaml" {1,3-5} showLineNumbers')
 *   // { title: "deployment.yaml", lineNumbers: true, firstLine: 1, highlightLines: [1, 3, 4, 5] }
 */
export function parseCodeMeta(meta: string): CodeMeta {
  const title = TITLE.exec(meta);
  const ranges = RANGES.exec(meta);
  const numbers = LINE_NUMBERS.exec(meta);
  const titleText = title ? (title[1] ?? title[2] ?? title[3] ?? "").trim() : "";
  return {
    ...(titleText === "" ? {} : { title: titleText }),
    lineNumbers: numbers !== null,
    firstLine: Math.max(1, Number(numbers?.[1] ?? numbers?.[2] ?? 1)),
    highlightLines: ranges ? parseLineRanges(ranges[1]!) : [],
  };
}

/**
 * `// [!code ++]`, `# [!code --]`, `<!-- [!code highlight] -->`, `-- [!code hl:2]` at the end of a line,
 * with the comment syntaxes of the languages a DevOps note uses.
 */
const NOTATION = /\s*(?:\/\/|#|--|;|<!--|\/\*)\s*\[!code (\+\+|--|highlight|hl)(?::(\d+))?\]\s*(?:-->|\*\/)?\s*$/;

const MARK_OF: Record<string, LineMark> = { "++": "add", "--": "remove", highlight: "highlighted", hl: "highlighted" };

/**
 * Takes shiki's notation comments out of the code and returns where they were.
 * A notation alone on its line marks the next line(s) and the line is dropped, as shiki does;
 * `[!code highlight:3]` marks three lines starting with its own.
 */
export function extractCodeNotation(code: string): CodeNotation {
  const output: string[] = [];
  const marks = new Map<number, Set<LineMark>>();
  let pending: { mark: LineMark; count: number }[] = [];
  const mark = (index: number, value: LineMark) => {
    const set = marks.get(index) ?? new Set<LineMark>();
    set.add(value);
    marks.set(index, set);
  };
  for (const line of code.split("\n")) {
    const match = NOTATION.exec(line);
    const stripped = match ? line.slice(0, match.index) : line;
    if (match && stripped.trim() === "") {
      pending.push({ mark: MARK_OF[match[1]!]!, count: Number(match[2] ?? 1) });
      continue;
    }
    const index = output.length;
    output.push(stripped);
    if (match) pending.push({ mark: MARK_OF[match[1]!]!, count: Number(match[2] ?? 1) });
    for (const item of pending) mark(index, item.mark);
    pending = pending.map((item) => ({ ...item, count: item.count - 1 })).filter((item) => item.count > 0);
  }
  return { code: output.join("\n"), marks };
}
