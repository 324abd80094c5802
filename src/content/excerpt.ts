/**
 * A post's excerpt as plain text: the `excerpt` key, else the text before `<!--more-->`, else the
 * first paragraph. Computed once from the markdown body (in buildPost) so the home page, term
 * pages, meta descriptions, feeds and JSON-LD all show the same words.
 *
 * The body is parsed in the page's markdown dialect (base-markdown.ts: the same emphasis rules, so
 * `**"인그레스"**는` loses its `**` here as in the page) without the rendering plugins: only the text of
 * paragraphs, headings and list items is wanted, and markdown-it knows what a paragraph is better
 * than any regular expression (fences, HTML blocks, `<!--more-->` inside code stay out).
 */
import type { MarkdownIt, Token } from "markdown-it";
import { createBaseMarkdown } from "../markdown/base-markdown.ts";

/** Jekyll's, Hugo's and WordPress's excerpt separator. */
export const MORE_MARKER = "<!--more-->";

export interface ExcerptOptions {
  /** `:memo:` -> 📝, as in the page (the site's `emoji` setting). @default false */
  emoji?: boolean;
}

const parsers = new Map<boolean, MarkdownIt>();
/** The page's dialect, emoji on or off: made once each. */
const parserFor = (emoji: boolean): MarkdownIt => parsers.get(emoji) ?? parsers.set(emoji, createBaseMarkdown({ emoji })).get(emoji)!;

/** Plain text of an inline token's children: code spans keep their text, images their alt. */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      // text_special (backslash escapes) is joined into text by a core rule a full parse runs.
      if (child.type === "text" || child.type === "text_special" || child.type === "code_inline" || child.type === "emoji") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      if (child.type === "image") return child.children?.map((c) => c.content).join("") ?? "";
      return "";
    })
    .join("");
}

/** kramdown attribute lists (`{: .notice--info}`) are markup, not words. */
function collapse(text: string): string {
  return text.normalize("NFC").replace(/^\{:[^}]*\}$/gm, "").replace(/\{:[^}\n]*\}/g, "").replace(/\s+/g, " ").trim();
}

/** `<!--more-->`, and Zola's spaced `<!-- more -->`. */
const MORE_PATTERN = /^<!--\s*more\s*-->/i;

function isMoreComment(html: string): boolean {
  return MORE_PATTERN.test(html.trim());
}

/** True when the `<!--more-->` marker stands on its own as an HTML block or inline HTML. */
function isMoreMarker(token: Token): boolean {
  if (token.type === "html_block") return isMoreComment(token.content);
  if (token.type === "inline") return token.children?.some((c) => c.type === "html_inline" && isMoreComment(c.content)) ?? false;
  return false;
}

/** Where a `<!--more-->` marker could be; when this does not match, there is none. */
const MORE_ANYWHERE = /<!--\s*more\s*-->/i;

/**
 * The first paragraph with text, as a full parse would give it: markdown-it parses blocks for the
 * whole body (so reference definitions are known), then inline content only for paragraphs until
 * one has text, instead of every paragraph, heading and table cell of the post (0.09 s instead of
 * 0.15 s per 1,000 bench-corpus posts; tests/content/excerpt.test.ts checks it against a full parse).
 */
function firstParagraphText(markdown: string, parser: MarkdownIt): string {
  const env = {};
  const tokens: Token[] = [];
  // markdown-it's "normalize" core rule, which a block parse expects to have run.
  parser.block.parse(markdown.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"), parser, env, tokens);
  for (let i = 0; i < tokens.length; i += 1) {
    const inline = tokens[i + 1];
    if (tokens[i]!.type !== "paragraph_open" || inline?.type !== "inline") continue;
    // parseInline runs the core rules after `inline` too (emoji among them); `env` holds the
    // block parse's reference definitions.
    inline.children = parser.parseInline(inline.content, env)[0]?.children ?? [];
    const text = collapse(inlineText(inline));
    if (text !== "") return text;
  }
  return "";
}

/**
 * The excerpt of a markdown body (front matter removed).
 * @example extractExcerpt("# 제목\n\n첫 문단 `kubectl`.\n\n둘째") // "첫 문단 kubectl."
 */
export function extractExcerpt(markdown: string, { emoji = false }: ExcerptOptions = {}): string {
  const parser = parserFor(emoji);
  // Without a marker (most posts), only the first paragraphs' inline text is read: see firstParagraphText.
  if (!MORE_ANYWHERE.test(markdown)) return firstParagraphText(markdown, parser);
  const tokens = parser.parse(markdown, {});
  const moreIndex = tokens.findIndex(isMoreMarker);
  if (moreIndex !== -1) {
    const before: string[] = [];
    for (const token of tokens.slice(0, moreIndex + 1)) {
      if (token.type !== "inline") continue;
      // Text on the marker's own line before it counts; text after it does not.
      const children = token.children ?? [];
      const stop = children.findIndex((c) => c.type === "html_inline" && isMoreComment(c.content));
      before.push(inlineText({ ...token, children: stop === -1 ? children : children.slice(0, stop) } as Token));
    }
    const text = collapse(before.join(" "));
    if (text !== "") return text;
  }
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i]!.type === "paragraph_open" && tokens[i + 1]?.type === "inline") {
      const text = collapse(inlineText(tokens[i + 1]!));
      if (text !== "") return text;
    }
  }
  return "";
}

/**
 * Shortens plain text to at most `maxLength` characters at a word boundary, adding "…".
 * For `<meta name="description">` and cards, which search engines cut anyway.
 * @default maxLength 160
 */
export function truncateText(text: string, maxLength = 160): string {
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  const cut = chars.slice(0, maxLength - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
