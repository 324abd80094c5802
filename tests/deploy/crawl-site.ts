/**
 * Crawls a site served over HTTP the way a visitor's browser would load it: every same-site page and
 * asset reachable through href/src/srcset from the start URLs, parsed with a real HTML parser.
 * Redirects are not followed: a link that needs one is a link worth fixing.
 */
import { DOMParser, parseHTML } from "linkedom";

export interface CrawledResponse {
  url: URL;
  status: number;
  contentType: string;
  headers: Headers;
  /** The text of an HTML page answered with 200. */
  body?: string;
  /** The page that first linked here (undefined for a start URL). */
  linkedFrom?: string;
}

export interface CrawlOptions {
  /** `http://127.0.0.1:PORT` the site is served on. */
  origin: string;
  /** Absolute local URLs to start from. */
  start: readonly string[];
  /** The site's published origin (`site.url`): absolute links to it are crawled locally. */
  siteUrl: string;
  /** Safety bound against a crawl that never ends. @default 2000 */
  maxUrls?: number;
  /** Per-request timeout. @default 5000 */
  timeoutMs?: number;
}

const LINK_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["link[href]", "href"],
  ["script[src]", "src"],
  ["img[src]", "src"],
  ["source[src]", "src"],
  ["video[src]", "src"],
  ["audio[src]", "src"],
  ["iframe[src]", "src"],
  ["video[poster]", "poster"],
];
const SRCSET_SELECTOR = "img[srcset], source[srcset]";

/** Every URL a page loads or links to, as written in the page. */
export function extractLinks(html: string): string[] {
  const { document } = parseHTML(html);
  const links: string[] = [];
  for (const [selector, attribute] of LINK_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) links.push(element.getAttribute(attribute) ?? "");
  }
  for (const element of document.querySelectorAll(SRCSET_SELECTOR)) {
    // "a.png 1x, b.png 2x": the URL is the first word of each candidate.
    for (const candidate of (element.getAttribute("srcset") ?? "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push(url);
    }
  }
  return links.filter((link) => link.trim() !== "");
}

/** The `<loc>` URLs of a sitemap. */
export function extractSitemapUrls(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return [...document.querySelectorAll("loc")].map((loc) => (loc.textContent ?? "").trim()).filter(Boolean);
}

/** Maps a link to the local server, or undefined when it leaves the site (other origin, mailto:, …). */
export function toLocalUrl(link: string, base: string, origin: string, siteUrl: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    return undefined;
  }
  const site = new URL(siteUrl);
  if (url.origin === site.origin) url = new URL(`${url.pathname}${url.search}`, origin);
  if (url.origin !== new URL(origin).origin) return undefined;
  url.hash = "";
  return url;
}

export async function crawlSite(options: CrawlOptions): Promise<CrawledResponse[]> {
  const { origin, siteUrl, maxUrls = 2000, timeoutMs = 5000 } = options;
  const queue: { url: URL; linkedFrom?: string }[] = options.start.map((start) => ({ url: new URL(start) }));
  const seen = new Set(queue.map(({ url }) => url.href));
  const results: CrawledResponse[] = [];
  while (queue.length > 0) {
    const { url, linkedFrom } = queue.shift()!;
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const contentType = response.headers.get("content-type") ?? "";
    const body = await response.text();
    const isPage = response.status === 200 && contentType.startsWith("text/html");
    results.push({ url, status: response.status, contentType, headers: response.headers, linkedFrom, body: isPage ? body : undefined });
    if (!isPage) continue;
    for (const link of extractLinks(body)) {
      const next = toLocalUrl(link, url.href, origin, siteUrl);
      if (!next || seen.has(next.href)) continue;
      if (seen.size >= maxUrls) throw new Error(`crawl stopped after ${maxUrls} URLs: is a page generating endless links?`);
      seen.add(next.href);
      queue.push({ url: next, linkedFrom: url.pathname });
    }
  }
  return results;
}
