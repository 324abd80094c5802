/**
 * The search document of a page: the small HTML Pagefind indexes instead of the page itself.
 *
 * Pagefind parsing every written page (listing pages, shiki's thousands of token spans, the nav and
 * the footer of each) took 4.4 GiB at 4,000 posts. What a reader searches is only the indexed body
 * (`data-pagefind-body`): its text, its headings (with their ids, so a result jumps to the nearest
 * heading) and the post's tags. So one pass of htmlparser2 over the page keeps just that: block
 * elements and their text, ids, and every `data-pagefind-*` attribute of the page with the attributes
 * they read (`image[src]`), so meta, filters and sort keys come out of Pagefind as from the page.
 * Inline markup is unwrapped (its text stays where it was, as Pagefind would read it).
 *
 * Text of the indexed body goes through `analyze` (Korean stems marked, src/search/korean-index.ts);
 * the value of a meta or filter is always the page's own text, unchanged.
 */
import { Parser } from "htmlparser2";

/** Parts of a post that are not its content (the same list Pagefind was given as `excludeSelectors`). */
export const NOT_INDEXED_CLASSES = [
  "heading-anchor", // the "#" link after each heading
  "term-list", // category kicker and tag list (the tags are added once, at the end)
  "post__meta", // dates and reading time
  "toc",
  "series", // the list of the series' other posts
  "post__footer", // tags, previous and next post titles
  "code-block__header", // language label
] as const;

/** Elements whose text is never content. */
const SKIPPED_ELEMENTS = new Set(["script", "style", "svg", "template", "noscript", "button", "form", "iframe", "object", "canvas", "select", "textarea"]);

/** Elements kept as elements: Pagefind separates the text of block elements with a space. */
const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
]);
const VOID_ELEMENTS = new Set(["br", "hr", "img", "meta", "link", "input", "source", "wbr"]);

const CAPTURE_ATTRIBUTES = ["data-pagefind-meta", "data-pagefind-filter", "data-pagefind-sort"] as const;

export interface SearchDocument {
  /** The page's URL, as Pagefind gets it (no path prefix: the client adds its own base). */
  url: string;
  /** The HTML given to Pagefind. */
  html: string;
  /** Title and heading texts and tags, as written (for the choseong and typo vocabulary). */
  labels: string[];
  /** Every text of the indexed body, as written (for the compound vocabulary). */
  text: string;
}

export interface SearchDocumentOptions {
  /** Rewrites one text of the indexed body (Korean analysis). @default identity */
  analyze?: (text: string) => string;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/** The attributes a meta, filter or sort value reads: `image[src]` reads `src`. */
function referencedAttributes(value: string): string[] {
  return [...value.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!.trim());
}

function openTag(name: string, attributes: [string, string][]): string {
  const rendered = attributes.map(([key, value]) => (value === "" ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`)).join("");
  return `<${name}${rendered}>`;
}

interface Frame {
  name: string;
  /** The closing tag written when this element ends ("" when unwrapped or skipped). */
  close: string;
  /** Inside content that is not indexed (skipped, excluded or `data-pagefind-ignore`). */
  ignored: boolean;
  /** A meta/filter/sort element: its text is collected for the ignored copy that carries the attributes. */
  capture?: { attributes: [string, string][]; text: string };
  isBody: boolean;
  isTagList: boolean;
  isTag: boolean;
  isFooter: boolean;
}

/**
 * The search document of `html`, or undefined when the page has no indexed body.
 * @param url the page's URL (`/posts/x/`)
 */
export function buildSearchDocument(html: string, url: string, { analyze = (text) => text }: SearchDocumentOptions = {}): SearchDocument | undefined {
  if (!html.includes("data-pagefind-body")) return undefined;
  const stack: Frame[] = [];
  let lang = "";
  let title = "";
  let inTitle = false;
  let bodyDepth = 0;
  let footerDepth = 0;
  let body = "";
  const outside: string[] = [];
  const labels: string[] = [];
  const texts: string[] = [];
  const tags: string[] = [];
  let heading: string | undefined;
  let tag: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack.at(-1);
        const classes = (attributes.class ?? "").split(/\s+/);
        if (name === "html" && attributes.lang) lang = attributes.lang;
        if (name === "title" && bodyDepth === 0) inTitle = true;
        const isBody = "data-pagefind-body" in attributes;
        const isTagList = classes.includes("term-list") && footerDepth > 0;
        const isTag = name === "a" && (parent?.isTagList ?? false);
        const isFooter = classes.includes("post__footer");
        if (isFooter) footerDepth++;
        const inside = bodyDepth > 0 || isBody;
        const ignored =
          (parent?.ignored ?? false) ||
          (!isBody &&
            (SKIPPED_ELEMENTS.has(name) ||
              "data-pagefind-ignore" in attributes ||
              attributes["aria-hidden"] === "true" ||
              NOT_INDEXED_CLASSES.some((excluded) => classes.includes(excluded))));
        const frame: Frame = { name, close: "", ignored, isBody, isTagList: isTagList || (parent?.isTagList ?? false), isTag, isFooter };
        if (isBody) bodyDepth++;

        const captured = CAPTURE_ATTRIBUTES.filter((key) => key in attributes);
        if (captured.length > 0 && !isBody) {
          const kept: [string, string][] = [["data-pagefind-ignore", ""]];
          for (const key of captured) {
            kept.push([key, attributes[key]!]);
            for (const read of referencedAttributes(attributes[key]!)) if (attributes[read] !== undefined) kept.push([read, attributes[read]]);
          }
          frame.capture = { attributes: kept, text: "" };
        }
        if (isTag) tag = "";

        if (inside && !ignored && name !== "img") {
          const kept: [string, string][] = [];
          if (attributes.id) kept.push(["id", attributes.id]);
          if (attributes.lang) kept.push(["lang", attributes.lang]);
          for (const [key, value] of Object.entries(attributes)) {
            if (!key.startsWith("data-pagefind-") || key === "data-pagefind-ignore") continue;
            if (!isBody && (CAPTURE_ATTRIBUTES as readonly string[]).includes(key)) continue; // carried by the ignored copy
            kept.push([key, value]);
            if (isBody || key === "data-pagefind-index-attrs") {
              const reads = key === "data-pagefind-index-attrs" ? value.split(",").map((part) => part.trim()) : referencedAttributes(value);
              for (const read of reads) if (attributes[read] !== undefined) kept.push([read, attributes[read]]);
            }
          }
          if (BLOCK_ELEMENTS.has(name) || kept.length > 0) {
            const tagName = BLOCK_ELEMENTS.has(name) ? name : "span";
            body += openTag(tagName, kept);
            frame.close = VOID_ELEMENTS.has(name) ? "" : `</${tagName}>`;
          }
          if (/^h[1-6]$/.test(name)) heading = "";
        }
        stack.push(frame);
      },
      ontext(text) {
        if (inTitle) title += text;
        for (const frame of stack) if (frame.capture) frame.capture.text += text;
        if (tag !== undefined) tag += text;
        const frame = stack.at(-1);
        if (bodyDepth === 0 || !frame || frame.ignored) return;
        if (heading !== undefined) heading += text;
        texts.push(text);
        body += escapeText(analyze(text));
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        const frame = stack.pop();
        if (!frame) return;
        if (frame.isTag && tag !== undefined) {
          if (tag.trim() !== "") tags.push(tag.trim().replace(/^#/, ""));
          tag = undefined;
        }
        if (/^h[1-6]$/.test(name) && heading !== undefined && !frame.ignored && bodyDepth > 0) {
          if (heading.trim() !== "") labels.push(heading.trim());
          heading = undefined;
        }
        if (frame.capture) {
          const copy = `${openTag("span", frame.capture.attributes)}${escapeText(frame.capture.text)}</span>`;
          if (bodyDepth > 0) body += copy;
          else outside.push(copy);
        }
        body += frame.close;
        if (frame.isBody) {
          bodyDepth--;
          if (bodyDepth === 0) body += "\n";
        }
        if (frame.isFooter) footerDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (body === "") return undefined;

  labels.push(...tags);
  const tagBlock = tags.length > 0 ? `<p>${escapeText(analyze(tags.join(" ")))}</p>` : "";
  // The tags go inside the indexed body (its last element), so they are searched like its text.
  const bodyWithTags = tagBlock ? body.replace(/<\/([a-z0-9]+)>\n$/, `${tagBlock}</$1>\n`) : body;
  const document =
    `<!doctype html><html${lang ? ` lang="${escapeAttribute(lang)}"` : ""}><head><title>${escapeText(title.trim())}</title></head>` +
    `<body>${bodyWithTags}${outside.join("")}</body></html>`;
  return { url, html: document, labels: labels.filter((label) => label !== ""), text: [...texts, ...tags].join(" ") };
}
