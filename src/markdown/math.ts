/**
 * TeX math rendered at build time with KaTeX: the page needs the KaTeX stylesheet and fonts, no script.
 *
 * Delimiters, as Jekyll's kramdown + MathJax blogs (Chirpy, Minimal Mistakes) write them:
 * - `$$ … $$` starting a line: display math (one line or many, in list items and quotes too);
 *   `$$ … $$` inside a line: inline math (kramdown's reading). Always on, as kramdown has it.
 *   Inside a paragraph (a list item's or a quote's lazy lines, `다음과 같다. $$` at a line's end),
 *   a `$$ … $$` whose delimiters each begin or end a line is display math: MathJax lays its
 *   `align*` out as a block, and KaTeX takes `align*` in display mode only. A `$$` alone on its
 *   line that nothing closes stays text, with a warning.
 * - `\[ … \]` display and `\( … \)` inline: always on.
 * - `\$$ … $$`: inline math (Chirpy's documented way to start a list item with inline math).
 * - `$ … $` inline: only where the post says `math: true` (or `use_math: true`, Minimal
 *   Mistakes' custom), or the site setting `math` is on. A shell post's `$HOME` and prices stay text:
 *   the opening `$` must be followed by a non-space and the closing one preceded by one, unless the
 *   formula is TeX without another `$` in it (MathJax's `$ \hat\mu $는`), and the closing one not
 *   followed by an ASCII letter or digit (`$HOME/$USER`, `$5 and $10`, `$ x $` are not math; `$x$는` is).
 * Nothing inside code spans, fenced or indented code is read as math (those rules run first).
 *
 * Written here rather than taken from `@mdit/plugin-tex` or `markdown-it-texmath`: neither lets
 * `$ … $` be switched per post while `$$` stays on (one delimiter setting per instance), the first
 * declares markdown-it 14 as its peer and brings @types/markdown-it (which clashes with the types
 * markdown-it 15 bundles), its unclosed `$$` swallows the rest of the list or quote, it has no
 * inline `$$ … $$`, and neither gives the renderer the source line an invalid formula's warning needs.
 *
 * Invalid TeX never fails the build: the source is shown as written, with the class `math-error`,
 * and a `file:line:col warning math: …` goes to the diagnostic sink.
 *
 * A `\newcommand` or `\def` lasts for the rest of its page, as with MathJax. A formula's HTML is kept
 * across builds (`.cache/math`), except on pages that define macros.
 */
import katex, { type KatexOptions } from "katex";
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from "markdown-it";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { sourceLocation, type MarkdownEnv } from "./env.ts";
import { markPageFeature } from "./page-features.ts";
import { enableOf, flag } from "../content/schema.ts";

/** Rendered formulas by TeX, mode and KaTeX version (the highlight cache's store fits: highlight-cache.ts). */
export interface MathRenderCache {
  keyOf(tex: string, mode: string): string;
  read(key: string): string | undefined;
  write(key: string, html: string): void;
}

/** Bump when the HTML this file makes of a formula changes (KaTeX options, the pagefind attribute). */
const RENDER_VERSION = "math/1";

/** Everything besides the TeX and the mode that decides a cached formula's HTML. */
export function mathCacheSalt(): string {
  return JSON.stringify({ renderer: RENDER_VERSION, katex: katex.version });
}

/**
 * A formula that defines a macro changes the page's later formulas, and one read while the page has
 * definitions may use them: those are rendered every time, never taken from the cache.
 */
const DEFINES_MACRO = /\\(?:[gex]?def|global|let|futurelet|(?:re|provide)?newcommand)(?![a-zA-Z])/;

export interface MathOptions {
  /** Receives a warning for each formula KaTeX cannot read. @default ignore them */
  report?: DiagnosticSink;
  /**
   * `$ … $` inline math in every post, as if each said `math: true`; a post's `math: false` still
   * turns it off. @default false
   */
  dollarInline?: boolean;
  /** Rendered formulas from earlier builds (KaTeX takes about a millisecond a formula). @default none */
  cache?: MathRenderCache;
}

/** The front-matter keys that turn `$ … $` on or off for one post (content/front-matter.ts keeps them here). */
export interface MathEnv extends MarkdownEnv {
  frontMatter?: { math?: unknown; use_math?: unknown };
}

type MathMeta = {
  open: string;
  close: string;
  display: boolean;
  /** Offset of the opening delimiter in the inline content (inline math only). */
  offset?: number;
  /** 0-based body line and 1-based column of the opening delimiter, set after inline parsing. */
  line?: number;
  column?: number;
};

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

function dollarInlineEnabled(env: MathEnv | undefined, siteDefault: boolean): boolean {
  // Raw front matter: `math: yes` (YAML 1.1, Jekyll's) reads as true, as the schema reads it.
  // And Hugo LoveIt's `math: { enable: true }`.
  const own = flag.safeParse(enableOf(env?.frontMatter?.math ?? env?.frontMatter?.use_math));
  return own.success ? own.data : siteDefault;
}

/** How many backslashes directly precede `pos` (an odd count escapes the character at `pos`). */
function backslashesBefore(src: string, pos: number, from = 0): number {
  let count = 0;
  for (let i = pos - 1; i >= from && src.charCodeAt(i) === BACKSLASH; i--) count++;
  return count;
}

/**
 * The position of the first unescaped `close` after `from`, or -1. A backtick ends the search: a
 * formula never spans into a code span, where a `$` belongs to the code.
 */
function findClose(src: string, close: string, from: number, isClose: (pos: number) => boolean = () => true): number {
  for (let pos = from; pos < src.length; pos++) {
    const code = src.charCodeAt(pos);
    if (code === BACKTICK) return -1;
    if (src.startsWith(close, pos) && backslashesBefore(src, pos, from) % 2 === 0 && isClose(pos)) return pos;
  }
  return -1;
}

function pushInline(state: StateInline, content: string, meta: MathMeta): void {
  const token = state.push("math_inline", "math", 0);
  token.content = content;
  token.markup = meta.open;
  token.meta = meta;
}

/** `\( … \)`, `\[ … \]` and `\$$ … $$` inside a line; runs before `escape`, which would eat the backslash. */
function bracketInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== BACKSLASH) return false;
  const pair = src.startsWith("\\(", pos) ? ["\\(", "\\)", false] as const
    : src.startsWith("\\[", pos) ? ["\\[", "\\]", true] as const
    : src.startsWith("\\$$", pos) ? ["\\$$", "$$", false] as const
    : undefined;
  if (!pair) return false;
  const [open, close, display] = pair;
  const start = pos + open.length;
  const end = findClose(src, close, start);
  if (end === -1 || src.slice(start, end).trim() === "") return false;
  if (!silent) pushInline(state, src.slice(start, end), { open, close, display, offset: pos });
  state.pos = end + close.length;
  return true;
}

/**
 * Something only TeX writes: a control word (`\beta`, `\hat`). Not `_`, `=` or braces alone: a DevOps
 * post writes them in prose too, and Terraform's `${var.region} 과 ${var.zone}` or a shell's
 * `${AWS_REGION}` read as one formula where a post has math on.
 */
const TEX_MARKUP = /\\[A-Za-z]/;

/** Whether `src` has a `$` not escaped by a backslash in [from, to). */
function hasUnescapedDollar(src: string, from: number, to: number): boolean {
  for (let pos = from; pos < to; pos++) {
    if (src.charCodeAt(pos) === DOLLAR && backslashesBefore(src, pos, from) % 2 === 0) return true;
  }
  return false;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** `$$ … $$` inside a line, and `$ … $` where enabled; runs after `escape`, so `\$` is a dollar sign. */
function dollarInline(siteDefault: boolean) {
  return (state: StateInline, silent: boolean): boolean => {
    const { src, pos } = state;
    if (src.charCodeAt(pos) !== DOLLAR) return false;
    if (src.charCodeAt(pos + 1) === DOLLAR) {
      const end = findClose(src, "$$", pos + 2);
      if (end !== -1 && src.slice(pos + 2, end).trim() !== "") {
        const display = standsOnOwnLines(src, pos, end);
        if (!silent) pushInline(state, src.slice(pos + 2, end), { open: "$$", close: "$$", display, offset: pos });
        state.pos = end + 2;
        return true;
      }
      // A lone `$$` (a shell's PID) is text, and its second `$` must not open a `$ … $`. One that
      // opens a line as a formula would (`$$` alone, `$$\begin{align*}`) is a formula never closed.
      if (!silent && end === -1 && opensFormulaLine(src, pos)) {
        const token = state.push("math_unclosed", "", 0);
        token.content = "$$";
        token.meta = { open: "$$", close: "", display: false, offset: pos } satisfies MathMeta;
      } else if (!silent) state.pending += "$$";
      state.pos += 2;
      return true;
    }
    if (!dollarInlineEnabled(state.env as MathEnv, siteDefault)) return false;
    const next = src.charCodeAt(pos + 1);
    const closes = (at: number) => {
      const before = src.charCodeAt(at - 1);
      const after = src.charCodeAt(at + 1);
      // Never half of a `$$` (a shell's PID): `$HOME는 … $$이고` is not one formula.
      if (before === DOLLAR || isAsciiAlphanumeric(after) || after === DOLLAR) return false;
      if (!isSpace(before)) return true;
      // A space before the closing `$` (`$X\hat{\beta} $에`: MathJax reads it so, and Korean posts
      // written for MathJax have it often) closes a formula that is TeX (a control word such as
      // `\beta`) and holds no other `$`: `$USER, a lone $ sign` and `$5 or $ 6` stay text.
      const tex = src.slice(pos + 1, at);
      return TEX_MARKUP.test(tex) && !hasUnescapedDollar(src, pos + 1, at);
    };
    let end = Number.isNaN(next) ? -1 : findClose(src, "$", pos + 1, closes);
    // A space after the opening `$` (`$ \beta_{0j}^* $는`, MathJax opens there too) opens a formula
    // only when it is TeX and closes at the next `$`: `a lone $ sign` and `$ x $` stay text.
    if (end !== -1 && isSpace(next) && (!TEX_MARKUP.test(src.slice(pos + 1, end)) || hasUnescapedDollar(src, pos + 1, end))) end = -1;
    if (end === -1) {
      if (!silent) state.pending += "$";
      state.pos += 1;
      return true;
    }
    if (!silent) pushInline(state, src.slice(pos + 1, end), { open: "$", close: "$", display: false, offset: pos });
    state.pos = end + 1;
    return true;
  };
}

/**
 * A `$$ … $$` over several lines whose delimiters each begin or end a line (`다음과 같다. $$`, a line
 * of TeX, `$$`): kramdown reads it as span math, but MathJax lays an `align*` or `cases` out as a
 * block, and KaTeX renders those environments in display mode only. A formula wrapped by a soft
 * break (`$$a +` / `b$$ 이다`) stays inline. So does a one-line `$$x$$` alone on the first line (a
 * heading's or a table cell's whole text); on a later line (a quote's lazy line) it is display, as
 * the same line after a paragraph's line is (displayBlock).
 */
function standsOnOwnLines(src: string, open: number, close: number): boolean {
  const ownLines = src.slice(open + 2, close).includes("\n") || src.lastIndexOf("\n", open) !== -1;
  return ownLines && atLineEdge(src, open, open + 2) && atLineEdge(src, close, close + 2);
}

/** Whether only spaces stand between [start, end) and the start or the end of its line. */
function atLineEdge(src: string, start: number, end: number): boolean {
  const lineEnd = src.indexOf("\n", end);
  return src.slice(src.lastIndexOf("\n", start - 1) + 1, start).trim() === "" || src.slice(end, lineEnd === -1 ? undefined : lineEnd).trim() === "";
}

/** A `$$` that starts its line, alone or before TeX: where a post opens a display formula. */
function opensFormulaLine(src: string, pos: number): boolean {
  const lineEnd = src.indexOf("\n", pos);
  const rest = src.slice(pos + 2, lineEnd === -1 ? undefined : lineEnd);
  return src.slice(src.lastIndexOf("\n", pos - 1) + 1, pos).trim() === "" && (rest.trim() === "" || TEX_MARKUP.test(rest));
}

/**
 * Whether inline text ends inside a `$$ … $$` it opened (read as dollarInline and bracketInline read
 * it: code spans and backslash escapes skipped, a backtick ends a formula's search).
 */
function leavesDollarsOpen(text: string): boolean {
  for (let pos = 0; pos < text.length; pos++) {
    const code = text.charCodeAt(pos);
    if (code === BACKTICK) {
      let run = 1;
      while (text.charCodeAt(pos + run) === BACKTICK) run++;
      const fence = "`".repeat(run);
      let close = text.indexOf(fence, pos + run);
      while (close !== -1 && text.charCodeAt(close + run) === BACKTICK) close = text.indexOf(fence, close + run + 1);
      pos = close === -1 ? pos + run - 1 : close + run - 1;
      continue;
    }
    if (code === BACKSLASH && !text.startsWith("\\$$", pos)) {
      pos++; // an escaped character
      continue;
    }
    const open = code === BACKSLASH ? pos + 1 : pos;
    if (!text.startsWith("$$", open)) continue;
    const end = findClose(text, "$$", open + 2);
    if (end === -1) {
      if (!text.includes("`", open + 2)) return true;
      pos = open + 1; // stopped by a code span: a lone `$$`
    } else pos = end + 1;
  }
  return false;
}

/** Where the paragraph being parsed starts: a `$$` line may close a formula opened in it. */
const paragraphStarts = new WeakMap<StateBlock, number>();

/** Runs right before `paragraph` (the last block rule), so the next paragraph starts at `startLine`. */
function noteParagraphStart(state: StateBlock, startLine: number): boolean {
  paragraphStarts.set(state, startLine);
  return false;
}

/**
 * `$$ … $$` or `\[ … \]` starting a line: display math. The closing delimiter ends a line (the same
 * line or a later one inside the same container); without one the line is ordinary text. A first
 * line whose `$$` closes before its end (`$$a$$ and $$b$$`) is a paragraph with inline math.
 */
function displayBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // indented code
  const lineStart = state.bMarks[startLine]! + state.tShift[startLine]!;
  const lineEnd = state.eMarks[startLine]!;
  const first = state.src.slice(lineStart, lineEnd);
  const [open, close] = first.startsWith("$$") ? ["$$", "$$"] : first.startsWith("\\[") ? ["\\[", "\\]"] : [];
  if (open === undefined || close === undefined) return false;
  if (silent && state.parentType === "blockquote") {
    // A quote's lazy line (no `>`): kramdown keeps it in the quote, whose paragraph reads the formula.
    return false;
  }
  if (silent && state.parentType === "paragraph") {
    // `다음과 같다. $$` … `$$`: this line closes the paragraph's formula and does not end the paragraph.
    const start = paragraphStarts.get(state);
    if (start !== undefined && start < startLine && leavesDollarsOpen(state.getLines(start, startLine, state.blkIndent, false))) return false;
  }

  const rest = first.slice(open.length).trimEnd();
  const closing = findCloseInBlock(rest, close);
  let content: string;
  let last = startLine;
  if (closing !== -1) {
    if (closing + close.length !== rest.length || rest.slice(0, closing).trim() === "") return false;
    content = rest.slice(0, closing);
  } else {
    const lines = [rest];
    let found = false;
    let blankInside = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const start = state.bMarks[line]! + state.tShift[line]!;
      const end = state.eMarks[line]!;
      // A non-blank line less indented than the container ends it (the list item or quote is over).
      if (start < end && state.sCount[line]! < state.blkIndent) break;
      if (start >= end) blankInside = true;
      const text = state.src.slice(start, end).trimEnd();
      const at = findCloseInBlock(text, close);
      if (at !== -1) {
        // The first closing delimiter closes, as in kramdown and MathJax; inside a line, it is no block.
        if (at + close.length !== text.length) return false;
        // Past a blank line, as in kramdown, the block must end one too: an opening `$$` followed by
        // its formula is the next block's, and a `$$` never closed stays text instead of taking it.
        if (blankInside && line + 1 < endLine && !state.isEmpty(line + 1) && state.sCount[line + 1]! >= state.blkIndent) return false;
        lines.push(text.slice(0, at));
        last = line;
        found = true;
        break;
      }
      lines.push(state.src.slice(state.bMarks[line]! + Math.min(state.tShift[line]!, Math.max(0, state.blkIndent)), end));
    }
    if (!found) return false;
    content = lines.join("\n");
  }
  if (content.trim() === "") return false;
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.markup = open;
  token.map = [startLine, last + 1];
  // Columns count from the file line's start, before any `>` or list marker of the containers.
  const column = lineStart - (state.src.lastIndexOf("\n", lineStart - 1) + 1) + 1;
  token.meta = { open, close, display: true, line: startLine, column } satisfies MathMeta;
  state.line = last + 1;
  return true;
}

/** Like findClose, but a backtick is allowed (a display block is its own block, not inline text). */
function findCloseInBlock(text: string, close: string): number {
  for (let pos = text.indexOf(close); pos !== -1; pos = text.indexOf(close, pos + 1)) {
    if (backslashesBefore(text, pos) % 2 === 0) return pos;
  }
  return -1;
}

/**
 * Inline tokens carry no source line; the block's does. After inline parsing, each inline formula
 * gets the body line and column of its opening delimiter, for the warning of an invalid formula.
 */
function locateInlineMath(state: StateCore): void {
  let sourceLines: string[] | undefined;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.map || !block.children?.some((t) => t.type === "math_inline" || t.type === "math_unclosed")) continue;
    for (const token of block.children) {
      const meta = token.meta as MathMeta | undefined;
      if ((token.type !== "math_inline" && token.type !== "math_unclosed") || meta?.offset === undefined) continue;
      const before = block.content.slice(0, meta.offset);
      const lineIndex = before.split("\n").length - 1;
      const lineStart = before.lastIndexOf("\n") + 1;
      const lineEnd = block.content.indexOf("\n", lineStart);
      const contentLine = block.content.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      sourceLines ??= state.src.split("\n");
      const source = sourceLines[block.map[0] + lineIndex] ?? "";
      const found = contentLine === "" ? -1 : source.indexOf(contentLine);
      meta.line = block.map[0] + lineIndex;
      meta.column = (found === -1 ? 0 : found) + meta.offset - lineStart + 1;
    }
  }
}

/** `\newcommand` and `\def` in one formula apply to the rest of the page, as with MathJax. */
const macrosByPage = new WeakMap<object, Macros>();

function macrosOf(env: unknown): Macros {
  if (typeof env !== "object" || env === null) return {};
  let macros = macrosByPage.get(env);
  if (!macros) macrosByPage.set(env, (macros = {}));
  return macros;
}

type Macros = NonNullable<KatexOptions["macros"]>;

export interface RenderedMath {
  html: string;
  /** KaTeX's message when the TeX could not be read. */
  error?: string;
}

/** KaTeX's HTML for one formula (MathML alongside, for screen readers), or its error. */
export function renderTex(tex: string, displayMode: boolean, macros: Macros = {}): RenderedMath {
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      output: "htmlAndMathml",
      throwOnError: true,
      strict: "ignore", // Hangul in math mode renders (with the page's font) instead of printing a console warning
      globalGroup: true, // definitions last for the page (the macros object is the page's), as MathJax has them
      trust: false, // no \href, \includegraphics or \htmlClass from a formula
      macros,
    });
    // Search indexes the MathML copy (the TeX is in it), not the layout spans' letters.
    return { html: html.replaceAll('<span class="katex-html" aria-hidden="true">', '<span class="katex-html" aria-hidden="true" data-pagefind-ignore>') };
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const at = error.position === undefined ? "" : ` at position ${error.position + 1}`;
      return { html: "", error: `${error.rawMessage}${at}` };
    }
    return { html: "", error: error instanceof Error ? error.message : String(error) };
  }
}

export function mathPlugin(md: MarkdownIt, { report, dollarInline: siteDollarInline = false, cache }: MathOptions = {}): void {
  const { escapeHtml } = md.utils;
  // Block rules before paragraphs and lists (fences and indented code come earlier and keep their `$`).
  md.block.ruler.after("blockquote", "math_block", displayBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.block.ruler.before("paragraph", "math_paragraph_start", noteParagraphStart);
  md.inline.ruler.before("escape", "math_inline_bracket", bracketInline);
  md.inline.ruler.after("escape", "math_inline_dollar", dollarInline(siteDollarInline));
  md.core.ruler.after("inline", "math_locate", locateInlineMath);
  md.core.ruler.before("normalize", "math_reset", (state: StateCore) => {
    if (typeof state.env === "object" && state.env !== null) macrosByPage.delete(state.env);
  });

  const render = (token: Token, env: unknown, block: boolean): string => {
    const meta = token.meta as MathMeta;
    const { html, error } = renderCached(token.content, meta.display, macrosOf(env), cache);
    if (error === undefined) {
      markPageFeature(env, "math");
      return block ? `<div class="math-display">${html}</div>\n` : html;
    }
    report?.({
      severity: "warning",
      ...sourceLocation(env as MarkdownEnv, meta.line),
      column: meta.column,
      field: "math",
      message: `KaTeX cannot render ${JSON.stringify(shorten(token.content.trim()))}: ${error}; shown as source`,
    });
    const source = escapeHtml(`${meta.open}${token.content}${meta.close}`);
    const title = escapeHtml(error);
    return block ? `<pre class="math-error" title="${title}">${source}</pre>\n` : `<span class="math-error" title="${title}">${source}</span>`;
  };
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => render(tokens[idx]!, env, false);
  md.renderer.rules.math_block = (tokens, idx, _options, env) => render(tokens[idx]!, env, true);
  md.renderer.rules.math_unclosed = (tokens, idx, _options, env) => {
    const meta = tokens[idx]!.meta as MathMeta;
    report?.({
      severity: "warning",
      ...sourceLocation(env as MarkdownEnv, meta.line),
      column: meta.column,
      field: "math",
      message: "`$$` opens a formula that is never closed (end it with a line `$$`, or write `\\$\\$` for two dollar signs); shown as text",
    });
    return "$$";
  };
}

function renderCached(tex: string, display: boolean, macros: Macros, cache: MathRenderCache | undefined): RenderedMath {
  if (!cache || Object.keys(macros).length > 0 || DEFINES_MACRO.test(tex)) return renderTex(tex, display, macros);
  const key = cache.keyOf(tex, display ? "display" : "inline");
  const cached = cache.read(key);
  if (cached !== undefined) return { html: cached };
  const rendered = renderTex(tex, display, macros);
  if (rendered.error === undefined) cache.write(key, rendered.html); // an error is reported on every build
  return rendered;
}

function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
