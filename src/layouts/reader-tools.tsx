/**
 * The reader's tools in every page: search and theme buttons for the header, the search dialog,
 * and the scripts behind them. Everything here only adds to a page that is complete without
 * JavaScript; the stylesheet hides the buttons until `theme-init.js` marks the page `.js`.
 */
import { strings } from "../ui/strings.ts";
import { site } from "../site.ts";
import { serviceWorkerUrl } from "../offline/service-worker.ts";

/** In `<head>`: blocking, so the saved theme is set before the first paint; then the deferred module. */
export function ReaderScripts() {
  return (
    <>
      <script src="/assets/js/theme-init.js"></script>
      <script type="module" src="/assets/js/site.js"></script>
    </>
  );
}

const ICON = { width: 20, height: 20, viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" } as const;

/** The search button is named by aria-label too: on a phone its text is hidden (axe: button-name). */
export function HeaderTools() {
  return (
    <div class="site-tools">
      <button type="button" class="tool-button" data-search-open aria-haspopup="dialog" aria-controls="search-dialog" aria-keyshortcuts="/" aria-label={strings.search}>
        <svg {...ICON}><circle cx="11" cy="11" r="7" /><path d="m20 20-4-4" /></svg>
        <span class="tool-button__text">{strings.search}</span>
        <kbd class="tool-button__key" aria-hidden="true">{strings.searchShortcut}</kbd>
      </button>
      <button type="button" class="tool-button" data-theme-toggle aria-label={strings.themeToggle}>
        <svg {...ICON} class="theme-icon theme-icon--system"><circle cx="12" cy="12" r="8" /><path d="M12 4a8 8 0 0 1 0 16z" class="fill" /></svg>
        <svg {...ICON} class="theme-icon theme-icon--light"><circle cx="12" cy="12" r="4" /><path d="M12 2v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></svg>
        <svg {...ICON} class="theme-icon theme-icon--dark"><path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z" /></svg>
      </button>
    </div>
  );
}

/**
 * The search dialog, closed until the search button or `/` opens it; search.js fills it. The input
 * is a combobox over the results listbox (WAI-ARIA APG): focus stays in the input, the arrow keys
 * move `aria-activedescendant`. It is `type="text"`: HTML allows role=combobox on a text input, not on
 * `type="search"` (the Nu HTML Checker rejects it). The filters and tag suggestions stay hidden until the index loads.
 */
export function SearchDialog() {
  const ui = strings.client;
  return (
    <dialog class="search" id="search-dialog" aria-label={strings.search}>
      <div class="search__bar" role="search">
        <label class="visually-hidden" for="search-input">{strings.searchLabel}</label>
        <input
          id="search-input" class="search__input" type="text" enterkeyhint="search" autocomplete="off" spellcheck={false} placeholder={strings.searchPlaceholder}
          role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results"
          list={undefined /* preact's types ask for it with role="combobox"; a datalist is not what pops up here */}
        />
        <button type="button" class="search__close" data-search-close>{strings.close}</button>
      </div>
      <div class="search__filters" hidden>
        <label class="search__filter">
          <span>{ui.searchFilterTag}</span>
          <select id="search-filter-tags" data-filter="tags"><option value="">{ui.searchFilterAll}</option></select>
        </label>
        <label class="search__filter">
          <span>{ui.searchFilterCategory}</span>
          <select id="search-filter-categories" data-filter="categories"><option value="">{ui.searchFilterAll}</option></select>
        </label>
      </div>
      <p class="search__status" role="status" aria-live="polite"></p>
      <ul class="search__results" id="search-results" role="listbox" aria-label={ui.searchResultsLabel}></ul>
      <button type="button" class="search__more" hidden>{ui.searchMore}</button>
      <section class="search__suggestions" aria-labelledby="search-suggestions-title" hidden>
        <h2 class="search__suggestions-title" id="search-suggestions-title">{ui.searchSuggestTags}</h2>
        <ul class="search__tag-list"></ul>
      </section>
    </dialog>
  );
}

/**
 * The client's words as JSON in a data attribute (not a `<script>` data block: nothing that looks
 * like a script reaches the page besides the two files, which keeps CSP and injection checks simple),
 * and, in offline mode, the service worker site.js registers.
 */
export function ClientStrings() {
  return <div id="opsnote-ui" hidden data-strings={JSON.stringify(strings.client)} data-service-worker={serviceWorkerUrl(site)} />;
}
