/**
 * Dual-theme shiki HTML from ONE tokenization.
 *
 * `codeToHtml(code, { themes: { light, dark }, defaultColor: false })` tokenizes the code once per
 * theme, because vscode-textmate bakes the theme's colours into each token while it tokenizes, and
 * then aligns the two token lists. Tokenizing is most of the cost. A token's colours are a pure
 * function of its scope path, though, so this module tokenizes once with scopes
 * (`grammar.tokenizeLine`), resolves each distinct scope path against both themes exactly as
 * vscode-textmate does (`Theme.match` + `EncodedTokenMetadata.set`, memoised), and then repeats
 * shiki's own steps: split where either theme's metadata changes (what `alignThemesTokenization`
 * yields), flatten the variants to CSS variables, merge whitespace-only tokens, print the HTML.
 *
 * Token colours are then written as classes rather than `style` attributes (token-classes.ts).
 * The output is byte-identical to shiki's with that one substitution (tests/markdown/dual-theme-html.test.ts
 * compares them over the bench corpus, edge cases and random input). Anything this path does not
 * reproduce (plain text, a grammar with token-type or bracket overrides) goes to `codeToHtml` itself,
 * with the same substitution.
 */
import { EncodedTokenMetadata, INITIAL, Theme, type IRawTheme, type StateStack } from "shiki/textmate";
import type { BundledLanguage, BundledTheme, HighlighterGeneric } from "shiki";
import { createTokenClasses } from "./token-classes.ts";

/**
 * How much of a line is tokenized must not depend on the clock. shiki's default stops tokenizing a
 * line after 500 ms of wall time and leaves the rest in one colour, so a block highlighted while the
 * machine was busy (a CI runner, a build beside the test suite) came out partly coloured, differed
 * from the same block highlighted a moment later, and was kept that way in the highlight cache.
 * So there is no time limit, and a bound that does not depend on the clock instead: a line this long
 * (minified code, a base64 blob) is left plain, as VS Code does at the same length.
 */
export const TOKENIZE_OPTIONS = { tokenizeTimeLimit: 0, tokenizeMaxLineLength: 20_000 } as const;
const CSS_VARIABLE_PREFIX = "--shiki-";
const WHITESPACE_ONLY = /^\s+$/;
/** vscode-textmate's FontStyle bits (a const enum, which `verbatimModuleSyntax` cannot import). */
const ITALIC = 1;
const BOLD = 2;
const UNDERLINE = 4;
const STRIKETHROUGH = 8;

export type Shiki = HighlighterGeneric<BundledLanguage, BundledTheme>;

/** The parts of vscode-textmate's Grammar this module reads (some are internal, checked at runtime). */
interface ScopedGrammar {
  tokenizeLine(line: string, state: StateStack | null, timeLimit?: number): {
    tokens: { startIndex: number; endIndex: number; scopes: string[] }[];
    ruleStack: StateStack;
  };
  getMetadataForScope(scope: string): { languageId: number; tokenType: number };
  _basicScopeAttributesProvider?: { getDefaultAttributes(): { languageId: number; tokenType: number } };
  _tokenTypeMatchers?: unknown[];
  balancedBracketSelectors?: { matchesAlways: boolean } | null;
}

/** Minimal ScopeStack: `Theme.match` reads only `scopeName` and `parent`. */
interface ScopePath {
  parent: ScopePath | null;
  scopeName: string;
}

interface ResolvedTheme {
  name: string;
  fg: string;
  bg: string;
  theme: Theme;
  colors: string[];
}

interface Variant {
  color: string | undefined;
  fontStyle: number;
}

export interface DualThemeOptions {
  /** Theme names as loaded in the highlighter, in CSS-variable order. @example { light: "github-light", dark: "github-dark" } */
  themes: Readonly<Record<string, string>>;
}

export interface DualThemeRenderer {
  /** `shiki.codeToHtml(code, { lang, themes, defaultColor: false })` with styles as classes (`replaceStyles`). */
  render(code: string, language: string): string;
  /** What turns shiki's own HTML into this renderer's: its `style` attributes into classes. */
  replaceStyles(html: string): string;
  /** The rules for the classes `render` writes (served as a stylesheet of the site). */
  stylesheet: string;
}

function resolveTheme(shiki: Shiki, name: string): ResolvedTheme {
  const raw = shiki.getTheme(name);
  // Built exactly as shiki's Registry builds the theme it tokenizes with, so colour ids agree.
  const theme = Theme.createFromRawTheme(raw as unknown as IRawTheme);
  return { name: raw.name, fg: raw.fg, bg: raw.bg, theme, colors: theme.getColorMap() };
}

/** Hexadecimal references for `<` and `&`, as hast-util-to-html writes text. */
function escapeText(text: string): string {
  return text.replace(/[<&]/g, (c) => (c === "<" ? "&#x3C;" : "&#x26;"));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"]/g, (c) => (c === "&" ? "&#x26;" : "&#x22;"));
}

/** shiki's getTokenStyleObject, for one theme's variant. */
function styleObject(variant: Variant): [string, string][] {
  const styles: [string, string][] = [];
  if (variant.color) styles.push(["color", variant.color]);
  if (variant.fontStyle) {
    if (variant.fontStyle & ITALIC) styles.push(["font-style", "italic"]);
    if (variant.fontStyle & BOLD) styles.push(["font-weight", "bold"]);
    const decorations: string[] = [];
    if (variant.fontStyle & UNDERLINE) decorations.push("underline");
    if (variant.fontStyle & STRIKETHROUGH) decorations.push("line-through");
    if (decorations.length) styles.push(["text-decoration", decorations.join(" ")]);
  }
  return styles;
}

/** shiki's flatTokenVariants with `defaultColor: false`, stringified: `--shiki-light:#x;--shiki-dark:#y`. */
function variantStyle(names: readonly string[], variants: readonly Variant[]): string {
  const perTheme = variants.map((v) => new Map(styleObject(v)));
  const keys = new Set(perTheme.flatMap((m) => [...m.keys()]));
  const parts: string[] = [];
  perTheme.forEach((styles, index) => {
    for (const key of keys) {
      const suffix = key === "color" ? "" : key === "background-color" ? "-bg" : `-${key}`;
      parts.push(`${CSS_VARIABLE_PREFIX}${names[index]}${suffix}:${styles.get(key) || "inherit"}`);
    }
  });
  return parts.join(";");
}

/**
 * The shiki and vscode-textmate internals this module relies on, checked on a live highlighter: one
 * line per internal that is missing or changed shape, empty when all is as expected. A renderer
 * whose grammar lacks one falls back to `codeToHtml` (right, but twice as slow), so a test asserts
 * this list is empty: a shiki upgrade that changes them fails loudly instead of getting slower.
 */
export function checkShikiInternals(shiki: Shiki, language: string): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, internal: string) => {
    if (!ok) problems.push(internal);
  };
  for (const [name, fn] of Object.entries({ getTheme: shiki.getTheme, getLanguage: shiki.getLanguage, codeToHtml: shiki.codeToHtml, resolveLangAlias: shiki.resolveLangAlias })) {
    expect(typeof fn === "function", `shiki highlighter.${name}() is not a function`);
  }
  expect(typeof Theme?.createFromRawTheme === "function", "shiki/textmate Theme.createFromRawTheme() is gone");
  expect(INITIAL !== undefined && INITIAL !== null, "shiki/textmate INITIAL is gone");
  for (const name of ["set", "getForeground", "getFontStyle"] as const) {
    expect(typeof EncodedTokenMetadata?.[name] === "function", `shiki/textmate EncodedTokenMetadata.${name}() is gone`);
  }
  if (problems.length > 0) return problems;
  // The metadata's bit layout: what `set` writes, the getters read back.
  const metadata = EncodedTokenMetadata.set(0, 1, 0, null, ITALIC | BOLD, 7, 2);
  expect(EncodedTokenMetadata.getForeground(metadata) === 7 && EncodedTokenMetadata.getFontStyle(metadata) === (ITALIC | BOLD), "EncodedTokenMetadata bit layout changed");
  const theme = Theme.createFromRawTheme(shiki.getTheme(shiki.getLoadedThemes()[0]!) as unknown as IRawTheme);
  expect(typeof theme.getColorMap === "function" && Array.isArray(theme.getColorMap()), "vscode-textmate Theme.getColorMap() is gone");
  expect(typeof theme.getDefaults === "function" && typeof theme.getDefaults()?.foregroundId === "number", "vscode-textmate Theme.getDefaults().foregroundId is gone");
  expect(typeof theme.match === "function", "vscode-textmate Theme.match() is gone");
  const grammar = shiki.getLanguage(language) as unknown as Partial<ScopedGrammar>;
  expect(typeof grammar.tokenizeLine === "function", "vscode-textmate Grammar.tokenizeLine() is gone");
  expect(typeof grammar.getMetadataForScope === "function", "vscode-textmate Grammar.getMetadataForScope() is gone");
  expect(typeof grammar._basicScopeAttributesProvider?.getDefaultAttributes === "function", "vscode-textmate Grammar._basicScopeAttributesProvider.getDefaultAttributes() is gone");
  expect(Array.isArray(grammar._tokenTypeMatchers), "vscode-textmate Grammar._tokenTypeMatchers is not an array");
  expect("balancedBracketSelectors" in grammar, "vscode-textmate Grammar.balancedBracketSelectors is gone");
  if (typeof grammar.tokenizeLine === "function") {
    const line = grammar.tokenizeLine("a: 1", INITIAL, 0);
    const token = line?.tokens?.[0];
    expect(Array.isArray(token?.scopes) && typeof token?.startIndex === "number" && line.ruleStack !== undefined, "vscode-textmate tokenizeLine() result lost tokens[].scopes/startIndex or ruleStack");
  }
  return problems;
}

export function createDualThemeRenderer(shiki: Shiki, { themes }: DualThemeOptions): DualThemeRenderer {
  const names = Object.keys(themes);
  const resolved = names.map((key) => resolveTheme(shiki, themes[key]!));
  const tokenClasses = createTokenClasses(resolved.map((t, i) => ({ slot: names[i]!, fg: t.fg, bg: t.bg, colors: t.colors })));
  // The pre's colours are in the stylesheet (`.shiki{…}`), as token-classes.ts drops the same style from shiki's pre.
  const preOpen = `<pre class="${escapeAttribute(`shiki shiki-themes ${resolved.map((t) => t.name).join(" ")}`)}" tabindex="0"><code>`;

  /** Per grammar: scope path (joined) -> each theme's encoded metadata, and metadata -> style string. */
  const metadataCache = new WeakMap<ScopedGrammar, Map<string, number[]>>();
  const styleCache = new Map<string, string>();

  function metadataOf(grammar: ScopedGrammar, scopes: readonly string[]): number[] {
    let cache = metadataCache.get(grammar);
    if (!cache) metadataCache.set(grammar, (cache = new Map()));
    const key = scopes.join(" ");
    let result = cache.get(key);
    if (result) return result;
    const defaults = grammar._basicScopeAttributesProvider!.getDefaultAttributes();
    result = resolved.map(({ theme }) => {
      const style = theme.getDefaults();
      // The root's starting attributes, then one merge per pushed scope: AttributedScopeStack.
      let metadata = EncodedTokenMetadata.set(0, defaults.languageId, defaults.tokenType, null, style.fontStyle, style.foregroundId, style.backgroundId);
      let path: ScopePath | null = null;
      for (const scope of scopes) {
        path = { parent: path, scopeName: scope };
        const basic = grammar.getMetadataForScope(scope);
        const match = theme.match(path as never);
        metadata = EncodedTokenMetadata.set(
          metadata, basic.languageId, basic.tokenType, null,
          match ? match.fontStyle : -1, match ? match.foregroundId : 0, match ? match.backgroundId : 0,
        );
      }
      return metadata;
    });
    cache.set(key, result);
    return result;
  }

  function styleOf(metadata: readonly number[]): string {
    const key = metadata.join(",");
    let style = styleCache.get(key);
    if (style === undefined) {
      style = variantStyle(names, metadata.map((m, i) => ({
        color: resolved[i]!.colors[EncodedTokenMetadata.getForeground(m)],
        fontStyle: EncodedTokenMetadata.getFontStyle(m),
      })));
      styleCache.set(key, style);
    }
    return style;
  }

  function isSupported(grammar: ScopedGrammar): boolean {
    return (
      typeof grammar.tokenizeLine === "function" &&
      typeof grammar.getMetadataForScope === "function" &&
      grammar._basicScopeAttributesProvider !== undefined &&
      (grammar._tokenTypeMatchers?.length ?? 0) === 0 &&
      (grammar.balancedBracketSelectors == null || grammar.balancedBracketSelectors.matchesAlways)
    );
  }

  function renderLine(grammar: ScopedGrammar, line: string, state: StateStack): { html: string; state: StateStack } {
    if (line === "") return { html: `<span class="line"></span>`, state: INITIAL };
    const result = grammar.tokenizeLine(line, state, TOKENIZE_OPTIONS.tokenizeTimeLimit);
    // Segments where neither theme's metadata changes are one token (tokenizeLine2 merges equal
    // metadata per theme; aligning two themes splits at the union of their boundaries).
    const tokens: { content: string; style: string }[] = [];
    let previous: number[] | undefined;
    let start = -1;
    const flush = (end: number) => {
      if (previous && end > start) tokens.push({ content: line.slice(start, end), style: styleOf(previous) });
    };
    for (const token of result.tokens) {
      if (token.startIndex >= line.length) break; // the "\n" vscode-textmate appends
      const metadata = metadataOf(grammar, token.scopes);
      if (previous && metadata.every((m, i) => m === previous![i])) continue;
      flush(token.startIndex);
      previous = metadata;
      start = token.startIndex;
    }
    flush(line.length);
    // mergeWhitespaceTokens: a whitespace-only token joins the next one and takes its style.
    let html = `<span class="line">`;
    let carry = "";
    tokens.forEach((token, index) => {
      if (WHITESPACE_ONLY.test(token.content) && index + 1 < tokens.length) {
        carry += token.content;
        return;
      }
      const classes = tokenClasses.classOf(token.style);
      const attribute = classes === undefined ? ` style="${escapeAttribute(token.style)}"` : classes === "" ? "" : ` class="${classes}"`;
      html += `<span${attribute}>${escapeText(carry + token.content)}</span>`;
      carry = "";
    });
    return { html: `${html}</span>`, state: result.ruleStack };
  }

  return {
    replaceStyles: tokenClasses.replaceStyles,
    stylesheet: tokenClasses.stylesheet,
    render(code, language) {
      const fallback = () => tokenClasses.replaceStyles(shiki.codeToHtml(code, { lang: language, themes, defaultColor: false, ...TOKENIZE_OPTIONS }));
      const name = shiki.resolveLangAlias?.(language) ?? language;
      if (["text", "plaintext", "txt", "plain", "ansi"].includes(name)) return fallback();
      const lines = code.split(/\r?\n/);
      if (lines.some((line) => line.length >= TOKENIZE_OPTIONS.tokenizeMaxLineLength)) return fallback();
      const grammar = shiki.getLanguage(name) as unknown as ScopedGrammar;
      if (!isSupported(grammar)) return fallback();
      let state: StateStack = INITIAL;
      const html: string[] = [];
      // shiki's splitLines: "\r\n" and "\n" end lines.
      for (const line of lines) {
        const rendered = renderLine(grammar, line, state);
        html.push(rendered.html);
        // An empty line keeps the state (shiki `continue`s without touching it).
        if (line !== "") state = rendered.state;
      }
      return `${preOpen}${html.join("\n")}</code></pre>`;
    },
  };
}
