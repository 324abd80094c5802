/**
 * sitemap.xml (sitemaps.org 0.9) and robots.txt. The sitemap lists the public HTML pages of the
 * site plan with absolute URLs and `lastmod`, written with xmlbuilder2 (every value escaped).
 */
import { create } from "xmlbuilder2";
import { xmlText } from "../feeds/xml-text.ts";
import type { PlannedPage } from "../collections/site-plan.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl, SITEMAP_URL } from "../urls/site-urls.ts";

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function buildSitemap(pages: readonly PlannedPage[], site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  const doc = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const urlset = doc.ele(SITEMAP_NAMESPACE, "urlset");
  for (const page of pages) {
    if (!page.inSitemap) continue;
    const url = urlset.ele("url");
    url.ele("loc").txt(xmlText(absoluteUrl(site, page.url)));
    // W3C datetime; the instant in UTC is enough for a crawler.
    if (page.lastModified) url.ele("lastmod").txt(page.lastModified.toISOString().replace(/\.\d{3}Z$/, "Z"));
  }
  return doc.end({ prettyPrint: true });
}

/**
 * Every crawler may read everything; the sitemap's absolute URL tells them where the list is. Under
 * a path prefix the file lands at `/blog/robots.txt`, where crawlers never look (they read only
 * the host's `/robots.txt`): the file says so, for whoever copies its lines there.
 */
export function buildRobotsTxt(site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  const note = robotsTxtNote(site);
  const header = note === undefined ? "" : `# ${note}\n`;
  return `${header}User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, SITEMAP_URL)}\n`;
}

/** One line for the build's output when the site's robots.txt is not where crawlers read it. */
export function robotsTxtNote(site: Pick<SiteSettings, "url" | "pathPrefix">): string | undefined {
  if (site.pathPrefix === "/" || site.pathPrefix === "") return undefined;
  const root = new URL("/robots.txt", `${site.url}/`).href;
  return `robots.txt is written at ${absoluteUrl(site, "/robots.txt")}, but crawlers read only ${root}: copy its Sitemap line there`;
}
