/**
 * Chirpy's `media_subpath` (`img_path` before Chirpy 7), applied in an imported post's copy.
 *
 * Chirpy prefixes every image of a post that has it (`<img src>` in the rendered content, and the
 * preview `image` / `image.path`) with the subpath, unless the URL has a scheme
 * (`_includes/media-url.html`: the subpath, `/`, the URL, then `//` folded to `/`). opsnote's build has
 * no such setting, so the copy says every image's whole path and loses the key: the post reads the same
 * in any markdown viewer, and a new post needs to know nothing of it.
 */
import { findOutsideFences } from "./references.ts";

/** The subpath a Chirpy post's front matter sets, with a leading `/` (Chirpy's site-relative reading), or undefined. */
export function mediaSubpathOf(frontMatter: Record<string, unknown>): string | undefined {
  const value = frontMatter.media_subpath ?? frontMatter.img_path;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const subpath = value.trim().replace(/\/+$/, "");
  return /^[a-z][a-z0-9+.-]*:/i.test(subpath) || subpath.startsWith("/") ? subpath : `/${subpath}`;
}

/**
 * The URL Chirpy published for `url` under `subpath`: unchanged when it has a scheme (`https:`, `data:`)
 * or is a fragment; otherwise the subpath joined to it. A root path is joined too, as Chirpy does,
 * unless `keepRootPath` says the file is there as written (a path the author wrote in full, which the
 * reader saw wherever a browser tolerated it).
 * @example withMediaSubpath("a.png", "/assets/img/k8s") // "/assets/img/k8s/a.png"
 * @example withMediaSubpath("./a.png", "https://cdn.example.com/img") // "https://cdn.example.com/img/a.png"
 */
export function withMediaSubpath(url: string, subpath: string, keepRootPath: (url: string) => boolean = () => false): string {
  if (url === "" || url.startsWith("#") || url.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (url.startsWith("/") && keepRootPath(url)) return url;
  // Chirpy joins the strings and the browser resolves `./` and `../` in the result: the URL parser does both.
  const remote = /^[a-z][a-z0-9+.-]*:/i.test(subpath);
  let joined: URL;
  try {
    joined = new URL(`./${url.replace(/^\/+/, "")}`, remote ? `${subpath}/` : `http://site${subpath}/`);
  } catch {
    return url;
  }
  return remote ? joined.href : `${joined.pathname}${joined.search}${joined.hash}`;
}

export interface MediaSubpathResult {
  /** The whole text with the images' URLs rewritten (front matter untouched). */
  text: string;
  /** Each rewritten URL, with its 1-based line in the file. */
  rewritten: { line: number; from: string; to: string }[];
}

// The destination as CommonMark reads it: `<a b.png>` (spaces allowed) or a run without spaces.
const MARKDOWN_IMAGE = /(!\[(?:[^\]\\]|\\.)*\]\(\s*)(<[^<>\n]+>|[^)\s<]+)/g;
const HTML_IMAGE = /(<img\b[^>]*?\bsrc\s*=\s*["'])([^"']+)/gi;

/**
 * Writes `subpath` into every image of the body (`![](x.png)`, `<img src="x.png">`) outside code
 * fences and inline code, as Chirpy published it. Lines before `firstBodyLine` (the front matter) stay.
 */
export function applyMediaSubpath(text: string, subpath: string, firstBodyLine: number, keepRootPath?: (url: string) => boolean): MediaSubpathResult {
  const rewritten: MediaSubpathResult["rewritten"] = [];
  const lines = text.split("\n");
  const body = lines.slice(firstBodyLine).join("\n");
  // findOutsideFences gives each line outside fences once; its pattern matches any line with an image.
  for (const { line } of findOutsideFences(body, /!\[|<img\b/i, firstBodyLine)) {
    const index = line - 1;
    const original = lines[index]!;
    // Inline code (`` `![](x.png)` `` in a sentence about markdown) is text: left as written.
    const code: string[] = [];
    const masked = original.replace(/(`+)[\s\S]*?\1/g, (span) => `\u0000${code.push(span) - 1}\u0000`);
    const rewrite = (whole: string, start: string, target: string) => {
      const angled = target.startsWith("<");
      const url = angled ? target.slice(1, -1) : target;
      const to = withMediaSubpath(url, subpath, keepRootPath);
      if (to === url) return whole;
      rewritten.push({ line, from: url, to });
      return `${start}${angled ? `<${to}>` : to}`;
    };
    lines[index] = masked.replace(MARKDOWN_IMAGE, rewrite).replace(HTML_IMAGE, rewrite).replace(/\u0000(\d+)\u0000/g, (_all, i: string) => code[Number(i)]!);
  }
  return { text: lines.join("\n"), rewritten };
}

/** The front matter's preview image (`image: x.png` or `image: { path: x.png }`) as Chirpy published it, keyed by what is written. */
export function previewImageUnderSubpath(frontMatter: Record<string, unknown>, subpath: string, keepRootPath?: (url: string) => boolean): Map<string, string> {
  const image = frontMatter.image;
  const value = typeof image === "string" ? image : image !== null && typeof image === "object" ? (image as Record<string, unknown>).path : undefined;
  if (typeof value !== "string" || value.trim() === "") return new Map();
  const to = withMediaSubpath(value, subpath, keepRootPath);
  return to === value ? new Map() : new Map([[value, to]]);
}
