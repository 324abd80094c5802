/**
 * The links and images of a post, read from the same markdown-it tokens the page is rendered from,
 * each with the file line it is written on, and sorted into what kind of target they point at.
 */
import type { Token } from "markdown-it";
import { Parser } from "htmlparser2";
import { decodeTarget } from "../urls/decode-target.ts";

export interface LinkRef {
  kind: "link" | "image";
  /** The target as markdown-it normalised it (non-ASCII percent-encoded). */
  href: string;
  /** 1-based file line. */
  line: number;
  /** 1-based column of the target in that line, when it is found there as written. */
  column?: number;
  /** True for bare URLs found by linkify: well-formed by construction. */
  auto: boolean;
}

/**
 * The `src` of each `<img>` in raw HTML, with how many lines into `html` its tag starts. Read with a
 * real parser: HTML allows `<img src = '/a.png'/>` (spaces, single quotes, no quotes at all).
 */
export function htmlImageSources(html: string): { src: string; lineIndex: number }[] {
  const found: { src: string; lineIndex: number }[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== "img" || attributes.src === undefined) return;
      found.push({ src: attributes.src.trim(), lineIndex: html.slice(0, parser.startIndex).split("\n").length - 1 });
    },
  }, { decodeEntities: true });
  parser.end(html);
  return found;
}

/**
 * Links and images in document order, table cells included, and the images of raw HTML (`<img src>`:
 * Beautiful Jekyll and Minimal Mistakes posts write many; a missing one went unreported).
 * `bodyLineOffset` turns body lines into file lines; inside a paragraph the line advances at each
 * soft or hard break.
 */
export function extractLinks(tokens: readonly Token[], bodyLineOffset: number): LinkRef[] {
  const links: LinkRef[] = [];
  const htmlImages = (html: string, line: number) => {
    for (const { src, lineIndex } of htmlImageSources(html)) links.push({ kind: "image", href: src, line: line + lineIndex, auto: false });
  };
  const walk = (children: readonly Token[], startLine: number) => {
    let line = startLine;
    for (const child of children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      else if (child.type === "link_open") {
        links.push({ kind: "link", href: String(child.attrGet("href") ?? ""), line, auto: child.markup === "linkify" });
      } else if (child.type === "image") {
        links.push({ kind: "image", href: String(child.attrGet("src") ?? ""), line, auto: false });
      } else if (child.type === "html_inline") {
        htmlImages(child.content, line);
      }
    }
  };
  // A GFM table cell's inline token has no map of its own: its line is its row's (`tr_open`), the
  // last block token with one.
  let blockLine: number | undefined;
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    if (token.type === "inline" && token.children && blockLine !== undefined) walk(token.children, blockLine + 1 + bodyLineOffset);
    else if (token.type === "html_block" && token.map) htmlImages(token.content, token.map[0] + 1 + bodyLineOffset);
  }
  return links;
}

/**
 * Where a `{% post_url x %}` / `{% link x %}` points in the analysed text: the analysis of one file
 * cannot know other posts' URLs, so the reference is kept in a URL the cross-post check resolves
 * (check-posts.ts) with the same post index the page uses.
 */
export const POST_REFERENCE_PREFIX = "/.opsnote-post-reference/";

/**
 * Adds the column where each target is written, looking for it as written or percent-decoded (a
 * post reference: where its tag is; a root-relative URL from `{{ site.url }}`: where that is).
 */
export function locateLinks(links: LinkRef[], fileLines: readonly string[]): LinkRef[] {
  // Two links to one target on a line: the second is looked for after the first.
  const searchFrom = new Map<number, number>();
  for (const link of links) {
    const text = fileLines[link.line - 1];
    if (text === undefined || link.href === "") continue;
    const from = searchFrom.get(link.line) ?? 0;
    let at = text.indexOf(link.href, from);
    if (at === -1) at = text.indexOf(decodeTarget(link.href), from);
    if (link.href.startsWith("/") && text.includes("site.url")) {
      // `{{ site.url }}` starting a target became root-relative: `{{ site.url }}` alone is `/`, which
      // as written would be found in some other URL of the line.
      const escaped = link.href.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const found = text.slice(from).search(new RegExp(`\\{\\{-?\\s*site\\.url\\s*-?\\}\\}(?:\\{\\{-?\\s*site\\.baseurl\\s*-?\\}\\})?/?${escaped}`));
      if (found !== -1 && (at === -1 || from + found < at)) at = from + found;
    }
    if (at === -1 && link.href.startsWith(POST_REFERENCE_PREFIX)) {
      const reference = decodeTarget(link.href.slice(POST_REFERENCE_PREFIX.length).split("#")[0]!);
      const found = text.slice(from).search(new RegExp(`\\{%-?\\s*(post_url|link)\\s+${reference.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      at = found === -1 ? -1 : from + found;
    }
    if (at !== -1) searchFrom.set(link.line, at + 1);
    if (at !== -1) link.column = at + 1;
  }
  return links;
}

/**
 * Code fences whose closing marker is missing: markdown-it then shows the rest of the post as code, or,
 * in a block quote or list item, ends the code with it (`>```` followed by lines without `>`).
 */
export function findUnclosedFences(tokens: readonly Token[], bodyLineOffset: number): UnclosedFence[] {
  const fences: UnclosedFence[] = [];
  // The block quotes and list items open around each token: a fence inside one ends with it.
  const containers: ("block quote" | "list item")[] = [];
  // The first line of the last block: a fence that ends before it was ended by its container.
  const lastStart = tokens.reduce((last, token) => Math.max(last, token.map?.[0] ?? 0), 0);
  for (const token of tokens) {
    if (token.type === "blockquote_open") containers.push("block quote");
    else if (token.type === "list_item_open") containers.push("list item");
    else if (token.type === "blockquote_close" || token.type === "list_item_close") containers.pop();
    if (token.type !== "fence" || !token.map) continue;
    // markdown-it's own count, so fences in blockquotes (`> ~~~`) and list items are understood:
    // the token spans its opening line, one line per content line, and the closing line if any.
    const [start, end] = token.map;
    const contentLines = token.content.split("\n").length - 1;
    if (end - start - 1 !== contentLines) continue;
    const container = lastStart >= end ? containers.at(-1) : undefined;
    fences.push({ line: start + 1 + bodyLineOffset, ...(container && { container }) });
  }
  return fences;
}

export interface UnclosedFence {
  /** The fence's opening line in the file. */
  line: number;
  /** The innermost block quote or list item it is in, when that ends it before the end of the post. */
  container?: "block quote" | "list item";
}

export type LinkTarget =
  | { type: "anchor"; fragment: string }
  | { type: "external"; url: string }
  | { type: "other-scheme" }
  | { type: "url"; path: string; fragment?: string }
  | { type: "post-file"; path: string; fragment?: string }
  | { type: "file"; path: string }
  | { type: "empty" };

export { decodeTarget };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/**
 * `**https://…**`: markdown emphasis (or quotes) typed inside the parentheses of a link; `((https://…))`,
 * the parentheses typed twice.
 */
const STRAY_BEFORE_URL = /^([*_~"'`(]+)https?:\/\//i;
const POST_FILE = /\.(md|markdown)$/i;
const FILE_NAME = /(^|\/)[^/]+\.[a-z0-9]+$/i;

/**
 * Sorts a target: `#id` (this post), `http(s)://` and `//` (external), `/path` (a site URL),
 * `x.md` (another post, by file), `img.png` (a file beside the post), `../x/` (a URL relative to the
 * post's own URL).
 */
export function classifyLink(href: string): LinkTarget {
  if (href.trim() === "") return { type: "empty" };
  if (href.startsWith("#")) return { type: "anchor", fragment: decodeTarget(href.slice(1)) };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return { type: "external", url: href };
  if (scheme !== undefined) return { type: "other-scheme" };
  if (href.startsWith("//")) return { type: "external", url: `https:${href}` };
  // `https//example.com` (colon missing) and `**https://x/**` (stray markdown) would otherwise pass for relative paths.
  if (/^https?\/\//i.test(href) || STRAY_BEFORE_URL.test(href)) return { type: "external", url: href };
  // `[RFC 6455]("https://…")`: markdown-it percent-encodes the quotes (`%22https://…%22`).
  if (STRAY_BEFORE_URL.test(decodeTarget(href))) return { type: "external", url: decodeTarget(href) };
  const hashAt = href.indexOf("#");
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const fragment = hashAt === -1 ? undefined : decodeTarget(href.slice(hashAt + 1));
  const pathPart = decodeTarget(beforeHash.split("?")[0] ?? "");
  if (pathPart.startsWith("/")) return { type: "url", path: pathPart, fragment };
  if (POST_FILE.test(pathPart)) return { type: "post-file", path: pathPart, fragment };
  if (pathPart === "") return { type: "anchor", fragment: fragment ?? "" };
  if (FILE_NAME.test(pathPart)) return { type: "file", path: pathPart };
  return { type: "url", path: pathPart, fragment };
}

/**
 * The URL path a site URL relative to a post (`../x/`, `'/images/a.png'` with its quotes) stands for:
 * resolved against the post's URL, as a browser would.
 */
export function resolveFromPost(relativePath: string, postUrl: string): string {
  return decodeTarget(new URL(relativePath, `http://site${encodeURI(postUrl)}`).pathname);
}

/**
 * The target a missing image is reported with, the same from `check` and from the renderer
 * (src/markdown/images.ts), so that the build prints the problem once (createWarningPrinter): the
 * path as written for a file beside the post or a site URL, resolved for a URL relative to the post.
 */
export function reportedImageTarget(src: string, postUrl: string | undefined): string {
  const target = classifyLink(src);
  if (target.type === "url" && !target.path.startsWith("/") && postUrl !== undefined) return resolveFromPost(target.path, postUrl);
  return "path" in target ? target.path : src;
}

/**
 * The URL inside quotes written around it, `![x]('/images/a.png')`, or undefined. Markdown reads
 * the quotes as part of the URL, so the browser asks for a path under the post's own URL
 * (gipyeong-lee's blog has three; `check` told it to publish a `2023/` folder). An external URL in
 * quotes is externalLinkProblem's.
 */
export function quotedUrl(href: string): string | undefined {
  // markdown-it percent-encodes `"` (not `'`) in a target.
  const match = /^(["'])(.+)\1$/.exec(decodeTarget(href).trim());
  return match !== null && !/^[a-z][a-z0-9+.-]*:/i.test(match[2]!) ? match[2] : undefined;
}

/** The one message for a quoted URL, from the renderer and from `check` alike (printed once). */
export function quotedUrlMessage(href: string, isImage: boolean): string {
  const url = quotedUrl(href)!;
  return `${decodeTarget(href)}: the quotes are part of the URL, which makes it a path under this post's URL; write ${isImage ? "![…]" : "[…]"}(${url})`;
}

/**
 * What is wrong with an external URL, or undefined when it is well formed. Nothing is fetched
 * (there may be no network): this catches typos (`http:/x`, an empty or dotless host, a space in
 * the host), not dead sites.
 */
export function externalLinkProblem(url: string): string | undefined {
  const stray = STRAY_BEFORE_URL.exec(url);
  const written = stray ? url.slice(stray[1]!.length).replace(/[*_~"'`)]+$/, "") : "";
  if (stray && /^["']+$/.test(stray[1]!)) return `is an external URL in quotes, which make it a path on this site; write [text](${written})`;
  if (stray) return `is an external URL with stray characters "${stray[1]}" before it; write [text](${written})`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL";
  }
  if (!/^[a-z]+:\/\//i.test(url)) return `is missing "//" after "${parsed.protocol}"`;
  if (parsed.hostname === "") return "has no host name";
  const host = parsed.hostname;
  if (!host.includes(".") && host !== "localhost" && !host.startsWith("[")) return `has a host name without a dot ("${host}")`;
  return undefined;
}
