/**
 * The markdown pipeline, assembled in one place. Plugin order matters and is explained inline.
 */
import type { MarkdownIt } from "markdown-it";
import { createBaseMarkdown } from "./base-markdown.ts";
import { headingsPlugin, collectHeadings } from "./headings.ts";
import { codeBlocksPlugin } from "./code-blocks.ts";
import { alertsPlugin } from "./alerts.ts";
import { imagesPlugin } from "./images.ts";
import { attributeListsPlugin } from "./attribute-lists.ts";
import { markdownInHtmlPlugin } from "./markdown-in-html.ts";
import { lineBreakLinesPlugin } from "./line-break-lines.ts";
import { buildToc, type TocEntry } from "./toc.ts";
import { mathPlugin, type MathRenderCache } from "./math.ts";
import { mermaidPlugin } from "./mermaid.ts";
import { pageFeaturesPlugin } from "./page-features.ts";
import type { CodeHighlighter } from "./highlight.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { MarkdownEnv } from "./env.ts";
import { postFileLinksPlugin } from "./post-file-links.ts";

export interface MarkdownOptions {
  highlighter: CodeHighlighter;
  /** Receives warnings found while rendering (unknown code languages, …). */
  report?: DiagnosticSink;
  /** Heading levels in an in-place kramdown `{:toc}`. @default 3 */
  tocDepth?: number;
  /** `$ … $` inline math in every post, not only those with `math: true` (see math.ts). @default false */
  math?: boolean;
  /** Formulas rendered by earlier builds (see math.ts). @default none */
  mathCache?: MathRenderCache;
  /** `:memo:` -> 📝 in post text (see emoji.ts). @default false */
  emoji?: boolean;
}

export function createMarkdown({ highlighter, report, tocDepth, math, mathCache, emoji }: MarkdownOptions): MarkdownIt {
  // html, linkify, CJK-friendly emphasis, emoji: the same dialect as the excerpt. Emoji is a core rule
  // right after `linkify`, before the heading ids and the TOC are read from the inline tokens.
  const md = createBaseMarkdown({ emoji });
  md.use(markdownInHtmlPlugin); // a block rule before `html_block`: `<div markdown="1">` holds markdown
  md.use(lineBreakLinesPlugin); // a block rule before `html_block`: a `<br>` line leaves the next line markdown
  md.use(alertsPlugin); // a core rule after `block`, before `inline`: removes `[!NOTE]` before it is parsed
  md.use(headingsPlugin); // a core rule pushed after `inline`: it needs each heading's inline children
  // kramdown `{: …}` lists: collected before `inline` (paragraphs still raw text), applied after the
  // heading ids exist (pushed after headingsPlugin), so `{:toc}` lists the same ids.
  md.use(attributeListsPlugin, { tocDepth });
  // A core rule pushed after the attribute lists: an image's `{: …}` is gone before captions are read.
  md.use(imagesPlugin, { report });
  md.use(codeBlocksPlugin, { highlighter, report }); // a renderer rule: independent of parsing order
  md.use(pageFeaturesPlugin); // first core rule: clears the page's math/mermaid flags before a render sets them
  // Math block rules sit before paragraphs and lists, after fences and indented code (whose `$` stays
  // code); inline rules around `escape` (`\(` before it, `$` after, so `\$` is a dollar sign).
  md.use(mathPlugin, { report, dollarInline: math, cache: mathCache });
  md.use(mermaidPlugin); // a core rule right after `block`: mermaid fences never reach the code-block renderer
  md.use(postFileLinksPlugin); // a core rule pushed last: `./x.md#id` links -> the post's URL (resolver in env)
  // Last before `inline` (after the attribute lists are collected): a parse for the TOC only skips
  // the inline content of everything but headings.
  md.core.ruler.before("inline", "opsnote_headings_only", headingsOnlyRule);
  return md;
}

/** Set in `env` by extractToc: the parse is read for its headings only. */
const HEADINGS_ONLY = Symbol("opsnote.headingsOnly");

/**
 * Inline parsing is most of a parse, and a TOC needs the inline content of headings alone (their
 * text and ids): every other inline token is emptied first. Block structure, attribute lists and
 * the heading ids (which depend only on headings, in order) come out as in a full parse; a
 * property test in tests/markdown/toc.test.ts compares the two.
 */
function headingsOnlyRule(state: { env: unknown; tokens: { type: string; content: string }[] }): void {
  if (!(state.env as Record<symbol, unknown>)[HEADINGS_ONLY]) return;
  state.tokens.forEach((token, index) => {
    if (token.type === "inline" && state.tokens[index - 1]?.type !== "heading_open") token.content = "";
  });
}

/** The table of contents of a markdown body, with the same ids the rendered page gets. */
export function extractToc(md: MarkdownIt, markdown: string, depth: number, env: MarkdownEnv = {}): TocEntry[] {
  return buildToc(collectHeadings(md.parse(markdown, { ...env, [HEADINGS_ONLY]: true })), depth);
}
