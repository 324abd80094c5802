/**
 * `/about/`: what the blog is, who writes it, and the credits the bundled material asks for; the
 * default until the blogger writes an about page of their own (`posts/about.md` with `layout: page`).
 */
import { credits } from "../credits.ts";
import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../layouts/render.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { ABOUT_URL, ATOM_FEED_URL, JSON_FEED_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

export function AboutPage() {
  const links = [...(site.author.url ? [{ label: site.author.name, url: site.author.url }] : []), ...site.author.links];
  return (
    <Base title={strings.about} description={strings.aboutLead(site.title)} url={ABOUT_URL}>
      <h1 class="page-title">{strings.about}</h1>
      <p>{strings.aboutLead(site.title)}</p>
      <p>{site.description}</p>
      <h2>{strings.author}</h2>
      <p>{site.author.name}</p>
      {links.length > 0 ? (
        <ul class="author-links" aria-label={strings.links}>
          {links.map((link) => <li key={link.url}><a href={link.url} rel="me">{link.label}</a></li>)}
        </ul>
      ) : null}
      <h2>{strings.feeds}</h2>
      <ul>
        <li><a href={ATOM_FEED_URL}>{strings.atomFeed}</a></li>
        <li><a href={JSON_FEED_URL}>{strings.jsonFeed}</a></li>
      </ul>
      <h2>{strings.credits}</h2>
      <ul>
        {credits.map((credit) => (
          <li key={credit.work}>
            {credit.work}: © {credit.author}, <a href={credit.source.url}>{credit.source.label}</a>,{" "}
            <a href={credit.license.url} rel="license">{credit.license.label}</a>. {strings.creditUnchanged}
          </li>
        ))}
      </ul>
    </Base>
  );
}

/**
 * Written only while no standalone page (`layout: page` at `/about/`, see src/layouts/page.tsx) takes
 * its place: it pages over `collections.generatedAboutPage`, which is then empty.
 */
export const aboutPage: VirtualTemplate = {
  url: ABOUT_URL,
  data: {
    ...GENERATED_PAGE,
    pagination: { data: "collections.generatedAboutPage", size: 1, alias: "aboutUrl", addAllPagesToCollections: false },
    permalink: (data: { aboutUrl: string }) => data.aboutUrl,
  },
  render: () => renderDocument(<AboutPage />),
};
