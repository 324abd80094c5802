import type { ComponentChildren } from "preact";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import type { Credit } from "../credits.ts";
import { SeoHead, type SeoHeadProps } from "../seo/seo-head.tsx";
import { truncateText } from "../content/excerpt.ts";
import {
  ABOUT_URL, ARCHIVE_URL, ATOM_FEED_URL, CATEGORIES_URL, CODE_STYLESHEET_URL, HOME_URL, STYLESHEET_URL, TAGS_URL,
  KATEX_STYLESHEET_URL, MERMAID_LOADER_URL,
} from "../urls/site-urls.ts";
import type { PageFeatures } from "../markdown/page-features.ts";
import { ClientStrings, HeaderTools, ReaderScripts, SearchDialog } from "./reader-tools.tsx";

export interface BaseProps {
  title?: string;
  description?: string;
  /** Root-relative URL of the page (without the path prefix): canonical link and cards. */
  url: string;
  /** Cards, JSON-LD, feeds and robots settings of this page. */
  seo?: Omit<Partial<SeoHeadProps>, "site" | "url" | "title" | "description">;
  children: ComponentChildren;
  /** Math: the KaTeX stylesheet is linked; a diagram: the Mermaid loader is loaded. Other pages get neither. */
  features?: PageFeatures;
  /** Credits of the third-party images this page shows (src/credits.ts); none by default. */
  credits?: readonly Credit[];
}

/** The HTML shell of every page: head, skip link, site header, main, footer with the page's credits. */
export function Base({ title, description, url, seo, children, features, credits = [] }: BaseProps) {
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  const summary = truncateText(description || site.description);
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={summary} />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={STYLESHEET_URL} />
        <link rel="stylesheet" href={CODE_STYLESHEET_URL} />
        {features?.math ? <link rel="stylesheet" href={KATEX_STYLESHEET_URL} /> : null}
        <SeoHead site={site} url={url} title={fullTitle} description={summary} {...seo} />
        <ReaderScripts />
        {features?.mermaid ? <script type="module" src={MERMAID_LOADER_URL}></script> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">{strings.skipToContent}</a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-title" href={HOME_URL}>{site.title}</a>
            <nav class="site-nav" aria-label={strings.siteNavigation}>
              <a href={HOME_URL}>{strings.home}</a>
              <a href={ARCHIVE_URL}>{strings.archive}</a>
              <a href={CATEGORIES_URL}>{strings.categories}</a>
              <a href={TAGS_URL}>{strings.tags}</a>
              <a href={ABOUT_URL}>{strings.about}</a>
            </nav>
            <HeaderTools />
          </div>
        </header>
        <main id="main" tabindex={-1}>{children}</main>
        <footer class="site-footer">
          <p>© {site.author.name} · <a href={ATOM_FEED_URL}>{strings.atomFeed}</a></p>
          {credits.length > 0 ? (
            <p class="credits">
              {strings.credits}:{" "}
              {credits.map((credit) => (
                <span key={credit.work}>
                  {credit.work} © {credit.author}, <a href={credit.source.url}>{credit.source.label}</a>,{" "}
                  <a href={credit.license.url} rel="license">{credit.license.label}</a>
                </span>
              ))}
            </p>
          ) : null}
        </footer>
        <SearchDialog />
        <ClientStrings />
      </body>
    </html>
  );
}
