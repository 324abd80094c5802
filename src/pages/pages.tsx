/**
 * The site's generated pages (everything that is not a post), as Eleventy virtual templates.
 * Each is a typed component plus the Eleventy data that places it.
 */
import type { TermGroup } from "../collections/taxonomy.ts";
import type { Post } from "../content/post.ts";
import { credits } from "../credits.ts";
import { Base } from "../layouts/base.tsx";
import { PostSummary, categoryUrl, tagUrl } from "../layouts/components.tsx";
import { postsOf, type PageData } from "../layouts/page-data.ts";
import { renderDocument } from "../layouts/render.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";

function PostList({ posts }: { posts: readonly Post[] }) {
  if (posts.length === 0) return <p class="empty">{strings.noPosts}</p>;
  return (
    <div class="post-list">
      {posts.map((post) => <PostSummary key={post.url} post={post} />)}
    </div>
  );
}

function TermIndex({ title, groups, href }: { title: string; groups: readonly TermGroup[]; href: (t: TermGroup) => string }) {
  return (
    <Base title={title}>
      <h1 class="page-title">{title}</h1>
      {groups.length === 0 ? <p class="empty">{strings.noPosts}</p> : (
        <ul class="term-index">
          {groups.map((group) => (
            <li key={group.slug}>
              <a class="term" href={href(group)}>{group.name}</a> <span class="term-index__count">{strings.postCount(group.posts.length)}</span>
            </li>
          ))}
        </ul>
      )}
    </Base>
  );
}

function TermPage({ heading, group }: { heading: string; group: TermGroup }) {
  return (
    <Base title={heading}>
      <h1 class="page-title">{heading}</h1>
      <PostList posts={group.posts} />
    </Base>
  );
}

/** An Eleventy 11ty.js template object: `data` places the page, `render` returns its HTML. */
export interface VirtualTemplate {
  data: Record<string, unknown>;
  render(data: PageData & Record<string, unknown>): string;
}

export const homePage: VirtualTemplate = {
  data: { permalink: "/", layout: false, eleventyExcludeFromCollections: true },
  render: (data) =>
    renderDocument(
      <Base>
        <h1 class="page-title">{site.title}</h1>
        <p class="page-lead">{site.description}</p>
        <h2 class="section-title">{strings.recentPosts}</h2>
        <PostList posts={postsOf(data)} />
      </Base>,
    ),
};

export const tagIndexPage: VirtualTemplate = {
  data: { permalink: "/tags/", layout: false, eleventyExcludeFromCollections: true },
  render: (data) => renderDocument(<TermIndex title={strings.allTags} groups={data.collections.tagList ?? []} href={tagUrl} />),
};

export const categoryIndexPage: VirtualTemplate = {
  data: { permalink: "/categories/", layout: false, eleventyExcludeFromCollections: true },
  render: (data) =>
    renderDocument(<TermIndex title={strings.allCategories} groups={data.collections.categoryList ?? []} href={categoryUrl} />),
};

export const tagPage: VirtualTemplate = {
  data: {
    pagination: { data: "collections.tagList", size: 1, alias: "group", addAllPagesToCollections: false },
    permalink: (data: { group: TermGroup }) => tagUrl(data.group),
    layout: false,
    eleventyExcludeFromCollections: true,
  },
  render: (data) => {
    const group = data.group as TermGroup;
    return renderDocument(<TermPage heading={strings.tagHeading(group.name)} group={group} />);
  },
};

export const categoryPage: VirtualTemplate = {
  data: {
    pagination: { data: "collections.categoryList", size: 1, alias: "group", addAllPagesToCollections: false },
    permalink: (data: { group: TermGroup }) => categoryUrl(data.group),
    layout: false,
    eleventyExcludeFromCollections: true,
  },
  render: (data) => {
    const group = data.group as TermGroup;
    return renderDocument(<TermPage heading={strings.categoryHeading(group.name)} group={group} />);
  },
};

export const aboutPage: VirtualTemplate = {
  data: { permalink: "/about/", layout: false, eleventyExcludeFromCollections: true },
  render: () =>
    renderDocument(
      <Base title={strings.about}>
        <h1 class="page-title">{strings.about}</h1>
        <p>{site.description}</p>
        <h2>{strings.credits}</h2>
        <ul>
          {credits.map((credit) => (
            <li key={credit.work}>
              {credit.work}: © {credit.author}, <a href={credit.source.url}>{credit.source.label}</a>,{" "}
              <a href={credit.license.url} rel="license">{credit.license.label}</a>. 원본에서 내용 변경 없음.
            </li>
          ))}
        </ul>
      </Base>,
    ),
};

/** Virtual path (relative to the posts folder) -> template. */
export const pages: Record<string, VirtualTemplate> = {
  "_opsnote/pages/home.11ty.js": homePage,
  "_opsnote/pages/tags.11ty.js": tagIndexPage,
  "_opsnote/pages/tag.11ty.js": tagPage,
  "_opsnote/pages/categories.11ty.js": categoryIndexPage,
  "_opsnote/pages/category.11ty.js": categoryPage,
  "_opsnote/pages/about.11ty.js": aboutPage,
};
