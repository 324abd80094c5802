/**
 * Reads a post's YAML front matter as plain data.
 *
 * Installed as gray-matter's `yaml` engine inside Eleventy. It differs from the default in three ways:
 * - YAML timestamps are not converted (js-yaml shifts `+18:00` dates and reads offset-less times
 *   as UTC; dates.ts reads them with the site's time zone instead);
 * - the data is returned under one key, `frontMatter`, so a post cannot set Eleventy's own keys
 *   (`permalink`, `layout`, `pagination`, `eleventyComputed`, …): posts are content, not templates;
 * - a syntax error names the file and the line in the file, not in the YAML block.
 */
import * as yaml from "js-yaml";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

export interface FrontMatterSource {
  /** Lines of the file before the markdown body: both `---` fences and the YAML between them. */
  bodyLineOffset: number;
  /** 1-based line in the file of each top-level key. */
  keyLines: Record<string, number>;
}

export interface PostData {
  frontMatter: Record<string, unknown>;
  frontMatterSource: FrontMatterSource;
}

/**
 * gray-matter hands over the text right after the opening `---`, so the engine's line 0 is the
 * rest of the file's line 1 and engine line n is file line n + 1.
 */
const FENCE_LINE = 1;

function keyLinesOf(text: string): Record<string, number> {
  const keyLines: Record<string, number> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    const key = /^(["']?)([^\s:#"'][^:#"']*?)\1\s*:(?:\s|$)/.exec(line)?.[2];
    if (key !== undefined && !(key in keyLines)) keyLines[key] = FENCE_LINE + index;
  });
  return keyLines;
}

/**
 * Parses the text between the `---` fences. gray-matter calls an engine with its options object
 * (Eleventy adds `filePath` to it); a plain string is accepted too. The path is only used in messages.
 */
export function readFrontMatter(text: string, options?: string | { filePath?: string }): PostData {
  const filePath = (typeof options === "string" ? options : options?.filePath) ?? "(unknown file)";
  let parsed: unknown;
  try {
    // CORE_SCHEMA: strings, numbers, booleans, null, lists and maps; no timestamps, no custom tags.
    parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: filePath, json: false });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? FENCE_LINE + error.mark.line : undefined;
      throw new DiagnosticError([{
        severity: "error", file: filePath, line, column: error.mark ? error.mark.column + 1 : undefined,
        field: "front matter", message: `invalid YAML: ${error.reason}`,
      }]);
    }
    throw error;
  }
  if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
    throw new DiagnosticError([{
      severity: "error", file: filePath, line: FENCE_LINE + 1, field: "front matter",
      message: `expected key: value pairs, got ${Array.isArray(parsed) ? "a list" : typeof parsed}`,
    }]);
  }
  // Lines of the block as handed over, plus the closing fence's line.
  const bodyLineOffset = text.split(/\r?\n/).length + 1;
  return {
    frontMatter: (parsed ?? {}) as Record<string, unknown>,
    frontMatterSource: { bodyLineOffset, keyLines: keyLinesOf(text) },
  };
}

/**
 * Where a file's body starts, read from the whole file. Used when gray-matter did not call the
 * engine: an empty `---`/`---` block, or no front matter at all. An unclosed block is not front
 * matter (gray-matter reads it as body too).
 */
export function frontMatterSourceOf(fileText: string): FrontMatterSource {
  const lines = fileText.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { bodyLineOffset: 0, keyLines: {} };
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  if (close === -1) return { bodyLineOffset: 0, keyLines: {} };
  return { bodyLineOffset: close + 1, keyLines: keyLinesOf(["", ...lines.slice(1, close)].join("\n")) };
}

/** Front-matter languages other than YAML would run code (`---js`) or are not supported. */
export function refuseFrontMatterLanguage(language: string) {
  return (_text: string, options?: { filePath?: string }): never => {
    throw new DiagnosticError([{
      severity: "error", file: options?.filePath ?? "(unknown file)", line: 1, field: "front matter",
      message: `"---${language}" front matter is not allowed: posts are data, never code; use YAML (---)`,
    }]);
  };
}
