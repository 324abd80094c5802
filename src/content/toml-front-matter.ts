/**
 * TOML front matter between `+++` fences, as Zola always writes it and many Hugo sites do.
 *
 * gray-matter (inside Eleventy) knows one pair of fences, `---`, so a `+++` file reaches the content
 * preprocessors with its front matter still in the body; it is read here with smol-toml and handed
 * on exactly like YAML front matter (`frontMatter`, `frontMatterSource`), so every later step is
 * the same. Zola's `[taxonomies] tags = […]` become `tags`/`categories` and `[extra] toc = true`
 * (DeepThought, tabi, serene: Zola's themes keep their keys under `[extra]`) becomes `toc`; TOML dates
 * become the text the author wrote, read by dates.ts in the site's time zone.
 */
import { parse, TomlDate, TomlError } from "smol-toml";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import type { PostData } from "./front-matter.ts";

const OPEN = /^\+\+\+[ \t]*\r?\n/;
const CLOSE = /^\+\+\+[ \t]*$/m;

export interface TomlBlock {
  toml: string;
  /** The markdown after the closing fence. */
  body: string;
  /** File lines before the body: both fences and the TOML between them. */
  bodyLineOffset: number;
}

/** Splits a `+++` block off a file's text (BOM already removed); undefined when there is none. */
export function splitTomlFrontMatter(text: string, filePath: string): TomlBlock | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    throw new DiagnosticError([{
      severity: "error", file: filePath, line: 1, column: 1, field: "front matter",
      message: "TOML front matter opened with +++ on line 1 is never closed; add a line with +++ after the last field",
    }]);
  }
  const toml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  return { toml, body: afterClose, bodyLineOffset: toml.split(/\r?\n/).length + 1 };
}

/** TOML values as plain data: dates as the text written, tables as plain objects. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

/** Keys of Zola's tables read as top-level keys (a top-level key of the same name wins). */
const LIFTED_KEYS: Readonly<Record<string, readonly string[]>> = { taxonomies: ["tags", "categories"], extra: ["toc"] };

function keyLinesOf(toml: string): Record<string, number> {
  const keyLines: Record<string, number> = {};
  let table = "";
  toml.split(/\r?\n/).forEach((line, index) => {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) table = header[1]!.trim();
    const key = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(line)?.[1];
    // Line 1 is the opening fence; lifted keys are reported under the names opsnote reads.
    if (key !== undefined && (table === "" || LIFTED_KEYS[table]?.includes(key)) && !(key in keyLines)) keyLines[key] = index + 2;
  });
  return keyLines;
}

export function readTomlFrontMatter(block: TomlBlock, filePath: string): PostData {
  let parsed: Record<string, unknown>;
  try {
    parsed = plain(parse(block.toml)) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new DiagnosticError([{
      severity: "error", file: filePath, line: error.line + 1, column: error.column, field: "front matter",
      message: `invalid TOML: ${error.message.split("\n")[0]}`,
    }]);
  }
  const frontMatter = { ...parsed };
  for (const [table, names] of Object.entries(LIFTED_KEYS)) {
    const values = parsed[table] as Record<string, unknown> | undefined;
    for (const name of names) {
      if (frontMatter[name] === undefined && values?.[name] !== undefined) frontMatter[name] = values[name];
    }
  }
  return { frontMatter, frontMatterSource: { bodyLineOffset: block.bodyLineOffset, keyLines: keyLinesOf(block.toml) } };
}
