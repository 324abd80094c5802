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
 * Converts the internal links of the lines after `firstBodyLine` (0-based) of `from`'s text.
 * @param resolve finds the linked file from the path as written (no `#fragment`).
 */
export function convertInternalLinks(text: string, from: ContentFile, resolve: (reference: string, kind: "hugo" | "zola") => ContentFile | undefined, firstBodyLine = 0): InternalLinkConversion {
  const links: InternalLinkConversion["links"] = [];
  const fences = fenceTracker();
  const lines = text.split("\n").map((line, i) => {
    if (i < firstBodyLine || fences.read(line) !== "text" || !(line.includes("ref") || line.includes("@/"))) return line;
    const spans = [...line.matchAll(CODE_SPAN)].map((m) => [m.index!, m.index! + m[0].length] as const);
    return line.replace(LINK_TARGET, (whole, before: string, written: string, offset: number) => {
      if (spans.some(([start, end]) => offset >= start && offset < end)) return whole;
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
        if (fragment === "") return whole;
        links.push({ written, target: from.contentPath });
        return `${before}${linkTarget(fragment)}`;
      }
      let decoded = filePath;
      try {
        decoded = decodeURIComponent(filePath);
      } catch {
        // written with a bare `%`: read as written
      }
      const target = resolve(decoded, kind);
      links.push({ written, target: target?.contentPath });
      if (!target) return whole;
      const relative = path.posix.relative(path.posix.dirname(from.copy.split(path.sep).join("/")), target.copy.split(path.sep).join("/"));
      return `${before}${linkTarget(`${relative.startsWith(".") ? relative : `./${relative}`}${fragment}`)}`;
    });
  });
  return { text: lines.join("\n"), links };
}
