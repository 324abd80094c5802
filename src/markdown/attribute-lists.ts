/**
 * kramdown's block inline attribute lists (IALs), as Jekyll posts use them: a line `{: .notice--info}`,
 * `{: .prompt-tip}`, `{: file="deploy.yaml"}`, `{: width="700px"}` or `{:toc}` right after a block
 * applies to that block, `## 설치 {#install}` or `## 설치 {: .cls}` at the end of a heading to the
 * heading, and `![x](a.png){: .align-center}` to an image. markdown-it reads such a
 * line as text, so without this rule it leaks into the page.
 *
 * Three core rules, because each needs a different stage of the token stream:
 * 1. `opsnote_ial_collect` (before `inline`): finds IAL lines while paragraphs are still raw text,
 *    removes them and records the attributes on the block they belong to;
 * 2. `opsnote_ial_apply` (after `text_join`): applies them (a lone image gets them itself; notice /
 *    prompt classes become callouts, or box a heading; `file` becomes a code-block title) and handles
 *    span IALs;
 * 3. `opsnote_toc_in_place` (after the heading ids exist): `* TOC` + `{:toc}` becomes the TOC.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { collectHeadings, reserveExplicitId } from "./headings.ts";
import { buildToc, type TocEntry } from "./toc.ts";
import { strings } from "../ui/strings.ts";
import { calloutOpenHtml, type CalloutKind } from "./alerts.ts";

export interface AttributeList {
  id?: string;
  classes: string[];
  /** `key="value"` pairs, in order. */
  attributes: [string, string][];
  /** Bare words, such as kramdown's `toc`. */
  flags: string[];
}

/** Minimal Mistakes' `notice--*` and Chirpy's `prompt-*` classes, mapped to callout kinds. */
export const CALLOUT_CLASSES: Readonly<Record<string, CalloutKind>> = {
  notice: "note",
  "notice--info": "note",
  "notice--primary": "important",
  "notice--success": "tip",
  "notice--warning": "warning",
  "notice--danger": "caution",
  "prompt-tip": "tip",
  "prompt-info": "note",
  "prompt-warning": "warning",
  "prompt-danger": "caution",
};

export interface AttributeListsOptions {
  /** Heading levels shown by an in-place `{:toc}`. @default 3 */
  tocDepth?: number;
}

/** One IAL line: `{: .a #b key="v" toc}` or `{:.a}`. */
const IAL_LINE = /^[ \t]*\{:(?!:)[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$/;
/** kramdown's header IALs at the end of a heading line: `## 설치 {#install}`, `## 설치 {: .cls #id}`. */
const HEADER_IAL = /[ \t]+\{(?:(#[^\s{}]+)|:(?!:)[ \t]*([^{}\n]*?))[ \t]*\}[ \t]*$/;
/** A span IAL right after an image: `{: width="700"}`. */
const SPAN_IAL = /^\{:[ \t]*([^}\n]*?)[ \t]*\}/;

/** Parses the inside of `{: … }`. */
export function parseAttributeList(text: string): AttributeList {
  const list: AttributeList = { classes: [], attributes: [], flags: [] };
  for (const match of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|([.#])([^\s.#]+)|(\S+)/g)) {
    if (match[1] !== undefined) list.attributes.push([match[1], match[2] ?? match[3] ?? match[4] ?? ""]);
    else if (match[5] === ".") list.classes.push(match[6]!);
    else if (match[5] === "#") list.id = match[6];
    else if (match[7] !== undefined) list.flags.push(match[7]);
  }
  return list;
}

function mergeLists(a: AttributeList | undefined, b: AttributeList): AttributeList {
  if (!a) return b;
  return { id: b.id ?? a.id, classes: [...a.classes, ...b.classes], attributes: [...a.attributes, ...b.attributes], flags: [...a.flags, ...b.flags] };
}

/**
 * Attribute lists waiting for rule 2, by token. Not `token.meta`: other rules (heading ids) replace it.
 * Weak keys: tokens of a finished render are collected with their entries.
 */
const pending = new WeakMap<Token, AttributeList>();

function attach(state: StateCore, token: Token, list: AttributeList): void {
  pending.set(token, mergeLists(pending.get(token), list));
  if (list.id) reserveExplicitId(state.tokens, list.id);
  // A heading's `{: #id}` is its id: set now, so the heading rule (which runs before rule 2) gives
  // the anchor link and the TOC that id instead of the one from the text.
  if (token.type === "heading_open" && list.id) token.attrSet("id", list.id);
}

/** Index of the open token matching the close token at `closeIndex`. */
function openingOf(tokens: readonly Token[], closeIndex: number): number {
  const close = tokens[closeIndex]!;
  for (let i = closeIndex - 1; i >= 0; i--) {
    if (tokens[i]!.level === close.level && tokens[i]!.nesting === 1) return i;
  }
  return -1;
}

/** Index of the block token that ends right before `index` at the same level (its open token), or -1. */
function previousBlock(tokens: readonly Token[], index: number): number {
  const level = tokens[index]!.level;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.level < level) return -1;
    if (token.level !== level) continue;
    if (token.nesting === -1) return openingOf(tokens, i);
    if (token.nesting === 0) return token.type === "inline" ? -1 : i;
    return -1;
  }
  return -1;
}

/** The block token at `index` when it starts on the line right after the IAL paragraph `paragraph`. */
function followingBlock(tokens: readonly Token[], index: number, paragraph: Token): Token | undefined {
  const next = tokens[index];
  if (!next || next.nesting === -1 || next.level !== paragraph.level || !next.map || !paragraph.map) return undefined;
  return next.map[0] === paragraph.map[1] ? next : undefined;
}

/** A line that starts with an IAL; `rest` is text after it on the same line (kramdown ends the block there). */
const IAL_START = /^[ \t]*\{:(?!:)[ \t]*([^}\n]*?)[ \t]*\}[ \t]*(.*)$/;

/** The container blocks (blockquote, list, list item) around the token at `index`, outermost first. */
function containersOf(tokens: readonly Token[], index: number): number[] {
  const chain: number[] = [];
  let level = tokens[index]!.level;
  for (let i = index - 1; i >= 0 && level > 0; i--) {
    if (tokens[i]!.nesting === 1 && tokens[i]!.level === level - 1) {
      chain.unshift(i);
      level -= 1;
    }
  }
  return chain;
}

/**
 * The container a source line is not inside of: markdown-it reads an unprefixed `{: .prompt-tip}`
 * after `> text` (or an unindented one after a list item) as a lazy continuation of the paragraph,
 * but kramdown ends the quote or list there and gives it the attribute list. Returns the index of
 * the outermost container the line escapes (a list, for a list item), or -1.
 */
function escapedContainer(tokens: readonly Token[], chain: readonly number[], line: string): number {
  let rest = line;
  for (const index of chain) {
    const container = tokens[index]!;
    if (container.type === "blockquote_open") {
      const marker = /^[ ]{0,3}>[ ]?/.exec(rest);
      if (!marker) return index;
      rest = rest.slice(marker[0].length);
    } else if (container.type === "list_item_open") {
      const indent = /^(?: {2,}|\t)/.exec(rest);
      if (!indent) return containersOf(tokens, index).at(-1) ?? index;
      rest = rest.slice(Math.min(indent[0].length, container.markup.length + 1 + (container.info ? container.info.length : 0)));
    }
  }
  return -1;
}

/** A paragraph holding `content`, to stand where kramdown starts a new block after an IAL. */
function paragraphTokens(state: StateCore, content: string, level: number, line: number, lines: number): Token[] {
  const open = new state.Token("paragraph_open", "p", 1);
  const inline = new state.Token("inline", "", 0);
  const close = new state.Token("paragraph_close", "p", -1);
  open.level = close.level = level;
  inline.level = level + 1;
  open.block = inline.block = close.block = true;
  open.map = inline.map = [line, line + lines];
  inline.content = content;
  inline.children = [];
  return [open, inline, close];
}

/**
 * `| {: .cls} |` as the last row of a table: markdown-it made the IAL line a row. Returns how many
 * tokens before `closeIndex` were removed, so the caller's index still points at the table's end.
 */
function collectTableList(state: StateCore, closeIndex: number): number {
  const tokens = state.tokens;
  const open = openingOf(tokens, closeIndex);
  const rowClose = closeIndex - 2;
  if (open === -1 || tokens[rowClose]?.type !== "tr_close") return 0;
  const rowOpen = openingOf(tokens, rowClose);
  const cells = tokens.slice(rowOpen, rowClose).filter((token) => token.type === "inline").map((token) => token.content.trim());
  const match = cells.length > 0 ? IAL_LINE.exec(cells[0]!) : null;
  if (!match || cells.slice(1).some((cell) => cell !== "")) return 0;
  attach(state, tokens[open]!, parseAttributeList(match[1]!));
  const before = tokens.length;
  tokens.splice(rowOpen, rowClose - rowOpen + 1);
  if (tokens[rowOpen]?.type === "tbody_close" && tokens[rowOpen - 1]?.type === "tbody_open") tokens.splice(rowOpen - 1, 2);
  return before - tokens.length;
}

function collectRule(state: StateCore): void {
  const tokens = state.tokens;
  const sourceLines = state.src.split("\n");
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type === "table_close") {
      // The IAL row's tokens are gone: without stepping back, the loop skipped as many tokens after
      // the table (Hydejack's 16-column `{:.scroll-table}` hid the next five blocks' IALs).
      i -= collectTableList(state, i);
      continue;
    }
    // Not in HTML that shows text as written (`<pre>` showing kramdown syntax).
    if (inline.type === "html_block" && /^[ \t]*\{:/m.test(inline.content) && !/<(?:pre|code|script|style|textarea)\b/i.test(inline.content)) {
      // `<summary>…</summary>` then `{: .label}` inside `<details markdown="block">`: kramdown styles the
      // HTML element with it; opsnote has no such styles, and the line must not show as text.
      inline.content = inline.content.split("\n").filter((line) => !IAL_LINE.test(line)).join("\n");
      continue;
    }
    if (inline.type === "inline" && tokens[i - 1]?.type === "heading_open") {
      const header = HEADER_IAL.exec(inline.content);
      if (header) {
        inline.content = inline.content.slice(0, header.index);
        attach(state, tokens[i - 1]!, parseAttributeList(header[1] ?? header[2]!));
      }
      continue;
    }
    if (inline.type !== "inline") continue;
    // A span IAL's id (`![x](a.png){: #diagram}`) is applied after the headings get theirs: taken now.
    for (const span of inline.content.matchAll(/[)`]\{:([^}\n]*)\}/g)) {
      const id = parseAttributeList(span[1]!).id;
      if (id) reserveExplicitId(tokens, id);
    }
    if (tokens[i - 1]?.type !== "paragraph_open") continue;
    const lines = inline.content.split("\n");
    const first = lines.findIndex((line) => IAL_START.test(line));
    if (first === -1) continue;
    // The run of IAL lines from `first`; the last may have text after it, which starts the next block.
    const lists: AttributeList[] = [];
    let next = first;
    let trailing = "";
    while (next < lines.length) {
      const match = IAL_START.exec(lines[next]!);
      if (!match) break;
      lists.push(parseAttributeList(match[1]!));
      next += 1;
      if (match[2] !== "") {
        trailing = match[2]!;
        break;
      }
    }
    const list = lists.reduce<AttributeList | undefined>((all, item) => mergeLists(all, item), undefined)!;
    const before = lines.slice(0, first);
    const after = [...(trailing === "" ? [] : [trailing]), ...lines.slice(next)];
    const paragraphOpen = tokens[i - 1]!;
    const startLine = paragraphOpen.map?.[0];
    const afterLine = startLine === undefined ? 0 : startLine + next - (trailing === "" ? 0 : 1);
    const rest = after.length > 0 ? paragraphTokens(state, after.join("\n"), paragraphOpen.level, afterLine, after.length) : [];

    if (before.length === 0) {
      // A paragraph that starts with IALs. kramdown gives them to the block right before them; after
      // a blank line (or at the start), to the block that starts right below them instead.
      const previous = previousBlock(tokens, i - 1);
      // A list's or quote's map ends after its trailing blank line: read the source line itself.
      const lineBefore = startLine === undefined ? undefined : sourceLines[startLine - 1];
      const blankBefore = previous === -1 || (lineBefore !== undefined && /^[ \t>]*$/.test(lineBefore));
      const below = trailing === "" && rest.length > 0 ? rest[0] : followingBlock(tokens, i + 2, paragraphOpen);
      const target = blankBefore && below ? below : previous === -1 ? undefined : tokens[previous];
      if (target) attach(state, target, list);
      tokens.splice(i - 1, 3, ...rest);
      i -= rest.length > 0 ? 1 : 2;
      continue;
    }
    inline.content = before.join("\n");
    if (paragraphOpen.map) paragraphOpen.map = inline.map = [paragraphOpen.map[0], paragraphOpen.map[0] + first];
    const ialLine = startLine === undefined ? undefined : sourceLines[startLine + first];
    const escaped = ialLine === undefined ? -1 : escapedContainer(tokens, containersOf(tokens, i - 1), ialLine);
    if (escaped === -1) {
      attach(state, paragraphOpen, list);
      tokens.splice(i + 2, 0, ...rest);
    } else {
      attach(state, tokens[escaped]!, list);
      // Text after the IAL is outside the container it closed, as in kramdown.
      for (const token of rest) token.level += tokens[escaped]!.level - paragraphOpen.level;
      tokens.splice(blockEnd(tokens, escaped), 0, ...rest);
    }
  }
}

/** `700px` / `700` -> a width attribute; anything else (`70%`, `20em`) -> inline style. */
function applySize(token: Token, name: string, value: string): void {
  const pixels = /^(\d+)(?:px)?$/.exec(value.trim());
  if (pixels) token.attrSet(name, pixels[1]!);
  else token.attrJoin("style", `${name}: ${value};`);
}

/** Chirpy's shorthand: `{: w="700" h="400" }`. */
const ATTRIBUTE_ALIASES: Readonly<Record<string, string>> = { w: "width", h: "height" };

/** What a span IAL may set on an image or a link: presentation only, never a script. */
const SPAN_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  // `lqip`: Chirpy's placeholder, turned into a background by src/images/picture-images.ts.
  image: new Set(["width", "height", "style", "title", "alt", "loading", "lqip"]),
  link_open: new Set(["style", "title", "target", "rel"]),
  code_inline: new Set(["style", "title"]),
};

/** Event handlers, `javascript:` URLs and `style` values that load or run something. */
function isUnsafe(name: string, value: string): boolean {
  if (/^on/i.test(name)) return true;
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return compact.includes("javascript:") || compact.includes("vbscript:") || (name === "style" && /expression\(|url\(/.test(compact));
}

function applyToElement(token: Token, list: AttributeList, skipClasses: ReadonlySet<string> = new Set()): void {
  if (list.id) token.attrSet("id", list.id);
  for (const name of list.classes) if (!skipClasses.has(name)) token.attrJoin("class", name);
  const allowed = SPAN_ATTRIBUTES[token.type];
  for (const [written, value] of list.attributes) {
    const name = ATTRIBUTE_ALIASES[written] ?? written;
    if (name === "markdown" || isUnsafe(name, value)) continue;
    if (allowed && !allowed.has(name)) continue;
    if (token.type === "image" && (name === "width" || name === "height")) applySize(token, name, value);
    else if (token.type === "image" && name === "alt") token.content = value;
    else if (token.type === "fence" && name === "file") token.attrSet("data-title", value);
    else if (name === "style") token.attrJoin("style", value.trim().replace(/;?$/, ";"));
    else token.attrSet(name, value);
  }
  if (token.type === "link_open" && token.attrGet("target") === "_blank" && token.attrGet("rel") === null) {
    token.attrSet("rel", "noopener"); // the opened page cannot reach back through window.opener
  }
}

/** The open token and the index after the close token of the block starting at `index`. */
function blockEnd(tokens: readonly Token[], index: number): number {
  const open = tokens[index]!;
  if (open.nesting === 0) return index + 1;
  for (let i = index + 1; i < tokens.length; i++) {
    if (tokens[i]!.level === open.level && tokens[i]!.nesting === -1) return i + 1;
  }
  return tokens.length;
}

function htmlBlock(state: StateCore, content: string): Token {
  const token = new state.Token("html_block", "", 0);
  token.content = content;
  return token;
}

function applyRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "inline") applySpanLists(token);
    const list = pending.get(token);
    if (!list) continue;
    const callout = list.classes.map((name) => CALLOUT_CLASSES[name]).find((kind) => kind !== undefined);
    const calloutClasses = new Set(list.classes.filter((name) => CALLOUT_CLASSES[name] !== undefined));
    const image = token.type === "paragraph_open" ? loneImage(tokens[i + 1]) : undefined;
    applyToElement(image ?? token, list, calloutClasses);
    if (callout !== undefined && token.type === "heading_open") {
      // A heading stays a heading (its id, anchor and TOC entry): boxed like a callout, as Minimal
      // Mistakes boxes `h2.notice`, without a title line above it.
      token.attrJoin("class", `callout callout--${callout}`);
    } else if (callout !== undefined && token.type === "blockquote_open") {
      // Chirpy's prompt is a styled quote: the callout takes the quote's place (one box, one bar),
      // with the quote's content as its body, as GitHub alerts do (alerts.ts).
      const end = blockEnd(tokens, i) - 1;
      const open = htmlBlock(state, calloutOpenHtml(callout, state.md.utils.escapeHtml, (token.attrs ?? []).map(([name, value]) => [name, String(value)])));
      const close = htmlBlock(state, "</div>\n");
      open.level = close.level = token.level;
      open.map = token.map;
      tokens[end] = close;
      tokens[i] = open;
    } else if (callout !== undefined) {
      const end = blockEnd(tokens, i);
      // The same markup as GitHub alerts (alerts.ts).
      const open = htmlBlock(state, calloutOpenHtml(callout, state.md.utils.escapeHtml));
      const close = htmlBlock(state, "</div>\n");
      open.level = close.level = token.level;
      tokens.splice(end, 0, close);
      tokens.splice(i, 0, open);
      i++;
    }
  }
}

/** The image of a paragraph that holds one image and nothing else. */
function loneImage(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak");
  return children.length === 1 && children[0]!.type === "image" ? children[0] : undefined;
}

/** The `link_open` that the `link_close` at `closeIndex` ends. */
function linkOpenOf(children: readonly Token[], closeIndex: number): Token | undefined {
  let depth = 0;
  for (let i = closeIndex; i >= 0; i--) {
    if (children[i]!.type === "link_close") depth += 1;
    else if (children[i]!.type === "link_open" && --depth === 0) return children[i];
  }
  return undefined;
}

/**
 * `![x](a.png){: .shadow w="700"}`, `[글](url){:target="_blank"}`: the attribute list right after an
 * image or a link applies to it (safe attributes only), and is never shown.
 */
function applySpanLists(inline: Token): void {
  const children = inline.children ?? [];
  for (let i = 1; i < children.length; i++) {
    const text = children[i]!;
    const previous = children[i - 1]!;
    if (text.type !== "text" || (previous.type !== "image" && previous.type !== "link_close")) continue;
    const match = SPAN_IAL.exec(text.content);
    if (!match) continue;
    const target = previous.type === "image" ? previous : linkOpenOf(children, i - 1);
    if (target) applyToElement(target, parseAttributeList(match[1]!));
    text.content = text.content.slice(match[0].length);
  }
}

/**
 * `` `_config.yml`{: .filepath} ``: Chirpy marks file paths in inline code. Applied right after the
 * inline parse, before heading ids and TOC text are read from the text, so neither contains it.
 */
function codeSpanListsRule(state: StateCore): void {
  for (const token of state.tokens) {
    const children = token.type === "inline" ? (token.children ?? []) : [];
    for (let i = 1; i < children.length; i++) {
      const text = children[i]!;
      if (text.type !== "text" || children[i - 1]!.type !== "code_inline") continue;
      const match = SPAN_IAL.exec(text.content);
      if (!match) continue;
      // A bare word (`{: filepath}`) names an attribute definition kramdown never finds: dropped, as there.
      applyToElement(children[i - 1]!, parseAttributeList(match[1]!));
      text.content = text.content.slice(match[0].length);
    }
  }
}

function renderTocList(entries: readonly TocEntry[], escape: (text: string) => string): string {
  if (entries.length === 0) return "";
  const items = entries
    .map((entry) => `<li><a href="#${encodeURIComponent(entry.id)}">${escape(entry.text)}</a>${renderTocList(entry.children, escape)}</li>`)
    .join("");
  return `<ul>${items}</ul>`;
}

/** `* TOC` / `1. 목차` + `{:toc}`: the list is replaced by the post's table of contents. */
function tocRule(depth: number) {
  return (state: StateCore): void => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const list = tokens[i]!;
      if (list.type !== "bullet_list_open" && list.type !== "ordered_list_open") continue;
      const ial = pending.get(list) ?? (tokens[i + 2] ? pending.get(tokens[i + 2]!) : undefined);
      if (!ial?.flags.includes("toc")) continue;
      const headings = collectHeadings(tokens).filter((heading) => {
        const open = tokens.find((t) => t.type === "heading_open" && t.meta === (heading as unknown));
        return !String(open?.attrGet("class") ?? "").split(/\s+/).includes("no_toc");
      });
      const entries = buildToc(headings, depth);
      const nav = htmlBlock(
        state,
        `<nav class="toc toc--inline" aria-label="${strings.toc}">${renderTocList(entries, state.md.utils.escapeHtml)}</nav>\n`,
      );
      nav.level = list.level;
      tokens.splice(i, blockEnd(tokens, i) - i, nav);
    }
  };
}

export function attributeListsPlugin(md: MarkdownIt, { tocDepth = 3 }: AttributeListsOptions = {}): void {
  md.core.ruler.before("inline", "opsnote_ial_collect", collectRule);
  // After `text_join` (one text token after the code span) and before the heading ids are pushed.
  md.core.ruler.after("text_join", "opsnote_ial_code_spans", codeSpanListsRule);
  md.core.ruler.push("opsnote_ial_apply", applyRule);
  md.core.ruler.push("opsnote_toc_in_place", tocRule(tocDepth));
}
