/**
 * Eleventy adapter for search engines: `/sitemap.xml` from the site plan and `/robots.txt`.
 * (Canonical links, cards and JSON-LD are rendered in every page's head: see seo-head.tsx.)
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import type { PageData } from "../layouts/page-data.ts";
import { GENERATED_PAGE } from "../pages/virtual-template.ts";
import { ROBOTS_URL, SITEMAP_URL } from "../urls/site-urls.ts";
import { buildRobotsTxt, buildSitemap } from "./sitemap.ts";

export interface SeoPluginOptions {
  site: SiteSettings;
}

export function seoPlugin(eleventyConfig: UserConfig, { site }: SeoPluginOptions): void {
  eleventyConfig.addTemplate("_opsnote/seo/sitemap.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: SITEMAP_URL },
    render: (data: PageData) => buildSitemap(data.collections.sitePages ?? [], site),
  });
  eleventyConfig.addTemplate("_opsnote/seo/robots.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: ROBOTS_URL },
    render: () => buildRobotsTxt(site),
  });
}
