/**
 * The reader's tools in every page: search and theme buttons for the header, the search dialog,
 * and the scripts behind them. Everything here only adds to a page that is complete without
 * JavaScript; the stylesheet hides the buttons until `theme-init.js` marks the page `.js`.
 */
import { strings } from "../ui/strings.ts";

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
      <button type="button" class="tool-button" data-search-open aria-label={strings.search} aria-haspopup="dialog" aria-controls="search-dialog" aria-keyshortcuts="/">
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

/** The search dialog, closed until the search button or `/` opens it (search.js fills it). */
export function SearchDialog() {
  return (
    <dialog class="search" id="search-dialog" aria-label={strings.search}>
      <div class="search__bar" role="search">
        <label class="visually-hidden" for="search-input">{strings.searchLabel}</label>
        <input id="search-input" class="search__input" type="search" autocomplete="off" spellcheck={false} placeholder={strings.searchPlaceholder} />
        <button type="button" class="search__close" data-search-close>{strings.close}</button>
      </div>
      <p class="search__status" role="status" aria-live="polite"></p>
      <ol class="search__results"></ol>
    </dialog>
  );
}

/**
 * The client's words as JSON in a data attribute (not a `<script>` data block: nothing that looks
 * like a script reaches the page besides the two files, which keeps CSP and injection checks simple).
 */
export function ClientStrings() {
  return <div id="opsnote-ui" hidden data-strings={JSON.stringify(strings.client)} />;
}
