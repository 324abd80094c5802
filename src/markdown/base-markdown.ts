/**
 * The markdown dialect of opsnote, shared by everything that reads a post body: the page
 * (create-markdown.ts adds the rendering plugins on top) and the excerpt behind the meta
 * description, `og:description`, JSON-LD and feeds (content/excerpt.ts). One definition, so
 * `**"인그레스"**는` is bold in the page and plain words in the description, never `**` in either.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";

export function createBaseMarkdown(): MarkdownIt {
  const md = markdownIt({
    html: true, // the author is trusted: raw HTML passes through (see README, "Escaping policy")
    linkify: true,
    typographer: false, // keep straight quotes: posts are full of code-like text
  });
  md.use(cjkFriendly); // changes emphasis delimiter rules, so `**"인그레스"**는` is bold; inline-level, order-free
  return md;
}
