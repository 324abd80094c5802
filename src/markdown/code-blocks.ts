/**
 * Fenced code blocks: language resolution, highlighting and the block's frame.
 *
 * The fence renderer is replaced (rather than markdown-it's `highlight` option used) because the
 * renderer sees `env` and the token's line: an unknown language is reported with the file and line,
 * then rendered as escaped plain text instead of failing the build.
 *
 * Order matters: the fence meta and notation comments are read first (code-meta.ts), the clean
 * code is highlighted by the pure `(code, language)` highlighter, then its lines are decorated
 * (code-frame.ts).
 */
import type { MarkdownIt } from "markdown-it";
import type { CodeHighlighter } from "./highlight.ts";
import { fenceFileName } from "./highlight-languages.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { sourceLocation, type MarkdownEnv } from "./env.ts";
import { extractCodeNotation, parseCodeMeta, parseFenceInfo } from "./code-meta.ts";
import { renderCodeFrame } from "./code-frame.ts";
import { SESSION_LANGUAGES, classifySessionLines } from "./console-session.ts";

export interface CodeBlocksOptions {
  highlighter: CodeHighlighter;
  /** Receives unknown-language warnings. @default ignore them */
  report?: DiagnosticSink;
}

/** Lives with the rest of the fence meta (code-meta.ts); exported here too for existing imports. */
export { parseFenceInfo } from "./code-meta.ts";

const WARNED_LANGUAGES = Symbol("opsnote.warnedLanguages");

/** The fence names already reported in this render of a post (markdown-it's env lives for one render). */
function warnedLanguages(env: MarkdownEnv | undefined): Set<string> | undefined {
  if (env === undefined || env === null) return undefined;
  const holder = env as Record<symbol, Set<string> | undefined>;
  return (holder[WARNED_LANGUAGES] ??= new Set());
}

export function codeBlocksPlugin(md: MarkdownIt, { highlighter, report }: CodeBlocksOptions): void {
  const { escapeHtml, unescapeAll } = md.utils;
  md.renderer.rules.fence = (tokens, idx, _options, rawEnv) => {
    const env = rawEnv as MarkdownEnv | undefined;
    const token = tokens[idx]!;
    const { name, meta: metaText } = parseFenceInfo(unescapeAll(token.info));
    let language = highlighter.resolveLanguage(name);
    if (language === undefined || highlighter.isLoaded?.(language) === false) {
      // Once per post and name: the first block says it, the author fixes them all at once.
      const warned = warnedLanguages(env);
      const key = name.toLowerCase();
      if (!warned?.has(key)) {
        warned?.add(key);
        report?.({
          severity: "warning",
          ...sourceLocation(env, token.map?.[0]),
          field: "code",
          message: language === undefined
            ? `unknown code language "${name}"; rendered as plain text`
            // A build loads every grammar its fences name before rendering (index.ts): this is a bug.
            : `code language "${name}" was not loaded before rendering; rendered as plain text`,
        });
      }
      language = "text";
    }
    const { code, marks } = extractCodeNotation(token.content.endsWith("\n") ? token.content.slice(0, -1) : token.content);
    // A fence named after a file shows the file's name as its title and its language as the label.
    const fileName = fenceFileName(name);
    const label = name === "" ? "" : fileName !== undefined ? (fileName.split(".").at(-1) ?? "").toLowerCase() : name.toLowerCase();
    const session = SESSION_LANGUAGES.has(language) ? classifySessionLines(code.split("\n")) : undefined;
    const html = highlighter.highlight(code, language);
    const meta = parseCodeMeta(metaText);
    // kramdown's `{: file="deploy.yaml"}` (set by attribute-lists.ts) names the block like `title="…"`.
    const fileTitle = token.attrGet("data-title");
    if (meta.title === undefined && fileTitle !== null) meta.title = String(fileTitle);
    if (meta.title === undefined && fileName !== undefined) meta.title = fileName;
    return renderCodeFrame({ html, label, meta, marks, session, escapeHtml });
  };
}
