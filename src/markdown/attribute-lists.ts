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
import { collectHeadings } from "./headings.ts";
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

function attach(token: Token, list: AttributeList): void {
  pending.set(token, mergeLists(pending.get(token), list));
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

function collectRule(state: StateCore): void {
  const tokens = state.tokens;
  const sourceLines = state.src.split("\n");
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type === "inline" && tokens[i - 1]?.type === "heading_open") {
      const header = HEADER_IAL.exec(inline.content);
      if (header) {
        inline.content = inline.content.slice(0, header.index);
        attach(tokens[i - 1]!, parseAttributeList(header[1] ?? header[2]!));
      }
      continue;
    }
    if (inline.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    const lines = inline.content.split("\n");
    const lists: AttributeList[] = [];
    while (lines.length > 0 && IAL_LINE.test(lines.at(-1)!)) {
      lists.unshift(parseAttributeList(IAL_LINE.exec(lines.pop()!)![1]!));
    }
    if (lists.length === 0) continue;
    const list = lists.reduce<AttributeList | undefined>((all, next) => mergeLists(all, next), undefined)!;
    const paragraphOpen = tokens[i - 1]!;
    if (lines.length === 0) {
      // A paragraph of IALs only: it belongs to the block before it, and is not a paragraph.
      const target = previousBlock(tokens, i - 1);
      if (target !== -1) attach(tokens[target]!, list);
      tokens.splice(i - 1, 3);
      i -= 2;
      continue;
    }
    inline.content = lines.join("\n");
    // `> text` followed by an unprefixed `{: .prompt-tip}` is a lazy continuation line in markdown,
    // but kramdown applies it to the blockquote.
    const lastLine = paragraphOpen.map ? sourceLines[paragraphOpen.map[1] - 1] : undefined;
    const parent = tokens.slice(0, i - 1).findLast((t) => t.level === paragraphOpen.level - 1 && t.nesting === 1);
    const closesQuote = tokens[i + 2]?.type === "blockquote_close";
    if (parent?.type === "blockquote_open" && closesQuote && lastLine !== undefined && !/^\s*>/.test(lastLine)) {
      attach(parent, list);
    } else {
      attach(paragraphOpen, list);
    }
  }
}

function escapeAttribute(md: MarkdownIt, value: string): string {
  return md.utils.escapeHtml(value);
}

/** `700px` / `700` -> a width attribute; anything else (`70%`, `20em`) -> inline style. */
function applySize(token: Token, name: string, value: string): void {
  const pixels = /^(\d+)(?:px)?$/.exec(value.trim());
  if (pixels) token.attrSet(name, pixels[1]!);
  else token.attrJoin("style", `${name}: ${value};`);
}

function applyToElement(token: Token, list: AttributeList, skipClasses: ReadonlySet<string> = new Set()): void {
  if (list.id) token.attrSet("id", list.id);
  for (const name of list.classes) if (!skipClasses.has(name)) token.attrJoin("class", name);
  for (const [name, value] of list.attributes) {
    if (name === "markdown") continue;
    if (token.type === "image" && (name === "width" || name === "height")) applySize(token, name, value);
    else if (token.type === "fence" && name === "file") token.attrSet("data-title", value);
    else token.attrSet(name, value);
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

/** `![x](a.png){: .align-center}`: the attribute list right after an image applies to it. */
function applySpanLists(inline: Token): void {
  const children = inline.children ?? [];
  for (let i = 1; i < children.length; i++) {
    const text = children[i]!;
    if (text.type !== "text" || children[i - 1]!.type !== "image") continue;
    const match = SPAN_IAL.exec(text.content);
    if (!match) continue;
    applyToElement(children[i - 1]!, parseAttributeList(match[1]!));
    text.content = text.content.slice(match[0].length);
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
  md.core.ruler.push("opsnote_ial_apply", applyRule);
  md.core.ruler.push("opsnote_toc_in_place", tocRule(tocDepth));
}
