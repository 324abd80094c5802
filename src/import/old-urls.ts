/**
 * The URL a post had on its old site, computed the way Jekyll, Hugo and Zola compute it, so the
 * import can check that the new site answers it (through the carried `permalink`, or a redirect).
 * Each generator slugs differently; getting one wrong here costs a redirect, never a lost URL.
 */
import { dateFromFileName, FILE_NAME_DATE, parsePostDate, type WallClock } from "../content/dates.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Jekyll's named permalink styles, spelled out. */
const JEKYLL_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};
const OPSNOTE_TOKENS = new Set(["categories", "year", "month", "i_month", "day", "i_day", "short_year", "title", "slug"]);

/** The old site's Jekyll permalink in opsnote's words (`:output_ext` is `.html`). */
export function translatePermalink(jekyll: string): { opsnote: string; unsupported: string[] } {
  const expanded = (JEKYLL_STYLES[jekyll] ?? jekyll).replace(/:output_ext/g, ".html");
  const unsupported = [...expanded.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!).filter((token) => !OPSNOTE_TOKENS.has(token));
  return { opsnote: expanded, unsupported: [...new Set(unsupported)] };
}

/** Hugo permalink tokens that opsnote has under another name; the rest are unsupported. */
const HUGO_TOKENS: Record<string, string> = {
  year: ":year", month: ":month", day: ":day", slug: ":slug", title: ":slug", filename: ":filename",
  contentbasename: ":filename", slugorfilename: ":slugorfilename", slugorcontentbasename: ":slugorfilename",
};

/** Hugo's `[permalinks] posts = "/:year/:month/:slug/"` in opsnote's words; `:section` is the section's name. */
export function translateHugoPermalink(hugo: string, section: string): { opsnote: string; unsupported: string[] } {
  const unsupported: string[] = [];
  const opsnote = hugo.replace(/:([a-z_]+)/gi, (whole, token: string) => {
    if (token === "section" || token === "sections") return section;
    const mapped = HUGO_TOKENS[token];
    if (mapped === undefined) unsupported.push(token);
    return mapped ?? whole;
  });
  return { opsnote: opsnote.endsWith("/") || /\.[a-z0-9]+$/i.test(opsnote) ? opsnote : `${opsnote}/`, unsupported };
}

/** Jekyll's `Utils.slugify`: `pretty` keeps case and URL-safe punctuation; `default` lowercases. */
export function jekyllSlugify(text: string, mode: "pretty" | "default" = "default", cased = false): string {
  const pattern = mode === "pretty" ? /[^\p{L}\p{N}._~!$&'()+,;=@]+/gu : /[^\p{L}\p{N}]+/gu;
  const slug = text.normalize("NFC").replace(pattern, "-").replace(/^-+|-+$/g, "");
  return cased ? slug : slug.toLowerCase();
}

/** Hugo's `urlize` (the default, `removePathAccents = false`): spaces to hyphens, lowercased, Hangul kept. */
export function hugoUrlize(text: string, keepCase = false): string {
  const path = text.normalize("NFC").trim().replace(/\s+/g, "-").replace(/[^\p{L}\p{N}\-_.~/]+/gu, "");
  return keepCase ? path : path.toLowerCase();
}

/** Zola's `slugify.paths = "safe"` and `"off"` keep Unicode; `"on"` (the default) transliterates to ASCII. */
export function zolaSlugify(text: string): string {
  return text.normalize("NFC").trim().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").toLowerCase();
}

/** The file name's date, with one or two digits for the month and the day (Jekyll's matcher). */
const DATE_PREFIX = FILE_NAME_DATE;

/** Joins URL parts and squeezes repeated slashes: Jekyll and Hugo both do. */
function cleanUrl(url: string): string {
  const squeezed = `/${url}`.replace(/\/{2,}/g, "/");
  return squeezed.normalize("NFC");
}

export interface OldPostInput {
  /**
   * Path of the post inside its source folder, `/`-separated: inside `_posts/` (or the collection's folder)
   * for Jekyll, inside `content/` for Hugo and Zola (`posts/x/index.md`).
   */
  relativePath: string;
  frontMatter: Record<string, unknown>;
  timeZone: string;
}

function wallClockOf(input: OldPostInput, fileDate: string | undefined): WallClock | undefined {
  const value = input.frontMatter.date ?? fileDate;
  if (value === undefined) return undefined;
  const parsed = parsePostDate(value instanceof Date ? value.toISOString() : value, input.timeZone);
  return parsed.ok ? parsed.date.wall : undefined;
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  const text = String(value);
  return text.includes(",") ? text.split(",").map((s) => s.trim()) : text.split(/\s+/);
}

const fileName = (relativePath: string) => relativePath.split("/").at(-1)!.replace(/\.(md|markdown|html)$/i, "");

export interface JekyllUrlOptions {
  /** The site's (or the collection's) `permalink`. @default "date" */
  permalink?: string;
  /** Set for a collection document: `:collection` and `:path` come from it. */
  collection?: string;
  /** Categories from the folders above a `<folder>/_posts/` (Jekyll adds them before the front matter's). */
  pathCategories?: string[];
}

/** A Jekyll post's or collection document's URL (jekyll 4, `Jekyll::Drops::UrlDrop`). */
export function oldJekyllUrl(input: OldPostInput, options: JekyllUrlOptions = {}): string {
  const fm = input.frontMatter;
  const base = fileName(input.relativePath);
  const dated = dateFromFileName(base);
  const ownPermalink = typeof fm.permalink === "string" ? fm.permalink : undefined;
  const pattern = JEKYLL_STYLES[ownPermalink ?? ""] ?? ownPermalink
    ?? JEKYLL_STYLES[options.permalink ?? "date"] ?? options.permalink ?? JEKYLL_STYLES.date!;
  const slugSource = typeof fm.slug === "string" ? fm.slug : base.replace(DATE_PREFIX, "");
  const wall = wallClockOf(input, dated);
  // Jekyll lowercases categories but keeps their spelling otherwise; `category` counts too.
  // Jekyll splits `categories: a b` on spaces but keeps the singular `category: Deep Learning` whole.
  const singular = typeof fm.category === "string" ? [fm.category] : stringList(fm.category);
  const categories = [...new Set([...(options.pathCategories ?? []), ...stringList(fm.categories), ...singular].map((c) => c.toLowerCase()))];
  const tokens: Record<string, string> = {
    collection: options.collection ?? "posts",
    path: input.relativePath.replace(/\.(md|markdown|html)$/i, ""),
    name: jekyllSlugify(base, "default"),
    // Jekyll escapes the URL's path (`URL.escape_path`): a `?` or `#` in a category (`이것까지해야해?`)
    // is part of the path, not a query or a fragment.
    categories: categories.map((c) => c.replace(/\?/g, "%3F").replace(/#/g, "%23")).join("/"),
    title: jekyllSlugify(slugSource, "pretty", true),
    slug: jekyllSlugify(slugSource, "default"),
    output_ext: ".html",
    ...(wall && {
      year: String(wall.year), month: pad(wall.month), i_month: String(wall.month), day: pad(wall.day),
      i_day: String(wall.day), short_year: pad(wall.year % 100), hour: pad(wall.hour), minute: pad(wall.minute),
    }),
  };
  const url = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => tokens[name] ?? whole);
  return cleanUrl(url);
}

export interface HugoUrlOptions {
  /** The section, the first folder under `content/` (`posts`); `relativePath` starts with it. */
  section: string;
  /** `[permalinks]` entry for the section, if any. */
  permalink?: string;
  /** Hugo's `disablePathToLower`: paths keep their letter case (`/docs/SE/AI/`). @default false */
  keepCase?: boolean;
  /**
   * `[frontmatter] date = [":filename", …]`: Hugo takes a file name's date as the page's date and
   * the rest of the name as its slug, unless the front matter has one (`2025-03-23-istio.md` is at
   * `…/istio/`; `:filename` in a pattern is still the whole name). @default false
   */
  dateFromFileName?: boolean;
}

/** `[frontmatter] date` (or `publishDate`) lists `:filename`: see HugoUrlOptions.dateFromFileName. */
export function hugoDatesFromFileName(frontmatterConfig: unknown): boolean {
  if (typeof frontmatterConfig !== "object" || frontmatterConfig === null) return false;
  return Object.entries(frontmatterConfig).some(([key, value]) =>
    /^(date|publishdate)$/i.test(key) && Array.isArray(value) && value.some((entry) => String(entry).toLowerCase() === ":filename"));
}

/** A Hugo page's URL: `url`, else the section's permalink pattern, else `/<section>/<slug or folder path>/`. */
export function oldHugoUrl(input: OldPostInput, options: HugoUrlOptions): string {
  const fm = input.frontMatter;
  const urlize = (text: string) => hugoUrlize(text, options.keepCase);
  if (typeof fm.url === "string" && fm.url.trim() !== "") return cleanUrl(fm.url.trim());
  const parts = input.relativePath.split("/");
  const isBundle = /^index\.(md|markdown)$/i.test(parts.at(-1)!);
  const contentBase = isBundle ? parts.at(-2) ?? "" : fileName(input.relativePath);
  // A date read from the name leaves the rest of the name as the page's slug (`:filename` keeps it whole).
  const nameSlug = options.dateFromFileName && DATE_PREFIX.test(contentBase) ? contentBase.replace(DATE_PREFIX, "") || undefined : undefined;
  const slug = typeof fm.slug === "string" && fm.slug.trim() !== "" ? fm.slug.trim() : nameSlug;
  if (options.permalink === undefined) {
    const folders = parts.slice(0, isBundle ? -2 : -1);
    return cleanUrl(`${folders.map((folder) => urlize(folder)).join("/")}/${urlize(slug ?? contentBase)}/`);
  }
  const wall = wallClockOf(input, undefined);
  const title = typeof fm.title === "string" ? fm.title : contentBase;
  const tokens: Record<string, string> = {
    section: options.section,
    sections: options.section,
    slug: urlize(slug ?? title),
    title: urlize(title),
    filename: urlize(contentBase),
    contentbasename: urlize(contentBase),
    slugorfilename: urlize(slug ?? contentBase),
    slugorcontentbasename: urlize(slug ?? contentBase),
    ...(wall && { year: String(wall.year), month: pad(wall.month), day: pad(wall.day) }),
  };
  return cleanUrl(options.permalink.replace(/:([a-z_]+)/gi, (whole, name: string) => tokens[name] ?? whole));
}

/**
 * A Hugo or Zola section's URL (the page of its `_index.md`): Hugo's `url` or Zola's `path`, else its
 * folders, as each generator writes a path.
 * @example oldSectionUrl("article/채점 서버", {}, "hugo") // "/article/채점-서버/"
 */
export function oldSectionUrl(relativeDir: string, frontMatter: Record<string, unknown>, family: "hugo" | "zola", keepCase = false): string {
  const own = family === "hugo" ? frontMatter.url : frontMatter.path;
  if (typeof own === "string" && own.trim() !== "") return cleanUrl(`${own.trim().replace(/\/?$/, "/")}`);
  const folders = relativeDir.split("/").filter((part) => part !== "");
  return cleanUrl(`${folders.map((folder) => (family === "hugo" ? hugoUrlize(folder, keepCase) : zolaSlugify(folder))).join("/")}/`);
}

/** A Zola page's URL: `path`, else `/<section path>/<slug>/` with the slug from `slug` or the file name. */
export function oldZolaUrl(input: OldPostInput): string {
  const fm = input.frontMatter;
  if (typeof fm.path === "string" && fm.path.trim() !== "") return cleanUrl(`${fm.path.trim().replace(/\/?$/, "/")}`);
  const parts = input.relativePath.split("/");
  const isBundle = /^index\.(md|markdown)$/i.test(parts.at(-1)!);
  const base = isBundle ? parts.at(-2) ?? "" : fileName(input.relativePath);
  // Zola takes a leading date off the file name (and uses it as the date) before slugging.
  const slug = typeof fm.slug === "string" && fm.slug.trim() !== "" ? fm.slug.trim() : base.replace(/^\d{4}-\d{2}-\d{2}[_-]/, "");
  const sections = parts.slice(0, isBundle ? -2 : -1);
  return cleanUrl(`${sections.map(zolaSlugify).join("/")}/${zolaSlugify(slug)}/`);
}

/**
 * hexo-util's `slugize` (category and `:post_title` slugs): the characters it separates on become `-`,
 * repeated ones squeezed, Hangul kept; `filename_case` 1 lowercases, 2 uppercases.
 * @example hexoSlugize("쿠버네티스 운영 (1)") // "쿠버네티스-운영-1"
 */
export function hexoSlugize(text: string, filenameCase = 0): string {
  const slug = text.normalize("NFC").replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-").replace(/^-+|-+$/g, "");
  return filenameCase === 1 ? slug.toLowerCase() : filenameCase === 2 ? slug.toUpperCase() : slug;
}

export interface HexoUrlOptions {
  /** `_config.yml` `permalink`. @default ":year/:month/:day/:title/" */
  permalink?: string;
  /** `new_post_name`: with a date in it (`:year-:month-:day-:title.md`), the file name's date is not part of the slug. */
  newPostName?: string;
  /** `default_category`, the `:category` of a post without one. @default "uncategorized" */
  defaultCategory?: string;
  /** `filename_case`. @default 0 */
  filenameCase?: number;
}

/** A post's categories as Hexo reads them: a list is one branch (parent, child); nested lists are several. */
export function hexoCategoryBranches(value: unknown): string[][] {
  if (value === undefined || value === null || value === "") return [];
  if (!Array.isArray(value)) return [[String(value)]];
  const nested = value.some(Array.isArray);
  if (!nested) return [value.filter((v) => v !== null && v !== undefined).map(String)];
  return value.map((branch) => (Array.isArray(branch) ? branch : [branch]).filter((v) => v !== null && v !== undefined).map(String)).filter((b) => b.length > 0);
}

/**
 * A Hexo post's URL (hexo/lib/plugins/filter/post_permalink.js): its own `permalink`, else the site's
 * pattern with `:title` the file's path inside `_posts/` without its extension (or `slug`), `:name` its
 * last part, `:category` the last category's path of slugs, the date's parts in the site's zone.
 */
export function oldHexoUrl(input: OldPostInput, options: HexoUrlOptions = {}): string {
  const fm = input.frontMatter;
  if (typeof fm.permalink === "string" && fm.permalink.trim() !== "") return cleanUrl(fm.permalink.trim());
  let slug = input.relativePath.replace(/\.(md|markdown)$/i, "");
  if (/:(year|month|day|i_month|i_day)/.test(options.newPostName ?? "")) slug = slug.replace(/(^|\/)\d{4}-\d{1,2}-\d{1,2}-/, "$1");
  if (typeof fm.slug === "string" && fm.slug.trim() !== "") slug = fm.slug.trim();
  const wall = wallClockOf(input, undefined);
  const branch = hexoCategoryBranches(fm.categories ?? fm.category).at(-1);
  const filenameCase = options.filenameCase ?? 0;
  const tokens: Record<string, string> = {
    title: slug,
    name: slug.split("/").at(-1)!,
    post_title: hexoSlugize(typeof fm.title === "string" ? fm.title : "", 1),
    category: branch === undefined ? hexoSlugize(options.defaultCategory ?? "uncategorized", filenameCase) : branch.map((c) => hexoSlugize(c, filenameCase)).join("/"),
    ...(wall && {
      year: String(wall.year), month: pad(wall.month), day: pad(wall.day), i_month: String(wall.month), i_day: String(wall.day),
      hour: pad(wall.hour), minute: pad(wall.minute), second: pad(wall.second),
    }),
  };
  const url = (options.permalink ?? ":year/:month/:day/:title/").replace(/:([a-z_]+)/g, (whole, name: string) => tokens[name] ?? whole);
  return cleanUrl(url);
}

/** A term page of the old Hexo site: its name (opsnote's page is that name's) and its URL there. */
export interface HexoTermUrl {
  kind: "tags" | "categories";
  name: string;
  oldUrl: string;
}

/** Hexo's term settings that shape the old URLs (`_config.yml`). */
export interface HexoTermOptions {
  /** `filename_case`: 1 lowercases slugs, 2 uppercases. @default 0 */
  filenameCase?: number;
  /** `tag_dir` @default "tags" */
  tagDir?: string;
  /** `category_dir` @default "categories" */
  categoryDir?: string;
  /**
   * `tag_map` / `category_map`: a term's slug in the URL instead of its name (`{ 쿠버네티스: k8s }` made
   * `/tags/k8s/`). Keys are matched exactly; a value that is not text is ignored, as it names no slug.
   * @default {}
   */
  tagMap?: Readonly<Record<string, unknown>>;
  categoryMap?: Readonly<Record<string, unknown>>;
}

/**
 * The tag and category pages Hexo made for a post: `/<tag_dir>/<slug>/`, and a category branch's every
 * level under its parents (`/categories/블로그/설정/`), slugs as Hexo wrote them (case kept), each from
 * the term's name or its entry in `tag_map` / `category_map` (Hexo's models/tag.ts and category.ts).
 */
export function oldHexoTermUrls(frontMatter: Record<string, unknown>, options: HexoTermOptions = {}): HexoTermUrl[] {
  const slug = (name: string, map: Readonly<Record<string, unknown>> = {}) => {
    const mapped = Object.hasOwn(map, name) ? map[name] : undefined;
    return hexoSlugize(typeof mapped === "string" && mapped !== "" ? mapped : name, options.filenameCase ?? 0);
  };
  const dir = (value: string | undefined, fallback: string) => (value ?? fallback).replace(/^\/+|\/+$/g, "");
  const raw = frontMatter.tags ?? frontMatter.tag;
  const tags = (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === "" ? [] : [raw]).filter((t) => t !== null && t !== undefined).map(String);
  const urls: HexoTermUrl[] = tags.map((name) => ({ kind: "tags", name, oldUrl: `/${dir(options.tagDir, "tags")}/${slug(name, options.tagMap)}/` }));
  for (const branch of hexoCategoryBranches(frontMatter.categories ?? frontMatter.category)) {
    branch.forEach((name, depth) => {
      urls.push({ kind: "categories", name, oldUrl: `/${dir(options.categoryDir, "categories")}/${branch.slice(0, depth + 1).map((level) => slug(level, options.categoryMap)).join("/")}/` });
    });
  }
  return urls;
}

/** Hexo permalink tokens opsnote has (`:name` is the file's name, opsnote's `:title`); the rest are unsupported. */
const HEXO_TOKENS: Record<string, string> = {
  year: ":year", month: ":month", day: ":day", i_month: ":i_month", i_day: ":i_day", title: ":title", name: ":title", category: ":categories",
};

/** Hexo's `permalink: :year/:month/:day/:title/` in opsnote's words (Hexo's has no leading slash). */
export function translateHexoPermalink(hexo: string): { opsnote: string; unsupported: string[] } {
  const unsupported: string[] = [];
  const opsnote = hexo.trim().replace(/:([a-z_]+)/g, (whole, token: string) => {
    const mapped = HEXO_TOKENS[token];
    if (mapped === undefined) unsupported.push(token);
    return mapped ?? whole;
  });
  return { opsnote: `/${opsnote.replace(/^\/+/, "")}`, unsupported: [...new Set(unsupported)] };
}

/**
 * A page's old redirect URLs (`aliases`, `redirect_from`) as root paths. Hugo read an alias without a
 * leading slash from the page's own folder (`aliases: [old-name]` on /posts/new-name/ was
 * /posts/old-name/; dings-things' `contact` beside /ko/about/ was /ko/contact/); jekyll-redirect-from
 * from the site root. A full URL is left out: it is another site's.
 * @example rootedAliases(["old-name", "/x/"], "/posts/new-name/", "hugo") // ["/posts/old-name/", "/x/"]
 */
export function rootedAliases(value: unknown, pageUrl: string, family: "hugo" | "other"): string[] {
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string" && item.trim() !== "").map((item) => item.trim());
  return list.flatMap((alias) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(alias)) return [];
    if (alias.startsWith("/")) return [alias];
    const base = family === "hugo" ? `http://old${pageUrl.replace(/\/+$/, "")}` : "http://old/";
    let rooted: string;
    try {
      rooted = new URL(alias, base).pathname;
    } catch {
      return [];
    }
    return [/\.[a-z0-9]+$/i.test(rooted) || rooted.endsWith("/") ? rooted : `${rooted}/`];
  });
}

/**
 * How a Gatsby site made a post's URL in its `gatsby-node.js`: `file-path` is `createFilePath` of
 * gatsby-source-filesystem (gatsby-starter-blog, zoomkoding-gatsby-blog: the file's path inside its
 * content folder), `last-segment` gatsby-starter-hoodie's `/${slug.split("/").reverse()[1]}/` (the
 * post's own folder or file name alone).
 */
export type GatsbyUrlStyle = "file-path" | "last-segment";

/**
 * A Gatsby post's URL, from its path inside the content folder, as `createFilePath` computes it: the
 * extension and an `index` name dropped, a trailing slash unless the site said `trailingSlash: "never"`.
 * Gatsby neither slugs nor lowercases: a Korean file name is its URL as written.
 * @example oldGatsbyUrl("k8s/2023/01/pod.md", "file-path") // "/k8s/2023/01/pod/"
 * @example oldGatsbyUrl("posts/helm-intro/index.md", "last-segment") // "/helm-intro/"
 */
export function oldGatsbyUrl(relativePath: string, style: GatsbyUrlStyle, trailingSlash = true): string {
  const parts = relativePath.normalize("NFC").split("/").filter((part) => part !== "");
  const name = (parts.pop() ?? "").replace(/\.[^.]+$/, "");
  if (name !== "index") parts.push(name);
  const kept = style === "last-segment" ? parts.slice(-1) : parts;
  if (kept.length === 0) return "/";
  return `/${kept.join("/")}${trailingSlash ? "/" : ""}`;
}
