import { isPublished } from "../content/publication.ts";
import type { Post } from "../content/post.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { strings } from "../ui/strings.ts";
import { Base } from "./base.tsx";
import { DateTime, StatusBadge, TermLinks, categoryUrl, tagUrl } from "./components.tsx";
import { PostAside, hasPostAside } from "./post-aside.tsx";
import type { SeriesPosition } from "../collections/series.ts";
import { site } from "../site.ts";
import { creditsUsedBy } from "../credits.ts";
import { buildBlogPosting, buildBreadcrumbList } from "../seo/json-ld.ts";
import { breadcrumbTrail } from "../reader/breadcrumbs.ts";
import { Breadcrumbs, PostByline, PostComments, RelatedPosts } from "./reader-features.tsx";
import type { PageFeatures } from "../markdown/page-features.ts";

export interface PostPageProps {
  post: Post;
  /** Rendered, trusted HTML of the post body. */
  content: string;
  toc?: readonly TocEntry[];
  previous?: Post;
  next?: Post;
  /** The series this post is part of. */
  series?: SeriesPosition;
  /** Absolute URL of the post's sharing image. */
  image?: string;
  /** Whether the body has math or a diagram: the page then loads what renders them. */
  features?: PageFeatures;
  /** Related posts (src/collections/related-posts.ts). */
  related?: readonly Post[];
}

export { SeriesNav } from "./post-aside.tsx";

export function PostPage({ post, content, toc, previous, next, series, image, features, related = [] }: PostPageProps) {
  const hasAside = hasPostAside({ series, toc });
  const trail = breadcrumbTrail(post, strings.home);
  return (
    <Base
      title={post.title}
      description={post.description ?? post.excerpt}
      url={post.url}
      features={features}
      credits={creditsUsedBy(site.credits, content)}
      seo={{
        type: "article", image, jsonLd: [buildBlogPosting(post, site, image), buildBreadcrumbList(trail, site)],
        published: post.date.iso, modified: (post.updated ?? post.date).iso,
      }}
    >
      {/* post--with-aside: on a wide screen the article is a grid, series and TOC in a sidebar (post-aside.tsx). */}
      {/* Search indexes only the body of published posts (data-pagefind-body): not drafts or scheduled posts the preview shows, nor generated pages. */}
      <article class={hasAside ? "post post--with-aside" : "post"} data-pagefind-body={isPublished(post, new Date()) ? "" : undefined}>
        <header class="post__header">
          <Breadcrumbs trail={trail} />
          <TermLinks label={strings.categories} terms={post.categories} href={categoryUrl} className="term-list term-list--categories" searchFilter="categories" />
          <h1 class="post__title" data-pagefind-meta="title">
            {post.title}
            <StatusBadge post={post} />
          </h1>
          {post.subtitle ? <p class="post__subtitle">{post.subtitle}</p> : null}
          <p class="post__meta">
            <span>{strings.published} <DateTime date={post.date} searchMeta="date" /></span>
            {post.updated ? (
              <span>{strings.updated} <DateTime date={post.updated} /></span>
            ) : null}
            <span>{strings.readingTime(post.readingMinutes)}</span>
          </p>
        </header>
        <PostAside series={series} toc={toc} tocOptions={post.toc} />
        <div class="post__content" dangerouslySetInnerHTML={{ __html: content }} />
        {/* Search results show the date and tags from the index's meta; the tag and category filters come from the term links. */}
        <footer class="post__footer" data-tags={post.tags.length > 0 ? post.tags.map((t) => t.name).join(", ") : undefined} data-pagefind-meta={post.tags.length > 0 ? "tags[data-tags]" : undefined}>
          <TermLinks label={strings.tags} terms={post.tags} href={tagUrl} className="term-list" searchFilter="tags" />
          <PostByline post={post} />
          {previous || next ? (
            <nav class="post-nav" aria-label={strings.postNavigation}>
              {previous ? (
                <a class="post-nav__link post-nav__link--previous" href={previous.url} rel="prev">
                  <span class="post-nav__label">{strings.previousPost}</span> {previous.title}
                </a>
              ) : null}
              {next ? (
                <a class="post-nav__link post-nav__link--next" href={next.url} rel="next">
                  <span class="post-nav__label">{strings.nextPost}</span> {next.title}
                </a>
              ) : null}
            </nav>
          ) : null}
          <RelatedPosts posts={related} />
          <PostComments post={post} />
        </footer>
      </article>
    </Base>
  );
}
