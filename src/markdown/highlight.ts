/**
 * Build-time syntax highlighting with shiki.
 *
 * Creating a highlighter loads grammars and themes (about 0.2 s) and is async; highlighting is
 * sync. So the highlighter is created once per process (`getCodeHighlighter` memoises the promise:
 * a config reload under `--serve` must not make a new one) and then handed to the sync markdown
 * pipeline. Both themes are emitted as CSS variables (`--shiki-light`, `--shiki-dark`) so the page
 * switches colours with CSS alone.
 */
import { createHighlighter, type BundledLanguage, type BundledTheme, type HighlighterGeneric } from "shiki";

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
  return {
    languages: [...loaded].sort(),
    resolveLanguage(name) {
      const key = name.trim().toLowerCase();
      if (PLAIN_TEXT_NAMES.has(key)) return "text";
      const aliased = LANGUAGE_ALIASES[key] ?? key;
      return loaded.has(aliased) ? aliased : undefined;
    },
    highlight(code, language) {
      return shiki.codeToHtml(code, {
        lang: language,
        themes: THEMES,
        defaultColor: false,
      });
    },
  };
}

let highlighterPromise: Promise<CodeHighlighter> | undefined;

/** The process-wide highlighter, created on first use. */
export function getCodeHighlighter(): Promise<CodeHighlighter> {
  highlighterPromise ??= createHighlighter({
    themes: Object.values(THEMES),
    langs: [...LANGUAGES],
  }).then(wrapHighlighter);
  return highlighterPromise;
}
