/**
 * The markdown dialect of opsnote, shared by everything that reads a post body: the page
 * (create-markdown.ts adds the rendering plugins on top) and the excerpt behind the meta
 * description, `og:description`, JSON-LD and feeds (content/excerpt.ts). One definition, so
 * `**"인그레스"**는` is bold in the page and plain words in the description, never `**` in either,
 * and `:memo:` is 📝 in both when the site turns emoji on.
 */
import markdownIt, { type MarkdownIt, type RendererRule, type StateCore, type Token } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { emojiPlugin } from "./emoji.ts";
import { withBrowserSlashes } from "../urls/browser-slashes.ts";

/**
 * Every href and src is later read with `new URL(value, pageUrl)` (Eleventy's HtmlBasePlugin, in the
 * feeds), which throws on what the URL parser rejects and fails the whole build naming no post.
 */
const HREF_BASE = "https://opsnote.invalid/posts/x/";

/** True when the URL parser accepts `href` on a page: a masked `https://192.168.X.1:6443` does not. */
export function isParseableHref(href: string): boolean {
  return URL.canParse(href, HREF_BASE);
}

export interface BaseMarkdownOptions {
  /** `:memo:` -> 📝 in text (the site's `emoji` setting, see emoji.ts). @default false */
  emoji?: boolean;
}

export function createBaseMarkdown({ emoji = false }: BaseMarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({
    html: true, // the author is trusted: raw HTML passes through (see README, "Escaping policy")
    linkify: true,
    typographer: false, // keep straight quotes: posts are full of code-like text
  });
  md.use(cjkFriendly); // changes emphasis delimiter rules, so `**"인그레스"**는` is bold; inline-level, order-free
  md.use(parseableUrlsPlugin);
  // Installed after parseableUrlsPlugin, so its rule runs first after `linkify`: a bare URL is still a
  // link then and keeps its `:name:`, even when it is turned back into text for not parsing.
  if (emoji) md.use(emojiPlugin);
  // Before markdown-it's own normalisation (which would encode `\` as %5C): the target a browser followed.
  const normalizeLink = md.normalizeLink;
  md.normalizeLink = (url) => normalizeLink(withBrowserSlashes(url));
  return md;
}

/**
 * No href or src the URL parser rejects reaches the HTML. A bare URL linkify found stays text (it
 * was text). An explicit `[x](…)` or `![x](…)` keeps its token, so `check` still reports it with its
 * file and line ("is not a valid URL"); the page shows the link's text or the image's alt text.
 */
function parseableUrlsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("linkify", "opsnote_unparseable_autolinks", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "inline" && token.children) token.children = unlinkUnparseable(state, token.children);
    }
  });
  const renderToken: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  const renderLinkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet("href");
    // `<a>` without href: the link text stays, as a placeholder link (valid HTML).
    if (href !== null && !isParseableHref(String(href))) token.attrs = (token.attrs ?? []).filter(([name]) => name !== "href");
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  const renderImage = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src");
    // An `<img>` needs a src: its alt text is shown instead.
    if (src !== null && !isParseableHref(String(src))) return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
    return renderImage(tokens, idx, options, env, self);
  };
}

/** Linkify's links whose URL does not parse, turned back into the text they were. */
function unlinkUnparseable(state: StateCore, children: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const open = children[i]!;
    const href = open.attrGet("href");
    if (open.type !== "link_open" || open.markup !== "linkify" || href === null || isParseableHref(String(href))) {
      out.push(open);
      continue;
    }
    let text = "";
    for (i += 1; i < children.length && children[i]!.type !== "link_close"; i++) text += children[i]!.content;
    const token = new state.Token("text", "", 0);
    token.content = text;
    out.push(token);
  }
  return out;
}
