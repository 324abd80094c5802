/**
 * Relative image and link targets of a post that point at a published file (`![](diagram.png)`
 * beside `posts/notes/x.md`) become that file's root-relative URL (`/notes/diagram.png`): the page
 * is at `/notes/x/`, where the relative target would not resolve (see static-files.ts for why files
 * are published at their folder's URL). Every image that is a local file also gets `meta.file`, the
 * file it shows, which images.ts reads its size from.
 *
 * Only targets with a file extension are files (`x.png`, `docs/a.pdf`); `.md` targets are links to
 * posts, and `../other/` is a page URL relative to the page. What resolves to no served folder is
 * left as written, and so is a missing file (`check` reports both). Raw HTML (`<img src="x.png" width="300">`)
 * gets the same rewrite of its quoted targets.
 */
import path from "node:path";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { filesOfUrl, urlOfFile, type SiteFileLookup } from "./static-files.ts";
import { decodeTarget as decode } from "../urls/decode-target.ts";
import { defineRenderInput, noteRenderInput } from "../markdown/render-inputs.ts";

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const FILE_NAME = /(^|\/)[^/]+\.[a-z0-9]+$/i;
const POST_FILE = /\.(md|markdown)$/i;


/** `/notes/한글 이름.png` -> `/notes/%ED%95%9C%EA%B8%80%20%EC%9D%B4%EB%A6%84.png`. */
export function encodeUrlPath(urlPath: string): string {
  return urlPath.split("/").map(encodeURIComponent).join("/");
}

export interface LocalTarget {
  /** The target as the page should write it. */
  href: string;
  /** The file it points at (a root target's may not exist). */
  file: string;
}

/**
 * Where a link or image target of `postFile` points among the published files: a new root-relative
 * `href` for a relative file target, the same `href` for a root one. Undefined for remote, anchor,
 * post (`.md`) and page targets, and for files no served folder holds.
 */
export function resolveLocalTarget(href: string, postFile: string, files: Pick<SiteFileLookup, "folders" | "fileAt">): LocalTarget | undefined {
  const { folders } = files;
  if (href === "" || href.startsWith("#") || href.startsWith("//") || SCHEME.test(href)) return undefined;
  const cut = href.search(/[?#]/);
  const rawPath = cut === -1 ? href : href.slice(0, cut);
  const suffix = cut === -1 ? "" : href.slice(cut);
  const targetPath = decode(rawPath);
  if (!FILE_NAME.test(targetPath) || POST_FILE.test(targetPath)) return undefined;
  if (targetPath.startsWith("/")) {
    const file = files.fileAt(targetPath)?.source ?? filesOfUrl(targetPath, folders)[0];
    return file === undefined ? undefined : { href, file };
  }
  const url = urlOfFile(path.resolve(path.dirname(postFile), targetPath), folders);
  // Looked up by URL (NFC), so a file saved with a macOS (NFD) name is found whichever way the post spells it.
  const published = url === undefined ? undefined : files.fileAt(url);
  // A missing file keeps its target as written, so the warning about it names what the post says.
  if (url === undefined || published === undefined) return undefined;
  return { href: `${encodeUrlPath(url)}${suffix}`, file: published.source };
}

/** Render input kind (render-inputs.ts): where a post's relative target points among the published files. */
const LOCAL_TARGET = "local-target";

export interface LocalReferencesOptions {
  /** The published files of the current build (read again on every render), if listed yet. */
  files(): Pick<SiteFileLookup, "folders" | "fileAt"> | undefined;
}

/** Installs the rewrite as a core rule after everything else (attribute lists and captions keep their tokens). */
export function localReferencesPlugin(md: MarkdownIt, { files }: LocalReferencesOptions): void {
  /** The answer as the render cache keeps it (render-inputs.ts): a cached render holds while it is the same. */
  const answer = (href: string, postFile: string) => {
    const served = files();
    const target = served === undefined ? undefined : resolveLocalTarget(href, postFile, served);
    return target === undefined ? "" : `${target.href}\n${target.file}`;
  };
  defineRenderInput(md, LOCAL_TARGET, (href, env) => {
    const postFile = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    return postFile === undefined ? "" : answer(href, postFile);
  });
  md.core.ruler.push("opsnote_local_references", (state: StateCore) => {
    const postFile = (state.env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (postFile === undefined) return;
    const served = files();
    if (served === undefined) return;
    const resolve = (href: string) => {
      const target = resolveLocalTarget(href, postFile, served);
      noteRenderInput(LOCAL_TARGET, href, target === undefined ? "" : `${target.href}\n${target.file}`);
      return target;
    };
    const visit = (token: Token) => {
      const attr = token.type === "image" ? "src" : token.type === "link_open" ? "href" : undefined;
      if (attr === undefined) return;
      const target = resolve(String(token.attrGet(attr) ?? ""));
      if (!target) return;
      token.attrSet(attr, target.href);
      if (token.type === "image") token.meta = { ...token.meta, file: target.file };
    };
    const rewriteHtml = (token: Token) => {
      token.content = rewriteHtmlTargets(token.content, (href) => resolve(href)?.href);
      // The files raw `<img>` tags show, for responsive images (src/images/), keyed by the src as now written.
      const imageFiles: Record<string, string> = {};
      for (const src of htmlImageSources(token.content)) {
        const target = resolve(src);
        if (target) imageFiles[src] = target.file;
      }
      if (Object.keys(imageFiles).length > 0) token.meta = { ...token.meta, imageFiles };
    };
    for (const token of state.tokens) {
      if (token.type === "html_block") rewriteHtml(token);
      if (token.type !== "inline") continue;
      for (const child of token.children ?? []) {
        if (child.type === "html_inline") rewriteHtml(child);
        else visit(child);
      }
    }
  });
}

const HTML_IMG = /<img\b[^<>]*>/gi;
const HTML_SRC = /\ssrc\s*=\s*(["'])([^"'<>]*)\1/i;

/**
 * The `src` of every `<img>` tag in raw HTML, as a URL (`&amp;` decoded).
 * @example htmlImageSources('<p><img src="/a.png" width="300"></p>') // ["/a.png"]
 */
export function htmlImageSources(html: string): string[] {
  if (!html.includes("<")) return [];
  return [...html.matchAll(HTML_IMG)].flatMap(([tag]) => {
    const src = HTML_SRC.exec(tag)?.[2];
    return src === undefined ? [] : [src.replace(/&amp;/g, "&")];
  });
}

/** The tags whose targets raw HTML in posts uses for files, and those attributes. */
const HTML_TAG = /<(?:img|a|source|video|audio|embed|object|iframe)\b[^<>]*>/gi;
const HTML_TARGET = /(\s(?:src|href|poster|data)\s*=\s*)(["'])([^"'<>]*)\2/gi;

/**
 * `<img src="diagram.png" width="300">` in a post's raw HTML (Jekyll posts size images so): each
 * quoted `src`, `href`, `poster` or `data` of a media or link tag that `rewrite` maps is replaced; the
 * rest of the HTML is kept byte for byte.
 */
export function rewriteHtmlTargets(html: string, rewrite: (href: string) => string | undefined): string {
  if (!html.includes("<")) return html;
  return html.replace(HTML_TAG, (tag) =>
    tag.replace(HTML_TARGET, (whole, before: string, quote: string, value: string) => {
      const decoded = value.replace(/&amp;/g, "&");
      const target = rewrite(decoded);
      return target === undefined ? whole : `${before}${quote}${target.replace(/&/g, "&amp;")}${quote}`;
    }));
}
