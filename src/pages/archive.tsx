/**
 * `/archive/`: every post by year and month, newest first.
 */
import type { ArchiveYear } from "../collections/archive.ts";
import { DateTime } from "../layouts/components.tsx";
import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../layouts/render.ts";
import { strings } from "../ui/strings.ts";
import { ARCHIVE_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

export function ArchivePage({ years }: { years: readonly ArchiveYear[] }) {
  const total = years.reduce((sum, year) => sum + year.count, 0);
  return (
    <Base title={strings.archive} url={ARCHIVE_URL}>
      <h1 class="page-title">{strings.archive}</h1>
      {total === 0 ? <p class="empty">{strings.noPosts}</p> : <p class="page-lead">{strings.archiveLead(total)}</p>}
      {years.map((year) => (
        <section class="archive-year" key={year.year} aria-labelledby={`archive-${year.year}`}>
          <h2 id={`archive-${year.year}`}>
            {strings.archiveYear(year.year)} <span class="archive-year__count">{strings.postCount(year.count)}</span>
          </h2>
          {year.months.map((month) => (
            <section class="archive-month" key={month.month} aria-labelledby={`archive-${year.year}-${month.month}`}>
              <h3 id={`archive-${year.year}-${month.month}`}>{strings.archiveMonth(year.year, month.month)}</h3>
              <ul class="archive-list">
                {month.posts.map((post) => (
                  <li key={post.url}>
                    <DateTime date={post.date} /> <a href={post.url}>{post.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </Base>
  );
}

export const archivePage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: ARCHIVE_URL },
  render: (data) => renderDocument(<ArchivePage years={data.collections.archive ?? []} />),
};
