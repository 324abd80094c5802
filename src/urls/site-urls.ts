/**
 * Every URL opsnote generates, in one place. Pages link with root-relative URLs (`/tags/helm/`):
 * Eleventy's HtmlBasePlugin adds the path prefix to those in HTML output. Feeds, the sitemap,
 * canonical links and JSON-LD are read outside the site, so they get absolute URLs built here,
 * prefix included.
 */
import type { Term } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";

export const HOME_URL = "/";
export const TAGS_URL = "/tags/";
export const CATEGORIES_URL = "/categories/";
export const ARCHIVE_URL = "/archive/";
export const ABOUT_URL = "/about/";
export const NOT_FOUND_URL = "/404.html";
export const ATOM_FEED_URL = "/feed.xml";
export const JSON_FEED_URL = "/feed.json";
export const SITEMAP_URL = "/sitemap.xml";
export const ROBOTS_URL = "/robots.txt";
/** https://llmstxt.org: the posts listed for language models, and all their markdown (src/llms). */
export const LLMS_TXT_URL = "/llms.txt";
export const LLMS_FULL_TXT_URL = "/llms-full.txt";
export const FAVICON_URL = "/assets/favicon.svg";
/** Written only with `offline: true` (src/offline): the service worker, and the page it shows for a page never read. */
export const SERVICE_WORKER_URL = "/sw.js";
export const OFFLINE_URL = "/offline/";
export const STYLESHEET_URL = "/assets/css/opsnote.css";
/** Generated from the highlighting themes (src/markdown/token-classes.ts). */
export const CODE_STYLESHEET_URL = "/assets/css/code.css";
/**
 * Files every build writes itself (feeds, sitemap, robots.txt, the 404 page, llms.txt, the code
 * stylesheet). A blogger's own file at one of these URLs (a Hugo theme's `static/robots.txt`) is not
 * published: the build warns, `npm run check` reports it (src/static/static-files.ts), and the import
 * leaves such files out.
 */
export const GENERATED_FILE_URLS: ReadonlySet<string> = new Set([
  ROBOTS_URL, SITEMAP_URL, ATOM_FEED_URL, JSON_FEED_URL, NOT_FOUND_URL, LLMS_TXT_URL, LLMS_FULL_TXT_URL, CODE_STYLESHEET_URL,
]);
/** Linked only by pages with math (src/markdown/math.ts); copied from the katex package. */
export const KATEX_STYLESHEET_URL = "/assets/vendor/katex/katex.min.css";
/** Loaded only by pages with a Mermaid diagram; it imports /assets/vendor/mermaid/ when one nears the viewport. */
/** Responsive image variants (src/images) are written under this folder. */
export const RESPONSIVE_IMAGES_URL = "/assets/responsive/";
export const MERMAID_LOADER_URL = "/assets/js/mermaid-loader.js";
/**
 * The stylesheet and scripts opsnote's layouts load from `assets/` (shipped with the project, not the
 * blogger's). An old theme's file at one of these URLs (Minima forks' `assets/js/search.js`) served the
 * old layouts only: the import leaves it out rather than stopping on the clash.
 */
export const OPSNOTE_ASSET_URLS: ReadonlySet<string> = new Set([
  STYLESHEET_URL, "/assets/js/theme-init.js", "/assets/js/site.js", "/assets/js/post-tools.js", MERMAID_LOADER_URL,
  "/assets/js/search.js", "/assets/js/korean-query.js", "/assets/js/korean-analysis.js",
]);

export function tagUrl(term: Pick<Term, "slug">): string {
  return `${TAGS_URL}${term.slug}/`;
}

export function categoryUrl(term: Pick<Term, "slug">): string {
  return `${CATEGORIES_URL}${term.slug}/`;
}

/** Atom feed of one term's list page, e.g. `/tags/helm/feed.xml`. */
export function termFeedUrl(termPageUrl: string): string {
  return `${termPageUrl}feed.xml`;
}

/** Page `n` (1-based) of a list that starts at `firstUrl`: `/` -> `/page/2/`, `/tags/helm/` -> `/tags/helm/page/2/`. */
export function pagedUrl(firstUrl: string, pageNumber: number): string {
  return pageNumber <= 1 ? firstUrl : `${firstUrl}page/${pageNumber}/`;
}

/** Root-relative URL -> path under the site's prefix: `/tags/` -> `/blog/tags/`. */
export function prefixedPath(site: Pick<SiteSettings, "pathPrefix">, rootRelative: string): string {
  return `${site.pathPrefix.replace(/\/$/, "")}${rootRelative.startsWith("/") ? rootRelative : `/${rootRelative}`}`;
}

/**
 * Root-relative URL -> absolute URL with the prefix, percent-encoded as URL does (Hangul slugs
 * included), so feed readers and crawlers get one canonical spelling.
 */
export function absoluteUrl(site: Pick<SiteSettings, "url" | "pathPrefix">, rootRelative: string): string {
  return new URL(prefixedPath(site, rootRelative), `${site.url}/`).href;
}
