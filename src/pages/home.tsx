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
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

export function HomePage({ page }: { page: ListPage<Post> }) {
  const first = page.pageNumber === 1;
  return (
    <Base
      title={first ? undefined : strings.pageTitle(strings.recentPosts, page.pageNumber)}
      url={page.url}
      seo={first ? { jsonLd: buildWebSite(site) } : undefined}
    >
      <h1 class="page-title">{site.title}</h1>
      {first ? <p class="page-lead">{site.description}</p> : null}
      <h2 class="section-title">{strings.pageTitle(strings.recentPosts, page.pageNumber)}</h2>
      <PostList posts={page.items} />
      <Pagination page={page} />
    </Base>
  );
}

export const homePage: VirtualTemplate = {
  data: {
    ...GENERATED_PAGE,
    pagination: { data: "collections.homePages", size: 1, alias: "listPage", addAllPagesToCollections: false },
    permalink: (data: { listPage: ListPage<Post> }) => data.listPage.url,
  },
  render: (data) => renderDocument(<HomePage page={data.listPage as ListPage<Post>} />),
};
