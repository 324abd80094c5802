// @ts-check
/**
 * The search dialog, loaded on first use. Pagefind's client (and its WASM) is imported from the
 * site's own `pagefind/` folder, relative to this file, and result URLs get the same root, so a
 * path prefix needs no configuration.
 *
 * Keyboard (WAI-ARIA APG combobox with a listbox popup): focus stays in the input; ArrowDown and
 * ArrowUp move the active result (`aria-activedescendant`), Enter opens it (or the first result),
 * Escape closes the dialog. Tab reaches the close button, the filters, "more" and the tag suggestions.
 * Every word shown comes from the page's client strings (src/ui/strings.ts `client`).
 */
import { loadVocabulary, normalizeQuery, preloadQuery, searchPosts, withoutStemMarks } from "./korean-query.js";

/** Results whose `data()` is loaded at once, and again per "more". */
export const PAGE_SIZE = 10;
/** The pause in typing after which the dialog searches (the index chunks are preloaded meanwhile). */
export const TYPING_PAUSE_MS = 120;
/** Tags offered when there is nothing to show: the most used first. */
export const SUGGESTED_TAGS = 8;
/** The filters the post layout writes (data-pagefind-filter), in the order of the dialog's selects. */
const FILTER_NAMES = /** @type {const} */ (["tags", "categories"]);

/** @typedef {{ url: string, title: string, excerpt: string, locations?: number[] }} SubResult */
/**
 * @typedef {{
 *   url: string, excerpt: string,
 *   meta: { title?: string, date?: string, tags?: string },
 *   filters?: Record<string, string[]>,
 *   sub_results?: SubResult[],
 * }} ResultData
 */
/** @typedef {{ id: string, score?: number, data(): Promise<ResultData> }} ResultHandle */
/** @typedef {Record<string, string[]>} Filters */

/** The site's root (with its path prefix): this file is `<root>assets/js/search.js`. */
const SITE_ROOT = new URL("../../", import.meta.url);

/** @type {Promise<any> | undefined} */
let pagefindPromise;

function loadPagefind() {
  pagefindPromise ??= import(new URL("pagefind/pagefind.js", SITE_ROOT).href).then(async (pagefind) => {
    // Pagefind's URLs are relative to the indexed folder; the site may live under a path prefix.
    await pagefind.options({ excerptLength: 24, baseUrl: SITE_ROOT.pathname });
    await pagefind.init();
    return pagefind;
  });
  return pagefindPromise;
}

/**
 * The one place a search runs: every query and filter of the dialog goes through here.
 * @param {any} pagefind the loaded Pagefind client
 * @param {string} query as typed
 * @param {Filters} filters e.g. `{ tags: ["helm"] }`
 * @returns {Promise<ResultHandle[]>} best first; `data()` loads a result's text
 */
export async function runSearch(pagefind, query, filters) {
  // A filter alone (a suggested tag) lists that filter's posts: Pagefind takes `null` for "any text".
  if (normalizeQuery(query) === "") {
    const { results } = await pagefind.search(null, { filters });
    // The index holds compound marks (a caret between two parts of a word, src/search); a result's text is shown without them.
    return results.map((/** @type {any} */ r) => ({ id: r.id, score: r.score, data: async () => withoutStemMarks(await r.data()) }));
  }
  // Korean stems, initial consonants, typos and synonyms: several Pagefind searches, merged.
  return searchPosts(pagefind, query, { filters });
}

/** @typedef {{ text: string, mark: boolean }} Segment */

/**
 * Pagefind's excerpt of a section starts with the section's heading (or the post's title), which
 * the result already shows on its own line: the excerpt without it, marked or not.
 * @param {Segment[]} segments the excerpt, as text and marked text
 * @param {string | undefined} lead the heading or title shown above it
 * @returns {Segment[]}
 * @example withoutLead([{ text: "Rollback. A release", mark: false }], "Rollback") // [{ text: "A release", mark: false }]
 */
export function withoutLead(segments, lead) {
  const text = segments.map((segment) => segment.text).join("");
  if (!lead || !text.startsWith(lead) || !/^(?:[\s.]|$)/u.test(text.slice(lead.length))) return segments;
  let skip = lead.length + (/^[\s.]*/u.exec(text.slice(lead.length))?.[0].length ?? 0);
  /** @type {Segment[]} */
  const kept = [];
  for (const segment of segments) {
    const cut = Math.min(skip, segment.text.length);
    skip -= cut;
    if (cut < segment.text.length) kept.push({ ...segment, text: segment.text.slice(cut) });
  }
  return kept;
}

/**
 * Copies Pagefind's excerpt into `target` keeping only text and <mark>: the excerpt is HTML, and
 * nothing else of it should reach the page. A leading `lead` (the heading shown above) is left out.
 * @param {string} excerpt
 * @param {HTMLElement} target
 * @param {string} [lead]
 */
function appendExcerpt(excerpt, target, lead) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
  const segments = [...(parsed.firstChild?.childNodes ?? [])].map((node) => ({ text: node.textContent ?? "", mark: node.nodeName === "MARK" }));
  for (const { text, mark } of withoutLead(segments, lead)) {
    if (!mark) {
      target.append(text);
      continue;
    }
    const node = document.createElement("mark");
    node.textContent = text;
    target.append(node);
  }
}

/**
 * The section of the post the match is in: the sub-result (the text under one heading, or the
 * text above the first heading) with the most matches; on a tie, the earlier one.
 * @param {ResultData} data
 * @returns {{ url: string, heading?: string, excerpt: string }}
 */
export function closestSection(data) {
  const best = (data.sub_results ?? []).reduce(
    (top, sub) => ((sub.locations?.length ?? 0) > (top?.locations?.length ?? 0) ? sub : top),
    /** @type {SubResult | undefined} */ (undefined),
  );
  if (!best) return { url: data.url, excerpt: data.excerpt };
  return { url: best.url, heading: best.url.includes("#") ? best.title : undefined, excerpt: best.excerpt };
}

/**
 * Terms of a filter, most used first, then by name.
 * @param {Record<string, number> | undefined} counts
 * @param {string} [locale] the page's language, for the order of names
 * @returns {[string, number][]}
 */
export function rankTerms(counts, locale) {
  const collator = new Intl.Collator(locale || undefined);
  return Object.entries(counts ?? {})
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b));
}

/**
 * @param {string | undefined} template
 * @param {Record<string, string | number>} values
 */
function fill(template, values) {
  return (template ?? "").replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One result as a listbox option: a link (so a click, a middle click and "open in new tab" work)
 * with role option, out of the Tab order: the keyboard reaches it through the input. Its name is
 * its whole text (title, heading, snippet, date, tags), as a screen reader should read it.
 * @param {ResultData} result
 * @param {number} index
 * @param {Record<string, string>} ui
 */
function renderOption(result, index, ui) {
  // A capital letter: no heading's id (lower-cased by the slugger) can be the same.
  const id = `searchOption-${index}`;
  const section = closestSection(result);
  const title = result.meta.title ?? result.url;
  const item = document.createElement("li");
  item.setAttribute("role", "none");
  const link = element("a", "search__result");
  link.id = id;
  link.href = section.url;
  link.tabIndex = -1;
  link.setAttribute("role", "option");
  link.setAttribute("aria-selected", "false");
  link.append(element("span", "search__title", title));
  if (section.heading && section.heading !== title) {
    link.append(element("span", "search__heading", section.heading));
  }
  const excerpt = element("span", "search__excerpt");
  appendExcerpt(section.excerpt, excerpt, section.heading ?? title);
  link.append(excerpt);
  const tags = result.filters?.tags ?? [];
  if (result.meta.date || tags.length > 0) {
    const meta = element("span", "search__meta");
    if (result.meta.date) meta.append(element("span", "search__date", result.meta.date));
    if (tags.length > 0) {
      const list = element("span", "search__tags");
      list.append(element("span", "visually-hidden", ui.searchTags ?? ""));
      for (const tag of tags) list.append(element("span", "search__tag", tag));
      meta.append(list);
    }
    link.append(meta);
  }
  item.append(link);
  return item;
}

/**
 * @typedef {{
 *   dialog: HTMLDialogElement, input: HTMLInputElement, status: HTMLElement, list: HTMLUListElement,
 *   more: HTMLButtonElement, filterBar: HTMLElement, selects: HTMLSelectElement[],
 *   suggestions: HTMLElement, tagList: HTMLUListElement,
 * }} View
 */

/** @type {View | undefined} */
let view;
/** What the dialog shows: every result of the last search, how many are rendered, the active one. */
let shown = { results: /** @type {ResultHandle[]} */ ([]), rendered: 0, active: -1 };
let searchId = 0;
/** @type {Promise<void> | undefined} */
let filtersLoaded;

/** @param {View} v */
function options(v) {
  return /** @type {HTMLAnchorElement[]} */ ([...v.list.querySelectorAll("[role=option]")]);
}

/** @param {View} v @param {number} index -1: none (the input itself) */
function setActive(v, index) {
  const items = options(v);
  shown.active = Math.max(-1, Math.min(items.length - 1, index));
  items.forEach((item, i) => item.setAttribute("aria-selected", String(i === shown.active)));
  const active = items[shown.active];
  if (active) {
    v.input.setAttribute("aria-activedescendant", active.id);
    active.scrollIntoView({ block: "nearest" });
  } else {
    v.input.removeAttribute("aria-activedescendant");
  }
}

/** @param {View} v @returns {Filters} */
function chosenFilters(v) {
  /** @type {Filters} */
  const filters = {};
  for (const select of v.selects) if (select.value !== "") filters[select.dataset.filter ?? ""] = [select.value];
  return filters;
}

/** @param {View} v @param {Record<string, string>} ui @param {string} text */
function showStatus(v, ui, text) {
  v.status.textContent = text;
  v.suggestions.hidden = !(text === "" || text === ui.searchNoResults) || v.tagList.childElementCount === 0;
}

/**
 * The filter selects and the tag suggestions, from the index's own counts (once per page).
 * @param {View} v @param {Record<string, string>} ui
 */
function loadFilters(v, ui) {
  filtersLoaded ??= loadPagefind().then(async (pagefind) => {
    /** @type {Record<string, Record<string, number>>} */
    const counts = await pagefind.filters();
    for (const select of v.selects) {
      const terms = rankTerms(counts[select.dataset.filter ?? ""], document.documentElement.lang);
      select.append(...terms.map(([name, count]) => new Option(fill(ui.searchFilterOption, { name, count }), name)));
      /** @type {HTMLElement} */ (select.closest("label")).hidden = terms.length === 0;
    }
    v.filterBar.hidden = v.selects.every((select) => select.options.length <= 1);
    v.tagList.replaceChildren(
      ...rankTerms(counts.tags, document.documentElement.lang).slice(0, SUGGESTED_TAGS).map(([name, count]) => {
        const item = document.createElement("li");
        const button = element("button", "search__tag-button", name);
        button.type = "button";
        button.dataset.tag = name;
        button.append(element("span", "search__tag-count", String(count)));
        item.append(button);
        return item;
      }),
    );
  });
  return filtersLoaded;
}

/** @param {Record<string, string>} ui */
function setUp(ui) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("search-dialog"));
  /** @type {View} */
  const v = {
    dialog,
    input: /** @type {HTMLInputElement} */ (dialog.querySelector(".search__input")),
    status: /** @type {HTMLElement} */ (dialog.querySelector(".search__status")),
    list: /** @type {HTMLUListElement} */ (dialog.querySelector(".search__results")),
    more: /** @type {HTMLButtonElement} */ (dialog.querySelector(".search__more")),
    filterBar: /** @type {HTMLElement} */ (dialog.querySelector(".search__filters")),
    selects: FILTER_NAMES.map((name) => /** @type {HTMLSelectElement} */ (dialog.querySelector(`select[data-filter="${name}"]`))),
    suggestions: /** @type {HTMLElement} */ (dialog.querySelector(".search__suggestions")),
    tagList: /** @type {HTMLUListElement} */ (dialog.querySelector(".search__tag-list")),
  };
  v.list.hidden = true;

  let timer = 0;
  v.input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(v, ui), TYPING_PAUSE_MS);
    const query = v.input.value;
    void loadPagefind().then((pagefind) => preloadQuery(pagefind, query)).catch(() => undefined);
  });
  for (const select of v.selects) select.addEventListener("change", () => void search(v, ui));
  v.input.addEventListener("keydown", (event) => {
    // The Enter or arrow that ends a Hangul syllable belongs to the input method, not to the list.
    if (event.isComposing || event.keyCode === 229) return;
    const items = options(v);
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      setActive(v, shown.active + 1);
    } else if (event.key === "ArrowUp" && items.length > 0) {
      event.preventDefault();
      setActive(v, shown.active - 1);
    } else if (event.key === "Enter" && v.dialog.dataset.query !== v.input.value) {
      // Typed faster than the search: answer this query first, then open its best result.
      event.preventDefault();
      clearTimeout(timer);
      void search(v, ui).then(() => {
        if (v.dialog.dataset.query === v.input.value) options(v)[0]?.click();
      });
    } else if (event.key === "Enter" && items.length > 0) {
      event.preventDefault();
      (items[shown.active] ?? items[0])?.click();
    }
  });
  v.more.addEventListener("click", () => void showMore(v, ui));
  v.tagList.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const tags = v.selects[0];
    if (!button?.dataset.tag || !tags) return;
    // A suggested tag lists that tag's posts: its name need not appear in their text.
    tags.value = button.dataset.tag;
    v.input.value = "";
    v.input.focus();
    void search(v, ui);
  });
  dialog.querySelector("[data-search-close]")?.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  v.list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) dialog.close();
  });
  return v;
}

/** @param {View} v @param {Record<string, string>} ui */
async function search(v, ui) {
  const id = ++searchId;
  const filters = chosenFilters(v);
  const query = v.input.value;
  let results = /** @type {ResultHandle[]} */ ([]);
  if (normalizeQuery(query) !== "" || Object.keys(filters).length > 0) {
    try {
      results = await runSearch(await loadPagefind(), query, filters);
    } catch {
      if (id === searchId) showStatus(v, ui, ui.searchFailed ?? "");
      return;
    }
  } else {
    await loadFilters(v, ui).catch(() => undefined);
  }
  if (id !== searchId) return; // a newer query is already running
  shown = { results, rendered: 0, active: -1 };
  v.list.replaceChildren();
  setActive(v, -1);
  await render(v, ui, id);
  if (id !== searchId) return;
  // Which query and filters the shown results answer (the browser tests wait for them).
  v.dialog.dataset.query = query;
  v.dialog.dataset.filters = Object.entries(filters).map(([name, values]) => `${name}:${values.join("|")}`).join(",");
}

/** Loads and renders the next page of results. @param {View} v @param {Record<string, string>} ui @param {number} id */
async function render(v, ui, id) {
  const { results, rendered } = shown;
  const data = await Promise.all(results.slice(rendered, rendered + PAGE_SIZE).map((result) => result.data()));
  if (id !== searchId) return;
  v.list.append(...data.map((result, i) => renderOption(result, rendered + i, ui)));
  shown.rendered = rendered + data.length;
  const any = shown.rendered > 0;
  v.list.hidden = !any;
  v.input.setAttribute("aria-expanded", String(any));
  v.more.hidden = shown.rendered >= results.length;
  const filtered = Object.keys(chosenFilters(v)).length > 0;
  if (normalizeQuery(v.input.value) === "" && !filtered) showStatus(v, ui, "");
  else if (!any) showStatus(v, ui, ui.searchNoResults ?? "");
  else if (v.more.hidden) showStatus(v, ui, fill(ui.searchResults, { count: results.length }));
  else showStatus(v, ui, fill(ui.searchShown, { count: results.length, shown: shown.rendered }));
}

/** "More": the next page, with the keyboard back in the input on the first new result. @param {View} v @param {Record<string, string>} ui */
async function showMore(v, ui) {
  const first = shown.rendered;
  await render(v, ui, searchId);
  v.input.focus();
  setActive(v, first);
}

/** Opens the dialog with the cursor in the input; starts loading the index at once. @param {Record<string, string>} ui */
export function openSearch(ui) {
  view ??= setUp(ui);
  const v = view;
  if (!v.dialog.open) v.dialog.showModal();
  v.input.focus();
  v.input.select();
  void loadVocabulary();
  void loadFilters(v, ui)
    .then(() => {
      if (v.list.hidden && v.status.textContent === "") showStatus(v, ui, "");
    })
    .catch(() => undefined);
}
