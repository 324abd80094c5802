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
import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import matter from "gray-matter";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { readTomlFrontMatter, splitTomlFrontMatter } from "./toml-front-matter.ts";

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

/** Lines of the top-level keys, and of the items of a block list under one (`tags[1]`, for `- ` items). */
function keyLinesOf(text: string): Record<string, number> {
  const keyLines: Record<string, number> = {};
  let listKey: string | undefined;
  let itemIndent: number | undefined;
  let items = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    const key = /^(["']?)([^\s:#"'][^:#"']*?)\1\s*:(?:\s|$)/.exec(line)?.[2];
    if (key !== undefined) {
      if (!(key in keyLines)) keyLines[key] = FENCE_LINE + index;
      listKey = key;
      itemIndent = undefined;
      items = 0;
      return;
    }
    const item = /^(\s*)-(?:\s|$)/.exec(line);
    if (listKey === undefined || !item) return;
    itemIndent ??= item[1]!.length;
    if (item[1]!.length === itemIndent) keyLines[`${listKey}[${items++}]`] = FENCE_LINE + index;
  });
  return keyLines;
}

/**
 * YAML's core schema, except that a plain number written in another spelling than its value's keeps
 * that spelling: `tags: [1.10]` is the tag "1.10" (a Kubernetes version), not 1.1, and `010` stays
 * "010". Numbers spelled as their value (`2021`, `1.5`) stay numbers; every field reads them as text anyway.
 */
const FRONT_MATTER_SCHEMA = yaml.CORE_SCHEMA.withTags(keepSpelling(yaml.intCoreTag), keepSpelling(yaml.floatCoreTag));

function keepSpelling(tag: typeof yaml.floatCoreTag | typeof yaml.intCoreTag) {
  return yaml.defineScalarTag<number | string>(tag.tagName, {
    implicit: tag.implicit,
    implicitFirstChars: tag.implicitFirstChars,
    identify: tag.identify,
    represent: tag.represent,
    resolve(source, isExplicit, tagName) {
      const value = tag.resolve(source, isExplicit, tagName);
      return value === yaml.NOT_RESOLVED || isExplicit || String(value) === source ? value : source;
    },
  });
}

/** js-yaml's reasons in a blogger's words, where the reason alone points the wrong way. */
const YAML_HINTS: Record<string, string> = {
  "deficient indentation": " (is a quote opened above and never closed, or a line indented less than its list?)",
  "duplicated mapping key": " (a field is written twice; keep one)",
  "tab characters must not be used in indentation": " (indent with spaces)",
  "expected the node content, but found ','": " (an empty item in a [list]? remove the extra comma)",
};

/** js-yaml's reasons when it ran past a quote or bracket that was never closed. */
const RAN_OFF = /^(deficient indentation|unexpected end of the stream|end of the stream or a document separator is expected|missed comma between flow collection entries)/;

const CLOSERS: Record<string, string> = { "[": "]", "{": "}" };
const WHAT: Record<string, string> = { '"': "the quote (\")", "'": "the quote (')", "[": "the list ([)", "{": "the mapping ({)" };

type Opening = { char: string; column: number };

/**
 * One line of a YAML block, scanned: the quote it leaves open (column 0 when it is `inQuote`, the one
 * open at the line's start), and its brackets left open. A quote counts only where a YAML value can start
 * (after `: `, `- `, `[`, `{` or `,`), so the apostrophe in `title: it's` is not one.
 */
function scanLine(line: string, inQuote?: string): { quote?: Opening; open: Opening[] } {
  const open: Opening[] = [];
  let quote: Opening | undefined = inQuote === undefined ? undefined : { char: inQuote, column: 0 };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote.char === '"') i++;
      else if (c === quote.char && quote.char === "'" && line[i + 1] === "'") i++;
      else if (c === quote.char) quote = undefined;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if ((c === '"' || c === "'") && /(^|[:\-[{,])\s*$/.test(line.slice(0, i))) quote = { char: c, column: i + 1 };
    else if (c === "[" || c === "{") open.push({ char: c, column: i + 1 });
    else if ((c === "]" || c === "}") && open.length > 0 && CLOSERS[open.at(-1)!.char] === c) open.pop();
  }
  return { quote, open };
}

/**
 * The nearest line, at or above where YAML gave up (`markIndex`, 0-based block line; only the text
 * before `markColumn` on it), that leaves a quote or a bracket open, with the 1-based column of that
 * opening.
 */
export function findUnclosedOpening(lines: readonly string[], markIndex: number, markColumn: number): { index: number; column: number; what: string } | undefined {
  for (let index = Math.min(markIndex, lines.length - 1); index >= 0; index--) {
    const { quote, open } = scanLine(index === markIndex ? lines[index]!.slice(0, markColumn) : lines[index]!);
    const left = quote ?? open[0];
    if (left) return { index, column: left.column, what: WHAT[left.char]! };
  }
  return undefined;
}

/**
 * A quoted value that goes on over lines starting at the key's own indentation or less:
 *
 *     excerpt: "Spring Boot에서 … 활용한
 *     실무 해결책을 소개합니다."
 *
 * YAML wants those lines indented, and js-yaml refuses the block ("deficient indentation"), but
 * libyaml (Jekyll's Psych) folds them into the value (by-su's Chirpy post stopped the build). Each
 * such line gets one space more than its key: a quoted scalar's line breaks fold to one space and its
 * lines' leading spaces are dropped, so the value is what Jekyll read, and no line moves. Written by
 * hand: no YAML library of npm reads this as libyaml does.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split("\n");
  const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
  /** The quote left open, and the indentation of the line that opened it. */
  let open: { char: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (open !== undefined && line.trim() !== "" && indentOf(line) <= open.indent) {
      lines[i] = `${" ".repeat(open.indent + 1)}${line.slice(indentOf(line))}`;
    }
    const quote = scanLine(line, open?.char).quote;
    // Still the quote of an earlier line (column 0), or one this line opens.
    open = quote === undefined ? undefined : quote.column === 0 ? open : { char: quote.char, indent: indentOf(line) };
  }
  return lines.join("\n");
}

/**
 * Parses the text between the `---` fences. gray-matter calls an engine with its options object
 * (Eleventy adds `filePath` to it); a plain string is accepted too. The path is only used in messages.
 */
export function readFrontMatter(text: string, options?: string | FrontMatterEngineOptions): PostData {
  const filePath = (typeof options === "string" ? options : options?.filePath) ?? "(unknown file)";
  // gray-matter hands an unclosed block over as if it were closed at the end of the file; only the
  // whole file tells the two apart. Checked first: the YAML error the body would cause misleads.
  const fileText = typeof options === "string" ? undefined : options?.fileText ?? readFileText(options?.filePath);
  const unclosed = fileText === undefined ? undefined : findUnclosedFrontMatter(fileText, filePath) ?? findBodyInFrontMatter(fileText, filePath);
  if (unclosed) throw new DiagnosticError([unclosed]);
  let parsed: unknown;
  // The core schema: strings, numbers, booleans, null, lists and maps; no timestamps, no custom tags.
  const load = (source: string) => yaml.load(source, { schema: FRONT_MATTER_SCHEMA, filename: filePath, json: false });
  try {
    parsed = load(text);
  } catch (error) {
    const indented = error instanceof yaml.YAMLException ? indentQuotedContinuations(text) : text;
    let repaired = false;
    if (indented !== text) {
      try {
        parsed = load(indented);
        repaired = true;
      } catch {
        // Not (only) that: the first error says what is wrong.
      }
    }
    // js-yaml 5 refuses a block of only comments or `...`; gray-matter skips truly empty ones.
    if (repaired) {
      // Read as Jekyll read it (see indentQuotedContinuations).
    } else if (error instanceof yaml.YAMLException && /input is empty/.test(error.reason)) {
      parsed = null;
    } else if (error instanceof yaml.YAMLException) {
      // Without a mark the error is about the block as a whole: point at its opening line.
      let line = error.mark ? FENCE_LINE + error.mark.line : FENCE_LINE;
      let column = error.mark ? error.mark.column + 1 : undefined;
      let message = `invalid YAML: ${error.reason}${YAML_HINTS[error.reason] ?? ""}`;
      // A quote or bracket left open is noticed only on a later line: point at where it opened.
      const opening = error.mark && RAN_OFF.test(error.reason) ? findUnclosedOpening(text.split(/\r?\n/), error.mark.line, error.mark.column) : undefined;
      if (opening) {
        line = FENCE_LINE + opening.index;
        column = opening.column;
        message = `invalid YAML: ${opening.what} opened here is never closed`;
      }
      else message += missingFenceHint(fileText, line);
      throw new DiagnosticError([{ severity: "error", file: filePath, line, column, field: "front matter", message }]);
    } else {
      throw error;
    }
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

/** What gray-matter passes to an engine: its own options plus what Eleventy and opsnote add. */
export interface FrontMatterEngineOptions {
  /** Eleventy adds the template's path. */
  filePath?: string;
  /** The whole file, when the caller has it (standalone parsing); otherwise it is read from `filePath`. */
  fileText?: string;
}

function readFileText(filePath: string | undefined): string | undefined {
  if (filePath === undefined) return undefined;
  try {
    return readFileSync(filePath, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * An opening `---` with no closing one. gray-matter then reads the whole file as front matter:
 * the post either fails with a confusing YAML error far below, or (when the body happens to be
 * valid YAML, or only `# headings`, which YAML reads as comments) silently loses its body.
 * Mirrors gray-matter's own test: the block ends at the first line starting with `---`.
 */
export function findUnclosedFrontMatter(fileText: string, file: string): Diagnostic | undefined {
  const text = fileText.replace(/^\uFEFF/, "");
  // `----…` is a thematic break, not front matter (gray-matter agrees).
  if (!text.startsWith("---") || text.charAt(3) === "-") return undefined;
  const firstLineEnd = text.search(/\r?\n/);
  if (firstLineEnd !== -1 && text.indexOf("\n---", firstLineEnd) !== -1) return undefined;
  return {
    severity: "error", file, line: 1, field: "front matter",
    message: "front matter opened on line 1 is never closed: add a line `---` after the last field (or remove line 1)",
  };
}

/** The file's lines and the index of the line that closes its front matter as gray-matter sees it (the first after line 1 starting with `---`), or -1. */
function frontMatterBlock(fileText: string): { lines: string[]; close: number } {
  const lines = fileText.replace(/^\uFEFF/, "").split(/\r?\n/);
  return { lines, close: lines.findIndex((line, index) => index > 0 && line.startsWith("---")) };
}

/** A markdown heading of level 2 to 6: a YAML comment, so inside front matter it parses, and vanishes. */
const BODY_HEADING = /^#{2,6}\s+\S/;

/**
 * The closing fence forgotten, and the block ending instead at a `---` rule of the body (most posts
 * have one: 201 of 224 on a real Hugo blog): gray-matter reads everything up to it as front matter.
 * When that part is headings and YAML-looking lines, it parses, and vanishes from the page without an
 * error; a `##` heading inside the block gives it away. Front matter has no reason to hold one (its
 * comments are `# …`).
 */
export function findBodyInFrontMatter(fileText: string, file: string): Diagnostic | undefined {
  const { lines, close } = frontMatterBlock(fileText);
  if (lines[0]?.trimEnd() !== "---" || close === -1) return undefined;
  const heading = lines.slice(1, close).findIndex((line) => BODY_HEADING.test(line));
  if (heading === -1) return undefined;
  return {
    severity: "error", file, line: heading + 2, column: 1, field: "front matter",
    message: `a heading of the post inside the front matter, which runs to the \`---\` on line ${close + 1}: add a line \`---\` after the last field`,
  };
}

/**
 * For a YAML error after a blank line of the block: the text there is likely the post's, read as front
 * matter up to a `---` rule of the body because the closing fence is missing. `errorLine` is 1-based.
 */
function missingFenceHint(fileText: string | undefined, errorLine: number): string {
  if (fileText === undefined) return "";
  const { lines, close } = frontMatterBlock(fileText);
  if (close === -1 || !lines.slice(1, errorLine - 1).some((line) => line.trim() === "")) return "";
  return ` (the front matter runs to the \`---\` on line ${close + 1}: is the line \`---\` after the last field missing?)`;
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

/** Engines that would run code: refused wherever a post is parsed. */
export const REFUSED_FRONT_MATTER_ENGINES = {
  js: refuseFrontMatterLanguage("js"),
  javascript: refuseFrontMatterLanguage("javascript"),
  // Eleventy's fallback for `---js { … }` objects: gray-matter's eval.
  jsLegacy: refuseFrontMatterLanguage("js"),
  node: refuseFrontMatterLanguage("node"),
  coffee: refuseFrontMatterLanguage("coffee"),
  cson: refuseFrontMatterLanguage("cson"),
};

/**
 * Every gray-matter engine opsnote allows, for Eleventy and for each standalone parse. gray-matter
 * merges its defaults under these, and its default `javascript` engine is `eval`: any parse that
 * does not pass this table runs the code of a `---js` post.
 * `---json` is data: JSON is YAML, so it is read by the YAML engine and kept under `frontMatter`
 * like any post's values (gray-matter's own JSON engine would let a post set Eleventy's keys).
 * Any other language (`---toml`) fails with gray-matter's "not registered" error, which
 * describeBuildError turns into a message naming the file.
 */
export const FRONT_MATTER_ENGINES = {
  yaml: readFrontMatter,
  json: readFrontMatter,
  ...REFUSED_FRONT_MATTER_ENGINES,
};

/**
 * gray-matter's own error for a `---lang` block no engine reads (`---toml`), as a diagnostic.
 * gray-matter picks the engine before any opsnote code runs, so its message is what there is.
 */
export function unsupportedLanguageOf(error: unknown, file: string): Diagnostic | undefined {
  const language = error instanceof Error ? /^gray-matter engine "(.*)" is not registered$/.exec(error.message)?.[1] : undefined;
  if (language === undefined) return undefined;
  return {
    severity: "error", file, line: 1, field: "front matter",
    message: `"---${language}" front matter is not supported: posts use YAML (---) or TOML (+++)`,
  };
}

/** A whole post file parsed outside Eleventy, with the same engines and checks (TOML `+++` too). */
export function parsePostText(fileText: string, filePath: string): { data: Partial<PostData>; content: string } {
  const toml = splitTomlFrontMatter(fileText.replace(/^\uFEFF/, ""), filePath);
  if (toml) return { data: readTomlFrontMatter(toml, filePath), content: toml.body };
  const options: FrontMatterEngineOptions & { language: string; engines: typeof FRONT_MATTER_ENGINES } = {
    language: "yaml", engines: FRONT_MATTER_ENGINES, filePath, fileText,
  };
  let file;
  try {
    // An options object always: without one gray-matter caches by input text and shares results.
    file = matter(fileText.replace(/^\uFEFF/, ""), options as never);
  } catch (error) {
    const unsupported = unsupportedLanguageOf(error, filePath);
    if (unsupported) throw new DiagnosticError([unsupported]);
    throw error;
  }
  return { data: file.data as Partial<PostData>, content: file.content };
}

/**
 * Harmless quirks of a post file, one warning each: the build reads them fine, but an editor on
 * another system may not (a BOM shows as a stray character, CRLF as `^M` in diffs), and an empty
 * file or one without front matter is more often a mistake than a choice.
 */
export function findFileQuirks(fileText: string, file: string): Diagnostic[] {
  const warn = (message: string, line?: number): Diagnostic => ({ severity: "warning", file, line, field: "file", message });
  const quirks: Diagnostic[] = [];
  if (fileText.startsWith("\uFEFF")) quirks.push(warn("starts with a byte order mark (BOM); it was ignored. Save the file as UTF-8 without BOM", 1));
  const crlf = fileText.indexOf("\r\n");
  if (crlf !== -1) {
    quirks.push(warn("uses Windows line endings (CRLF); they were read as LF", fileText.slice(0, crlf).split("\n").length));
  }
  const text = fileText.replace(/^\uFEFF/, "");
  if (text.trim() === "") quirks.push(warn("the file is empty; it was published as an empty post"));
  else if (!/^(---(?!-)|\+\+\+)/.test(text)) quirks.push(warn("has no front matter (a `---` block); title and date come from the file name", 1));
  return quirks;
}
