/**
 * Links from one post to another as Hugo and Zola write them, turned into links to the other post's
 * copy while a blog is imported: Hugo's `[x]({{< ref "other.md" >}})` (and `relref`, `{{% %}}`, a
 * `#heading` after the path) and Zola's `[x](@/blog/other.md)`. The copy says `../other/index.md`, a
 * link by file that the build turns into the post's URL (src/markdown/post-file-links.ts), so the link
 * follows the post wherever its permalink puts it, and `check` names one whose post is gone.
 *
 * Only a markdown link's target (`](…)` or a reference definition `[id]: …`) is converted: the build
 * reads post files from markdown links, not from an HTML `href`. A target no post answers to stays as
 * written, and the import reports it with the shortcodes it kept.
 *
 * Why by hand: these are each generator's own lookups (Hugo's `GetPage`, Zola's `@/`), over the files
 * of the old site; no library reads them outside the generator.
 */
import path from "node:path";
import { fenceTracker } from "./fences.ts";
import { shortcodeArguments } from "./convert-shortcodes.ts";
import { redirectFilePath } from "../jekyll/redirects.ts";
import { decodeTarget } from "../urls/decode-target.ts";

/** One post or page of the old site: its path under the content folder and where its copy is written. */
export interface ContentFile {
  /** Under the content folder, `/`-separated: `posts/k8s/index.md`. */
  contentPath: string;
  /** The copy's absolute path. */
  copy: string;
}

export interface InternalLinkConversion {
  text: string;
  /** Each link converted (the text as written, and the file it now names) or kept (no post answers to it). */
  links: { written: string; target?: string }[];
}

/** Hugo's `{{< ref "x" >}}` / `{{% relref x %}}` / `{{< ref path="x" >}}`. */
const HUGO_REF = /^\{\{[<%]\s*(?:rel)?ref\s+(.*?)\s*[>%]\}\}$/i;
/** A markdown link's target that is a Hugo ref or a Zola `@/` path, with what comes before it. */
const LINK_TARGET = /(\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)(\{\{[<%]\s*(?:rel)?ref\s+.*?\s*[>%]\}\}|<@\/[^>]*>|@\/[^\s)]+)/gi;
/** Inline code spans on a line, which are text. */
const CODE_SPAN = /(`+)[^`]*?\1/g;

const MARKDOWN_EXTENSIONS = [".md", ".markdown"];

const key = (contentPath: string) => contentPath.normalize("NFC").toLowerCase();
const withoutExtension = (name: string) => name.replace(/\.(md|markdown)$/i, "");

/**
 * Finds the file a Hugo ref or a Zola `@/` path names, as the generator did.
 * Hugo (`GetPage`): with no leading `/`, from the linking page's folder first, then from the content
 * folder; the extension may be left out, and a folder names its bundle's `index.md`; a bare name no
 * path answers to is the one page of that name (file or bundle) anywhere, when only one has it.
 * Paths compare without case, as Hugo's do. Zola (`@/`): from the content folder, as written.
 */
export function contentFileResolver(files: readonly ContentFile[]) {
  const byPath = new Map(files.map((file) => [key(file.contentPath), file] as const));
  const byName = new Map<string, ContentFile[]>();
  for (const file of files) {
    const segments = file.contentPath.split("/");
    const last = withoutExtension(segments.at(-1)!);
    const name = key(last === "index" && segments.length > 1 ? segments.at(-2)! : last);
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const exact = (candidate: string) => {
    const trimmed = candidate.replace(/\/+$/, "");
    for (const suffix of ["", ...MARKDOWN_EXTENSIONS, ...MARKDOWN_EXTENSIONS.map((extension) => `/index${extension}`)]) {
      const found = byPath.get(key(`${trimmed}${suffix}`));
      if (found) return found;
    }
    return undefined;
  };
  return {
    hugo(reference: string, from: string): ContentFile | undefined {
      if (reference.startsWith("/")) return exact(path.posix.normalize(reference.slice(1)));
      const beside = path.posix.normalize(path.posix.join(path.posix.dirname(from), reference));
      const found = (beside.startsWith("..") ? undefined : exact(beside)) ?? exact(path.posix.normalize(reference));
      if (found || reference.includes("/")) return found;
      const named = byName.get(key(withoutExtension(reference)));
      return named?.length === 1 ? named[0] : undefined;
    },
    zola(reference: string): ContentFile | undefined {
      return byPath.get(key(reference));
    },
  };
}

/** A link target as markdown reads it: in `<…>` when it holds a space or a parenthesis. */
function linkTarget(target: string): string {
  return /[\s()<>]/.test(target) ? `<${target.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : target;
}

/**
 * Replaces the link targets `pattern` finds on the lines after `firstBodyLine` (0-based): outside code
 * fences and inline code spans, on lines `quick` lets through. `pattern` is global, with two groups:
 * what comes before the target, and the target as written. `replace` returns the new target, or
 * undefined to keep it.
 */
function replaceLinkTargets(text: string, pattern: RegExp, firstBodyLine: number, quick: (line: string) => boolean, replace: (written: string) => string | undefined): string {
  const fences = fenceTracker();
  return text.split("\n").map((line, i) => {
    if (i < firstBodyLine || fences.read(line) !== "text" || !quick(line)) return line;
    const spans = [...line.matchAll(CODE_SPAN)].map((m) => [m.index!, m.index! + m[0].length] as const);
    return line.replace(pattern, (whole, before: string, written: string, offset: number) => {
      if (spans.some(([start, end]) => offset >= start && offset < end)) return whole;
      const replaced = replace(written);
      return replaced === undefined ? whole : `${before}${replaced}`;
    });
  }).join("\n");
}

/** The path from one copy to another, as a relative link target (`./x.md`, `../y/index.md`). */
function fileLink(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from.split(path.sep).join("/")), to.split(path.sep).join("/"));
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/**
 * Converts the internal links of the lines after `firstBodyLine` (0-based) of `from`'s text.
 * @param resolve finds the linked file from the path as written (no `#fragment`).
 */
export function convertInternalLinks(text: string, from: ContentFile, resolve: (reference: string, kind: "hugo" | "zola") => ContentFile | undefined, firstBodyLine = 0): InternalLinkConversion {
  const links: InternalLinkConversion["links"] = [];
  const converted = replaceLinkTargets(text, LINK_TARGET, firstBodyLine, (line) => line.includes("ref") || line.includes("@/"), (written) => {
    let reference: string;
    let kind: "hugo" | "zola";
    const hugo = HUGO_REF.exec(written);
    if (hugo) {
      const { named, positional } = shortcodeArguments(hugo[1]!);
      reference = named.path ?? positional[0] ?? "";
      kind = "hugo";
    } else {
      reference = written.replace(/^<|>$/g, "").slice(2);
      kind = "zola";
    }
    const hash = reference.indexOf("#");
    const fragment = hash === -1 ? "" : reference.slice(hash);
    const filePath = hash === -1 ? reference : reference.slice(0, hash);
    if (filePath === "") {
      // `{{< ref "#install" >}}`: a heading of this very post.
      if (fragment === "") return undefined;
      links.push({ written, target: from.contentPath });
      return linkTarget(fragment);
    }
    const target = resolve(decodeTarget(filePath), kind);
    links.push({ written, target: target?.contentPath });
    return target === undefined ? undefined : linkTarget(`${fileLink(from.copy, target.copy)}${fragment}`);
  });
  return { text: converted, links };
}

/** A post or page of the old site: its copy, and its URL there and in opsnote. */
export interface MovedPage {
  /** The copy's absolute path. */
  copy: string;
  oldUrl: string;
  newUrl: string;
}

export interface OldUrlLinkOptions {
  /** The post whose links these are. */
  from: MovedPage;
  /** The post or page the old site served at this root path (decoded), if any. */
  pageAt(rootPath: string): MovedPage | undefined;
  /** Whether opsnote answers this root path (decoded): a page kept at its old URL, a redirect. */
  answered(rootPath: string): boolean;
  /** Whether a relative target (decoded, without `?`/`#`) names a file beside the post, copied with it. */
  isBeside(target: string): boolean;
  firstBodyLine?: number;
}

export interface OldUrlLinkConversion {
  text: string;
  /** Each target changed: as written, and what the copy says (a post's file, or the root path). */
  links: { written: string; to: string; post: boolean }[];
}

/** Any markdown link's target (`](x)`, `[id]: x`), in `<…>` or up to a space or `)`. */
const ANY_LINK_TARGET = /(\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)(<[^>\n]*>|[^\s)<]+)/g;

/** The root path (decoded, NFC) a link target's path names when read against `pageUrl`. */
function resolveAgainst(target: string, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target, new URL(pageUrl, "http://site.invalid"));
  } catch {
    return undefined;
  }
  return url.host === "site.invalid" ? decodeTarget(url.pathname) : undefined;
}

/** One key for the ways a URL names one file: `/x`, `/x/`, `/x/index.html`, percent-encoded or not. */
const fileKey = (rootPath: string) => redirectFilePath(rootPath) ?? decodeTarget(rootPath);

/** Finds a page by any way of writing its old URL (for `OldUrlLinkOptions.pageAt`); the first page to claim a URL keeps it. */
export function pagesByOldUrl(pages: readonly MovedPage[]): (rootPath: string) => MovedPage | undefined {
  const byKey = new Map<string, MovedPage>();
  for (const page of pages) if (!byKey.has(fileKey(page.oldUrl))) byKey.set(fileKey(page.oldUrl), page);
  return (rootPath) => byKey.get(fileKey(rootPath));
}

/** Whether a root path is one of these URLs, however each is written (for `OldUrlLinkOptions.answered`). */
export function urlSet(urls: Iterable<string>): (rootPath: string) => boolean {
  const keys = new Set([...urls].map(fileKey));
  return (rootPath) => keys.has(fileKey(rootPath));
}

/**
 * Links written against the old site's URLs, which the browser read against the page's URL:
 * `[개요](../언리얼-gas-개요/)` on `/ko/p/언리얼-gas-시작/` was `/ko/p/언리얼-gas-개요/`. When the post
 * moved (a Hugo `:slug` from the title, opsnote's from the file; a language folder), such a link,
 * read against the new URL, names nothing. Converted:
 * - a target that was a post's old URL becomes a link to that post's file (`../언리얼_GAS_개요/index.md`),
 *   which the build turns into its URL, wherever it goes next;
 * - a relative target opsnote answers at its old root path (a page kept there, a redirect) becomes
 *   that root path;
 * - one that reaches its page from the new URL as written, a file beside the post, a URL of another
 *   site, a bare `#fragment`, and everything else stay as written (`check` names what is broken).
 * Why by hand: it is the browser's reading of a relative URL (WHATWG `URL`) over the old site's URL
 * map, which only the import has.
 */
export function convertOldUrlLinks(text: string, options: OldUrlLinkOptions): OldUrlLinkConversion {
  const { from } = options;
  const links: OldUrlLinkConversion["links"] = [];
  const converted = replaceLinkTargets(text, ANY_LINK_TARGET, options.firstBodyLine ?? 0, (line) => line.includes("](") || line.includes("]:"), (written) => {
    const target = written.replace(/^<|>$/g, "");
    // Another site's URL, a heading of this page, a template the build fills in, a Windows path.
    if (target === "" || /^([a-z][a-z0-9+.-]*:|\/\/|#|\{[{%])/i.test(target) || target.includes("\\")) return undefined;
    const cut = target.search(/[?#]/);
    const targetPath = cut === -1 ? target : target.slice(0, cut);
    const rest = cut === -1 ? "" : target.slice(cut);
    const relative = !target.startsWith("/");
    if (targetPath === "" || (relative && options.isBeside(decodeTarget(targetPath)))) return undefined;
    const old = resolveAgainst(targetPath, from.oldUrl);
    const now = resolveAgainst(targetPath, from.newUrl);
    if (old === undefined || now === undefined) return undefined;
    const page = options.pageAt(old);
    if (page !== undefined) {
      // A query means something to a server, not to a post's file.
      if (fileKey(now) === fileKey(page.newUrl) || rest.startsWith("?")) return undefined;
      const to = `${fileLink(from.copy, page.copy)}${rest}`;
      links.push({ written, to, post: true });
      return linkTarget(to);
    }
    if (!relative || fileKey(now) === fileKey(old) || !options.answered(old)) return undefined;
    const to = `${old}${rest}`;
    links.push({ written, to, post: false });
    return linkTarget(to);
  });
  return { text: converted, links };
}
