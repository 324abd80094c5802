/**
 * Fenced code blocks: language resolution, highlighting and the block's frame.
 *
 * The fence renderer is replaced (rather than markdown-it's `highlight` option used) because the
 * renderer sees `env` and the token's line: an unknown language is reported with the file and line,
 * then rendered as escaped plain text instead of failing the build.
 */
import type { MarkdownIt } from "markdown-it";
import type { CodeHighlighter } from "./highlight.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { sourceLocation, type MarkdownEnv } from "./env.ts";

export interface CodeBlocksOptions {
  highlighter: CodeHighlighter;
  /** Receives unknown-language warnings. @default ignore them */
  report?: DiagnosticSink;
}

/** `yaml title="deployment.yaml" {1,3}` -> `{ name: "yaml", meta: 'title="deployment.yaml" {1,3}' }`. */
export function parseFenceInfo(info: string): { name: string; meta: string } {
  const trimmed = info.trim();
  const match = /^(\S*)\s*(.*)$/s.exec(trimmed);
  return { name: match?.[1] ?? "", meta: match?.[2] ?? "" };
}

export function codeBlocksPlugin(md: MarkdownIt, { highlighter, report }: CodeBlocksOptions): void {
  const { escapeHtml, unescapeAll } = md.utils;
  md.renderer.rules.fence = (tokens, idx, _options, rawEnv) => {
    const env = rawEnv as MarkdownEnv | undefined;
    const token = tokens[idx]!;
    const { name } = parseFenceInfo(unescapeAll(token.info));
    let language = highlighter.resolveLanguage(name);
    if (language === undefined) {
      report?.({
        severity: "warning",
        ...sourceLocation(env, token.map?.[0]),
        field: "code",
        message: `unknown code language "${name}"; rendered as plain text`,
      });
      language = "text";
    }
    const code = token.content.endsWith("\n") ? token.content.slice(0, -1) : token.content;
    const label = name === "" ? "" : name.toLowerCase();
    const html = highlighter.highlight(code, language);
    // kramdown's `{: file="deploy.yaml"}` (set by attribute-lists.ts) names the block.
    const title = token.attrGet("data-title");
    const titled = title === null ? "" : ` data-title="${escapeHtml(String(title))}"`;
    const heading = title === null ? "" : `<div class="code-block__title">${escapeHtml(String(title))}</div>`;
    return `<div class="code-block" data-lang="${escapeHtml(label)}"${titled}>${heading}${html}</div>\n`;
  };
}
