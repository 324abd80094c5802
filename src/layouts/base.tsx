import type { ComponentChildren } from "preact";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { credits } from "../credits.ts";
import { ClientStrings, HeaderTools, ReaderScripts, SearchDialog } from "./reader-tools.tsx";

export interface BaseProps {
  title?: string;
  description?: string;
  children: ComponentChildren;
}

/** The HTML shell of every page: head, skip link, site header, main, footer with credits. */
export function Base({ title, description, children }: BaseProps) {
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? site.description} />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href="/assets/css/opsnote.css" />
        <ReaderScripts />
      </head>
      <body>
        <a class="skip-link" href="#main">{strings.skipToContent}</a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-title" href="/">{site.title}</a>
            <nav class="site-nav" aria-label={strings.siteNavigation}>
              <a href="/">{strings.home}</a>
              <a href="/categories/">{strings.categories}</a>
              <a href="/tags/">{strings.tags}</a>
              <a href="/about/">{strings.about}</a>
            </nav>
            <HeaderTools />
          </div>
        </header>
        <main id="main" tabindex={-1}>{children}</main>
        <footer class="site-footer">
          <p>© {site.author.name}</p>
          <p class="credits">
            {strings.credits}:{" "}
            {credits.map((credit) => (
              <span key={credit.work}>
                {credit.work} © {credit.author}, <a href={credit.source.url}>{credit.source.label}</a>,{" "}
                <a href={credit.license.url} rel="license">{credit.license.label}</a>
              </span>
            ))}
          </p>
        </footer>
        <SearchDialog />
        <ClientStrings />
      </body>
    </html>
  );
}
