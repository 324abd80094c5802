/**
 * Build-time syntax highlighting with shiki.
 *
 * Creating a highlighter is async; highlighting is sync. So the highlighter is created once per
 * process (`getCodeHighlighter` memoises the promise: a config reload under `--serve` must not make
 * a new one) and then handed to the sync markdown pipeline. Both themes' colours are CSS variables
 * (`--shiki-light`, `--shiki-dark`), set by short classes from a generated stylesheet
 * (token-classes.ts), so the page switches colours with CSS alone.
 *
 * Every grammar shiki bundles can be used (highlight-languages.ts resolves the fence names), but
 * only the common ones are loaded up front; the rest are loaded on demand, before rendering: a
 * preprocessor (index.ts) reads each post's fence lines from the text Eleventy has already read and
 * calls `loadLanguages` (0.05–0.08 ms a post for the line scan, 4,000 posts under load), and a cold
 * build's parallel pre-pass does the same for the files it reads (prefill-highlight-cache.ts).
 * Loading everything was measured and rejected (scripts/bench/measure-languages.ts, a fresh process
 * each, on the shared 2-core machine under load):
 *
 *   | grammars loaded                      | create      | heap after GC | RSS     |
 *   | the 28 below (52 with dependencies)  | 0.46–1.0 s  | +8 MB         | +27 MB  |
 *   | all 346 bundled (364 registrations)  | 15–32 s     | +52 MB        | +121–137 MB |
 *   | the 28, then 5 more on demand        | +0.7–1.9 s  | +20 MB        | +60–72 MB |
 *
 * and every highlight worker thread would pay the same again.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bundledLanguages, createHighlighter, type BundledLanguage, type BundledTheme, type HighlighterGeneric, type LanguageRegistration } from "shiki";
import { createOnigurumaEngine } from "shiki/engine/oniguruma";
import { withReadableColours } from "./code-contrast.ts";
import { createDualThemeRenderer } from "./dual-theme-html.ts";
import { LANGUAGE_ALIASES, resolveLanguageName } from "./highlight-languages.ts";
import { packageVersion } from "../package-version.ts";

export { LANGUAGE_ALIASES, PLAIN_TEXT_NAMES, resolveLanguageName } from "./highlight-languages.ts";

/** The grammars a DevOps note needs most, loaded when the highlighter is created. */
export const LANGUAGES = [
  "shellscript", "shellsession", "yaml", "json", "jsonc", "docker", "hcl", "toml", "ini", "nginx",
  "go", "python", "javascript", "typescript", "diff", "sql", "make", "xml", "powershell", "rust",
  "java", "html", "css", "markdown", "jinja", "groovy", "dotenv", "log",
] as const satisfies readonly BundledLanguage[];

export const THEMES = { light: "github-light", dark: "github-dark" } as const;

export interface CodeHighlighter {
  /**
   * The bundled grammar a fence name means, case-insensitively: `YAML` -> `yaml`, `c++` -> `cpp`,
   * `tf` -> `terraform`; "text" for plain-text names; undefined when no grammar has the name.
   */
  resolveLanguage(name: string): string | undefined;
  // The three below are optional so a stand-in (a parse-only check, a test's escaper) can skip them.
  /** Whether `highlight` can use the grammar now ("text" always can). @default every language */
  isLoaded?(language: string): boolean;
  /** Loads the grammars of resolved names not loaded yet (and what they embed); unknown names are ignored. */
  loadLanguages?(languages: Iterable<string>): Promise<void>;
  /**
   * What, besides code, decides a block's HTML: the language, and for a grammar such as markdown,
   * which colours fenced code inside it only with grammars already loaded, those grammars.
   * @default the language
   */
  cacheKeyOf?(language: string): string;
  /** `<pre class="shiki …"><code>…</code></pre>` with both themes as CSS variables. */
  highlight(code: string, language: string): string;
  /** Grammar ids loaded now (the ones `loadLanguages` was asked for, and the preloaded ones). */
  readonly languages: readonly string[];
}

type Shiki = HighlighterGeneric<BundledLanguage, BundledTheme>;

/** A grammar's registrations (itself and what it embeds), as shiki's bundle imports them. */
async function importGrammar(id: string): Promise<LanguageRegistration[]> {
  const load = bundledLanguages[id as BundledLanguage];
  return load ? [...(await load()).default] : [];
}

/**
 * The highlighter on top of a shiki instance. Grammars are loaded through it (not through
 * `shiki.loadLanguage` directly), so it knows which grammars embed others lazily.
 */
export function wrapHighlighter(shiki: Shiki): Required<CodeHighlighter> {
  const requested = new Set<string>();
  let loaded = new Set<string>(shiki.getLoadedLanguages());
  /** Grammars that colour embedded code only with grammars already loaded (markdown's fenced code). */
  const lazyHosts = new Set<string>();
  let loadedKey = "";
  // Same bytes as `shiki.codeToHtml(code, { lang, themes: THEMES, defaultColor: false })`, tokenized once.
  const renderer = createDualThemeRenderer(shiki, { themes: THEMES });

  return {
    get languages() {
      return [...requested].sort();
    },
    resolveLanguage: resolveLanguageName,
    isLoaded: (language) => language === "text" || loaded.has(language),
    async loadLanguages(names) {
      const missing = [...new Set([...names].map((name) => resolveLanguageName(name)))].filter(
        (id): id is string => id !== undefined && id !== "text" && !requested.has(id),
      );
      if (missing.length === 0) return;
      const registrations = (await Promise.all(missing.map(importGrammar))).flat();
      for (const registration of registrations) {
        if (registration.embeddedLangsLazy?.length) lazyHosts.add(registration.name);
      }
      // Hosts last: shiki recompiles a host each time a grammar it embeds lazily is loaded after it was
      // registered, and markdown alone embeds ~20 of the common grammars (0.3 s of every process's start).
      // The host compiled once, after what it embeds, is the same grammar as the one recompiled last.
      // A host another grammar embeds eagerly (haml for ruby) must come in the same call.
      const needed = new Set(registrations.flatMap((registration) => registration.embeddedLangs ?? []));
      const last = (registration: LanguageRegistration) => lazyHosts.has(registration.name) && !needed.has(registration.name);
      await shiki.loadLanguage(...registrations.filter((registration) => !last(registration)));
      await shiki.loadLanguage(...registrations.filter(last));
      for (const id of missing) requested.add(id);
      loaded = new Set(shiki.getLoadedLanguages());
      loadedKey = [...loaded].sort().join(",");
    },
    // Every grammar loaded (dependencies included), not only the host's own list: what it embeds may
    // embed others in turn. shiki recompiles a host when a grammar it embeds lazily is loaded.
    cacheKeyOf: (language) => (lazyHosts.has(language) ? `${language}+${loadedKey}` : language),
    highlight: (code, language) => renderer.render(code, language),
  };
}

let shikiPromise: Promise<Shiki> | undefined;
let highlighterPromise: Promise<Required<CodeHighlighter>> | undefined;

/**
 * shiki's regex engine, from the WebAssembly file shiki ships. Its default loads the same binary from a
 * gzipped copy inlined in a module, unzipped through `new Response(...)`, and any mention of `Response`
 * loads Node 20's fetch implementation (undici): 0.1 s of CPU in every process that highlights, which
 * every build, preview and highlight worker is. Handed over as an instantiator, the binary is read as it
 * is and `Response` is never touched (shiki checks for an instantiator first).
 */
function onigurumaEngine(): ReturnType<typeof createOnigurumaEngine> {
  const wasm = createRequire(import.meta.url).resolve("shiki/onig.wasm");
  return createOnigurumaEngine({ instantiator: async (imports) => WebAssembly.instantiate(await readFile(wasm), imports) });
}

function getShiki(): Promise<Shiki> {
  shikiPromise ??= createHighlighter({ themes: Object.values(THEMES), langs: [], engine: onigurumaEngine() });
  return shikiPromise;
}

/** The process-wide highlighter, created on first use with the common grammars loaded. */
export function getCodeHighlighter(): Promise<Required<CodeHighlighter>> {
  highlighterPromise ??= getShiki().then(async (shiki) => {
    const highlighter = wrapHighlighter(shiki);
    await highlighter.loadLanguages(LANGUAGES);
    return highlighter;
  });
  return highlighterPromise;
}

/** The stylesheet that gives the highlighted HTML's token classes their colours (token-classes.ts). */
export async function getCodeStylesheet(): Promise<string> {
  // Colours below 4.5:1 on a line band are raised there (code-contrast.ts); the HTML is unchanged.
  return withReadableColours(createDualThemeRenderer(await getShiki(), { themes: THEMES }).stylesheet);
}

/** Bump when opsnote's own highlighting output changes (wrapper markup, renderer). */
const RENDERER_VERSION = "dual-theme-html/3 token-classes no-time-limit";

/**
 * Everything besides code and language that decides the highlighted HTML, as one string for the
 * highlight cache's key: versions of shiki, its grammars and themes, the themes' resolved content
 * and names, and the renderer version. The language in the key is the resolved grammar id (a name
 * that was plain text before and has a grammar now gets a new key) plus, for a grammar that
 * embeds others lazily, the embedded ones loaded (`cacheKeyOf`).
 */
export async function getHighlightSalt(): Promise<string> {
  const shiki = await getShiki();
  const themes = Object.entries(THEMES).map(([slot, name]) => [slot, name, shiki.getTheme(name)]);
  return JSON.stringify({
    renderer: RENDERER_VERSION,
    defaultColor: false,
    versions: ["shiki", "@shikijs/langs", "@shikijs/themes", "@shikijs/vscode-textmate"].map((n) => `${n}@${packageVersion(n)}`),
    aliases: LANGUAGE_ALIASES,
    themes: createHash("sha256").update(JSON.stringify(themes)).digest("hex"),
  });
}
