/**
 * Which generator built the folder being imported, and its configuration. Jekyll: `_config.yml`
 * or `_posts/`; Hugo: `hugo.toml|yaml`, or `config.toml|yaml|yml` with `baseURL`; Zola:
 * `config.toml` with `base_url`. Anything else is a bare folder of posts.
 */
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { isObject } from "./config-values.ts";

export type SourceFamily = "jekyll" | "hugo" | "zola" | "folder";

export interface DetectedSite {
  family: SourceFamily;
  /** The site's root folder (for a bare folder: the folder itself). */
  root: string;
  /** The configuration file, relative to `root`. */
  configFile?: string;
  config: Record<string, unknown>;
}

const isDir = (file: string) => existsSync(file) && statSync(file).isDirectory();

async function readConfig(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8");
  if (file.endsWith(".toml")) return parseToml(text) as Record<string, unknown>;
  // CORE_SCHEMA: dates stay strings, as in posts.
  const data = file.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  return (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
}


/** `b` over `a`, tables merged key by key (a later file of Hugo's config folder adds to an earlier one). */
function deepMerge(a: unknown, b: unknown): unknown {
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
  const files = (await readdir(dir)).filter((name) => /\.(toml|ya?ml|json)$/i.test(name)).sort();
  for (const name of files) {
    const [base = "", ...rest] = name.replace(/\.(toml|ya?ml|json)$/i, "").split(".");
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

export async function detectSite(source: string): Promise<DetectedSite> {
  const dir = path.resolve(source);
  // A `_posts` folder given directly: its site is the parent, when that is a Jekyll site.
  if (path.basename(dir) === "_posts" && existsSync(path.join(dir, "..", "_config.yml"))) return detectSite(path.dirname(dir));
  for (const name of ["_config.yml", "_config.yaml"]) {
    if (existsSync(path.join(dir, name))) return { family: "jekyll", root: dir, configFile: name, config: await readConfig(path.join(dir, name)) };
  }
  if (isDir(path.join(dir, "_posts"))) return { family: "jekyll", root: dir, config: {} };
  for (const name of ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml", "config/_default/config.toml"]) {
    if (!existsSync(path.join(dir, name))) continue;
    const config = await readConfig(path.join(dir, name));
    const folder = path.join(dir, "config", "_default");
    return { family: "hugo", root: dir, configFile: name, config: isDir(folder) ? await readHugoConfigFolder(folder, config) : config };
  }
  if (existsSync(path.join(dir, "config.toml"))) {
    const config = await readConfig(path.join(dir, "config.toml"));
    // Zola spells it `base_url`; Hugo `baseURL` (any case).
    return { family: "base_url" in config ? "zola" : "hugo", root: dir, configFile: "config.toml", config };
  }
  for (const name of ["config.yaml", "config.yml", "config.json"]) {
    if (existsSync(path.join(dir, name)) && isDir(path.join(dir, "content"))) {
      return { family: "hugo", root: dir, configFile: name, config: await readConfig(path.join(dir, name)) };
    }
  }
  return { family: "folder", root: dir, config: {} };
}
