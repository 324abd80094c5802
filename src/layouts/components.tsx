import type { Post, Term } from "../content/post.ts";
import type { PostDate } from "../content/dates.ts";
import { formatDate } from "../content/dates.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { strings } from "../ui/strings.ts";
import { tagUrl } from "../urls/site-urls.ts";
import { postStatus } from "../content/publication.ts";
import { postImageSrc } from "../seo/post-image.ts";

/** "초안" or "예약" next to a post that is not public yet; only the preview ever shows such posts. */
export function StatusBadge({ post }: { post: Post }) {
  const status = postStatus(post, new Date());
  if (status === "published") return null;
  return <span class={`badge badge--${status}`}>{status === "draft" ? strings.draft : strings.scheduled}</span>;
}

/** `searchMeta`: the search index keeps the shown date (site time zone) under this key, for results. */
export function DateTime({ date, searchMeta }: { date: PostDate; searchMeta?: string }) {
  return <time datetime={date.iso} data-pagefind-meta={searchMeta}>{formatDate(date, strings.intlLocale)}</time>;
}

// URLs live in src/urls/site-urls.ts; re-exported for the layouts that import them from here.
export { tagUrl, categoryUrl } from "../urls/site-urls.ts";

/** `searchFilter`: the search index files the post under each term's name in this filter (tags, categories). */
export function TermLinks({ label, terms, href, className, searchFilter }: {
  label: string; terms: readonly Term[]; href: (t: Term) => string; className: string; searchFilter?: string;
}) {
  if (terms.length === 0) return null;
  return (
    <p class={className}>
      <span class="term-list__label">{label}</span>{" "}
      {terms.map((term) => (
        <a key={term.slug} class="term" href={href(term)} data-pagefind-filter={searchFilter}>{term.name}</a>
      ))}
    </p>
  );
}

function TocList({ entries }: { entries: readonly TocEntry[] }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 ? <TocList entries={entry.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The generated table of contents: plain links, readable without JavaScript. */
export function Toc({ entries, label, sticky, icon }: {
  entries: readonly TocEntry[]; label: string; sticky: boolean; icon?: string;
}) {
  if (entries.length === 0) return null;
  return (
    <nav class={sticky ? "toc toc--sticky" : "toc"} aria-labelledby="toc-title">
      <h2 class="toc__title" id="toc-title" data-icon={icon}>{label}</h2>
      <TocList entries={entries} />
    </nav>
  );
}

/** A post in a list: title, date, reading time, tags, and its image when it has one. */
export function PostSummary({ post }: { post: Post }) {
  const image = postImageSrc(post);
  return (
    <article class={image ? "post-summary post-summary--with-image" : "post-summary"}>
      {/* Decorative: the title beside it names the post. */}
      {image ? <img class="post-summary__image" src={image} alt="" loading="lazy" decoding="async" /> : null}
      <h2 class="post-summary__title">
        <a href={post.url}>{post.title}</a>
        {post.pin ? <span class="badge badge--pinned">{strings.pinned}</span> : null}
        <StatusBadge post={post} />
      </h2>
      <p class="post-summary__meta">
        <DateTime date={post.date} /> · {strings.readingTime(post.readingMinutes)}
      </p>
      {post.excerpt ? <p class="post-summary__excerpt">{post.excerpt}</p> : null}
      <TermLinks label={strings.tags} terms={post.tags} href={tagUrl} className="term-list" />
    </article>
  );
}
