import { isPublished } from "../content/publication.ts";
import type { Post } from "../content/post.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { strings } from "../ui/strings.ts";
import { Base } from "./base.tsx";
import { DateTime, StatusBadge, TermLinks, Toc, categoryUrl, tagUrl } from "./components.tsx";
import type { SeriesPosition } from "../collections/series.ts";
import { site } from "../site.ts";
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

/** "쿠버네티스 첫걸음 (2/3)" and every part in order; the current part is not a link. */
export function SeriesNav({ series: { series, part } }: { series: SeriesPosition }) {
  return (
    <nav class="series" aria-label={strings.seriesParts(series.name)}>
      <p class="series__title">
        <span class="series__label">{strings.series}</span> {strings.seriesPosition(series.name, part, series.posts.length)}
      </p>
      <ol class="series__list">
        {series.posts.map((member, index) => (
          <li key={member.url}>
            {index + 1 === part ? (
              <span aria-current="page">{member.title} <span class="series__current">({strings.currentPart})</span></span>
            ) : (
              <a href={member.url}>{member.title}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function PostPage({ post, content, toc, previous, next, series, image, features, related = [] }: PostPageProps) {
  const hasToc = toc !== undefined && toc.length > 0;
  const trail = breadcrumbTrail(post, strings.home);
  return (
    <Base
      title={post.title}
      description={post.excerpt}
      url={post.url}
      features={features}
      seo={{
        type: "article", image, jsonLd: [buildBlogPosting(post, site, image), buildBreadcrumbList(trail, site)],
        published: post.date.iso, modified: (post.updated ?? post.date).iso,
      }}
    >
      {/* post--with-toc: the stylesheet widens the article into a two-column grid with the TOC at the side. */}
      {/* Search indexes only the body of published posts (data-pagefind-body): not drafts or scheduled posts the preview shows, nor generated pages. */}
      <article class={hasToc ? "post post--with-toc" : "post"} data-pagefind-body={isPublished(post, new Date()) ? "" : undefined}>
        <header class="post__header">
          <Breadcrumbs trail={trail} />
          <TermLinks label={strings.categories} terms={post.categories} href={categoryUrl} className="term-list term-list--categories" />
          <h1 class="post__title" data-pagefind-meta="title">
            {post.title}
            <StatusBadge post={post} />
          </h1>
          <p class="post__meta">
            <span>{strings.published} <DateTime date={post.date} /></span>
            {post.updated ? (
              <span>{strings.updated} <DateTime date={post.updated} /></span>
            ) : null}
            <span>{strings.readingTime(post.readingMinutes)}</span>
          </p>
        </header>
        {series ? <SeriesNav series={series} /> : null}
        <div class={toc && toc.length > 0 ? "post__body post__body--with-toc" : "post__body"}>
          {toc && toc.length > 0 ? (
            <Toc entries={toc} label={post.toc.label} sticky={post.toc.sticky} icon={post.toc.icon} />
          ) : null}
          <div class="post__content" dangerouslySetInnerHTML={{ __html: content }} />
        </div>
        <footer class="post__footer">
          <TermLinks label={strings.tags} terms={post.tags} href={tagUrl} className="term-list" />
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
