/**
 * `npm run import`: brings a Jekyll site's posts (and the images they use) into opsnote.
 *
 * Posts are copied as they are (the build understands Liquid and kramdown), only their file names
 * are normalised to NFC so a macOS (NFD) name and its URL agree. Images the posts reference under
 * `/assets/` are copied to `assets/`, so their URLs stay the same. Nothing is ever overwritten: any
 * conflict stops the import before a single file is copied.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as yaml from "js-yaml";
import matter from "gray-matter";
import { REFUSED_FRONT_MATTER_ENGINES } from "../content/front-matter.ts";

export interface ImportOptions {
  /** A Jekyll site (with `_posts/`) or a `_posts` folder. */
  source: string;
  /** @default "posts" */
  postsDir: string;
  /** @default "assets" */
  assetsDir: string;
}

export interface ImportPlanItem {
  from: string;
  to: string;
}

export interface ImportResult {
  posts: ImportPlanItem[];
  images: ImportPlanItem[];
  /** Files whose name changed from NFD (or another form) to NFC. */
  renamed: string[];
  /** What could not be brought over, one line each, naming the post. */
  skipped: string[];
  /** Target files that already exist: nothing was copied. */
  conflicts: string[];
  /** The old site's `permalink:` and what to put in src/site.ts, if a `_config.yml` was found. */
  permalink?: { jekyll: string; opsnote: string; unsupported: string[] };
  baseurl?: string;
}

const POST_FILE = /\.(md|markdown)$/i;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;

/** Jekyll's named permalink styles, spelled out. */
const PERMALINK_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title.html",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title.html",
  weekdate: "/:categories/:year/W:week/:short_day/:title.html",
  none: "/:categories/:title.html",
};
const SUPPORTED_TOKENS = new Set(["categories", "year", "month", "i_month", "day", "i_day", "short_year", "title", "slug"]);

/** The old site's permalink in opsnote's words (`:output_ext` is `.html`). */
export function translatePermalink(jekyll: string): { opsnote: string; unsupported: string[] } {
  const expanded = (PERMALINK_STYLES[jekyll] ?? jekyll).replace(/:output_ext/g, ".html");
  const unsupported = [...expanded.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!).filter((token) => !SUPPORTED_TOKENS.has(token));
  return { opsnote: expanded, unsupported: [...new Set(unsupported)] };
}

async function listFiles(root: string, relative = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, child)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/** Local image URLs a post refers to: markdown and HTML images, MM's figure include, front-matter images. */
export function referencedImages(text: string): string[] {
  let parsed: { data: unknown; content: string };
  try {
    // gray-matter's default engines `eval` a `---js` block: code engines are refused here too.
    parsed = matter(text.replace(/^\uFEFF/, ""), {
      language: "yaml",
      engines: { ...REFUSED_FRONT_MATTER_ENGINES, yaml: (s: string) => (yaml.load(s, { schema: yaml.CORE_SCHEMA }) ?? {}) as object },
    });
  } catch {
    // Broken or refused front matter: the build reports it; images are still looked for in the text.
    parsed = { data: {}, content: text };
  }
  const data = parsed.data as Record<string, unknown>;
  const urls: string[] = [];
  const subpath = typeof data.media_subpath === "string" ? data.media_subpath : typeof data.img_path === "string" ? data.img_path : "";
  const header = (data.header ?? {}) as Record<string, unknown>;
  const image = data.image as unknown;
  for (const value of [header.image, header.teaser, header.overlay_image, typeof image === "object" && image ? (image as Record<string, unknown>).path : image]) {
    if (typeof value === "string") urls.push(value);
  }
  // Liquid URL prefixes first: `{{ site.baseurl }}` has spaces a markdown destination cannot hold.
  const content = parsed.content
    .replace(/\{\{\s*site\.url\s*\}\}/g, "")
    .replace(/\{\{\s*site\.baseurl\s*\}\}/g, "")
    .replace(/\{\{\s*["']([^"']+)["']\s*\|\s*(relative_url|absolute_url)\s*\}\}/g, "$1");
  for (const match of content.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|<img\b[^>]*\bsrc=["']([^"']+)["']|image_path=["']([^"']+)["']/g)) {
    urls.push(match[1] ?? match[2] ?? match[3]!);
  }
  return urls
    .map((url) => (subpath !== "" && !/^([a-z]+:|\/)/i.test(url) ? `${subpath.replace(/\/?$/, "/")}${url}` : url))
    .filter((url) => !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) && IMAGE_FILE.test(url.split(/[?#]/)[0]!));
}

function nfcPath(relative: string): string {
  return relative.split(path.sep).map((segment) => segment.normalize("NFC")).join(path.sep);
}

/** Works out what to copy; copies nothing when there is a conflict. */
export async function importJekyllSite(options: ImportOptions): Promise<ImportResult> {
  const source = path.resolve(options.source);
  const postsSource = existsSync(path.join(source, "_posts")) ? path.join(source, "_posts") : source;
  const siteRoot = postsSource === source ? path.dirname(source) : source;
  const result: ImportResult = { posts: [], images: [], renamed: [], skipped: [], conflicts: [] };

  const configFile = path.join(siteRoot, "_config.yml");
  if (existsSync(configFile)) {
    const config = (yaml.load(await readFile(configFile, "utf8"), { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
    const jekyll = typeof config.permalink === "string" ? config.permalink : "date"; // Jekyll's default style
    result.permalink = { jekyll, ...translatePermalink(jekyll) };
    if (typeof config.baseurl === "string" && config.baseurl.replace(/\/+$/, "") !== "") result.baseurl = config.baseurl;
  }

  const seenImages = new Set<string>();
  for (const relative of (await listFiles(postsSource)).sort()) {
    const from = path.join(postsSource, relative);
    if (!POST_FILE.test(relative)) {
      result.skipped.push(`${relative}: not a markdown post (only .md and .markdown are imported)`);
      continue;
    }
    const normalized = nfcPath(relative);
    if (normalized !== relative) result.renamed.push(normalized);
    const to = path.join(path.resolve(options.postsDir), normalized);
    if (existsSync(to)) result.conflicts.push(to);
    result.posts.push({ from, to });

    for (const url of referencedImages(await readFile(from, "utf8"))) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.split(/[?#]/)[0]!);
      } catch {
        decoded = url;
      }
      if (!decoded.startsWith("/")) {
        result.skipped.push(`${relative}: image "${url}" is a relative path; use a path under /assets/`);
        continue;
      }
      if (!decoded.startsWith("/assets/") || decoded.split("/").includes("..")) {
        result.skipped.push(`${relative}: image "${url}" is outside /assets/; move it under assets/ and update the link`);
        continue;
      }
      const imageFrom = path.join(siteRoot, ...decoded.split("/"));
      if (seenImages.has(imageFrom)) continue;
      seenImages.add(imageFrom);
      if (!existsSync(imageFrom)) {
        result.skipped.push(`${relative}: image "${url}" not found in ${path.relative(process.cwd(), siteRoot) || "."}`);
        continue;
      }
      const imageTo = path.join(path.resolve(options.assetsDir), ...decoded.slice("/assets/".length).split("/").map((s) => s.normalize("NFC")));
      if (existsSync(imageTo)) {
        const same = (await readFile(imageTo)).equals(await readFile(imageFrom));
        if (!same) result.conflicts.push(imageTo);
        continue;
      }
      result.images.push({ from: imageFrom, to: imageTo });
    }
  }

  if (result.conflicts.length > 0) return result;
  for (const item of [...result.posts, ...result.images]) {
    await mkdir(path.dirname(item.to), { recursive: true });
    await copyFile(item.from, item.to);
  }
  return result;
}
