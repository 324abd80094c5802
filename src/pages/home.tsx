/**
 * The home page and its following pages (`/page/2/`, …): pinned posts first, then newest first.
 */
import type { Post } from "../content/post.ts";
import type { ListPage } from "../collections/paginate.ts";
import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../layouts/render.ts";
import { buildWebSite } from "../seo/json-ld.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { Pagination, PostList } from "./post-list.tsx";
import { TermCloud } from "./taxonomy.tsx";
import type { TermGroup } from "../collections/taxonomy.ts";
import { postImageSrc } from "../seo/post-image.ts";
import { Profile } from "../layouts/profile.tsx";
import { creditsForFiles } from "../credits.ts";
import { TAGS_URL, tagUrl } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

/** Tags shown beside the home page's list; the rest are one link away. */
const HOME_TAG_COUNT = 20;

export function HomePage({ page, tags = [] }: { page: ListPage<Post>; tags?: readonly TermGroup[] }) {
  const first = page.pageNumber === 1;
  return (
    <Base
      title={first ? undefined : strings.pageTitle(strings.recentPosts, page.pageNumber)}
      url={page.url}
      seo={first ? { jsonLd: buildWebSite(site) } : undefined}
      credits={creditsForFiles(site.credits, page.items.map(postImageSrc))}
    >
      <div class={first ? "home home--first" : "home"}>
        <div class="home__intro">
          <h1 class="page-title">{site.title}</h1>
          {first ? <p class="page-lead">{site.description}</p> : null}
        </div>
        <div class="home__posts">
          <h2 class="section-title">{strings.pageTitle(strings.recentPosts, page.pageNumber)}</h2>
          <PostList posts={page.items} />
          <Pagination page={page} />
        </div>
        {first ? (
          <div class="home__side">
            <Profile author={site.author} />
            {tags.length > 0 ? (
              <section class="home__tags" aria-labelledby="home-tags">
                <h2 class="section-title" id="home-tags">{strings.tagCloud}</h2>
                <TermCloud groups={tags} href={tagUrl} kind="cloud" limit={HOME_TAG_COUNT} />
                {tags.length > HOME_TAG_COUNT ? <p><a href={TAGS_URL}>{strings.allTagsLink}</a></p> : null}
              </section>
            ) : null}
          </div>
        ) : null}
      </div>
    </Base>
  );
}

export const homePage: VirtualTemplate = {
  data: {
    ...GENERATED_PAGE,
    pagination: { data: "collections.homePages", size: 1, alias: "listPage", addAllPagesToCollections: false },
    permalink: (data: { listPage: ListPage<Post> }) => data.listPage.url,
  },
  render: (data) => renderDocument(<HomePage page={data.listPage as ListPage<Post>} tags={data.collections.tagList ?? []} />),
};
