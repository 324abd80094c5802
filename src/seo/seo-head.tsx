/**
 * The `<head>` tags that search engines and link previews read: canonical URL, Open Graph,
 * Twitter card, JSON-LD, site verification, feed discovery. Absolute URLs throughout (with the
 * path prefix), since these are read outside the page.
 */
import type { SiteSettings } from "../site.ts";
import { absoluteUrl, ATOM_FEED_URL, FAVICON_URL, JSON_FEED_URL } from "../urls/site-urls.ts";
import { serializeJsonLd } from "./json-ld.ts";
import { strings } from "../ui/strings.ts";

export interface SeoHeadProps {
  site: SiteSettings;
  /** Root-relative URL of the page, without the prefix. */
  url: string;
  /** Full title, as in `<title>`. */
  title: string;
  description: string;
  /** @default "website" */
  type?: "website" | "article";
  /** Absolute image URL for cards. */
  image?: string;
  /** schema.org object(s), serialised safely. */
  jsonLd?: Record<string, unknown> | readonly Record<string, unknown>[];
  /** Extra feed of this page (a tag's or category's Atom feed), root-relative. */
  feed?: { url: string; title: string };
  /** Keep the page out of search results (the 404 page). @default false */
  noindex?: boolean;
  /** `article:published_time` / `article:modified_time` for posts. */
  published?: string;
  modified?: string;
}

const DEFAULT_REGIONS: Record<string, string> = { ko: "KR", en: "US", ja: "JP", zh: "CN", de: "DE", fr: "FR", es: "ES" };

/** og:locale for a BCP 47 tag: `ko` -> `ko_KR`, `en` -> `en_US`, `en-GB` -> `en_GB`; a bare tag without a known region stays as it is. */
export function ogLocaleOf(language: string): string {
  const [base = "", ...rest] = language.split("-");
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase() ?? DEFAULT_REGIONS[base.toLowerCase()];
  return region === undefined ? base.toLowerCase() : `${base.toLowerCase()}_${region}`;
}

export function SeoHead({ site, url, title, description, type = "website", image, jsonLd, feed, noindex = false, published, modified }: SeoHeadProps) {
  const canonical = absoluteUrl(site, url);
  return (
    <>
      {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
      {site.verification.google ? <meta name="google-site-verification" content={site.verification.google} /> : null}
      {site.verification.naver ? <meta name="naver-site-verification" content={site.verification.naver} /> : null}
      <link rel="icon" href={FAVICON_URL} type="image/svg+xml" />
      <link rel="alternate" type="application/atom+xml" href={ATOM_FEED_URL} title={strings.siteFeedTitle(site.title)} />
      <link rel="alternate" type="application/feed+json" href={JSON_FEED_URL} title={strings.siteFeedTitle(site.title)} />
      {feed ? <link rel="alternate" type="application/atom+xml" href={feed.url} title={feed.title} /> : null}
      <meta property="og:site_name" content={site.title} />
      <meta property="og:locale" content={site.locale ?? ogLocaleOf(site.language)} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      {image ? <meta property="og:image" content={image} /> : null}
      {published ? <meta property="article:published_time" content={published} /> : null}
      {modified ? <meta property="article:modified_time" content={modified} /> : null}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      {site.twitter ? <meta name="twitter:site" content={site.twitter} /> : null}
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {image ? <meta name="twitter:image" content={image} /> : null}
      {(jsonLd === undefined ? [] : Array.isArray(jsonLd) ? jsonLd : [jsonLd]).map((item, index) => (
        <script key={index} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }} />
      ))}
    </>
  );
}
