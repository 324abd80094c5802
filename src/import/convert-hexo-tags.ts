/**
 * Hexo's tag plugins (Nunjucks `{% %}` in a post) that nearly every Hexo blog uses, turned into plain
 * markdown while a post is copied: opsnote never runs a template over a post, so a tag left as it is
 * shows as text. `asset_img` / `asset_link` / `asset_path` -> an image, a link or the file's name (the
 * post's asset folder lands beside its copy, so the bare name resolves there), `codeblock` / `code` ->
 * a fence (its `lang:` and title kept), `blockquote` / `quote` -> a quote with its author, NexT's,
 * Fluid's and Butterfly's `note` -> a GitHub alert (`> [!NOTE]`, which opsnote draws as a callout),
 * `raw` markers -> removed (their text was never a template), `post_link` -> a link to the post's new
 * URL, `youtube` -> a link, `iframe` -> the `<iframe>` Hexo wrote (a chart or a demo has no markdown
 * form, and a post's own HTML is kept). Code fences are left alone (Hexo takes them out before Nunjucks runs);
 * any other tag stays as written and is reported by the caller.
 */
import { fenceTracker } from "./fences.ts";
import { shortcodeArguments, type ShortcodeConversion } from "./convert-shortcodes.ts";
import { findOutsideFences, htmlCommentStripper } from "./references.ts";

export interface HexoTagOptions {
  /**
   * The post's asset folder name (`post_asset_folder: true`: `_posts/<name>/`). hexo-asset-image and
   * Typora write `![](<name>/x.png)`; in the copy the folder's files sit beside the post, so the
   * `<name>/` is dropped.
   */
  assetFolder?: string;
  /** The new URL and title of the post a `{% post_link name %}` names; undefined when there is none. */
  postLink?: (name: string) => { url: string; title: string } | undefined;
}

/** NexT's, Fluid's and Butterfly's note classes, as GitHub alert kinds. */
const NOTE_KINDS: Record<string, string> = {
  default: "NOTE", primary: "NOTE", info: "NOTE", secondary: "NOTE", light: "NOTE", dark: "NOTE", simple: "NOTE", flat: "NOTE", modern: "NOTE",
  success: "TIP",
  warning: "WARNING",
  danger: "CAUTION", error: "CAUTION",
};

/** `{% name args %}` standing alone on a line (a block's opening or closing tag). */
const BLOCK_TAG = /^\s*\{%-?\s*(\w+)\b(.*?)\s*-?%\}\s*$/;
/** Any tag inside a line, for the inline ones. */
const INLINE_TAG = /\{%-?\s*(asset_img|asset_image|asset_link|asset_path|post_link|youtube|iframe)\b(.*?)\s*-?%\}/g;
const RAW_MARKER = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const HAS_RAW_MARKER = /\{%-?\s*(?:end)?raw\s*-?%\}/;
/** codeblock's options (`lang:yaml`, `line_number:false`, …), which are not part of its title. */
const CODEBLOCK_OPTION = /(?:^|\s)(?:lang|line_number|line_threshold|highlight|first_line|mark|wrap):\S+/g;

/** A markdown link target: `<…>` when it has spaces or parentheses. */
const target = (url: string) => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);
const label = (text: string) => text.replace(/[[\]]/g, "\\$&");
const IMAGE_NAME = /\.[a-z0-9]{2,5}$/i;

/**
 * `{% asset_img [class names] slug [width] [height] [title text [alt text]] %}`: the first argument
 * that names a file is the image; numbers after it are its size; the rest is its title (and alt).
 * Hexo also reads `"title text 'alt text'"`: the alt, when given, wins.
 */
function assetImage(args: string): string | undefined {
  const words = shortcodeArguments(args).positional;
  const at = words.findIndex((word) => IMAGE_NAME.test(word) || word.includes("/"));
  if (at === -1) return undefined;
  let rest = words.slice(at + 1);
  while (rest.length > 0 && /^\d+(px|%)?$/.test(rest[0]!)) rest = rest.slice(1);
  const title = rest.join(" ");
  const quoted = /^(.*?)\s*'([^']*)'\s*$/.exec(title);
  const alt = quoted ? quoted[2]! : title;
  return `![${label(alt)}](${target(words[at]!)})`;
}

/** `{% iframe url [width] [height] %}` as Hexo's iframe tag wrote it (`default` is its size's default). */
function iframe(words: string[]): string | undefined {
  const [url, width, height] = words;
  if (url === undefined) return undefined;
  let src: string;
  try {
    src = encodeURI(decodeURI(url));
  } catch {
    src = encodeURI(url);
  }
  const size = (value: string | undefined, fallback: string) => (value === undefined || value === "default" ? fallback : value.replace(/["<>&]/g, ""));
  return `<iframe src="${src.replace(/&/g, "&amp;")}" width="${size(width, "100%")}" height="${size(height, "300")}" frameborder="0" loading="lazy" allowfullscreen></iframe>`;
}

/** One line's inline tags in markdown, each reported at `line` (1-based). */
function convertInline(text: string, line: number, options: HexoTagOptions, converted: ShortcodeConversion["converted"]): string {
  let next = text.replace(INLINE_TAG, (whole, name: string, args: string) => {
    const words = shortcodeArguments(args).positional;
    let replacement: string | undefined;
    if (name === "asset_img" || name === "asset_image") replacement = assetImage(args);
    else if (name === "asset_link" && words[0] !== undefined) replacement = `[${label(words.slice(1).join(" ") || words[0])}](${target(words[0])})`;
    else if (name === "asset_path" && words[0] !== undefined) replacement = words[0];
    // Split on spaces: a URL's `?a=1` is not a named argument.
    else if (name === "iframe") replacement = iframe(args.trim().split(/\s+/).filter(Boolean));
    else if (name === "youtube" && words[0] !== undefined) replacement = `[YouTube 동영상](https://www.youtube.com/watch?v=${encodeURIComponent(words[0])})`;
    else if (name === "post_link" && words[0] !== undefined) {
      const post = options.postLink?.(words[0]);
      // `{% post_link name "title" false %}`: the last word `true`/`false` is Hexo's escape switch.
      const own = words.slice(1).filter((word, i, all) => !(i === all.length - 1 && /^(true|false)$/.test(word))).join(" ");
      if (post !== undefined) replacement = `[${label(own || post.title)}](${target(post.url)})`;
    }
    if (replacement === undefined) return whole;
    converted.push({ line, endLine: line, text: whole });
    return replacement;
  });
  if (options.assetFolder !== undefined) {
    // `![](name/x.png)` (hexo-asset-image, Typora): the folder's files are beside the copy.
    const prefix = `${options.assetFolder}/`;
    next = next.replace(/(!\[[^\]]*\]\(\s*<?)(?:\.\/)?([^)\s>]+)/g, (whole, start: string, url: string) => {
      if (!url.startsWith(prefix)) return whole;
      converted.push({ line, endLine: line, text: `${url} (the asset folder's file)` });
      return `${start}${url.slice(prefix.length)}`;
    });
  }
  return next;
}

/** `{% codeblock [title] [lang:x] [url] [link text] [line_number:false] … %}`: the language and the title. */
function codeblockInfo(args: string): string {
  const words = shortcodeArguments(args.replace(CODEBLOCK_OPTION, " ")).positional;
  const language = /\blang:(\S+)/.exec(args)?.[1] ?? "";
  // A URL (and the link text after it) is where the code came from: not part of the title.
  const url = words.findIndex((word) => /^(https?:)?\/\//.test(word));
  const title = (url === -1 ? words : words.slice(0, url)).join(" ").trim();
  // A fence's first word is its language: a title alone needs one before it.
  return title === "" ? language : `${language || "text"} title=${JSON.stringify(title)}`;
}

/** `{% blockquote [author[, source]] [link] [source_link_title] %}`: the attribution line. */
function quoteAttribution(args: string): string | undefined {
  const trimmed = args.trim();
  if (trimmed === "") return undefined;
  const link = /(https?:\/\/\S+)(?:\s+(.*))?$/.exec(trimmed);
  const who = (link ? trimmed.slice(0, link.index) : trimmed).trim();
  if (link === null) return `— ${who}`;
  return `— ${who === "" ? "" : `${who}, `}[${label(link[2]?.trim() || link[1]!)}](${link[1]})`;
}

/** Converts the tags of the lines after `firstBodyLine` (0-based: the front matter is left as it is). */
export function convertHexoTags(text: string, firstBodyLine = 0, options: HexoTagOptions = {}): ShortcodeConversion {
  const lines = text.split("\n");
  const out: string[] = lines.slice(0, firstBodyLine);
  const converted: ShortcodeConversion["converted"] = [];
  const fences = fenceTracker();
  for (let i = firstBodyLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (fences.read(line) !== "text") {
      out.push(line);
      continue;
    }
    const block = BLOCK_TAG.exec(line);
    const name = block?.[1]?.toLowerCase();
    if (block && name !== undefined && ["codeblock", "code", "blockquote", "quote", "note", "raw"].includes(name)) {
      const closing = new RegExp(`^\\s*\\{%-?\\s*end${name}\\s*-?%\\}\\s*$`);
      const end = lines.findIndex((candidate, index) => index > i && closing.test(candidate));
      if (end !== -1) {
        const inner = lines.slice(i + 1, end);
        const args = block[2] ?? "";
        if (name === "codeblock" || name === "code") {
          // The code as written: a fence longer than any inside it.
          const longest = Math.max(2, ...inner.map((l) => /^\s*(`+)/.exec(l)?.[1]?.length ?? 0));
          const ticks = "`".repeat(longest + 1);
          out.push(`${ticks}${codeblockInfo(args)}`, ...inner, ticks);
        } else if (name === "raw") {
          // The text inside was kept from Nunjucks; opsnote never runs it, so only the markers go.
          out.push(...inner);
        } else {
          const inlined = inner.map((l, k) => convertInline(l, i + 2 + k, options, converted));
          if (name === "note") {
            const words = shortcodeArguments(args).positional;
            const kind = NOTE_KINDS[(words[0] ?? "").toLowerCase()];
            const summary = words.slice(kind === undefined ? 0 : 1).filter((w) => w !== "no-icon").join(" ");
            out.push(`> [!${kind ?? "NOTE"}]`, ...(summary ? [`> **${summary}**`, ">"] : []), ...inlined.map((l) => (l.trim() === "" ? ">" : `> ${l}`)));
          } else {
            const attribution = quoteAttribution(args);
            out.push(...inlined.map((l) => (l.trim() === "" ? ">" : `> ${l}`)), ...(attribution ? [">", `> ${attribution}`] : []));
          }
        }
        converted.push({ line: i + 1, endLine: end + 1, text: line.trim() });
        i = end;
        continue;
      }
    }
    let next = line;
    if (HAS_RAW_MARKER.test(line)) {
      next = line.replace(RAW_MARKER, "");
      converted.push({ line: i + 1, endLine: i + 1, text: "{% raw %}" });
    }
    out.push(convertInline(next, i + 1, options, converted));
  }
  return { text: out.join("\n"), converted };
}

/** Nunjucks tags left in a body (outside code fences), by line: what the conversion did not take. */
export function findHexoTags(body: string, bodyLineOffset = 0): { line: number; text: string }[] {
  // Inline code (`{% include %}` shown in a sentence) is text, not a tag; a tag in an HTML comment is shown to no reader.
  const withoutComments = htmlCommentStripper();
  return findOutsideFences(body, /\{%-?\s*\w+[^%]*%\}/, bodyLineOffset, (line) => withoutComments(line.replace(/`[^`]*`/g, "")));
}

/**
 * Relative image and file targets as Hexo published them: copied as written, so the browser read
 * them against the post's URL (`../images/x.png` on `/jenkins-agent/` is `/images/x.png`). opsnote
 * reads a relative target beside the post's file, so one that is not there (`isBeside`) but names a
 * file the old site served from its root (`isServed`, given the root path) is written as that root
 * path. Code fences are left alone.
 * @example rootRelativeTargets("![](../images/a.png)", "/post/", () => false, () => true).text // "![](/images/a.png)"
 */
export function rootRelativeTargets(text: string, pageUrl: string, isBeside: (url: string) => boolean, isServed: (rootPath: string) => boolean, firstBodyLine = 0): ShortcodeConversion {
  const converted: ShortcodeConversion["converted"] = [];
  const fences = fenceTracker();
  const lines = text.split("\n").map((line, index) => {
    if (index < firstBodyLine || fences.read(line) !== "text") return line;
    const rewrite = (whole: string, start: string, url: string) => {
      // A root path is the new site's too, unless written with Windows backslashes (`/images\2111\a.png`),
      // which the browser read as slashes.
      if (/^([a-z][a-z0-9+.-]*:|#)/i.test(url) || (url.startsWith("/") && !url.includes("\\")) || isBeside(url)) return whole;
      let rootPath: string;
      try {
        rootPath = new URL(url, `http://old${pageUrl.endsWith("/") ? pageUrl : `${pageUrl.replace(/[^/]*$/, "")}`}`).pathname;
      } catch {
        return whole;
      }
      if (!isServed(rootPath)) return whole;
      converted.push({ line: index + 1, endLine: index + 1, text: `${url} -> ${rootPath}` });
      return `${start}${rootPath}`;
    };
    return line
      .replace(/(!?\[[^\]]*\]\(\s*<?)([^)\s>]+)/g, rewrite)
      .replace(/(<img\b[^>]*\bsrc\s*=\s*["'])([^"']+)/gi, rewrite);
  });
  return { text: lines.join("\n"), converted };
}
