/**
 * The series box and the table of contents of a post, as one sidebar: beside the text on a wide
 * screen, and two closed `<details>` rows above the text on a phone, so the first paragraph stays in
 * the first screen. Each is a `<details>` in the HTML; on a wide screen the stylesheet shows their
 * content whatever their state (`::details-content`) and turns the summary into a plain label.
 */
import type { SeriesPosition } from "../collections/series.ts";
import type { TocEntry } from "../markdown/toc.ts";
import type { Post } from "../content/post.ts";
import { strings } from "../ui/strings.ts";
import { Toc } from "./components.tsx";

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

export interface PostAsideProps {
  series?: SeriesPosition;
  toc?: readonly TocEntry[];
  /** The post's TOC settings (label, sticky, icon). */
  tocOptions: Post["toc"];
}

/** Whether a post has anything for the sidebar; the article is then laid out in two columns. */
export function hasPostAside({ series, toc }: Pick<PostAsideProps, "series" | "toc">): boolean {
  return series !== undefined || (toc !== undefined && toc.length > 0);
}

export function PostAside({ series, toc, tocOptions }: PostAsideProps) {
  if (!hasPostAside({ series, toc })) return null;
  const hasToc = toc !== undefined && toc.length > 0;
  return (
    <div class={tocOptions.sticky ? "post__aside post__aside--sticky" : "post__aside"} data-pagefind-ignore="all">
      {series ? (
        <details class="aside-box aside-box--series">
          <summary class="aside-box__summary">
            {strings.series}: {strings.seriesPosition(series.series.name, series.part, series.series.posts.length)}
          </summary>
          <SeriesNav series={series} />
        </details>
      ) : null}
      {hasToc ? (
        <details class="aside-box aside-box--toc">
          <summary class="aside-box__summary">{tocOptions.label}</summary>
          <Toc entries={toc} label={tocOptions.label} sticky={tocOptions.sticky} icon={tocOptions.icon} />
        </details>
      ) : null}
    </div>
  );
}
