/**
 * `/archive/`: every post by year, newest first.
 */
import type { ArchiveYear } from "../collections/archive.ts";
import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../layouts/render.ts";
import { strings } from "../ui/strings.ts";
import { ARCHIVE_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

/**
 * Each year once, as the heading of its posts; a post shows only its month and day (the year is
 * the heading's). Months are not headings of their own: a blog of a few posts a month would get
 * a heading a line.
 */
export function ArchivePage({ years }: { years: readonly ArchiveYear[] }) {
  const total = years.reduce((sum, year) => sum + year.count, 0);
  return (
    <Base title={strings.archive} url={ARCHIVE_URL}>
      <h1 class="page-title">{strings.archive}</h1>
      {total === 0 ? <p class="empty">{strings.noPosts}</p> : <p class="page-lead">{strings.archiveLead(total)}</p>}
      {years.map((year) => (
        <section class="archive-year" key={year.year} aria-labelledby={`archive-${year.year}`}>
          <h2 class="archive-year__title" id={`archive-${year.year}`}>
            {strings.archiveYear(year.year)} <span class="archive-year__count">{strings.postCount(year.count)}</span>
          </h2>
          <ol class="archive-list">
            {year.months.flatMap((month) => month.posts).map((post) => (
              <li key={post.url}>
                <time datetime={post.date.iso}>{strings.archiveDay(post.date.wall.month, post.date.wall.day)}</time>
                <a href={post.url}>{post.title}</a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Base>
  );
}

export const archivePage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: ARCHIVE_URL },
  render: (data) => renderDocument(<ArchivePage years={data.collections.archive ?? []} />),
};
