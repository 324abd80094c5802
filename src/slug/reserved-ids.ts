/**
 * Element ids the layouts put on every post page (src/layouts). A heading in a post must never get
 * one of them: `## main` would give a second `id="main"`, and the skip link, the TOC's label or the
 * search dialog would point at the heading. The slugger hands these out as taken, so `## main` is
 * `main-1`. tests/slug/reserved-ids.test.ts compares this list with the ids of a rendered page.
 */
export const LAYOUT_IDS: readonly string[] = [
  "main", "toc-title", "search-dialog", "search-input", "opsnote-ui",
  "search-results", "search-filter-tags", "search-filter-categories", "search-suggestions-title",
];
