/**
 * Images: intrinsic width and height in the HTML (the browser reserves the space, so nothing
 * jumps while images load), lazy loading for every image but the first of a post, and captions.
 *
 * An image alone in its paragraph becomes `<figure>` with a `<figcaption>` when it has a title
 * (`![alt](src "title")`) or when an italic line follows it directly (`*caption*` on the next line),
 * the two ways Jekyll posts caption images. Sizes are read from the files at build time:
 * `/assets/…` from the project's `assets/` folder (or the `assets/` beside the posts folder, where
 * `npm run import` puts a migrated blog's images), relative paths from the post's folder.
 * Remote images keep no size (the build never fetches).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { sourceLocation, type MarkdownEnv } from "./env.ts";
import { quotedUrl, quotedUrlMessage, reportedImageTarget } from "../check/links.ts";
import { decodeTarget } from "../urls/decode-target.ts";
import { defineRenderInput, noteRenderInput } from "./render-inputs.ts";

export interface ImagesOptions {
  /** The folder `/assets/` URLs are served from. @default path.resolve("assets") */
  assetsDir?: string;
  /** Receives a warning for a local image whose file is missing or unreadable. @default ignore */
  report?: DiagnosticSink;
}

export interface ImageDimensions {
  width: number;
  height: number;
}

/**
 * The file a local image URL points to, or undefined for remote and data URLs.
 * @example resolveImageFile("/assets/a.png", { assetsDir: "/site/assets", postFile: "posts/x.md" }) // "/site/assets/a.png"
 */
export function resolveImageFile(src: string, { assetsDir, postFile }: { assetsDir: string; postFile?: string }): string | undefined {
  if (src === "" || /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(src)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURI(src.replace(/[?#].*$/s, ""));
  } catch {
    return undefined;
  }
  if (pathname.startsWith("/assets/")) return path.join(assetsDir, pathname.slice("/assets/".length));
  if (pathname.startsWith("/") || postFile === undefined) return undefined;
  return path.resolve(path.dirname(postFile), pathname);
}

/**
 * The caption of an image-only paragraph: the image's title, or the italic line right under it.
 * Returns the caption's inline tokens and whether the title was used, or undefined when the
 * paragraph is not a captioned image.
 */
export function findImageCaption(children: readonly Token[]): { image: Token; caption: Token[]; fromTitle: boolean } | undefined {
  const meaningful = children.filter((t) => !(t.type === "text" && t.content.trim() === ""));
  const image = meaningful[0];
  if (image?.type !== "image") return undefined;
  const rest = meaningful.slice(1);
  if (rest.length === 0) {
    const title = String(image.attrGet("title") ?? "");
    if (title.trim() === "") return undefined;
    const text = { type: "text", content: title, tag: "", nesting: 0 } as Token;
    return { image, caption: [text], fromTitle: true };
  }
  const [softbreak, open] = rest;
  const close = rest.at(-1);
  if (softbreak?.type !== "softbreak" || open?.type !== "em_open" || close?.type !== "em_close") return undefined;
  const caption = rest.slice(2, -1);
  // `*a* b *c*` is not one italic line.
  if (caption.some((t) => t.type === "em_open" && t.level === open.level)) return undefined;
  return { image, caption, fromTitle: false };
}

const pageUrl = (env: MarkdownEnv | undefined) => (typeof env?.page?.url === "string" ? env.page.url : undefined);

function imagesRule(state: StateCore): void {
  let first = true;
  const tokens = state.tokens;
  // The line of the last block that has one: a table cell's inline token has none, its row does.
  let blockLine: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) blockLine = token.map[0];
    if (token.type !== "inline" || !token.children) continue;
    let sourceLines: string[] | undefined; // split only for a paragraph with an image
    for (const child of token.children) {
      if (child.type !== "image") continue;
      // Inline tokens have no line of their own: the paragraph's (or the table row's), plus the line of
      // the paragraph the image's target is on, as the check counts it (one problem, one line: printed once).
      const src = String(child.attrGet("src") ?? "");
      let target = src;
      try {
        target = decodeURI(src);
      } catch {
        // keep as written
      }
      // Backslashes as slashes: `\assets\x.png` is the target `/assets/x.png` (withBrowserSlashes).
      sourceLines ??= token.content.split("\n").map((line) => line.replaceAll("\\", "/"));
      const within = Math.max(0, sourceLines.findIndex((line) => line.includes(`(${target}`) || line.includes(`(${src}`)));
      const line = token.map?.[0] ?? blockLine;
      child.meta = { ...child.meta, firstImage: first, line: line === undefined ? undefined : line + within };
      first = false;
    }
    const open = tokens[i - 1];
    const close = tokens[i + 1];
    if (open?.type !== "paragraph_open" || close?.type !== "paragraph_close" || open.hidden) continue;
    const found = findImageCaption(token.children);
    if (!found) continue;
    open.tag = close.tag = "figure";
    if (found.fromTitle) found.image.attrs = (found.image.attrs ?? []).filter(([name]) => name !== "title");
    const figcaptionOpen = new state.Token("html_inline", "", 0);
    figcaptionOpen.content = "<figcaption>";
    const figcaptionClose = new state.Token("html_inline", "", 0);
    figcaptionClose.content = "</figcaption>";
    if (found.fromTitle) found.caption = found.caption.map((t) => Object.assign(new state.Token("text", "", 0), { content: t.content }));
    token.children = [found.image, figcaptionOpen, ...found.caption, figcaptionClose];
  }
}

/** Render input kind (render-inputs.ts): a file's modification time and byte size, or "missing". */
const FILE_STAMP = "file-stamp";

function fileStamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return "missing";
  }
}

export function imagesPlugin(md: MarkdownIt, { assetsDir = path.resolve("assets"), report }: ImagesOptions = {}): void {
  defineRenderInput(md, FILE_STAMP, fileStamp);
  const sizes = new Map<string, { mtimeMs: number; size: ImageDimensions | undefined }>();
  const sizeOf = (file: string): ImageDimensions | undefined | "missing" => {
    const stamp = fileStamp(file);
    noteRenderInput(FILE_STAMP, file, stamp); // a cached render holds this size while the file is unchanged
    if (stamp === "missing") return "missing";
    const mtimeMs = statSync(file).mtimeMs;
    const cached = sizes.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.size;
    let size: ImageDimensions | undefined;
    try {
      const { width, height } = imageSize(readFileSync(file));
      size = width && height ? { width, height } : undefined;
    } catch {
      size = undefined;
    }
    sizes.set(file, { mtimeMs, size });
    return size;
  };

  md.core.ruler.push("opsnote_images", imagesRule);
  const renderDefault = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as (MarkdownEnv & { eleventy?: { directories?: { input?: string } } }) | undefined;
    const token = tokens[idx]!;
    const src = String(token.attrGet("src") ?? "");
    const input = env?.eleventy?.directories?.input;
    // The file src/static/local-references.ts found among the published files, when it did.
    const published = token.meta?.file as string | undefined;
    const candidates = published !== undefined ? [published] : [assetsDir, ...(input ? [path.resolve(input, "..", "assets")] : [])].map((dir) =>
      resolveImageFile(src, { assetsDir: dir, postFile: env?.page?.inputPath }),
    );
    let size: ReturnType<typeof sizeOf> | undefined;
    for (const file of new Set(candidates)) {
      if (file === undefined) continue;
      size = sizeOf(file);
      if (size !== "missing") break;
    }
    if (size === "missing" && quotedUrl(src) !== undefined) {
      report?.({ severity: "warning", ...sourceLocation(env, token.meta?.line as number | undefined), field: "image", message: quotedUrlMessage(src, true), kind: "quoted-url", target: decodeTarget(src) });
    } else if (size === "missing") {
      report?.({ severity: "warning", ...sourceLocation(env, token.meta?.line as number | undefined), field: "image", message: `image file not found: ${src}`, kind: "missing-image", target: reportedImageTarget(src, pageUrl(env)) });
    } else if (size && token.attrGet("width") === null && token.attrGet("height") === null) {
      // A size the author set (kramdown `{: width="700"}`) wins over the file's.
      token.attrSet("width", String(size.width));
      token.attrSet("height", String(size.height));
    }
    if (token.meta?.firstImage !== true) {
      // `{: loading="eager"}` from the author wins.
      if (token.attrGet("loading") === null) token.attrSet("loading", "lazy");
      token.attrSet("decoding", "async");
    }
    return renderDefault(tokens, idx, options, rawEnv, self);
  };
}
