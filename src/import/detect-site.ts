/**
 * Which generator built the folder being imported, and its configuration. Jekyll: `_config.yml`
 * or `_posts/`; Hugo: `hugo.toml|yaml`, or `config.toml|yaml|yml` with `baseURL`; Zola:
 * `config.toml` with `base_url`. Anything else is a bare folder of posts.
 */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";

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

export async function detectSite(source: string): Promise<DetectedSite> {
  const dir = path.resolve(source);
  // A `_posts` folder given directly: its site is the parent, when that is a Jekyll site.
  if (path.basename(dir) === "_posts" && existsSync(path.join(dir, "..", "_config.yml"))) return detectSite(path.dirname(dir));
  for (const name of ["_config.yml", "_config.yaml"]) {
    if (existsSync(path.join(dir, name))) return { family: "jekyll", root: dir, configFile: name, config: await readConfig(path.join(dir, name)) };
  }
  if (isDir(path.join(dir, "_posts"))) return { family: "jekyll", root: dir, config: {} };
  for (const name of ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml", "config/_default/config.toml"]) {
    if (existsSync(path.join(dir, name))) return { family: "hugo", root: dir, configFile: name, config: await readConfig(path.join(dir, name)) };
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
