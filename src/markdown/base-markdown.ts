/**
 * The markdown dialect of opsnote, shared by everything that reads a post body: the page
 * (create-markdown.ts adds the rendering plugins on top) and the excerpt behind the meta
 * description, `og:description`, JSON-LD and feeds (content/excerpt.ts). One definition, so
 * `**"인그레스"**는` is bold in the page and plain words in the description, never `**` in either.
 */
import markdownIt, { type MarkdownIt, type StateCore } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { sourceLocation, type MarkdownEnv } from "./env.ts";

/**
 * Every href is later read with `new URL(href, pageUrl)` (Eleventy's HtmlBasePlugin in the feeds),
 * which throws on what the URL parser rejects and fails the whole build naming no post.
 */
const HREF_BASE = "https://opsnote.invalid/posts/x/";

/** True when the URL parser accepts `href` on a page: a masked `https://192.168.X.1:6443` does not. */
export function isParseableHref(href: string): boolean {
  return URL.canParse(href, HREF_BASE);
}

export function createBaseMarkdown(): MarkdownIt {
  const md = markdownIt({
    html: true, // the author is trusted: raw HTML passes through (see README, "Escaping policy")
    linkify: true,
    typographer: false, // keep straight quotes: posts are full of code-like text
  });
  md.use(cjkFriendly); // changes emphasis delimiter rules, so `**"인그레스"**는` is bold; inline-level, order-free
  // Bare URLs (linkify) and `[x](…)` alike: a target the URL parser rejects stays text.
  const validateLink = md.validateLink.bind(md);
  md.validateLink = (url) => validateLink(url) && isParseableHref(url);
  return md;
}

/** `](scheme://…` left in text: an explicit link whose target validateLink refused. */
const REFUSED_LINK = /\]\(\s*<?([a-z][a-z\d+.-]*:\/\/[^\s)>]*)/gi;

export interface UnparseableLinksOptions {
  report?: DiagnosticSink;
}

/**
 * Reports each explicit `[x](…)` left as text because its URL does not parse, with its file line,
 * so the author learns why the link is missing (the check reads links from tokens and never sees it).
 */
export function unparseableLinksPlugin(md: MarkdownIt, { report }: UnparseableLinksOptions = {}): void {
  if (!report) return;
  md.core.ruler.push("opsnote_unparseable_links", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    const sourceLines = state.src.split("\n");
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.map) continue;
      let line = token.map[0];
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
        if (child.type !== "text") continue;
        for (const match of child.content.matchAll(REFUSED_LINK)) {
          const url = match[1]!;
          if (isParseableHref(md.normalizeLink(url))) continue;
          const column = (sourceLines[line] ?? "").indexOf(url);
          report({
            severity: "warning", ...sourceLocation(env, line), column: column === -1 ? undefined : column + 1,
            field: "link", message: `${url} is not a valid URL; shown as text`,
          });
        }
      }
    }
  });
}
