/**
 * The frame around a highlighted code block, and the per-line decorations the fence asked for.
 *
 * The highlighter's output is taken as it is (it may come from a cache) and decorated by line
 * index: shiki writes one `<span class="line">` per source line, separated by "\n" inside `<code>`,
 * and escapes every `<`, `>` and `&` of the code, so the lines can be split without an HTML parser.
 */
import type { CodeMeta, LineMark } from "./code-meta.ts";
import type { SessionLine } from "./console-session.ts";

export interface CodeFrameInput {
  /** `<pre class="shiki …"><code>…</code></pre>` from the highlighter. */
  html: string;
  /** Language label as the author wrote it, lower-cased; "" for none. */
  label: string;
  meta: CodeMeta;
  /** Notation marks by 0-based line index. */
  marks?: ReadonlyMap<number, ReadonlySet<LineMark>>;
  /** For shell sessions: which lines are commands and how long their prompts are. */
  session?: readonly SessionLine[];
  escapeHtml: (text: string) => string;
}

const LINE_OPEN = '<span class="line">';
const CLASS_OF: Record<LineMark, string> = { highlighted: "highlighted", add: "diff add", remove: "diff remove" };

/**
 * Removes the first `count` characters of text from a line's HTML (entities count as one) and
 * returns them, unescaped, with the remaining HTML. Tags are kept; spans left empty are dropped.
 */
export function takeLeadingText(lineHtml: string, count: number): { taken: string; rest: string } {
  let taken = "";
  let rest = "";
  let i = 0;
  while (i < lineHtml.length) {
    if (lineHtml[i] === "<") {
      const end = lineHtml.indexOf(">", i);
      rest += lineHtml.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const entity = lineHtml[i] === "&" ? /^&(?:#\d+|#x[\da-f]+|\w+);/i.exec(lineHtml.slice(i)) : null;
    const piece = entity ? entity[0] : lineHtml[i]!;
    if (taken.length < count) taken += unescapeEntity(piece);
    else rest += piece;
    i += piece.length;
  }
  return { taken, rest: rest.replace(/<span[^>]*><\/span>/g, "") };
}

function unescapeEntity(piece: string): string {
  if (!piece.startsWith("&") || piece.length === 1) return piece;
  const named: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&apos;": "'" };
  if (piece in named) return named[piece]!;
  const hex = /^&#x([\da-f]+);$/i.exec(piece);
  if (hex) return String.fromCodePoint(parseInt(hex[1]!, 16));
  const dec = /^&#(\d+);$/.exec(piece);
  return dec ? String.fromCodePoint(Number(dec[1])) : piece;
}

/** Adds line classes, prompt spans and pre classes to shiki's HTML. */
export function decorateLines(input: Pick<CodeFrameInput, "html" | "meta" | "marks" | "session" | "escapeHtml">): string {
  const { html, meta, marks, session, escapeHtml } = input;
  const start = html.indexOf("<code>");
  const end = html.lastIndexOf("</code>");
  if (start === -1 || end === -1) return html;
  const highlighted = new Set(meta.highlightLines);
  const preClasses = new Set<string>();
  const lines = html.slice(start + "<code>".length, end).split("\n").map((line, index) => {
    if (!line.startsWith(LINE_OPEN)) return line;
    const classes = ["line"];
    if (highlighted.has(index + 1)) classes.push("highlighted");
    for (const mark of marks?.get(index) ?? []) classes.push(CLASS_OF[mark]);
    const info = session?.[index];
    if (info?.kind === "output") classes.push("output");
    if (classes.includes("highlighted")) preClasses.add("has-highlighted");
    if (classes.some((name) => name.startsWith("diff"))) preClasses.add("has-diff");
    let body = line.slice(LINE_OPEN.length);
    if (info && info.promptLength > 0) {
      const { taken, rest } = takeLeadingText(body, info.promptLength);
      body = `<span class="prompt" aria-hidden="true">${escapeHtml(taken)}</span>${rest}`;
    }
    return `<span class="${[...new Set(classes)].join(" ")}">${body}`;
  });
  let pre = html.slice(0, start);
  if (preClasses.size > 0) pre = pre.replace('class="shiki', `class="shiki ${[...preClasses].join(" ")}`);
  return `${pre}<code>${lines.join("\n")}${html.slice(end)}`;
}

/**
 * The block as the page shows it: a header with the title and the language label (the copy
 * button is added there by the page's script), then the decorated `<pre>`.
 */
export function renderCodeFrame(input: CodeFrameInput): string {
  const { label, meta, session, escapeHtml } = input;
  const classes = ["code-block"];
  if (meta.lineNumbers) classes.push("code-block--numbered");
  const attributes = [`class="${classes.join(" ")}"`, `data-lang="${escapeHtml(label)}"`];
  if (session) attributes.push('data-copy="commands"');
  if (meta.title !== undefined) attributes.push(`data-title="${escapeHtml(meta.title)}"`);
  // Line numbers are a CSS counter: they are never selected or copied with the code.
  if (meta.lineNumbers && meta.firstLine !== 1) attributes.push(`style="counter-reset:line ${meta.firstLine - 1}"`);
  const title = meta.title === undefined ? "" : `<span class="code-block__title">${escapeHtml(meta.title)}</span>`;
  const lang = label === "" ? "" : `<span class="code-block__lang">${escapeHtml(label)}</span>`;
  return `<div ${attributes.join(" ")}><div class="code-block__header">${title}${lang}</div>${decorateLines(input)}</div>\n`;
}
