/**
 * `/404.html`, the page GitHub Pages, Netlify and most static hosts serve for a missing URL. It is
 * served at any depth, so every link on it is root-relative (the path prefix is added by
 * HtmlBasePlugin) and it links to the lists a lost reader can search from.
 */
import type { Post } from "../content/post.ts";
import { Base } from "../layouts/base.tsx";
import { DateTime } from "../layouts/components.tsx";
import { renderDocument } from "../layouts/render.ts";
import { postsOf } from "../layouts/page-data.ts";
import { strings } from "../ui/strings.ts";
import { ARCHIVE_URL, CATEGORIES_URL, HOME_URL, NOT_FOUND_URL, TAGS_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

/** Recent posts shown on the 404 page. */
const RECENT_POST_COUNT = 5;

/**
 * The search box opens the site's search dialog with what was typed (site.js); search runs in the
 * browser, so without JavaScript the box is hidden and the lists below remain.
 */
export function NotFoundPage({ recent }: { recent: readonly Post[] }) {
  return (
    <Base title={strings.notFoundTitle} url={NOT_FOUND_URL} seo={{ noindex: true }}>
      <div class="not-found">
        <p class="not-found__code" aria-hidden="true">404</p>
        <h1 class="page-title">{strings.notFoundTitle}</h1>
        <p class="page-lead">{strings.notFoundBody}</p>
        <form class="search-form" role="search" data-search-form>
          <label for="not-found-query">{strings.notFoundSearch}</label>
          <div class="search-form__row">
            <input id="not-found-query" class="search__input" type="search" name="q" autocomplete="off" placeholder={strings.searchPlaceholder} />
            <button type="submit" class="tool-button">{strings.search}</button>
          </div>
        </form>
        <h2 class="section-title">{strings.notFoundBrowse}</h2>
        <ul class="link-list">
          <li><a href={HOME_URL}>{strings.home}</a></li>
          <li><a href={ARCHIVE_URL}>{strings.archive}</a></li>
          <li><a href={CATEGORIES_URL}>{strings.allCategories}</a></li>
          <li><a href={TAGS_URL}>{strings.allTags}</a></li>
        </ul>
        {recent.length > 0 ? (
          <>
            <h2 class="section-title">{strings.recentPosts}</h2>
            <ul class="archive-list">
              {recent.map((post) => (
                <li key={post.url}><DateTime date={post.date} /> <a href={post.url}>{post.title}</a></li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Base>
  );
}

export const notFoundPage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: NOT_FOUND_URL },
  render: (data) => renderDocument(<NotFoundPage recent={postsOf(data).slice(0, RECENT_POST_COUNT)} />),
};
