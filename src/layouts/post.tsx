import type { Post } from "../content/post.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { strings } from "../ui/strings.ts";
import { Base } from "./base.tsx";
import { DateTime, StatusBadge, TermLinks, Toc, categoryUrl, tagUrl } from "./components.tsx";
import { isSameCalendarDay } from "../content/dates.ts";

export interface PostPageProps {
  post: Post;
  /** Rendered, trusted HTML of the post body. */
  content: string;
  toc?: readonly TocEntry[];
  previous?: Post;
  next?: Post;
}

export function PostPage({ post, content, toc, previous, next }: PostPageProps) {
  return (
    <Base title={post.title} description={post.excerpt}>
      <article class="post">
        <header class="post__header">
          <TermLinks label={strings.categories} terms={post.categories} href={categoryUrl} className="term-list term-list--categories" />
          <h1 class="post__title">
            {post.title}
            <StatusBadge post={post} />
          </h1>
          <p class="post__meta">
            <span>{strings.published} <DateTime date={post.date} /></span>
            {post.updated && !isSameCalendarDay(post.updated, post.date) ? (
              <span>{strings.updated} <DateTime date={post.updated} /></span>
            ) : null}
            <span>{strings.readingTime(post.readingMinutes)}</span>
          </p>
        </header>
        <div class={toc && toc.length > 0 ? "post__body post__body--with-toc" : "post__body"}>
          {toc && toc.length > 0 ? (
            <Toc entries={toc} label={post.toc.label} sticky={post.toc.sticky} icon={post.toc.icon} />
          ) : null}
          <div class="post__content" dangerouslySetInnerHTML={{ __html: content }} />
        </div>
        <footer class="post__footer">
          <TermLinks label={strings.tags} terms={post.tags} href={tagUrl} className="term-list" />
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
        </footer>
      </article>
    </Base>
  );
}
