/**
 * Heading ids, anchor links and the one-h1 rule, as a markdown-it core rule.
 *
 * Written here rather than taken from markdown-it-anchor because two things it does not do matter
 * for Korean posts migrated from Jekyll: ids must de-duplicate exactly as GitHub does (github-slugger's
 * counter, through the shared slugger) and a body written with `#` headings must move one level down,
 * since the page's only h1 is the post title.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { HeadingSlugger } from "../slug/slugify.ts";
import { strings } from "../ui/strings.ts";
import { emojiShortcode } from "./emoji.ts";

export interface HeadingMeta {
  /** Level after shifting: 2..6 in a post body. */
  level: number;
  /** Plain text of the heading (inline code included, markup removed). */
  text: string;
  id: string;
}

/**
 * The plain text a reader sees in a heading's inline tokens; with `"source"`, emoji as their names
 * (`:memo:`), the text heading ids are slugged from (emoji.ts).
 */
export function inlineText(children: readonly Token[] | null, emoji: "shown" | "source" = "shown"): string {
  if (!children) return "";
  return children
    .map((child) => {
      // A formula counts as its TeX (as GitHub's ids do): `## $O(n)$ 정렬` -> `on-정렬`, not `정렬`.
      if (child.type === "text" || child.type === "code_inline" || child.type === "math_inline") return child.content;
      if (child.type === "emoji") return emoji === "shown" ? child.content : emojiShortcode(child);
      if (child.type === "image") return inlineText(child.children, emoji);
      return "";
    })
    .join("");
}

const MAX_LEVEL = 6;

/** Ids set by hand on other blocks and images (`{: #id}`), by parse: attribute-lists.ts records them. */
const explicitIds = new WeakMap<readonly Token[], Set<string>>();

/** Marks an id set by hand in this parse, so no heading is given it (attribute-lists.ts). */
export function reserveExplicitId(tokens: readonly Token[], id: string): void {
  const ids = explicitIds.get(tokens) ?? new Set<string>();
  ids.add(id);
  explicitIds.set(tokens, ids);
}

function headingsRule(state: StateCore): void {
  const tokens = state.tokens;
  const headingOpens = tokens.filter((t) => t.type === "heading_open");
  const shift = headingOpens.some((t) => t.tag === "h1") ? 1 : 0;
  const slugger = new HeadingSlugger();
  // Ids the author set (`{#install}`) are taken before any text is slugged: a later `## Install`
  // becomes `install-1` instead of a second `install`.
  for (const open of headingOpens) {
    const preset = open.attrGet("id");
    if (preset !== null) slugger.reserve(String(preset));
  }
  for (const id of explicitIds.get(tokens) ?? []) slugger.reserve(id);
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    const level = Math.min(MAX_LEVEL, Number(open.tag.slice(1)) + shift);
    open.tag = `h${level}`;
    if (close?.type === "heading_close") close.tag = open.tag;
    const text = inlineText(inline?.children ?? null).trim();
    // An id from a kramdown attribute list (`{: #id}`, attribute-lists.ts) wins over the text's.
    // Emoji count by name, as GitHub's ids do (`## :memo: 메모` -> `memo-메모`): the id is the same
    // with the emoji setting on or off, and an emoji-only heading still gets a word.
    const preset = open.attrGet("id");
    const id = preset === null ? slugger.next(inlineText(inline?.children ?? null, "source").trim()) : String(preset);
    open.attrSet("id", id);
    open.meta = { level, text, id } satisfies HeadingMeta;
    if (inline?.children) {
      const anchor = new state.Token("html_inline", "", 0);
      const label = state.md.utils.escapeHtml(strings.headingAnchor(text));
      anchor.content = ` <a class="heading-anchor" href="#${encodeURIComponent(id)}" aria-label="${label}">#</a>`;
      inline.children.push(anchor);
    }
  }
}

export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("opsnote_headings", headingsRule);
}

/** Heading metadata of a parsed document, in order. */
export function collectHeadings(tokens: readonly Token[]): HeadingMeta[] {
  return tokens
    .filter((t) => t.type === "heading_open" && t.meta && typeof t.meta.id === "string")
    .map((t) => t.meta as unknown as HeadingMeta);
}

/** Every element id a parsed document sets (headings, `{: #id}` on any block or image), with its 0-based body line. */
export function collectElementIds(tokens: readonly Token[]): { id: string; line?: number }[] {
  const ids: { id: string; line?: number }[] = [];
  for (const token of tokens) {
    const id = token.attrGet("id");
    if (id !== null) ids.push({ id: String(id), line: token.map?.[0] });
    const line = token.map?.[0];
    for (const child of token.children ?? []) {
      const childId = child.attrGet("id");
      if (childId !== null) ids.push({ id: String(childId), line });
    }
  }
  return ids;
}
