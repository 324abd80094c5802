/**
 * The markdown pipeline, assembled in one place. Plugin order matters and is explained inline.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { headingsPlugin, collectHeadings } from "./headings.ts";
import { codeBlocksPlugin } from "./code-blocks.ts";
import { alertsPlugin } from "./alerts.ts";
import { imagesPlugin } from "./images.ts";
import { buildToc, type TocEntry } from "./toc.ts";
import type { CodeHighlighter } from "./highlight.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { MarkdownEnv } from "./env.ts";

export interface MarkdownOptions {
  highlighter: CodeHighlighter;
  /** Receives warnings found while rendering (unknown code languages, …). */
  report?: DiagnosticSink;
}

export function createMarkdown({ highlighter, report }: MarkdownOptions): MarkdownIt {
  const md = markdownIt({
    html: true, // the author is trusted: raw HTML passes through (see README, "Escaping policy")
    linkify: true,
    typographer: false, // keep straight quotes: posts are full of code-like text
  });
  md.use(cjkFriendly); // changes emphasis delimiter rules, so `**"인그레스"**는` is bold; inline-level, order-free
  md.use(alertsPlugin); // a core rule after `block`, before `inline`: removes `[!NOTE]` before it is parsed
  md.use(headingsPlugin); // a core rule pushed after `inline`: it needs each heading's inline children
  md.use(imagesPlugin, { report }); // a core rule pushed after `inline` (image tokens) + the image renderer
  md.use(codeBlocksPlugin, { highlighter, report }); // a renderer rule: independent of parsing order
  return md;
}

/** The table of contents of a markdown body, with the same ids the rendered page gets. */
export function extractToc(md: MarkdownIt, markdown: string, depth: number, env: MarkdownEnv = {}): TocEntry[] {
  return buildToc(collectHeadings(md.parse(markdown, { ...env })), depth);
}
