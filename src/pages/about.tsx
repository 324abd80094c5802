/**
 * `/about/` when the blogger has not written one: the author's profile and the blog's description
 * from the site settings, and its feeds. A page the blogger writes in markdown (`posts/about.md` with
 * `layout: page`, see src/layouts/page.tsx) replaces it, and this one is then not written at all.
 */
import { Base } from "../layouts/base.tsx";
import { Profile } from "../layouts/profile.tsx";
import { renderDocument } from "../layouts/render.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { ABOUT_URL, ATOM_FEED_URL, JSON_FEED_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

export function AboutPage() {
  return (
    <Base title={strings.about} description={site.description} url={ABOUT_URL}>
      <div class="about">
        <h1 class="page-title">{strings.about}</h1>
        {site.description ? <p class="page-lead">{site.description}</p> : null}
        <Profile author={site.author} />
        <h2 class="section-title">{strings.feeds}</h2>
        <ul class="link-list">
          <li><a href={ATOM_FEED_URL}>{strings.atomFeed}</a></li>
          <li><a href={JSON_FEED_URL}>{strings.jsonFeed}</a></li>
        </ul>
      </div>
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
