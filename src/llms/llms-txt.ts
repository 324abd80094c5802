/**
 * `/llms.txt` and `/llms-full.txt` (https://llmstxt.org): the site for language models. llms.txt is
 * the title, the description as a blockquote, and a markdown list of every published post with its
 * absolute URL and summary; llms-full.txt holds every post's markdown as written, without its front
 * matter, so a model can read the blog in one request.
 */
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";

type LlmsSite = Pick<SiteSettings, "title" | "description" | "url" | "pathPrefix">;

export interface LlmsPost {
  post: Post;
  /** The post's markdown after its front matter. */
  body: string;
}

/** One line of text: newlines and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Text for inside `[…]` of a markdown link. */
function linkText(text: string): string {
  return oneLine(text).replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/** A markdown link destination; `<…>` keeps spaces and parentheses (absolute URLs are already encoded). */
function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function heading(site: LlmsSite): string {
  const description = oneLine(site.description);
  return `# ${oneLine(site.title)}\n${description === "" ? "" : `\n> ${description}\n`}`;
}

/** `posts` newest first, `pages` (the about page, …) after them. */
export function buildLlmsTxt(site: LlmsSite, posts: readonly Post[], pages: readonly Post[] = [], fullTextUrl?: string): string {
  const item = (post: Post) => {
    const summary = oneLine(post.excerpt);
    return `- [${linkText(post.title)}](${linkTarget(absoluteUrl(site, post.url))})${summary === "" ? "" : `: ${summary}`}`;
  };
  const sections = [heading(site), `## Posts\n\n${posts.map(item).join("\n")}\n`];
  if (pages.length > 0) sections.push(`## Pages\n\n${pages.map(item).join("\n")}\n`);
  if (fullTextUrl) sections.push(`## Optional\n\n- [Full text](${linkTarget(absoluteUrl(site, fullTextUrl))}): every post's markdown in one file\n`);
  return sections.join("\n");
}

/** Every post's title, URL, date and markdown body, newest first, separated by rules. */
export function buildLlmsFullTxt(site: LlmsSite, posts: readonly LlmsPost[]): string {
  const parts = posts.map(({ post, body }) => {
    const meta = [`URL: ${absoluteUrl(site, post.url)}`, `Date: ${post.date.iso}`];
    if (post.tags.length > 0) meta.push(`Tags: ${post.tags.map((tag) => tag.name).join(", ")}`);
    if (post.categories.length > 0) meta.push(`Categories: ${post.categories.map((category) => category.name).join(", ")}`);
    return `# ${oneLine(post.title)}\n\n${meta.join("\n")}\n\n${body.trim()}\n`;
  });
  // A blank line before each rule: after a paragraph, `---` would turn it into a heading.
  return `${heading(site)}\n${parts.join("\n---\n\n")}`;
}
