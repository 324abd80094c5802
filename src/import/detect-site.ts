/**
 * Which generator built the folder being imported, and its configuration. Hexo: `_config.yml` with
 * Hexo's own keys, or `scaffolds/` + `source/_posts/`, or a `package.json` depending on `hexo`
 * (checked before Jekyll, which also has a `_config.yml`); Jekyll: `_config.yml` or `_posts/`; Hugo: `hugo.toml|yaml`, or `config.toml|yaml|yml` with `baseURL`; Zola:
 * `config.toml` with `base_url`; Gatsby: `gatsby-config.js|mjs|ts` or a `package.json` depending on `gatsby`
 * (its config read without running it, gatsby-config.ts). Anything else is a bare folder of posts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as yaml from "js-yaml";
import { parseDocument as parseYamlDocument } from "yaml";
import { parse as parseToml } from "smol-toml";
import { isObject } from "./config-values.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { isJsObject, readExports } from "./gatsby-config.ts";

export type SourceFamily = "jekyll" | "hugo" | "zola" | "hexo" | "gatsby" | "folder";

export interface DetectedSite {
  family: SourceFamily;
  /** The site's root folder (for a bare folder: the folder itself). */
  root: string;
  /** The configuration file, relative to `root`. */
  configFile?: string;
  config: Record<string, unknown>;
}

/** The formats Hugo reads its configuration in, and a file name in one of them. */
const CONFIG_EXTENSIONS = ["toml", "yaml", "yml", "json"];
const CONFIG_FILE = /\.(toml|ya?ml|json)$/i;

const isDir = (file: string) => existsSync(file) && statSync(file).isDirectory();

/**
 * A configuration file, parsed; one that no reader accepts stops the import with its file, line and
 * column and what the parser expected (before, a raw stack trace), as a broken post stops a build.
 */
async function readConfig(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8");
  let data: unknown;
  try {
    data = file.endsWith(".toml") ? parseToml(text) : file.endsWith(".json") ? JSON.parse(text) : readYamlConfig(text);
  } catch (error) {
    throw new DiagnosticError([{ severity: "error", file, field: "config", ...placeOf(error),
      message: `cannot read the site's settings: ${reasonOf(error)}; fix this line (the import reads the settings file as the old generator did) and import again` }]);
  }
  return (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
}

/** Where a YAML (js-yaml: 0-based `mark`) or TOML (smol-toml: 1-based `line`) parser stopped. */
function placeOf(error: unknown): { line?: number; column?: number } {
  const e = error as { mark?: { line?: unknown; column?: unknown }; line?: unknown; column?: unknown };
  if (typeof e?.mark?.line === "number" && typeof e.mark.column === "number") return { line: e.mark.line + 1, column: e.mark.column + 1 };
  if (typeof e?.line === "number") return { line: e.line, column: typeof e.column === "number" ? e.column : undefined };
  return {};
}

/** The parser's reason in one line, without its excerpt of the file. */
function reasonOf(error: unknown): string {
  const e = error as { reason?: unknown; message?: unknown };
  return typeof e?.reason === "string" ? e.reason : String(e?.message ?? error).split("\n")[0]!;
}

/**
 * A comment right after a quoted value, `avatar: "/x.jpeg"# avatar`: YAML wants a space before `#`,
 * and js-yaml and `yaml` both refuse the line, but libyaml (Jekyll's Psych) reads a comment there
 * (ottersong's Minimal Mistakes `_config.yml` has one; its import stopped on it).
 */
const COMMENT_AFTER_QUOTE = /^([ \t]*(?:-[ \t]+)*(?:[^\s#'"][^#'"\n]*?:[ \t]+)?)("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')#/gm;

/**
 * A generator's YAML settings file, read as leniently as the generator read it (dates stay strings, as
 * in posts). js-yaml 5 refuses what js-yaml 3 and 4 (Jekyll's Psych aside, what Hexo uses) accepted: a flow
 * mapping `- {` whose lines sit at its dash's indentation, as Fluid's own `_config.fluid.yml` ships its
 * `links.items` (rokag3-gb's blog lost its comments and analytics). What js-yaml refuses is read by the
 * `yaml` package; a comment glued to a quoted value is read as libyaml reads it (COMMENT_AFTER_QUOTE);
 * what is still refused throws js-yaml's error, which names the line.
 */
export function readYamlConfig(text: string): unknown {
  const read = (source: string) => {
    try {
      // `json`: a key written twice takes its last value, as libyaml (Jekyll) and js-yaml 3 (Hexo) read it
      // (connor-kor's _config.yml has two `kramdown:` blocks; the import stopped on it).
      return yaml.load(source, { schema: yaml.CORE_SCHEMA, json: true });
    } catch (error) {
      const document = parseYamlDocument(source, { schema: "core" });
      if (document.errors.length > 0) throw error;
      return document.toJS();
    }
  };
  try {
    return read(text);
  } catch (error) {
    const spaced = text.replace(COMMENT_AFTER_QUOTE, "$1$2 #");
    if (spaced === text) throw error;
    try {
      return read(spaced);
    } catch {
      // Another problem than the comment: the first error names it.
      throw error;
    }
  }
}


/** `b` over `a`, tables merged key by key (a later file of Hugo's config folder adds to an earlier one). */
export function deepMerge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b;
  const merged: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = deepMerge(merged[key], value);
  return merged;
}

/**
 * Hugo's configuration folder (`config/_default/`), as Hugo reads it: `hugo.toml` (or `config.toml`) is
 * the root, every other file the table its name says (`params.toml` is `[params]`), and a language in
 * the name puts it under that language (`languages.ko.toml` is `[languages.ko]`, `params.ko.toml`
 * `[languages.ko.params]`). Blowfish and Congo keep their whole setup so: only the root file was
 * read, and every theme parameter (the table of contents, the author) was lost.
 */
async function readHugoConfigFolder(dir: string, root: Record<string, unknown>): Promise<Record<string, unknown>> {
  let config = root;
  const files = (await readdir(dir)).filter((name) => CONFIG_FILE.test(name)).sort();
  for (const name of files) {
    const [base = "", ...rest] = name.replace(CONFIG_FILE, "").split(".");
    if (/^(hugo|config)$/i.test(base) && rest.length === 0) continue; // the root, read already
    let data: Record<string, unknown>;
    try {
      data = await readConfig(path.join(dir, name));
    } catch {
      continue; // one unreadable file loses its own settings only
    }
    const language = rest[0]?.toLowerCase();
    const at = language === undefined ? [base] : /^languages$/i.test(base) ? ["languages", language] : ["languages", language, base];
    const table = at.reduceRight<unknown>((inner, key) => ({ [key]: inner }), data);
    config = deepMerge(config, table) as Record<string, unknown>;
  }
  return config;
}

/**
 * Keys only Hexo's `_config.yml` has (its defaults, written by `hexo init`); Jekyll's has none of them.
 * `permalink` alone is not enough: Jekyll has one too, but Hexo's starts without a slash and says `:title/`.
 */
const HEXO_KEYS = ["source_dir", "public_dir", "new_post_name", "post_asset_folder", "render_drafts", "default_layout", "per_page", "pagination_dir", "i18n_dir", "skip_render"];

/** Whether the folder's `package.json` names `name` among its dependencies (or, Hexo's, as a key of its own). */
function dependsOn(dir: string, name: string): boolean {
  const packageFile = path.join(dir, "package.json");
  if (!existsSync(packageFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(packageFile, "utf8")) as Record<string, unknown> & { dependencies?: object; devDependencies?: object };
    return manifest[name] !== undefined || name in (manifest.dependencies ?? {}) || name in (manifest.devDependencies ?? {});
  } catch {
    return false;
  }
}

/** Whether a site root (and its `_config.yml`, read) is a Hexo site. */
export function isHexoSite(dir: string, config: Record<string, unknown>): boolean {
  if (HEXO_KEYS.filter((key) => key in config).length >= 2) return true;
  if (isDir(path.join(dir, "scaffolds")) && isDir(path.join(dir, "source", "_posts"))) return true;
  if (typeof config.permalink === "string" && /^:year\/:month\/:day\/:title\/?$/.test(config.permalink) && isDir(path.join(dir, "source", "_posts"))) return true;
  return dependsOn(dir, "hexo");
}

/** Gatsby's config file names, in the order Gatsby reads them. */
export const GATSBY_CONFIG_FILES = ["gatsby-config.js", "gatsby-config.mjs", "gatsby-config.cjs", "gatsby-config.ts"];

/** Whether a folder is a Gatsby site: its config file, or `gatsby` among its package's dependencies. */
export function isGatsbySite(dir: string): boolean {
  return GATSBY_CONFIG_FILES.some((name) => existsSync(path.join(dir, name))) || dependsOn(dir, "gatsby");
}

export async function detectSite(source: string): Promise<DetectedSite> {
  const dir = path.resolve(source);
  // A `_posts` folder given directly: its site is the parent, when that is a Jekyll site.
  if (path.basename(dir) === "_posts" && existsSync(path.join(dir, "..", "_config.yml"))) return detectSite(path.dirname(dir));
  // A `source/_posts` folder given directly: its site is the Hexo site two levels up.
  if (path.basename(dir) === "_posts" && path.basename(path.dirname(dir)) === "source" && existsSync(path.join(dir, "..", "..", "_config.yml"))) return detectSite(path.dirname(path.dirname(dir)));
  for (const name of ["_config.yml", "_config.yaml"]) {
    if (!existsSync(path.join(dir, name))) continue;
    const config = await readConfig(path.join(dir, name));
    return { family: isHexoSite(dir, config) ? "hexo" : "jekyll", root: dir, configFile: name, config };
  }
  if (isHexoSite(dir, {})) return { family: "hexo", root: dir, config: {} };
  if (isGatsbySite(dir)) {
    const configFile = GATSBY_CONFIG_FILES.find((name) => existsSync(path.join(dir, name)));
    const config = configFile === undefined ? undefined : readExports(path.join(dir, configFile));
    return { family: "gatsby", root: dir, configFile, config: isJsObject(config) ? config : {} };
  }
  if (isDir(path.join(dir, "_posts"))) return { family: "jekyll", root: dir, config: {} };
  // Hugo's configuration folder applies over the root file, whichever it is (dings-things/blog and
  // urfreein's Stack site keep theirs only there, in YAML: both were imported as a folder of posts).
  const folder = path.join(dir, "config", "_default");
  const hugoConfig = async (name: string | undefined) => {
    const config = name === undefined ? {} : await readConfig(path.join(dir, name));
    return isDir(folder) ? readHugoConfigFolder(folder, config) : config;
  };
  const folderRoots = ["hugo", "config"].flatMap((base) => CONFIG_EXTENSIONS.map((extension) => `config/_default/${base}.${extension}`));
  for (const name of [...CONFIG_EXTENSIONS.map((extension) => `hugo.${extension}`), ...folderRoots]) {
    if (existsSync(path.join(dir, name))) return { family: "hugo", root: dir, configFile: name, config: await hugoConfig(name) };
  }
  if (existsSync(path.join(dir, "config.toml"))) {
    const config = await readConfig(path.join(dir, "config.toml"));
    // Zola spells it `base_url`; Hugo `baseURL` (any case).
    if ("base_url" in config) return { family: "zola", root: dir, configFile: "config.toml", config };
    return { family: "hugo", root: dir, configFile: "config.toml", config: await hugoConfig("config.toml") };
  }
  const hasContent = isDir(path.join(dir, "content"));
  for (const name of ["config.yaml", "config.yml", "config.json"]) {
    if (existsSync(path.join(dir, name)) && hasContent) return { family: "hugo", root: dir, configFile: name, config: await hugoConfig(name) };
  }
  // Only `config/_default/params.toml` and the like: Hugo reads the folder without a root file.
  if (hasContent && isDir(folder) && readdirSync(folder).some((name) => CONFIG_FILE.test(name))) {
    return { family: "hugo", root: dir, configFile: "config/_default", config: await hugoConfig(undefined) };
  }
  return { family: "folder", root: dir, config: {} };
}
