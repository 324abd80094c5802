/**
 * Jekyll's Liquid, as found in real posts, converted to plain markdown without running a template
 * engine (which would eat Helm's `{{ .Values.x }}` and GitHub Actions' `${{ secrets.X }}` in code).
 *
 * What is converted: `{% raw %}` markers, `{% highlight %}` blocks, `{% post_url %}` / `{% link %}`,
 * `{{ site.baseurl }}` / `{{ site.url }}` / `relative_url` / `absolute_url` (`site.url` and `absolute_url`
 * give a root-relative URL where a link or image target starts, the absolute one elsewhere), the page and site values
 * of `jekyllVariables` (`{{ page.title }}`, `{{ page.date }}`, …), Minimal Mistakes'
 * `{% include figure %}`, the plugins `{% picture %}` (jekyll_picture_tag) and `{% gist %}` (jekyll-gist),
 * and `{% comment %}` blocks (removed, as Jekyll hides them). Anything else
 * outside code stays exactly as written, with a warning.
 *
 * Code (fences, indented code, inline code) is never touched, with one exception: Jekyll runs Liquid
 * before markdown, so authors put `{% raw %}` markers inside fences too, and Jekyll removes them there.
 * That is done only for a Jekyll post (isJekyllPost): in any other post, the whole conversion is
 * skipped, so an Ansible or Jinja example keeps the `{% raw %}` it shows.
 * The output keeps the file's line numbers (markdown-it's line maps feed later warnings): a removed
 * line comes back as a blank line after its block.
 */
import markdownIt from "markdown-it";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDate } from "../content/dates.ts";
import { strings } from "../ui/strings.ts";
import type { Post } from "../content/post.ts";

export interface LiquidContext {
  /** The post's path, for messages. */
  file: string;
  /** Lines before the body (front matter and fences): body line + offset = file line. @default 0 */
  lineOffset?: number;
  /** Absolute origin of the site, without a trailing slash. @example "https://ops.example.kr" */
  siteUrl: string;
  /** Path the site is served under. @default "/" */
  pathPrefix?: string;
  /**
   * The root-relative URL of the post a `{% post_url %}` or `{% link %}` names
   * (`2024-11-07-name`, `sub/2024-11-07-name`, `_posts/2024-11-07-name.md`), or undefined.
   */
  resolvePost(reference: string): string | undefined;
  /** Renders a figure caption's inline markdown. @default HTML-escaped text */
  renderInline?(markdown: string): string;
  /** The post's `render_with_liquid`: `true` makes it a Jekyll post whatever its text. */
  renderWithLiquid?: boolean;
  /** Text of Liquid objects in prose, by name (`page.title`): see jekyllVariables. @default none */
  variables?: Readonly<Record<string, string>>;
}

/**
 * What Jekyll prints for the page and site objects authors use in prose, with dates as the page
 * shows them ("2021년 4월 13일"). `page.last_modified_at` falls back to the post's date, as the
 * jekyll-last-modified-at plugin falls back to the file's.
 */
export function jekyllVariables(
  post: Pick<Post, "title" | "date" | "updated" | "url">,
  site: { title: string },
): Record<string, string> {
  return {
    "page.title": post.title,
    "page.date": formatDate(post.date, strings.intlLocale),
    "page.last_modified_at": formatDate(post.updated ?? post.date, strings.intlLocale),
    "page.url": post.url,
    "site.title": site.title, // `site.url` is the LiquidContext's siteUrl
  };
}

export interface LiquidConversion {
  markdown: string;
  /** Errors (missing `post_url` targets) and warnings (Liquid left as written). */
  diagnostics: Diagnostic[];
}

/** Diagnostic `field`s this module reports: the kinds a migration report groups by. */
export const LIQUID_FIELDS = { unknown: "liquid", postUrl: "post_url", link: "link", include: "include" } as const;

const RAW_MARKER = /\{%-?\s*(end)?raw\s*-?%\}/g;
const COMMENT_OPEN = /\{%-?\s*comment\s*-?%\}/;
const COMMENT_CLOSE = /\{%-?\s*endcomment\s*-?%\}/;
const HIGHLIGHT_OPEN = /^(\s*)\{%-?\s*highlight\s+([^\s%]+)([^%]*?)-?%\}(.*)$/;
const HIGHLIGHT_CLOSE = /\{%-?\s*endhighlight\s*-?%\}/;
/**
 * The current line before a URL, up to where the URL starts: a markdown link or image destination (`](`,
 * `](<`), a link reference definition (`[id]: `), an HTML `src` / `href` value, or any candidate of a
 * quoted `srcset` (`<img srcset="{{ site.url }}/a.png 1x, {{ site.url }}/a@2x.png 2x">`: the first, or
 * one after a comma).
 */
const URL_START = /(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?|\b(?:src|href)\s*=\s*["']?|\bsrcset\s*=\s*(?:["'](?:[^"']*,\s*)?)?)$/i;
/** `{{ site.url }}{{ site.baseurl }}` first (one URL), then tags, then objects. */
const LIQUID_ITEM = /\{\{-?\s*site\.url\s*-?\}\}\{\{-?\s*site\.baseurl\s*-?\}\}|\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g;

const codeScanner = markdownIt("commonmark");

/** 0-based body lines that markdown reads as code (fences with their markers, indented code). */
function codeLines(markdown: string): Set<number> {
  const lines = new Set<number>();
  for (const token of codeScanner.parse(markdown, {})) {
    if ((token.type === "fence" || token.type === "code_block") && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
    }
  }
  return lines;
}

/**
 * Liquid only Jekyll runs: any tag, or an object of Jekyll's (`site.`, `page.`, …) or with its URL filters.
 * Hugo's `{{% notice %}}` holds a `{% … %}` too, but is no Liquid: a Hugo post with one is not a Jekyll post.
 */
const JEKYLL_LIQUID = /(?<!\{)\{%-?\s*\w|\{\{-?\s*(?:site|page|include|layout|paginator|jekyll)\.|\|\s*(?:relative_url|absolute_url)\b/;
const TEMPLATE_EXPRESSION = /\{\{|\{%/;

/**
 * Whether Jekyll would have run Liquid over this post, so that its Liquid (and the `{% raw %}`
 * markers inside its code) is converted instead of shown. A post is a Jekyll post when
 * - its front matter says `render_with_liquid: true`, or
 * - its prose (outside code and code spans) uses Jekyll's Liquid: a tag, `{{ site.… }}`, `relative_url`, …, or
 * - its code blocks hold `{% raw %}` markers on lines of their own, and every other template
 *   expression in that code is inside them: how Jekyll authors protect `{{ }}` in code, since any
 *   expression left outside would have been run by Jekyll.
 * Otherwise (an opsnote post, a Hugo or Zola post, an Ansible example showing its own `{% raw %}`)
 * it is not, and nothing in it is touched.
 * @param code 0-based lines markdown reads as code (codeLines)
 */
export function isJekyllPost(lines: readonly string[], code: ReadonlySet<number>, renderWithLiquid?: boolean): boolean {
  if (renderWithLiquid === true) return true;
  if (lines.some((line, index) => !code.has(index) && JEKYLL_LIQUID.test(line.replace(/(`+)[\s\S]*?\1/g, "")))) return true;
  let inRaw = false;
  let markers = 0;
  for (const index of [...code].sort((a, b) => a - b)) {
    const line = lines[index]!;
    const marker = /^\s*\{%-?\s*(end)?raw\s*-?%\}\s*$/.exec(line);
    if (marker) {
      inRaw = marker[1] === undefined;
      markers += 1;
      continue;
    }
    if (/\{%-?\s*(end)?raw\s*-?%\}/.test(line)) return false; // inside a line of code: a Jinja-style escape, shown as written
    if (!inRaw && TEMPLATE_EXPRESSION.test(line)) return false;
  }
  return markers > 0;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `image_path="/a.png" alt='x' popup=true` -> { image_path: "/a.png", alt: "x", popup: "true" }. */
export function parseIncludeParameters(text: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    parameters[match[1]!] = match[2] ?? match[3] ?? match[4] ?? "";
  }
  return parameters;
}

/** Minimal Mistakes' `_includes/figure`, as static HTML. */
export function renderFigure(parameters: Record<string, string>, renderInline: (text: string) => string): string {
  const classes = ["figure", ...(parameters.class ?? "").split(/\s+/).filter(Boolean)];
  const image = `<img src="${escapeHtml(parameters.image_path ?? "")}" alt="${escapeHtml(parameters.alt ?? "")}">`;
  const caption = parameters.caption ? `<figcaption>${renderInline(parameters.caption)}</figcaption>` : "";
  return `<figure class="${escapeHtml(classes.join(" "))}">${image}${caption}</figure>`;
}

/** A word of a tag's arguments: `"a b.png"`, `'a b.png'` or `a.png`. */
const TAG_WORD = /"([^"]*)"|'([^']*)'|(\S+)/g;

/**
 * jekyll_picture_tag's `{% picture [preset] image.png [--alt text] [--link url] [--img …] [--a …] %}`
 * (a plugin many Jekyll blogs use) as the image it shows, linked when `--link` says so; undefined when
 * no image is named. A relative image is read from the site root (the plugin's default `source`). The
 * plugin's attribute options (`--img style=…`, `--a class=…`, `--picture`, `--parent`) dress it for the old
 * theme and are dropped: opsnote's images get their responsive copies and layout of their own.
 */
export function renderPictureTag(argumentsText: string): string | undefined {
  const [head = "", ...options] = argumentsText.split(/\s--(?=[a-z])/);
  const words = [...head.trim().matchAll(TAG_WORD)].map((match) => match[1] ?? match[2] ?? match[3]!);
  // A preset name may come first; `mobile: small.png` pairs (media queries) follow the image.
  const image = words.find((word) => /[./]/.test(word) && !word.endsWith(":"));
  if (image === undefined) return undefined;
  const option = (name: string) => options.find((text) => text.startsWith(`${name} `))?.slice(name.length).trim();
  const src = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(image) || image.startsWith("/") ? image : `/${image}`;
  const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(option("alt") ?? "")}">`;
  const link = option("link");
  return link ? `<a href="${escapeHtml(link)}">${img}</a>` : img;
}

/**
 * jekyll-gist's `{% gist user/id [file] %}` as a link to the gist: the plugin embeds GitHub's script,
 * which opsnote's pages do not run (their Content-Security-Policy allows no third-party script).
 */
export function renderGistTag(argumentsText: string): string | undefined {
  const [gist, file] = [...argumentsText.trim().matchAll(TAG_WORD)].map((match) => match[1] ?? match[2] ?? match[3]!);
  if (gist === undefined || !/^(?:[\w-]+\/)?[0-9a-f]+$/i.test(gist)) return undefined;
  return `[GitHub Gist: ${gist}${file ? ` (${file})` : ""}](https://gist.github.com/${gist})`;
}

/** The longest run of backticks in `lines`, so a generated fence is longer than any inside it. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  return "`".repeat(Math.max(3, longest + 1));
}

/** `](dest)` of a link or image: the destination up to the closing parenthesis on the line. */
const LINK_DESTINATION = /\]\(([^()\n]*)\)/g;

/** A path or a URL: a slash, a dot (a file's extension), a fragment or a scheme's colon. */
const LOOKS_LIKE_TARGET = /[/.#:]/;

/**
 * `[slides](/files/Denial Of Service.pdf)`: kramdown takes spaces in a link destination, CommonMark
 * ends the link there and shows the text. The spaces are percent-encoded so the link survives; a
 * `"title"` after the destination, an `<…>` destination and code spans are left as they are. So is a
 * "destination" that is no path or URL: `arr[](사용할 배열)` is brackets and a parenthetical in prose
 * (taeyeonkim2's), which encoded became an empty link, hiding the words.
 */
export function encodeLinkSpaces(text: string): string {
  return text.replace(LINK_DESTINATION, (whole, inside: string) => {
    const trimmed = inside.trim();
    // Liquid left as written (a missing `post_url`) stays visible as written.
    if (!/\s/.test(trimmed) || trimmed.startsWith("<") || /\{[{%]/.test(trimmed)) return whole;
    const [, destination = trimmed, title = ""] = /^(.*?)(\s+(?:"[^"]*"|'[^']*'))?$/.exec(trimmed) ?? [];
    if (!/\s/.test(destination) || !LOOKS_LIKE_TARGET.test(destination)) return whole;
    return `](${destination.replace(/\s+/g, (run) => "%20".repeat(run.length))}${title})`;
  });
}

/** A link or image destination with whitespace in it, somewhere in the text. */
const SPACED_DESTINATION = /\]\([^()\n]*\s[^()\n]*\)/;

/** encodeLinkSpaces on every prose line outside code spans, for a Jekyll post (isJekyllPost) only. */
export function encodeJekyllLinkSpaces(markdown: string, renderWithLiquid?: boolean): string {
  if (!SPACED_DESTINATION.test(markdown) || !isJekyllPost(markdown.split("\n"), codeLines(markdown), renderWithLiquid)) return markdown;
  return encodeKramdownLinkSpaces(markdown).text;
}

/**
 * encodeLinkSpaces on every prose line outside code, for a body kramdown read (any post of a Jekyll
 * site, Liquid or not): the import writes the copy so. leewr9's Minima posts show 137 images as
 * `[![](/assets/posts/2025-05-11-Storage Indexing.md/b-tree.png)](…)`, which CommonMark printed as text.
 * @returns the text, and the 0-based lines that changed
 */
export function encodeKramdownLinkSpaces(markdown: string): { text: string; lines: number[] } {
  if (!SPACED_DESTINATION.test(markdown)) return { text: markdown, lines: [] };
  const code = codeLines(markdown);
  const changed: number[] = [];
  const text = markdown.split("\n").map((line, index) => {
    if (code.has(index)) return line;
    const encoded = outsideCodeSpans(line, encodeLinkSpaces);
    if (encoded !== line) changed.push(index);
    return encoded;
  }).join("\n");
  return { text, lines: changed };
}

/** Applies `change` to the text between inline code spans (`…`, ``…``) of one line. */
function outsideCodeSpans(line: string, change: (text: string) => string): string {
  let result = "";
  const parts = line.split(/(`+)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const close = /^`+$/.test(part) ? parts.indexOf(part, i + 1) : -1;
    if (close !== -1) {
      result += parts.slice(i, close + 1).join("");
      i = close;
    } else {
      result += /^`+$/.test(part) ? part : change(part);
    }
  }
  return result;
}

export function convertLiquid(markdown: string, context: LiquidContext): LiquidConversion {
  const diagnostics: Diagnostic[] = [];
  const lineOffset = context.lineOffset ?? 0;
  const prefix = (context.pathPrefix ?? "/").replace(/\/+$/, "");
  const renderInline = context.renderInline ?? escapeHtml;
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r?\n/);
  const normalized = lines.join("\n");
  // Every Liquid tag, object, comment and raw marker starts with `{%` or `{{`: a post without
  // either (most of them) is left as it is, without the markdown parse that finds its code lines.
  if (!/\{[{%]/.test(markdown) && context.renderWithLiquid !== true) return { markdown: normalized, diagnostics };
  const code = codeLines(normalized);
  if (!isJekyllPost(lines, code, context.renderWithLiquid)) return { markdown: normalized, diagnostics };
  const out: string[] = [];
  let inRaw = false;

  const report = (severity: Diagnostic["severity"], bodyLine: number, field: string, message: string) =>
    diagnostics.push({ severity, file: context.file, line: bodyLine + 1 + lineOffset, field, message });

  /** Removes raw markers (tracking whether we are inside one); undefined when the line held only markers. */
  const stripRawMarkers = (line: string): string | undefined => {
    let found = false;
    const stripped = line.replace(RAW_MARKER, (_whole, end: string | undefined) => {
      found = true;
      inRaw = end === undefined;
      return "";
    });
    return found && stripped.trim() === "" ? undefined : stripped;
  };

  const absolute = (pathText: string) => `${context.siteUrl}${prefix}${pathText.startsWith("/") ? "" : "/"}${pathText}`;

  /**
   * One Liquid tag or object outside code and outside raw: its replacement, or undefined to keep it.
   * `urlStart`: the item begins a link or image target (URL_START); `next`: the character after it.
   */
  const convertItem = (item: string, bodyLine: number, urlStart: boolean, next: string): string | undefined => {
    const inner = item.replace(/^\{[{%]-?\s*|\s*-?[}%]\}$/g, "");
    const siteUrlAndBase = /^site\.url\s*-?\}\}\{\{-?\s*site\.baseurl$/.test(inner);
    if (siteUrlAndBase || (item.startsWith("{{") && inner === "site.url")) {
      // The site's own page or file: root-relative, the same URL on the real host that also works
      // in the preview, on staging and before a DNS switch, and that images and `check` treat as
      // local. A path (or a `{% post_url %}`, `{{ page.url }}`) follows; else it is the home page.
      if (urlStart) return next === "/" || next === "{" ? "" : "/";
      return siteUrlAndBase ? `${context.siteUrl}${prefix}` : context.siteUrl;
    }
    if (item.startsWith("{{")) {
      if (inner === "site.baseurl") return ""; // root-relative URLs get the path prefix from HtmlBasePlugin
      const value = context.variables?.[inner];
      if (value !== undefined) return value;
      const filtered = /^(["'])(.*?)\1\s*\|\s*(relative_url|absolute_url|prepend:\s*site\.baseurl)$/.exec(inner);
      // `absolute_url` as a link target is the site's own URL too: root-relative, as above.
      if (filtered) return filtered[3] === "absolute_url" && !urlStart ? absolute(filtered[2]!) : filtered[2]!;
      return undefined;
    }
    const [, tag = "", rest = ""] = /^(\w+)\s*([\s\S]*)$/.exec(inner) ?? [];
    if (tag === "post_url" || tag === "link") {
      const reference = rest.trim();
      const url = context.resolvePost(reference);
      if (url !== undefined) return url;
      report("error", bodyLine, tag === "post_url" ? LIQUID_FIELDS.postUrl : LIQUID_FIELDS.link,
        `no post "${reference}" in the posts folder (${tag === "post_url" ? "expected a file name such as 2024-11-07-name, without .md" : "expected a path such as _posts/2024-11-07-name.md"})`);
      return item;
    }
    if (tag === "picture") return renderPictureTag(rest);
    if (tag === "gist") return renderGistTag(rest);
    if (tag === "include") {
      const [, name = "", parameters = ""] = /^(\S+)\s*([\s\S]*)$/.exec(rest.trim()) ?? [];
      if (name === "figure") {
        const parsed = parseIncludeParameters(parameters);
        if (parsed.image_path) return renderFigure(parsed, renderInline);
        report("warning", bodyLine, LIQUID_FIELDS.include, `{% include figure %} without image_path; kept as written`);
        return undefined;
      }
      report("warning", bodyLine, LIQUID_FIELDS.include,
        `{% include ${name} %} is a theme include opsnote does not have; kept as written`);
      return undefined;
    }
    return undefined;
  };

  /** Converts Liquid in one line of prose, leaving inline code spans alone; then link spaces, as kramdown reads them. */
  const convertProse = (line: string, bodyLine: number): string =>
    outsideCodeSpans(line, (text) => encodeLinkSpaces(convertText(text, bodyLine)));

  /**
   * Inside an HTML comment (`<!-- {% include video.html %} -->`, over lines too): Jekyll ran the Liquid,
   * but into the comment, which no reader sees; kept as written, without a warning.
   */
  let inHtmlComment = false;
  const convertText = (text: string, bodyLine: number): string => {
    let result = "";
    let last = 0;
    for (const match of text.matchAll(new RegExp(`${RAW_MARKER.source}|${LIQUID_ITEM.source}|<!--|-->`, "g"))) {
      const item = match[0];
      result += text.slice(last, match.index);
      last = match.index + item.length;
      const rawMarker = /^\{%-?\s*(end)?raw\s*-?%\}$/.exec(item);
      if (rawMarker) {
        inRaw = rawMarker[1] === undefined;
        continue;
      }
      if (item === "<!--" || item === "-->") {
        // An unclosed `<!--` is text to CommonMark, not a comment.
        const closed = () => text.includes("-->", last) || lines.slice(bodyLine + 1).some((l) => l.includes("-->"));
        if (!inRaw) inHtmlComment = item === "<!--" && closed();
        result += item;
        continue;
      }
      if (inRaw || inHtmlComment) {
        result += item;
        continue;
      }
      // `text` is one line: `result` is the line so far.
      const replacement = convertItem(item, bodyLine, URL_START.test(result), text.charAt(last));
      if (replacement === undefined) {
        result += item;
        if (!/^\{%-?\s*include\b/.test(item)) {
          report("warning", bodyLine, LIQUID_FIELDS.unknown, `Liquid ${item} is not run by opsnote; kept as written`);
        }
      } else {
        result += replacement;
      }
    }
    return result + text.slice(last);
  };

  /**
   * `{% comment %}…{% endcomment %}` outside code is text the author hid from readers, as Jekyll
   * does: removed (lines become blank so later lines keep their numbers). Returns what is left of the
   * line to convert, or undefined when the whole line was comment.
   */
  let inComment = false;
  const stripComments = (line: string): string | undefined => {
    let rest = line;
    let kept = "";
    for (;;) {
      if (inComment) {
        const close = COMMENT_CLOSE.exec(rest);
        if (!close) return kept.trim() === "" ? undefined : kept;
        inComment = false;
        rest = rest.slice(close.index + close[0].length);
        continue;
      }
      const open = COMMENT_OPEN.exec(rest);
      if (!open) return kept + rest;
      kept += rest.slice(0, open.index);
      rest = rest.slice(open.index + open[0].length);
      inComment = true;
    }
  };

  // Lines removed from a code block come back as blank lines after it, so later lines keep their numbers.
  let removedCodeLines = 0;
  for (let index = 0; index < lines.length; index++) {
    const original = lines[index]!;
    if (!code.has(index) && !inRaw && (inComment || COMMENT_OPEN.test(original))) {
      const left = stripComments(original);
      if (left === undefined || left.trim() === "") {
        out.push("");
        continue;
      }
      lines[index] = left;
    }
    const line = lines[index]!;
    if (code.has(index)) {
      const kept = stripRawMarkers(line);
      if (kept !== undefined) out.push(kept);
      else removedCodeLines++;
      continue;
    }
    for (; removedCodeLines > 0; removedCodeLines--) out.push("");
    const highlight = inRaw ? null : HIGHLIGHT_OPEN.exec(line);
    if (highlight) {
      const [, indent = "", language = "", , firstCode = ""] = highlight;
      let end = index + 1;
      while (end < lines.length && !HIGHLIGHT_CLOSE.test(lines[end]!)) end++;
      if (end >= lines.length && !HIGHLIGHT_CLOSE.test(firstCode)) {
        report("warning", index, LIQUID_FIELDS.unknown, "{% highlight %} without {% endhighlight %}; kept as written");
        out.push(line);
        continue;
      }
      const body = [firstCode, ...lines.slice(index + 1, end + 1)];
      const closing = body.findIndex((l) => HIGHLIGHT_CLOSE.test(l));
      const codeBody = body.slice(0, closing + 1);
      const lastLine = codeBody[closing]!.split(HIGHLIGHT_CLOSE)[0]!;
      const after = codeBody[closing]!.split(HIGHLIGHT_CLOSE).slice(1).join("");
      codeBody[closing] = lastLine;
      const content = codeBody
        .map((l) => l.replace(RAW_MARKER, ""))
        .filter((l, i) => !(i === 0 && l.trim() === ""))
        .filter((l, i, all) => !(i === all.length - 1 && l.trim() === ""));
      const fence = fenceFor(content);
      // Content lines keep their own indentation: the fence's indentation is removed from them again.
      out.push(`${indent}${fence}${language.toLowerCase()}`, ...content, `${indent}${fence}`);
      // Keep the line count so later warnings still name the right line.
      const consumed = end - index + 1;
      const produced = content.length + 2;
      for (let pad = produced; pad < consumed; pad++) out.push("");
      if (after.trim() !== "") out.push(convertProse(after, end));
      index = end;
      continue;
    }
    if (/\{%-?\s*(end)?raw\s*-?%\}/.test(line) && line.replace(RAW_MARKER, "").trim() === "") {
      // A line holding only raw markers becomes blank; the text around it is unchanged.
      stripRawMarkers(line);
      out.push("");
      continue;
    }
    out.push(convertProse(line, index));
  }
  if (inComment) report("warning", lines.length - 1, LIQUID_FIELDS.unknown, "{% comment %} without {% endcomment %}: the rest of the post was hidden");
  return { markdown: out.join("\n"), diagnostics };
}
