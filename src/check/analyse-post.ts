/**
 * Everything `check` learns from one post file on its own: its schema and date problems, NFD
 * spellings, malformed external links, unclosed fences, and the heading ids and links that the
 * cross-post checks (check-posts.ts) then resolve, and the post itself (its URL, redirects and dates:
 * the Jekyll post index reads them too), and the Korean stems of its body (the search index's
 * vocabulary, src/search/corpus.ts). The result depends on the file's text, its path and the
 * site's time zone and permalink only, never on the time, so it is cached: in memory by
 * modification time between preview rebuilds, on disk by content between builds (analysis-cache.ts).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { SiteSettings } from "../site.ts";
import { buildPost, type Post } from "../content/post.ts";
import { parsePostText } from "../content/read-post.ts";
import { findFileQuirks } from "../content/front-matter.ts";
import { collectElementIds, collectHeadings } from "../markdown/headings.ts";
import { LAYOUT_IDS } from "../slug/reserved-ids.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { UndatedFallback } from "../content/undated.ts";
import { convertLiquid } from "../jekyll/convert-liquid.ts";
import {
  classifyLink, decodeTarget, externalLinkProblem, extractLinks, findUnclosedFences, locateLinks, POST_REFERENCE_PREFIX, type LinkRef,
} from "./links.ts";
import { DATA_IMAGE_WARN_BYTES, dataUriBytes, formatBytes } from "../content/data-uri.ts";
import { compoundStems } from "../search/korean-index.ts";

export interface PostAnalysis {
  /** The file as given to `check` (e.g. `posts/x.md`). */
  file: string;
  /** Path relative to the posts folder, `/`-separated. */
  relativePath: string;
  diagnostics: Diagnostic[];
  /** Absent when the front matter does not build. */
  post?: Post;
  /** Heading ids, exactly as the page gets them. */
  headingIds: Set<string>;
  /** Internal links and images, left for the cross-post checks. */
  links: LinkRef[];
  /** Line of the `date` key, when the post has one. */
  dateLine?: number;
  /** The post names no date anywhere: analysed again with a fallback date (see analysePosts). */
  undated?: boolean;
  /** The Korean stems the body adds to the search index's compound vocabulary (src/search/corpus.ts). */
  stems?: string[];
  /** A digest of the file's text: tells the search index which posts changed since the build before (src/search/corpus.ts). */
  digest?: string;
}


const NFC_FIX = "normalise to NFC (macOS writes Hangul decomposed, as NFD)";

function isNfd(text: string): boolean {
  return text !== text.normalize("NFC");
}

/** The line of a front-matter value: the first line from its key on that contains it. */
function valueLine(lines: readonly string[], keyLine: number | undefined, value: string): number | undefined {
  if (keyLine === undefined) return undefined;
  for (let i = keyLine - 1; i < lines.length && i < keyLine + 200; i++) {
    if (lines[i]!.includes(value)) return i + 1;
  }
  return keyLine;
}

function rawStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** A Hugo shortcode as written (`{{< lead >}}`, `{{% details title="x" %}}`), not a closing one nor an escaped one (a comment inside). */
const HUGO_SHORTCODE = /\{\{([<%])\s*(?!\/)[\w-]+(?:[^}]|\}(?!\}))*?\s*[>%]\}\}/g;

/**
 * The Hugo shortcodes left in a post's prose (`npm run import` converts the common ones): opsnote does
 * not run them, so the page shows them as text. One warning each, where it opens; code is left alone.
 */
function findHugoShortcodes(markdown: string, tokens: ReturnType<MarkdownIt["parse"]>, file: string, offset: number): Diagnostic[] {
  const code = new Set<number>();
  for (const token of tokens) {
    if ((token.type === "fence" || token.type === "code_block") && token.map) for (let line = token.map[0]; line < token.map[1]; line++) code.add(line);
  }
  const found: Diagnostic[] = [];
  markdown.split(/\r?\n/).forEach((line, index) => {
    if (code.has(index)) return;
    // Code spans blanked to spaces: columns stay where they were.
    const prose = line.replace(/(`+)[^`][\s\S]*?\1/g, (span) => " ".repeat(span.length));
    for (const match of prose.matchAll(HUGO_SHORTCODE)) {
      found.push({
        severity: "warning", file, line: index + 1 + offset, column: match.index + 1, field: "shortcode",
        message: `Hugo shortcode ${match[0]} is not run by opsnote; kept as written`,
      });
    }
  });
  return found;
}

export function analysePost(options: {
  file: string;
  /** Path relative to the posts folder, for the file-name check. */
  relativePath: string;
  text: string;
  md: MarkdownIt;
  site: Pick<SiteSettings, "timeZone" | "permalink">;
  /** The date of a post that names none; without it such a post is `undated` and has no `post`. */
  undatedFallback?: UndatedFallback;
}): PostAnalysis {
  const { file, relativePath, text, md, site, undatedFallback } = options;
  const diagnostics: Diagnostic[] = [];
  const analysis: PostAnalysis = { file, relativePath, diagnostics, headingIds: new Set(), links: [], digest: createHash("sha256").update(text).digest("base64url") };

  // A BOM, CRLF line ends, an empty file, no front matter: the build warns about them, so `check` does.
  diagnostics.push(...findFileQuirks(text, file));

  if (isNfd(relativePath)) {
    diagnostics.push({
      severity: "warning", file, field: "file name",
      message: `"${path.basename(relativePath)}" is NFD; ${NFC_FIX}: rename it to "${path.basename(relativePath).normalize("NFC")}"`,
    });
  }

  let parsed;
  try {
    parsed = parsePostText(text, file);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    diagnostics.push(...error.diagnostics);
    return analysis;
  }
  const { frontMatter, frontMatterSource, body } = parsed;
  const lines = text.split(/\r?\n/);
  const lineOf = (field: string) => frontMatterSource.keyLines[field];
  analysis.dateLine = lineOf("date");

  for (const field of ["title", "tags", "categories", "category", "series"]) {
    for (const value of rawStrings(frontMatter[field])) {
      if (!isNfd(value)) continue;
      diagnostics.push({
        severity: "warning", file, line: valueLine(lines, lineOf(field), value), field,
        message: `"${value.normalize("NFC")}" is NFD; ${NFC_FIX}`,
      });
    }
  }

  // The body only feeds the reading time, which no check reads.
  const built = buildPost({ inputPath: file, relativePath, frontMatter, source: frontMatterSource, body: "", site, undatedFallback });
  diagnostics.push(...built.warnings);
  if (built.ok) analysis.post = built.post;
  else diagnostics.push(...built.errors);
  if (!built.ok && built.undated) analysis.undated = true;

  const offset = frontMatterSource.bodyLineOffset;
  // The text the page is rendered from: Jekyll Liquid converted as the build converts it
  // (src/jekyll/index.ts), so `{{ site.baseurl }}/images/x.png` is checked as `/images/x.png`. Its
  // warnings are the page's to print; `{{ site.url }}` starting a target is root-relative there as in
  // the page (and empty elsewhere), so links to the site's own absolute URLs are checked too.
  const liquid = frontMatter.render_with_liquid === false ? body : convertLiquid(body, {
    file, lineOffset: offset, siteUrl: "", pathPrefix: "/",
    resolvePost: (reference) => `${POST_REFERENCE_PREFIX}${encodeURIComponent(reference.trim())}`,
  }).markdown;
  analysis.stems = compoundStems(liquid);
  const tokens = md.parse(liquid, { page: { inputPath: file }, frontMatterSource });
  analysis.headingIds = new Set(collectHeadings(tokens).map((h) => h.id));
  // Generated ids are unique; an id the author set (`{#install}`) can repeat another or the layout's.
  const seenIds = new Set(LAYOUT_IDS);
  for (const { id, line } of collectElementIds(tokens)) {
    if (seenIds.has(id)) {
      diagnostics.push({
        severity: "warning", file, line: line === undefined ? undefined : line + 1 + offset, field: "id",
        message: `id "${id}" is already used ${LAYOUT_IDS.includes(id) ? "by the page layout" : "earlier in this post"}; links to #${id} reach only the first one, so give it another id`,
      });
    }
    seenIds.add(id);
  }
  for (const { line, container } of findUnclosedFences(tokens, offset)) {
    diagnostics.push({
      severity: "warning", file, line, field: "code",
      message: container === undefined
        ? "this code fence is never closed; the rest of the post is shown as code"
        : container === "block quote"
          ? "this code fence in a block quote ends with the quote, where a line does not start with >; start every line of the code and the closing fence with >, or take the fence out of the quote"
          : "this code fence in a list item ends with the item, where a line is not indented under it; indent the code and the closing fence like the item's text",
    });
  }
  diagnostics.push(...findHugoShortcodes(liquid, tokens, file, offset));
  for (const link of locateLinks(extractLinks(tokens, offset), lines)) {
    const target = classifyLink(link.href);
    if (target.type === "external") {
      const problem = link.auto ? undefined : externalLinkProblem(target.url);
      if (problem) {
        diagnostics.push({
          severity: "error", file, line: link.line, column: link.column, field: link.kind,
          message: `${decodeTarget(link.href)} ${problem}`, kind: "bad-external-link", target: decodeTarget(link.href),
        });
      }
    } else if (link.kind === "image" && (dataUriBytes(link.href) ?? 0) > DATA_IMAGE_WARN_BYTES) {
      diagnostics.push({
        severity: "warning", file, line: link.line, column: link.column, field: "image",
        message: `an inline data: image of ${formatBytes(dataUriBytes(link.href)!)} (over ${formatBytes(DATA_IMAGE_WARN_BYTES)}) is copied into the page as text; save it as a file in assets/ and link it (feeds and search leave it out)`,
      });
    } else if (target.type === "empty") {
      diagnostics.push({ severity: "warning", file, line: link.line, column: link.column, field: link.kind, message: "empty target ()" });
    } else if (target.type !== "other-scheme") {
      analysis.links.push(link);
    }
  }
  const card = frontMatterImage(analysis.post?.image, lines, [lineOf("image"), lineOf("header"), lineOf("images")]);
  if (card) analysis.links.push(card);
  return analysis;
}

/**
 * The post's front-matter image (`image`, `image.path`, `header.teaser`, …) as an image to check: it
 * is the post's card in every list and its sharing image, so a missing file is a broken image on
 * the home page (Jooyoung08's Hydejack demo posts: four, never reported). Its line is the first
 * from the key's that holds the path.
 */
function frontMatterImage(image: string | undefined, lines: readonly string[], keyLines: (number | undefined)[]): LinkRef | undefined {
  if (image === undefined) return undefined;
  const type = classifyLink(image).type;
  if (type === "external" || type === "other-scheme" || type === "empty") return undefined;
  const starts = keyLines.filter((line): line is number => line !== undefined).sort((a, b) => a - b);
  for (const start of starts) {
    for (let line = start; line <= lines.length && line < start + 8; line++) {
      const at = lines[line - 1]!.indexOf(image);
      if (at !== -1) return { kind: "image", href: image, line, column: at + 1, auto: false };
    }
  }
  return { kind: "image", href: image, line: starts[0] ?? 1, auto: false };
}
