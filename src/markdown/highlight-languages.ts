/**
 * Which shiki grammar a fence's language name means, without loading any grammar.
 *
 * Every language shiki bundles is available (`bundledLanguagesInfo`: its ids and its own aliases,
 * `c++`, `ps1`, `tf`, `vim`, `yml` …), plus the names real DevOps posts write that shiki does not
 * know (`k8s`, `docker-compose`, `jinja2`, `conf`, `terminal` …). Names are matched
 * case-insensitively, so `C++`, `Dockerfile` and `YAML` resolve too. Grammars are loaded on demand
 * (highlight.ts); this module only says which one a name needs.
 */
import { bundledLanguagesInfo } from "shiki";
import { parseFenceInfo } from "./code-meta.ts";

/** Names that mean "no highlighting" and are not unknown. */
export const PLAIN_TEXT_NAMES: ReadonlySet<string> = new Set([
  "", "text", "txt", "plain", "plaintext", "plain_text", "output", "none", "nohighlight", "no-highlight",
]);

/**
 * Languages of DevOps posts that no bundled grammar covers: shown as plain text under their own name
 * (the block's label), without the "unknown code language" warning, which would name nothing the
 * author could fix (a real blog had 13 of these for PromQL alone, on every build).
 */
export const NO_GRAMMAR_NAMES: ReadonlySet<string> = new Set([
  "promql", "logql", "metricsql", "traceql", // Prometheus, Loki, VictoriaMetrics, Tempo queries
  "river", "alloy", // Grafana Agent and Alloy configuration
  "rego", // Open Policy Agent
  "gitignore", "dockerignore",
  "ascii", "asciiart", "tree", // drawings and directory trees
]);

/**
 * Fence names shiki does not know by itself, mapped to a bundled grammar's id. shiki's own
 * aliases (`sh`, `shell`, `zsh`, `console`, `yml`, `dockerfile`, `ps1`, `c++`, `vim`, `tf`,
 * `properties` …) need no entry.
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  // Kubernetes, Helm, Compose and Ansible files are YAML.
  helm: "yaml",
  k8s: "yaml",
  kubernetes: "yaml",
  "docker-compose": "yaml",
  compose: "yaml",
  ansible: "yaml",
  containerfile: "docker",
  env: "dotenv",
  golang: "go",
  "shell-session": "shellsession",
  "sh-session": "shellsession",
  terminal: "shellsession",
  jenkinsfile: "groovy",
  gradle: "groovy",
  sbt: "scala",
  jinja2: "jinja",
  j2: "jinja",
  mysql: "sql",
  postgresql: "sql",
  postgres: "sql",
  psql: "sql",
  patch: "diff",
  pom: "xml",
  // `.conf`/`.cfg` files in posts are mostly `key = value` with `#` comments (sysctl, my.cnf, supervisor).
  conf: "ini",
  cfg: "ini",
  cnf: "ini",
  h: "c",
  hpp: "cpp",
  cc: "cpp",
  cxx: "cpp",
  // smjune's hugo-book notes: ```assembly for x86 listings.
  assembly: "asm",
  // Pygments' names (Jekyll's Rouge reads them too): a Python prompt session, MySQL's dialect.
  pycon: "python",
  "mysql-sql": "sql",
};

/** shiki's id and alias -> id, lower-cased. */
const BUNDLED: ReadonlyMap<string, string> = new Map(
  bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name) => [name.toLowerCase(), info.id] as const)),
);

/** Every grammar id shiki bundles. */
export const BUNDLED_LANGUAGE_IDS: readonly string[] = bundledLanguagesInfo.map((info) => info.id);

function resolveOwnName(key: string): string | undefined {
  if (PLAIN_TEXT_NAMES.has(key) || NO_GRAMMAR_NAMES.has(key)) return "text";
  // An extension written with its dot (```` ```.properties ````, ```` ```.env ````) names the same grammar.
  const name = key.length > 1 && key.startsWith(".") && !key.slice(1).includes(".") ? key.slice(1) : key;
  return BUNDLED.get(LANGUAGE_ALIASES[name] ?? name);
}

/** A file name with an extension: `kind-cluster.yaml`, `docker-compose.dev.yml`. */
const FILE_NAME = /^[^\s/\\]+\.([a-z0-9+#_-]+)$/i;

/** The grammar of a file name's extension (`kind-cluster.yaml` -> `yaml`), for a name that is no language itself. */
function extensionLanguage(key: string): string | undefined {
  const extension = FILE_NAME.exec(key)?.[1];
  return extension === undefined ? undefined : resolveOwnName(extension);
}

/**
 * The file a fence is named after instead of a language (```` ```kind-cluster.yaml ````, a habit of
 * blogs whose theme showed the info string as the block's label), when its extension names a grammar
 * and the whole name does not.
 */
export function fenceFileName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return resolveOwnName(key) === undefined && extensionLanguage(key) !== undefined ? name.trim() : undefined;
}

/**
 * The bundled grammar a fence name means: `C++` -> `cpp`, `tf` -> `terraform`, `k8s` -> `yaml`,
 * a file name by its extension (`kind-cluster.yaml` -> `yaml`, see fenceFileName); `"text"` for the
 * plain-text names and NO_GRAMMAR_NAMES (`promql`); undefined for any other name no grammar has (`kubectl`).
 */
export function resolveLanguageName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return resolveOwnName(key) ?? extensionLanguage(key);
}

/**
 * An opening fence line (inside blockquotes and lists too) and its info string. Over-matching is
 * harmless: a closing fence has no info, and a name found in prose only loads a grammar.
 */
// Written so no two parts can match the same spaces: a long line of spaces costs linear time.
const FENCE_OPENING = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:>[ \t>]*)?)?(?:`{3,}([^`\n]*)|~{3,}([^\n]*))$/gm;

/**
 * The grammars the fences of a markdown text need (resolved ids, without "text" and unknown names):
 * a cheap line scan, so a build can load them before the synchronous renderer runs.
 */
export function fenceLanguages(text: string): Set<string> {
  const languages = new Set<string>();
  for (const match of text.matchAll(FENCE_OPENING)) {
    const { name } = parseFenceInfo(match[1] ?? match[2] ?? "");
    const language = name === "" ? undefined : resolveLanguageName(name);
    if (language !== undefined && language !== "text") languages.add(language);
  }
  return languages;
}
