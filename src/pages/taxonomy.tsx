/**
 * Tag and category pages: an index of every term with its post count, and one paginated list
 * per term (`/tags/helm/`, `/tags/helm/page/2/`) with its own Atom feed.
 */
import type { TermGroup } from "../collections/taxonomy.ts";
import type { TermListPage } from "../collections/site-plan.ts";
import { Base } from "../layouts/base.tsx";
import { postImageSrc } from "../seo/post-image.ts";
import { creditsForFiles } from "../credits.ts";
import { renderDocument } from "../layouts/render.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { CATEGORIES_URL, TAGS_URL, categoryUrl, tagUrl } from "../urls/site-urls.ts";
import { Pagination, PostList } from "./post-list.tsx";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

/** Cloud steps 1–5: a term's size grows with the log of its count, so one big tag does not flatten the rest. */
export function cloudStep(count: number, max: number): number {
  if (max <= 1) return 1;
  return 1 + Math.round((4 * Math.log(count)) / Math.log(max));
}

/** Terms as a cloud (tags) or a grid of boxes (categories), each with its post count. */
export function TermCloud({ groups, href, kind, limit }: {
  groups: readonly TermGroup[]; href: (t: TermGroup) => string; kind: "cloud" | "grid"; limit?: number;
}) {
  const max = Math.max(1, ...groups.map((group) => group.posts.length));
  return (
    <ul class={`term-index term-index--${kind}`}>
      {groups.slice(0, limit).map((group) => (
        <li key={group.slug} class={kind === "cloud" ? `cloud-${cloudStep(group.posts.length, max)}` : undefined}>
          <a class="term" href={href(group)}>{group.name}</a> <span class="term-index__count">{strings.postCount(group.posts.length)}</span>
        </li>
      ))}
    </ul>
  );
}

function TermIndex({ title, url, groups, href, kind }: {
  title: string; url: string; groups: readonly TermGroup[]; href: (t: TermGroup) => string; kind: "cloud" | "grid";
}) {
  return (
    <Base title={title} url={url}>
      <h1 class="page-title">{title}</h1>
      {groups.length === 0 ? <p class="empty">{strings.noPosts}</p> : (
        <>
          <p class="page-lead">{strings.termIndexLead(groups.length)}</p>
          <TermCloud groups={groups} href={href} kind={kind} />
        </>
      )}
    </Base>
  );
}

/** The heading of a term page: "태그: Kubernetes". */
export function termHeading(page: Pick<TermListPage, "kind" | "term">): string {
  return page.kind === "tags" ? strings.tagHeading(page.term.name) : strings.categoryHeading(page.term.name);
}

export function TermPage({ page }: { page: TermListPage }) {
  const heading = termHeading(page);
  return (
    <Base
      title={strings.pageTitle(heading, page.pageNumber)}
      description={`${heading} · ${strings.postCount(page.term.posts.length)}`}
      url={page.url}
      seo={{ feed: { url: page.feedUrl, title: strings.termFeedTitle(site.title, heading) } }}
      credits={creditsForFiles(site.credits, page.items.map(postImageSrc))}
    >
      <h1 class="page-title">{heading}</h1>
      <p class="page-lead">
        {strings.postCount(page.term.posts.length)} · <a href={page.feedUrl}>{strings.termFeed(heading)}</a>
      </p>
      <PostList posts={page.items} />
      <Pagination page={page} />
    </Base>
  );
}

export const tagIndexPage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: TAGS_URL },
  render: (data) => renderDocument(<TermIndex title={strings.allTags} url={TAGS_URL} groups={data.collections.tagList ?? []} href={tagUrl} kind="cloud" />),
};

export const categoryIndexPage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: CATEGORIES_URL },
  render: (data) =>
    renderDocument(<TermIndex title={strings.allCategories} url={CATEGORIES_URL} groups={data.collections.categoryList ?? []} href={categoryUrl} kind="grid" />),
};

function termPageTemplate(collection: "tagPages" | "categoryPages"): VirtualTemplate {
  return {
    data: {
      ...GENERATED_PAGE,
      pagination: {
        data: `collections.${collection}`, size: 1, alias: "listPage", addAllPagesToCollections: false,
        // A term whose URL holds a page of the blogger's has that page instead (site-plan.ts).
        before: (pages: TermListPage[]) => pages.filter((page) => page.replacedBy === undefined),
      },
      permalink: (data: { listPage: TermListPage }) => data.listPage.url,
    },
    render: (data) => renderDocument(<TermPage page={data.listPage as TermListPage} />),
  };
}

export const tagPage = termPageTemplate("tagPages");
export const categoryPage = termPageTemplate("categoryPages");
