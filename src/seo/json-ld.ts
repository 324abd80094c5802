/**
 * Structured data for search engines (schema.org `BlogPosting`, `WebSite`), and the one safe way
 * to put JSON inside an HTML `<script>`.
 */
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl, HOME_URL } from "../urls/site-urls.ts";

type JsonLdSite = Pick<SiteSettings, "url" | "pathPrefix" | "title" | "description" | "language" | "author">;

function personOf(site: JsonLdSite) {
  return {
    "@type": "Person",
    name: site.author.name,
    ...(site.author.url ? { url: site.author.url } : {}),
    ...(site.author.links.length > 0 ? { sameAs: site.author.links.map((link) => link.url) } : {}),
  };
}

/** `BlogPosting` for a post page; `image` is an absolute URL when the post has one. */
export function buildBlogPosting(post: Post, site: JsonLdSite, image?: string): Record<string, unknown> {
  const url = absoluteUrl(site, post.url);
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.description ?? post.excerpt,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: post.date.iso,
    dateModified: (post.updated ?? post.date).iso,
    inLanguage: site.language,
    author: personOf(site),
    publisher: personOf(site),
    ...(post.tags.length > 0 ? { keywords: post.tags.map((t) => t.name).join(", ") } : {}),
    ...(post.categories.length > 0 ? { articleSection: post.categories.map((c) => c.name) } : {}),
    ...(image ? { image } : {}),
  };
}

/** `WebSite` for the home page. */
export function buildWebSite(site: JsonLdSite): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.title,
    description: site.description,
    url: absoluteUrl(site, HOME_URL),
    inLanguage: site.language,
    author: personOf(site),
  };
}

/** `BreadcrumbList` for a trail of root-relative URLs (src/reader/breadcrumbs.ts); URLs become absolute, prefix included. */
export function buildBreadcrumbList(trail: readonly { name: string; url: string }[], site: Pick<SiteSettings, "url" | "pathPrefix">): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.url),
    })),
  };
}

/**
 * JSON for `<script type="application/ld+json">`. The HTML parser ends a script at the first
 * `</script` whatever JSON thinks, and `<!--` changes how it reads the rest, so `<`, `>` and `&`
 * are written as JSON escapes (same value for JSON readers); U+2028/U+2029 too, for old JS parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
