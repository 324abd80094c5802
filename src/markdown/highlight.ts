/**
 * Build-time syntax highlighting with shiki.
 *
 * Creating a highlighter loads grammars and themes (about 0.2 s) and is async; highlighting is
 * sync. So the highlighter is created once per process (`getCodeHighlighter` memoises the promise:
 * a config reload under `--serve` must not make a new one) and then handed to the sync markdown
 * pipeline. Both themes' colours are CSS variables (`--shiki-light`, `--shiki-dark`), set by short
 * classes from a generated stylesheet (token-classes.ts), so the page switches colours with CSS alone.
 */
import { createHash } from "node:crypto";
import { createHighlighter, type BundledLanguage, type BundledTheme, type HighlighterGeneric } from "shiki";
import { createDualThemeRenderer } from "./dual-theme-html.ts";
import { packageVersion } from "../package-version.ts";

/** The grammars a DevOps note needs, loaded up front. */
export const LANGUAGES = [
  "shellscript", "shellsession", "yaml", "json", "jsonc", "docker", "hcl", "toml", "ini", "nginx",
  "go", "python", "javascript", "typescript", "diff", "sql", "make", "xml", "powershell", "rust",
  "java", "html", "css", "markdown", "jinja", "groovy", "dotenv", "log",
] as const satisfies readonly BundledLanguage[];

/**
 * Fence names shiki does not know by itself, mapped to a loaded grammar.
 * (shiki's own aliases, such as `sh`, `yml`, `dockerfile`, `console`, `py`, are kept as well.)
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  tf: "hcl",
  terraform: "hcl",
  tfvars: "hcl",
  helm: "yaml",
  k8s: "yaml",
  kubernetes: "yaml",
  containerfile: "docker",
  env: "dotenv",
  golang: "go",
  ansible: "yaml",
  "shell-session": "shellsession",
  jenkinsfile: "groovy",
  liquid: "jinja", // same {% %} and {{ }} shapes; no grammar of its own loaded
};

/** Names that mean "no highlighting", and are not unknown. */
export const PLAIN_TEXT_NAMES: ReadonlySet<string> = new Set(["", "text", "txt", "plain", "plaintext", "output"]);

export const THEMES = { light: "github-light", dark: "github-dark" } as const;

export interface CodeHighlighter {
  /** Resolves a fence name case-insensitively: `YAML` -> `yaml`, `tf` -> `hcl`; undefined when unknown. */
  resolveLanguage(name: string): string | undefined;
  /** `<pre class="shiki …"><code>…</code></pre>` with both themes as CSS variables. */
  highlight(code: string, language: string): string;
  readonly languages: readonly string[];
}

export function wrapHighlighter(shiki: HighlighterGeneric<BundledLanguage, BundledTheme>): CodeHighlighter {
  const loaded = new Set<string>(shiki.getLoadedLanguages());
  // Same bytes as `shiki.codeToHtml(code, { lang, themes: THEMES, defaultColor: false })`, tokenized once.
  const renderer = createDualThemeRenderer(shiki, { themes: THEMES });
  return {
    languages: [...loaded].sort(),
    resolveLanguage(name) {
      const key = name.trim().toLowerCase();
      if (PLAIN_TEXT_NAMES.has(key)) return "text";
      const aliased = LANGUAGE_ALIASES[key] ?? key;
      return loaded.has(aliased) ? aliased : undefined;
    },
    highlight: (code, language) => renderer.render(code, language),
  };
}

let shikiPromise: Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> | undefined;
let highlighterPromise: Promise<CodeHighlighter> | undefined;

function getShiki(): Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> {
  shikiPromise ??= createHighlighter({ themes: Object.values(THEMES), langs: [...LANGUAGES] });
  return shikiPromise;
}

/** The process-wide highlighter, created on first use. */
export function getCodeHighlighter(): Promise<CodeHighlighter> {
  highlighterPromise ??= getShiki().then(wrapHighlighter);
  return highlighterPromise;
}

/** The stylesheet that gives the highlighted HTML's token classes their colours (token-classes.ts). */
export async function getCodeStylesheet(): Promise<string> {
  return createDualThemeRenderer(await getShiki(), { themes: THEMES }).stylesheet;
}

/** Bump when opsnote's own highlighting output changes (wrapper markup, renderer). */
const RENDERER_VERSION = "dual-theme-html/2 token-classes";

/**
 * Everything besides code and language that decides the highlighted HTML, as one string for the
 * highlight cache's key: versions of shiki, its grammars and themes, the themes' resolved content
 * and names, the loaded languages (an alias may resolve differently) and the renderer version.
 */
export async function getHighlightSalt(): Promise<string> {
  const shiki = await getShiki();
  const themes = Object.entries(THEMES).map(([slot, name]) => [slot, name, shiki.getTheme(name)]);
  return JSON.stringify({
    renderer: RENDERER_VERSION,
    defaultColor: false,
    versions: ["shiki", "@shikijs/langs", "@shikijs/themes", "@shikijs/vscode-textmate"].map((n) => `${n}@${packageVersion(n)}`),
    languages: [...LANGUAGES],
    themes: createHash("sha256").update(JSON.stringify(themes)).digest("hex"),
  });
}
