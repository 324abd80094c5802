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

/** Every crawler may read everything; the sitemap's absolute URL tells them where the list is. */
export function buildRobotsTxt(site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, SITEMAP_URL)}\n`;
}
