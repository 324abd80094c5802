/**
 * What a post is once its front matter has been checked: the values every page, list and feed
 * reads. Built once per post from the raw front matter and the file's path.
 */
import path from "node:path";
import type { SiteSettings } from "../site.ts";
import { dateFromFileName, FILE_NAME_DATE, parsePostDate, postDateFromInstant, type PostDate } from "./dates.ts";
import type { UndatedFallback } from "./undated.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseFrontMatter, type FrontMatter } from "./schema.ts";
import type { FrontMatterSource } from "./front-matter.ts";
import { findMisspelledKeys } from "./misspelled-keys.ts";
import { expandPermalink, foldersOfPost, fileNameSlugFromPath, postSlugFromPath } from "./permalink.ts";
import { normalizeText, termSlug } from "../slug/slugify.ts";
import { strings } from "../ui/strings.ts";
import { readingStats } from "./reading-time.ts";
import { ABOUT_URL } from "../urls/site-urls.ts";
import { extractExcerpt, type ExcerptOptions } from "./excerpt.ts";

export interface Term {
  /** As shown: NFC, trimmed, zero-width characters removed. */
  name: string;
  /** One safe, non-empty URL segment. */
  slug: string;
}

export interface TocSettings {
  enabled: boolean;
  /** @default "목차" */
  label: string;
  sticky: boolean;
  icon?: string;
}

export interface Post {
  /**
   * `page`: a standalone page (`layout: page`, e.g. an about page), rendered without date, terms,
   * series or neighbours and listed nowhere but the sitemap and the search index. @default "post"
   */
  kind: "post" | "page";
  /** A page without a date: `date` is a placeholder, never shown nor used for `lastmod`. */
  undated?: true;
  inputPath: string;
  slug: string;
  title: string;
  /** A line under the title (`subtitle:`, Beautiful Jekyll's and Hux's); absent when not given. */
  subtitle?: string;
  date: PostDate;
  /** From `last_modified_at` (Jekyll), `lastmod` (Hugo) or `updated` (Zola); absent when not given. */
  updated?: PostDate;
  tags: Term[];
  categories: Term[];
  /** Root-relative URL, without the site's path prefix. */
  url: string;
  toc: TocSettings;
  /** Plain text: `excerpt` (or `description`), else the text before `<!--more-->`, else the first paragraph. */
  excerpt: string;
  /**
   * The front matter's own `description`, when given: the page's meta description (and `og:description`,
   * JSON-LD) even when `excerpt` (Hugo's `summary`) is the text of the lists, as Minimal Mistakes and
   * PaperMod read them. Absent when not given: the meta description is the excerpt.
   */
  description?: string;
  /** Social-card image: `image` / `image.path` (Chirpy), `header.image` / `header.teaser` (Minimal Mistakes), `images[0]` (Hugo). */
  image?: string;
  /** Old URLs that redirect here (`redirect_from`, Hugo's `aliases`), as written. */
  redirectFrom: string[];
  /** `render_with_liquid: false` leaves the post's Liquid as written, without warnings. @default true */
  renderWithLiquid: boolean;
  draft: boolean;
  pin: boolean;
  series?: string;
  /** Minutes to read the body; see reading-time.ts for how prose and code count. */
  readingMinutes: number;
  /** Front matter `author`, when this post names one: it replaces the site's author in the author box. */
  author?: PostAuthor;
  /** `comments: false` turns the site's comments off for this post; absent means on. */
  comments?: false;
}

/** A post's own author (front matter `author`): a name, or a name with an avatar, a bio and a link. */
export interface PostAuthor {
  name: string;
  avatar?: string;
  bio?: string;
  url?: string;
}

/** `author: 홍길동`, `author: [a, b]` or `author: { name, avatar, bio, url }`; nothing usable -> undefined. */
function postAuthor(value: FrontMatter["author"]): PostAuthor | undefined {
  if (value === undefined || value === null) return undefined;
  const clean = (text: string | undefined) => (text === undefined || normalizeText(text) === "" ? undefined : normalizeText(text));
  if (typeof value === "string" || Array.isArray(value)) {
    const name = clean(typeof value === "string" ? value : value.join(", "));
    return name === undefined ? undefined : { name };
  }
  const name = clean(value.name);
  if (name === undefined) return undefined;
  return {
    name,
    ...(clean(value.avatar) ? { avatar: value.avatar!.trim() } : {}),
    ...(clean(value.bio) ? { bio: clean(value.bio) } : {}),
    ...(clean(value.url) ? { url: value.url!.trim() } : {}),
  };
}

export const DEFAULT_TOC_LABEL = strings.toc;

export interface BuildPostInput {
  inputPath: string;
  frontMatter: Record<string, unknown>;
  source?: FrontMatterSource;
  /** Markdown body, for the reading time. */
  body: string;
  /** `toc`: the posts' default table of contents. @default false */
  site: Pick<SiteSettings, "timeZone" | "permalink"> & Partial<Pick<SiteSettings, "toc" | "emoji">>;
  /** The file's path inside the posts folder (`rust/chapter3/x.md`), for `:path`. @default no folders */
  relativePath?: string;
  /**
   * The date of a post with none in its front matter or file name (git's first commit of the file,
   * else its modification time: see undated.ts), with a warning. Without it such a post is an error
   * whose result says `undated`, so the caller can look the date up and build it again.
   */
  undatedFallback?: UndatedFallback;
  /** The body's excerpt and reading time (the build passes a cached one: body-summary.ts). @default summariseBody */
  summarise?: (body: string) => BodySummary;
}

/** What buildPost reads from a post's markdown body. */
export interface BodySummary {
  /** The excerpt from the body (used when the front matter sets none). */
  excerpt: string;
  readingMinutes: number;
}

export function summariseBody(body: string, options: ExcerptOptions = {}): BodySummary {
  return { excerpt: extractExcerpt(body, options), readingMinutes: readingStats(body).minutes };
}

export type BuildPostResult =
  | { ok: true; post: Post; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[]; undated?: boolean };

/**
 * Trims, normalises and de-duplicates terms by slug (`Docker` / `docker`, `KV Cache` / `kv-cache`:
 * one tag page), keeping the first spelling.
 */
export function toTerms(names: readonly string[]): Term[] {
  const terms = new Map<string, Term>();
  for (const raw of names) {
    const name = normalizeText(raw);
    if (name === "") continue;
    const slug = termSlug(name);
    if (!terms.has(slug)) terms.set(slug, { name, slug });
  }
  return [...terms.values()];
}

/** `2024-01-02-쿠버네티스-입문.md` -> "쿠버네티스 입문": Jekyll's title for a post without one. */
export function titleFromPath(inputPath: string): string {
  const parts = inputPath.replace(/\\/g, "/").split("/");
  let name = (parts.at(-1) ?? "").replace(/\.(md|markdown)$/i, "");
  if (name.toLowerCase() === "index" && parts.length > 1) name = parts.at(-2) ?? name;
  return normalizeText(name.replace(FILE_NAME_DATE, "").replace(/[-_]+/g, " ")) || strings.untitled;
}

/** The first image a theme would put on the post's social card. */
function socialImage(fm: FrontMatter): string | undefined {
  const fromImage = typeof fm.image === "string" ? fm.image : fm.image?.path;
  const fromImages = typeof fm.images === "string" ? fm.images : fm.images?.[0];
  const found = [fromImage, fm.header?.image, fm.header?.overlay_image, fm.header?.teaser, fromImages]
    .map((value) => value?.trim())
    .find((value) => value !== undefined && value !== "");
  return found;
}

/** Where a page without a `permalink` is published: `about.md` -> `/about/`. */
export const PAGE_PERMALINK = "/:title/";
/** The `date` of a page that has none; never shown (`undated`). */
const PAGE_PLACEHOLDER_DATE = "1970-01-01";

/** `/about/`, `about`, `/about/index.html`: a permalink or `url` written for the about page's URL. */
export function isAboutPermalink(value: string | undefined): boolean {
  return value !== undefined && `/${value.trim().replace(/^\/+/, "").replace(/(\/index\.html|\/+)$/, "")}/` === ABOUT_URL;
}

/**
 * A standalone page rather than a post: `layout: page` (Jekyll, Chirpy's `_tabs`), Minimal
 * Mistakes' `layout: single` with a `permalink` and no date anywhere (its `_pages`), which a dated
 * `single` post is not, or any undated file at `/about/` (Hugo's `content/about.md` with
 * `url: /about/` and a theme layout opsnote does not have).
 */
export function isStandalonePage(fm: Pick<FrontMatter, "layout" | "permalink" | "url" | "date">, fileHasDate: boolean): boolean {
  if (fm.layout === "page") return true;
  const undated = fm.date === undefined && !fileHasDate;
  if (undated && isAboutPermalink(fm.permalink ?? fm.url)) return true;
  return fm.layout === "single" && fm.permalink !== undefined && undated;
}

export function buildPost({ inputPath, frontMatter, source, body, site, relativePath, undatedFallback, summarise = (text) => summariseBody(text, { emoji: site.emoji }) }: BuildPostInput): BuildPostResult {
  const lineOf = (field: string) => source?.keyLines[field];
  let summarised: BodySummary | undefined;
  const summary = () => (summarised ??= summarise(body));
  const errors: Diagnostic[] = [];
  // A misspelled key (`tag:`) is ignored by the schema below: say so even when the post fails.
  const warnings: Diagnostic[] = findMisspelledKeys(frontMatter, source, inputPath);
  const parsed = parseFrontMatter(frontMatter);
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      // `tags[1]` is on its own line in a block list, on the key's line in a flow list (`[a, ~, b]`).
      // A key read from a table (`params.ShowToc`) is on the table's line, or its own in a TOML `[params]`.
      const line = lineOf(problem.field) ?? lineOf(problem.field.replace(/\[\d+\]$/, "")) ?? lineOf(problem.field.split(".")[0]!);
      errors.push({ severity: "error", file: inputPath, line, field: problem.field, message: problem.message });
    }
    return { ok: false, errors, warnings };
  }
  const fm: FrontMatter = parsed.value;
  const ownSlug = fm.slug !== undefined && fm.slug.trim() !== "" ? termSlug(fm.slug) : undefined;
  const slug = ownSlug ?? postSlugFromPath(inputPath);

  const readDate = (field: string, value: unknown): PostDate | undefined => {
    const result = parsePostDate(value, site.timeZone);
    if (!result.ok) {
      errors.push({ severity: "error", file: inputPath, line: lineOf(field), field, message: result.error });
      return undefined;
    }
    for (const message of result.warnings) {
      warnings.push({ severity: "warning", file: inputPath, line: lineOf(field), field, message });
    }
    return result.date;
  };

  // A page bundle (`2024-11-07-name/index.md`) carries its date on the folder.
  const isBundle = /^index\.(md|markdown)$/i.test(path.basename(inputPath));
  const fileDate = dateFromFileName(path.basename(isBundle ? path.dirname(inputPath) : inputPath).normalize("NFC"));
  const isPage = isStandalonePage(fm, fileDate !== undefined);
  let date: PostDate | undefined;
  let undated = false; // a standalone page without a date: it is never shown
  let needsDate = false; // a post without a date: the caller may look one up and build it again
  if (fm.date !== undefined) {
    date = readDate("date", fm.date);
  } else if (fileDate !== undefined) {
    date = readDate("date", fileDate);
  } else if (isPage) {
    undated = true;
    date = readDate("date", PAGE_PLACEHOLDER_DATE);
  } else if (undatedFallback !== undefined) {
    date = postDateFromInstant(undatedFallback.instant, site.timeZone);
    warnings.push({
      severity: "warning", file: inputPath, line: 1, field: "date", kind: "undated",
      message: `no date: dated ${date.iso} from ${undatedFallback.source}; add date: to the front matter or name the file YYYY-MM-DD-name.md to fix it`,
    });
  } else {
    needsDate = true;
    errors.push({
      severity: "error", file: inputPath, line: 1, field: "date",
      message: "no date: expected a `date` field or a file name starting with YYYY-MM-DD- (e.g. 2024-11-07-name.md)",
    });
  }
  const updatedField = (["last_modified_at", "lastmod", "updated"] as const).find((key) => fm[key] !== undefined);
  const updated = updatedField === undefined ? undefined : readDate(updatedField, fm[updatedField]);
  if (date === undefined || errors.length > 0) return { ok: false, errors, warnings, undated: needsDate };

  const [series, ...otherSeries] = (fm.series ?? []).map(normalizeText).filter((name) => name !== "");
  if (otherSeries.length > 0) {
    warnings.push({
      severity: "warning", file: inputPath, line: lineOf("series"), field: "series",
      message: `a post is in one series: shown in "${series}", not in ${otherSeries.map((name) => `"${name}"`).join(", ")} (keep one name to silence this)`,
    });
  }
  const categories = toTerms([...(fm.categories ?? []), ...(fm.category ?? [])]);
  const permalinkPattern = fm.permalink ?? fm.url ?? (isPage ? PAGE_PERMALINK : site.permalink);
  const url = expandPermalink(permalinkPattern, {
    categories: categories.map((c) => c.slug),
    date: date.wall,
    title: slug,
    folders: relativePath === undefined ? [] : foldersOfPost(relativePath),
    fileName: fileNameSlugFromPath(inputPath),
    ownSlug,
  });

  if (!isPage && isAboutPermalink(url)) {
    warnings.push({
      severity: "info", file: inputPath, line: lineOf(fm.permalink !== undefined ? "permalink" : "url"), field: "permalink",
      message: `this dated post is at ${ABOUT_URL}, so it replaces the generated about page (and is listed with the posts); remove its date or add layout: page to make it a page`,
    });
  }

  // An empty `description = ""` (Hugo's and Jekyll's archetypes leave one) says nothing: the body's excerpt, not none.
  const ownExcerpt = [fm.excerpt, fm.description].find((text) => text !== undefined && normalizeText(text) !== "");
  const post: Post = {
    kind: isPage ? "page" : "post",
    ...(undated ? { undated: true as const } : {}),
    inputPath,
    slug,
    title: fm.title !== undefined && normalizeText(fm.title) !== "" ? normalizeText(fm.title) : titleFromPath(inputPath),
    subtitle: fm.subtitle !== undefined && normalizeText(fm.subtitle) !== "" ? normalizeText(fm.subtitle) : undefined,
    date,
    updated,
    tags: toTerms([...(fm.tags ?? []), ...(fm.tag ?? [])]),
    categories,
    url,
    toc: {
      // The post's own word (Hugo PaperMod's `ShowToc` and Jekyll Hux's `catalog` are their spellings of `toc`), else the site's for posts.
      enabled: fm.toc ?? fm.ShowToc ?? fm.catalog ?? (!isPage && site.toc === true),
      label: fm.toc_label ?? DEFAULT_TOC_LABEL,
      sticky: fm.toc_sticky ?? false,
      icon: fm.toc_icon,
    },
    excerpt: ownExcerpt !== undefined ? normalizeText(ownExcerpt) : summary().excerpt,
    ...(fm.description !== undefined && normalizeText(fm.description) !== "" ? { description: normalizeText(fm.description) } : {}),
    image: socialImage(fm),
    redirectFrom: [...(fm.redirect_from ?? []), ...(fm.aliases ?? [])],
    renderWithLiquid: fm.render_with_liquid ?? true,
    draft: fm.draft === true || fm.published === false,
    pin: fm.pin ?? false,
    series,
    readingMinutes: summary().readingMinutes,
    ...(postAuthor(fm.author) ? { author: postAuthor(fm.author) } : {}),
    ...(fm.comments === false ? { comments: false as const } : {}),
  };
  return { ok: true, post, warnings };
}
