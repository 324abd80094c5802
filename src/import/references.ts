/**
 * What a post points to on its own site: images (markdown, HTML, Minimal Mistakes' figure include,
 * front-matter images) and links to files (PDFs, archives), and the Hugo/Zola shortcodes it uses.
 * Text only: no file system here.
 */
import { fenceTracker } from "./fences.ts";
import { withBrowserSlashes } from "../urls/browser-slashes.ts";
export interface Reference {
  /** As written after Liquid URL prefixes are removed, e.g. `/images/x.png` or `diagram.png`. */
  url: string;
  /** 1-based line in the post text, when the URL is found there. */
  line?: number;
}

/** `.jfif` is JPEG as Windows saves a picture from a browser. */
const IMAGE_FILE = /\.(png|jpe?g|jfif|gif|webp|avif|svg|ico|bmp)$/i;
/** Linked files worth bringing along; page links (`.html`, none) are URLs, not files. */
const LINKED_FILE = /\.(png|jpe?g|jfif|gif|webp|avif|svg|ico|bmp|pdf|zip|tar|gz|tgz|txt|csv|json|ya?ml|mp4|webm|mov|mp3|pptx?|xlsx?|docx?|key|drawio)$/i;

/** `{{ site.baseurl }}/x`, `{{ "/x" | relative_url }}` -> `/x`: a markdown destination cannot hold the spaces. */
export function stripLiquidUrls(text: string): string {
  return text
    .replace(/\{\{\s*site\.url\s*\}\}/g, "")
    .replace(/\{\{\s*site\.baseurl\s*\}\}/g, "")
    .replace(/\{\{\s*["']([^"']+)["']\s*\|\s*(relative_url|absolute_url)\s*\}\}/g, "$1");
}

/** `{{ site.url }}`, `{{ site.url }}{{ site.baseurl }}` or `{{ site.baseurl }}` starting a value, then the rest. */
const SITE_URL_START = /^\{\{-?\s*site\.(?:url\s*-?\}\}(?:\{\{-?\s*site\.baseurl\s*-?\}\})?|baseurl\s*-?\}\})(.*)$/s;
/** `{{ "/x" | relative_url }}` (or `absolute_url`) as a whole value, then the rest. */
const URL_FILTER = /^\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}(.*)$/s;

/**
 * A front-matter value that is one of the site's own URLs written with Jekyll's Liquid, as the
 * root-relative URL it names (the build adds the path prefix, as for a body's `{{ site.baseurl }}/x`);
 * undefined for any other value. Jekyll never runs Liquid in front matter: these reach the page only
 * through a theme, and opsnote reads the path.
 * @example liquidUrlPath("{{ site.url }}/assets/x.png") // "/assets/x.png"
 * @example liquidUrlPath('{{ "teaser.png" | relative_url }}') // "/teaser.png"
 */
export function liquidUrlPath(value: string): string | undefined {
  const trimmed = value.trim();
  const site = SITE_URL_START.exec(trimmed);
  if (site) return site[1] === "" ? "/" : /^[/?#]/.test(site[1]!) ? (site[1]!.startsWith("/") ? site[1] : `/${site[1]}`) : undefined;
  const filtered = URL_FILTER.exec(trimmed);
  if (filtered) return `${filtered[2]!.startsWith("/") ? "" : "/"}${filtered[2]}${filtered[3]}`;
  return undefined;
}

const isLocal = (url: string) => !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
const withoutQuery = (url: string) => url.split(/[?#]/)[0]!;

/** Front-matter images: Chirpy `image` / `image.path`, Minimal Mistakes `header.*`, Hugo `images`. */
function frontMatterImages(data: Record<string, unknown>): string[] {
  const header = (typeof data.header === "object" && data.header ? data.header : {}) as Record<string, unknown>;
  const image = data.image;
  const images = Array.isArray(data.images) ? data.images : [data.images];
  return [header.image, header.teaser, header.overlay_image, typeof image === "object" && image ? (image as Record<string, unknown>).path : image, ...images]
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    .map((value) => liquidUrlPath(value) ?? value);
}

/** Local files a post refers to, in order, each once. `body` is the text after the front matter. */
export function referencedFiles(data: Record<string, unknown>, body: string, bodyLineOffset = 0): Reference[] {
  const found: Reference[] = frontMatterImages(data).map((url) => ({ url }));
  const lines = stripLiquidUrls(body).split("\n");
  // HTML allows spaces around `=`: `<img src = '/post_img/x.png'/>` (kjhov195's 268 images).
  const pattern = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']|image_path=["']?([^"'\s%]+)["']?|(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|<a\b[^>]*\bhref\s*=\s*["']([^"']+)["']/g;
  // What a code block or inline code shows is text: no file of the page (a post about markdown shows `![](x.png)`).
  forEachLineOutsideFences(lines, (written, index) => {
    const line = written.replace(/(`+)[\s\S]*?\1/g, "");
    for (const match of line.matchAll(pattern)) {
      const url = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5]!;
      const isLink = match[4] !== undefined || match[5] !== undefined;
      if (isLink && !LINKED_FILE.test(withoutQuery(url))) continue;
      found.push({ url, line: bodyLineOffset + index + 1 });
    }
    // `<img srcset="/a.png 1x, /a@2x.png 2x">`, `<source srcset=…>`: each candidate's URL.
    for (const match of line.matchAll(/\bsrcset=(["'])([^"']+)\1/gi)) {
      for (const candidate of match[2]!.split(",")) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ url, line: bodyLineOffset + index + 1 });
      }
    }
  });
  const seen = new Set<string>();
  return found
    .map((ref) => (isLocal(ref.url) ? { ...ref, url: withBrowserSlashes(ref.url) } : ref))
    .filter((ref) => isLocal(ref.url) && (IMAGE_FILE.test(withoutQuery(ref.url)) || LINKED_FILE.test(withoutQuery(ref.url))))
    .filter((ref) => !seen.has(ref.url) && seen.add(ref.url));
}

/** Calls `visit` with each line (and its 0-based index) that is outside a fenced code block and is not a fence. */
function forEachLineOutsideFences(lines: readonly string[], visit: (line: string, index: number) => void): void {
  const fences = fenceTracker();
  lines.forEach((line, index) => {
    if (fences.read(line) === "text") visit(line, index);
  });
}

/**
 * The first match of `pattern` on each line of `body` outside fenced code, with its 1-based line in
 * the file (`bodyLineOffset` lines of front matter before the body): what a conversion left behind.
 * @param prepare rewrites a line before matching (blanking inline code, say)
 */
export function findOutsideFences(body: string, pattern: RegExp, bodyLineOffset = 0, prepare: (line: string) => string = (line) => line): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  forEachLineOutsideFences(body.split("\n"), (line, index) => {
    const match = pattern.exec(prepare(line));
    if (match) found.push({ line: bodyLineOffset + index + 1, text: match[0] });
  });
  return found;
}

/**
 * Removes what is inside HTML comments (`<!-- … -->`, over several lines too) from lines read in
 * order: a tag or shortcode the author commented out is shown to no reader, so it is not reported.
 */
export function htmlCommentStripper(): (line: string) => string {
  let inComment = false;
  return (line) => {
    let kept = "";
    let rest = line;
    for (;;) {
      if (inComment) {
        const close = rest.indexOf("-->");
        if (close === -1) return kept;
        inComment = false;
        rest = rest.slice(close + 3);
      }
      const open = rest.indexOf("<!--");
      if (open === -1) return kept + rest;
      kept += rest.slice(0, open);
      rest = rest.slice(open + 4);
      inComment = true;
    }
  };
}

/** Hugo `{{< x >}}` / `{{% x %}}` and Zola `{{ x(…) }}` / `{% x(…) %}` shortcodes, by line, outside code fences and HTML comments. */
export function findShortcodes(body: string, bodyLineOffset = 0): { line: number; text: string }[] {
  return findOutsideFences(body, /\{\{[<%]\s*\/?\s*[\w-]+[^}]*[>%]\}\}|\{\{\s*[a-z_]\w*\([^)]*\)\s*\}\}|\{%\s*[a-z_]\w*\([^)]*\)\s*%\}/i, bodyLineOffset, htmlCommentStripper());
}
