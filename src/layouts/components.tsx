import type { Post, Term } from "../content/post.ts";
import type { PostDate } from "../content/dates.ts";
import { formatDate } from "../content/dates.ts";
import type { TocEntry } from "../markdown/toc.ts";
import { strings } from "../ui/strings.ts";
import { tagUrl } from "../urls/site-urls.ts";
import { postStatus } from "../content/publication.ts";

/** "초안" or "예약" next to a post that is not public yet; only the preview ever shows such posts. */
export function StatusBadge({ post }: { post: Post }) {
  const status = postStatus(post, new Date());
  if (status === "published") return null;
  return <span class={`badge badge--${status}`}>{status === "draft" ? strings.draft : strings.scheduled}</span>;
}

export function DateTime({ date }: { date: PostDate }) {
  return <time datetime={date.iso}>{formatDate(date, strings.intlLocale)}</time>;
}

// URLs live in src/urls/site-urls.ts; re-exported for the layouts that import them from here.
export { tagUrl, categoryUrl } from "../urls/site-urls.ts";

export function TermLinks({ label, terms, href, className }: {
  label: string; terms: readonly Term[]; href: (t: Term) => string; className: string;
}) {
  if (terms.length === 0) return null;
  return (
    <p class={className}>
      <span class="term-list__label">{label}</span>{" "}
      {terms.map((term) => (
        <a key={term.slug} class="term" href={href(term)}>{term.name}</a>
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

/** A post in a list: title, date, reading time, tags. */
export function PostSummary({ post }: { post: Post }) {
  return (
    <article class="post-summary">
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
