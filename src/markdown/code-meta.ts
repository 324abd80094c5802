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
 * A fence's info string split into the language and the rest:
 * `yaml title="deployment.yaml" {1,3}` -> `{ name: "yaml", meta: 'title="deployment.yaml" {1,3}' }`.
 * Zola's `rust,linenos,hl_lines=1 3-5` -> `{ name: "rust", meta: "linenos,hl_lines=1 3-5" }`;
 * Hugo's `{linenos=table}` with no language -> `{ name: "", meta: "{linenos=table}" }`.
 */
export function parseFenceInfo(info: string): { name: string; meta: string } {
  const trimmed = info.trim();
  if (trimmed.startsWith("{")) return { name: "", meta: trimmed };
  const match = /^(\S*)\s*(.*)$/s.exec(trimmed);
  const name = match?.[1] ?? "";
  const comma = name.indexOf(",");
  if (comma !== -1) return { name: name.slice(0, comma), meta: trimmed.slice(comma + 1).trim() };
  return { name, meta: match?.[2] ?? "" };
}

/** Hugo's options, `{linenos=table,hl_lines=[2,"4-5"],linenostart=10}`: keys lower-cased, values unquoted. */
const HUGO_OPTIONS = /(?:^|\s)\{([^{}]*=[^{}]*)\}(?=\s|$)/;
const HUGO_OPTION = /([A-Za-z_]+)\s*=\s*(\[[^\]]*\]|"[^"]*"|'[^']*'|[^\s,]+)/g;
/** Zola's comma-separated annotations after the language: `linenos`, `linenostart=10`, `hl_lines=1 3-5`, `name=x`. */
const ZOLA_ANNOTATION = /^\s*([a-z_]+)(?:\s*=\s*(.*?))?\s*$/;

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** `[2,"4-5"]`, `"2 4-5"`, `2` -> "2,4-5" (a range list for parseLineRanges). */
function hugoLineRanges(value: string): string {
  return unquote(value).replace(/^\[|\]$/g, "").split(/[\s,]+/).map((part) => unquote(part.trim())).filter((part) => part !== "").join(",");
}

/** Options in the form Hugo or Zola write them, or undefined when the meta is in neither form. */
function parseHugoOrZola(meta: string): Partial<CodeMeta> | undefined {
  const hugo = HUGO_OPTIONS.exec(meta);
  if (hugo) {
    const options = new Map<string, string>();
    for (const [, key, value] of hugo[1]!.matchAll(HUGO_OPTION)) options.set(key!.toLowerCase(), value!);
    const linenos = unquote(options.get("linenos") ?? "false").toLowerCase();
    const firstLine = Math.max(1, Number(unquote(options.get("linenostart") ?? "1")) || 1);
    // Chroma numbers the highlighted lines as it displays them, from linenostart on.
    const highlight = options.get("hl_lines");
    const result: Partial<CodeMeta> = {
      lineNumbers: ["true", "table", "inline"].includes(linenos),
      firstLine,
      highlightLines: highlight === undefined ? [] : parseLineRanges(hugoLineRanges(highlight)).map((line) => line - firstLine + 1).filter((line) => line >= 1),
    };
    const title = options.get("title");
    return title === undefined || unquote(title).trim() === "" ? result : { ...result, title: unquote(title).trim() };
  }
  const annotations = meta.split(",").map((part) => ZOLA_ANNOTATION.exec(part));
  const known = new Set(["linenos", "linenostart", "hl_lines", "hide_lines", "name"]);
  if (meta.trim() === "" || !annotations.every((a) => a !== null && known.has(a[1]!))) return undefined;
  const values = new Map(annotations.map((a) => [a![1]!, a![2] ?? ""]));
  const name = unquote(values.get("name") ?? "").trim();
  return {
    ...(name === "" ? {} : { title: name }),
    lineNumbers: values.has("linenos"),
    firstLine: Math.max(1, Number(values.get("linenostart") ?? "1") || 1),
    // Zola counts hl_lines from the block's first line, whatever linenostart says.
    highlightLines: parseLineRanges((values.get("hl_lines") ?? "").trim().split(/\s+/).join(",")),
  };
}

/**
 * Reads the text after the language in a fence's info string: opsnote's own form, Hugo's
 * `{linenos=table,hl_lines=[2,"4-5"],linenostart=10}` or Zola's `linenos,hl_lines=1 3-5`.
 * @example parseCodeMeta('title="deployment.yaml" {1,3-5} showLineNumbers')
 *   // { title: "deployment.yaml", lineNumbers: true, firstLine: 1, highlightLines: [1, 3, 4, 5] }
 */
export function parseCodeMeta(meta: string): CodeMeta {
  const foreign = parseHugoOrZola(meta);
  const title = TITLE.exec(meta);
  const ranges = RANGES.exec(meta);
  const numbers = LINE_NUMBERS.exec(meta);
  const titleText = title ? (title[1] ?? title[2] ?? title[3] ?? "").trim() : "";
  const own: CodeMeta = {
    ...(titleText === "" ? {} : { title: titleText }),
    lineNumbers: numbers !== null,
    firstLine: Math.max(1, Number(numbers?.[1] ?? numbers?.[2] ?? 1)),
    highlightLines: ranges ? parseLineRanges(ranges[1]!) : [],
  };
  if (!foreign) return own;
  // Hugo's options may sit beside opsnote's own `title="…"`; theirs win for what they set.
  const { title: foreignTitle, ...rest } = foreign;
  const merged: CodeMeta = { ...own, ...rest };
  if (foreignTitle !== undefined) merged.title = foreignTitle;
  return merged;
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
