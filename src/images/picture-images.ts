/**
 * The markdown image renderer's last step: a local raster image whose variants are ready becomes
 * `<picture>` with an AVIF and a WebP `<source>` (`srcset` + `sizes`) around the `<img>` the rest
 * of the pipeline wrote (size, lazy loading, classes such as Chirpy's `.dark` / `.light`, and the
 * original file as the fallback). Everything else (SVG, GIF, remote, `data:`, missing files, an
 * image whose encoding failed) is left as it was.
 *
 * A placeholder (LQIP) is the `<img>`'s background until the image paints: Chirpy's per-image
 * `{: lqip="…"}` as given, or the generated one when the post or the settings ask for it.
 */
import type { MarkdownIt, Token } from "markdown-it";
import { sizesAttribute, srcsetOf } from "./responsive-widths.ts";
import { isResponsiveRaster } from "./raster-files.ts";
import type { VariantSet } from "./image-variants.ts";
import { defineRenderInput, noteRenderInput } from "../markdown/render-inputs.ts";

/** Render input kind (src/markdown/render-inputs.ts): the variants an image's file has now. */
const VARIANTS_INPUT = "picture-variants";

/** What a cached render must still find for `file`: its variant URLs (content-hashed), or none. */
function variantsKey(set: VariantSet | Error | undefined): string {
  if (set === undefined) return "none";
  if (set instanceof Error) return "error";
  return `${set.sources.map((source) => source.variants.map((variant) => variant.url).join(" ")).join(" ")}${set.lqip === undefined ? "" : " lqip"}`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * `<picture>` with one `<source>` a format around an already rendered `<img>`.
 * @example pictureHtml('<img src="/a.png" alt="">', set, "(max-width: 672px) 100vw, 672px")
 */
export function pictureHtml(img: string, set: Pick<VariantSet, "sources">, sizes: string): string {
  const sources = set.sources.map((source) =>
    `<source type="${source.type}" srcset="${escapeAttribute(srcsetOf(source.variants))}" sizes="${escapeAttribute(sizes)}">`);
  return `<picture>${sources.join("")}${img}</picture>`;
}

/** The inline style that shows `placeholder` (a URL) behind an image until it loads. */
export function lqipStyle(placeholder: string): string {
  return `background:url("${placeholder.replace(/["\\\n]/g, (c) => encodeURIComponent(c))}") center/cover no-repeat`;
}

/** A placeholder an author may give: an image `data:` URL, or a path on the site (no other scheme). */
export function isPlaceholderUrl(value: string): boolean {
  return /^data:image\/[a-z0-9.+-]+;base64,[a-z0-9+/=]+$/i.test(value) || (value !== "" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value));
}

/** The width an image is shown at: the author's `width="…"` (px) when set, else its own. */
export function displayWidth(authorWidth: string | null, ownWidth: number): number {
  const given = authorWidth === null ? NaN : Number.parseFloat(authorWidth);
  return Number.isFinite(given) && given > 0 && !/%|em|vw/.test(authorWidth ?? "") ? given : ownWidth;
}

export interface PictureImagesOptions {
  /** The variants of a local file, once prepared (image-variants.ts). */
  variants(file: string): VariantSet | Error | undefined;
  /** Whether the page being rendered (markdown-it's env: the page data) asks for generated placeholders. */
  wantsLqip(env: unknown): boolean;
  /** Prepended to a root-relative `{: lqip="/…"}` (inline styles are not rewritten by HtmlBasePlugin). @default "/" */
  pathPrefix?: string;
}

/** The files of a raw HTML token's `<img>` tags by their `src` (set by src/static/local-references.ts). */
export function htmlImageFiles(token: Token): Record<string, string> {
  return (token.type === "html_block" || token.type === "html_inline" ? token.meta?.imageFiles as Record<string, string> | undefined : undefined) ?? {};
}

const HTML_IMG = /<img\b[^<>]*>/gi;
const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])([^"'<>]*)\\1`, "i").exec(tag)?.[2] ?? null;

/**
 * Each raw `<img>` of `html` whose file has variants wrapped in `<picture>`; an image without its own
 * width and height gets the file's, so it holds its place while it loads. HTML that already has a
 * `<picture>` is the author's and stays as written.
 * @example pictureHtmlImages('<p align="center"><img src="/a.png"></p>', { "/a.png": "/site/a.png" }, get) // '<p align="center"><picture>…<img src="/a.png" width="800" height="600"></picture></p>'
 */
export function pictureHtmlImages(html: string, files: Record<string, string>, variants: (file: string) => VariantSet | Error | undefined): string {
  if (/<picture\b/i.test(html)) return html;
  return html.replace(HTML_IMG, (tag) => {
    const src = attributeOf(tag, "src");
    const file = src === null ? undefined : files[src.replace(/&amp;/g, "&")];
    const set = file === undefined ? undefined : variants(file);
    if (set === undefined || set instanceof Error || set.sources.length === 0) return tag;
    const width = attributeOf(tag, "width");
    const sized = width === null && attributeOf(tag, "height") === null
      ? tag.replace(/^<img\b/i, `<img width="${set.width}" height="${set.height}"`) : tag;
    return pictureHtml(sized, set, sizesAttribute(displayWidth(width, set.width)));
  });
}

/** Whether inline HTML before `idx` opened a `<picture>` it has not closed (`<picture><img …></picture>` in a paragraph). */
function insideAuthorsPicture(tokens: readonly Token[], idx: number): boolean {
  let open = 0;
  for (const token of tokens.slice(0, idx)) {
    if (token.type !== "html_inline") continue;
    open += (token.content.match(/<picture\b/gi)?.length ?? 0) - (token.content.match(/<\/picture\s*>/gi)?.length ?? 0);
  }
  return open > 0;
}

export function pictureImagesPlugin(md: MarkdownIt, { variants: variantsOf, wantsLqip, pathPrefix = "/" }: PictureImagesOptions): void {
  // A cached render (src/markdown/render-cache.ts) names variant files: it holds only while the file has the same ones.
  defineRenderInput(md, VARIANTS_INPUT, (file) => variantsKey(variantsOf(file)));
  const variants = (file: string) => {
    const set = variantsOf(file);
    noteRenderInput(VARIANTS_INPUT, file, variantsKey(set));
    return set;
  };
  for (const rule of ["html_block", "html_inline"] as const) {
    const innerHtml = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const html = innerHtml(tokens, idx, options, env, self);
      const files = htmlImageFiles(tokens[idx]!);
      if (Object.keys(files).length === 0 || insideAuthorsPicture(tokens, idx)) return html;
      return pictureHtmlImages(html, files, (file) => (isResponsiveRaster(file) ? variants(file) : undefined));
    };
  }
  const inner = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token: Token = tokens[idx]!;
    // Chirpy's `{: lqip="…"}` is no attribute of <img>: it becomes the placeholder.
    const lqipAttribute = token.attrGet("lqip");
    const given = lqipAttribute === null || !isPlaceholderUrl(String(lqipAttribute)) ? null : String(lqipAttribute);
    if (lqipAttribute !== null) token.attrs = token.attrs!.filter(([name]) => name !== "lqip");
    // The file src/static/local-references.ts found among the published files.
    const file = token.meta?.file as string | undefined;
    const set = file !== undefined && isResponsiveRaster(file) ? variants(file) : undefined;
    const ready = set !== undefined && !(set instanceof Error) && set.sources.length > 0 ? set : undefined;
    const placeholder = given !== null && given !== "" ? (given.startsWith("/") ? `${pathPrefix.replace(/\/$/, "")}${given}` : given)
      : ready && wantsLqip(env) ? ready.lqip : undefined;
    if (placeholder !== undefined) {
      const style = token.attrGet("style");
      token.attrSet("style", style === null ? lqipStyle(placeholder) : `${lqipStyle(placeholder)};${style}`);
    }
    const img = inner(tokens, idx, options, env, self);
    const widthAttribute = token.attrGet("width");
    if (!ready) return img;
    return pictureHtml(img, ready, sizesAttribute(displayWidth(widthAttribute === null ? null : String(widthAttribute), ready.width)));
  };
}
