import { isPublished } from "../content/publication.ts";
import type { Post } from "../content/post.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { Base } from "./base.tsx";
import { site } from "../site.ts";
import { creditsUsedBy } from "../credits.ts";
import { StatusBadge } from "./components.tsx";
import { PostAside } from "./post-aside.tsx";
import type { PageFeatures } from "../markdown/page-features.ts";

export interface StandalonePageProps {
  /** The page (`kind: "page"`). */
  page: Post;
  /** Rendered, trusted HTML of the page body. */
  content: string;
  toc?: readonly TocEntry[];
  /** Whether the body has math or a diagram: the page then loads what renders them. */
  features?: PageFeatures;
}

/**
 * A standalone page (`layout: page`, e.g. an about page): its title and body, without the date,
 * terms, series and neighbours of a post. Search indexes it like a post.
 */
export function StandalonePage({ page, content, toc, features }: StandalonePageProps) {
  const hasToc = toc !== undefined && toc.length > 0;
  return (
    <Base title={page.title} description={page.description ?? page.excerpt} url={page.url} features={features} credits={creditsUsedBy(site.credits, content)}>
      <article class={hasToc ? "post post--page post--with-aside" : "post post--page"} data-pagefind-body={isPublished(page, new Date()) ? "" : undefined}>
        <header class="post__header">
          <h1 class="post__title" data-pagefind-meta="title">
            {page.title}
            <StatusBadge post={page} />
          </h1>
          {page.subtitle ? <p class="post__subtitle">{page.subtitle}</p> : null}
        </header>
        <PostAside toc={toc} tocOptions={page.toc} />
        <div class="post__content" dangerouslySetInnerHTML={{ __html: content }} />
      </article>
    </Base>
  );
}
