/**
 * Everything besides a page's text and data that decides its rendered body, as one string: the render
 * cache's salt (render-cache.ts). A change to any of it (an opsnote upgrade or a local edit of its
 * source, a new markdown-it or KaTeX, a setting the pipeline takes) renders every post again.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteSettings } from "../site.ts";
import { packageVersion } from "../package-version.ts";

/** Packages whose output ends up in a rendered body. */
const RENDERING_PACKAGES = ["markdown-it", "markdown-it-cjk-friendly", "markdown-it-emoji", "github-slugger", "katex", "image-size"];

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A SHA-256 of opsnote's own source (every file under src/, 1 MB, a few milliseconds): plugins of other
 * areas take part in rendering (published-file links, strings), and a version number would miss a local edit.
 */
export function sourceHash(root = SOURCE_ROOT): string {
  if (root === SOURCE_ROOT) return (ownSourceHash ??= hashFolder(root));
  return hashFolder(root);
}

let ownSourceHash: string | undefined;

function hashFolder(root: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export interface RenderSaltOptions {
  highlightSalt: string;
  mathSalt: string;
  site: Pick<SiteSettings, "tocDepth" | "math" | "emoji">;
  /** @default path.resolve("assets"), where `/assets/` images are read from */
  assetsDir?: string;
}

export function renderSalt({ highlightSalt, mathSalt, site, assetsDir = path.resolve("assets") }: RenderSaltOptions): string {
  return JSON.stringify({
    source: sourceHash(),
    packages: RENDERING_PACKAGES.map((name) => `${name}@${packageVersion(name)}`),
    highlight: highlightSalt,
    math: mathSalt,
    settings: { tocDepth: site.tocDepth, math: site.math, emoji: site.emoji },
    assetsDir,
  });
}
