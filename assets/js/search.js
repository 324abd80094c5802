// @ts-check
/**
 * The search dialog, loaded on first use. Pagefind's client (and its WASM) is imported from the
 * site's own `pagefind/` folder, relative to this file, so a path prefix needs no configuration.
 * Keyboard: ArrowDown/ArrowUp move between the input and the results, Enter opens, Escape closes.
 */
import { normalizeQuery, withoutStemMarks } from "./korean-query.js";

const MAX_RESULTS = 10;

/** @typedef {{ url: string, title: string, excerpt: string, locations?: number[] }} SubResult */
/** @typedef {{ url: string, excerpt: string, meta: { title?: string }, sub_results?: SubResult[] }} ResultData */

/** @type {Promise<any> | undefined} */
let pagefindPromise;

function loadPagefind() {
  pagefindPromise ??= import(new URL("../../pagefind/pagefind.js", import.meta.url).href).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  });
  return pagefindPromise;
}

/**
 * Copies Pagefind's excerpt into `target` keeping only text and <mark>: the excerpt is HTML, and
 * nothing else of it should reach the page.
 * @param {string} excerpt
 * @param {HTMLElement} target
 */
function appendExcerpt(excerpt, target) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
  for (const node of parsed.firstChild?.childNodes ?? []) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent ?? "");
    }
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

/** @type {{ dialog: HTMLDialogElement, input: HTMLInputElement, status: HTMLElement, list: HTMLOListElement } | undefined} */
let view;
let searchId = 0;

/** @param {Record<string, string>} ui */
function setUp(ui) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("search-dialog"));
  const input = /** @type {HTMLInputElement} */ (dialog.querySelector(".search__input"));
  const status = /** @type {HTMLElement} */ (dialog.querySelector(".search__status"));
  const list = /** @type {HTMLOListElement} */ (dialog.querySelector(".search__results"));
  const links = () => /** @type {HTMLAnchorElement[]} */ ([...list.querySelectorAll("a")]);

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void runSearch(ui), 120);
  });
  dialog.addEventListener("keydown", (event) => {
    const items = links();
    const active = document.activeElement;
    const index = items.findIndex((a) => a === active);
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      items[Math.min(items.length - 1, index + 1)]?.focus();
    } else if (event.key === "ArrowUp" && (index >= 0 || active !== input)) {
      event.preventDefault();
      if (index <= 0) input.focus();
      else items[index - 1]?.focus();
    } else if (event.key === "Enter" && active === input && items[0]) {
      event.preventDefault();
      items[0].click();
    }
  });
  dialog.querySelector("[data-search-close]")?.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) dialog.close();
  });
  return { dialog, input, status, list };
}

/** @param {Record<string, string>} ui */
async function runSearch(ui) {
  if (!view) return;
  const { dialog, input, status, list } = view;
  const id = ++searchId;
  const query = normalizeQuery(input.value);
  if (query === "") {
    list.replaceChildren();
    status.textContent = "";
    delete dialog.dataset.query;
    return;
  }
  let pagefind;
  try {
    pagefind = await loadPagefind();
  } catch {
    status.textContent = ui.searchFailed ?? "";
    return;
  }
  const search = await pagefind.search(query);
  const data = /** @type {ResultData[]} */ (await Promise.all(search.results.slice(0, MAX_RESULTS).map(async (/** @type {any} */ r) => withoutStemMarks(await r.data()))));
  if (id !== searchId) return; // a newer query is already running
  list.replaceChildren(
    ...data.map((result) => {
      const section = closestSection(result);
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.className = "search__result";
      link.href = section.url;
      const title = document.createElement("span");
      title.className = "search__title";
      title.textContent = result.meta.title ?? result.url;
      link.append(title);
      if (section.heading && section.heading !== result.meta.title) {
        const heading = document.createElement("span");
        heading.className = "search__heading";
        heading.textContent = section.heading;
        link.append(heading);
      }
      const excerpt = document.createElement("span");
      excerpt.className = "search__excerpt";
      appendExcerpt(section.excerpt, excerpt);
      link.append(excerpt);
      item.append(link);
      return item;
    }),
  );
  status.textContent = data.length === 0 ? (ui.searchNoResults ?? "") : (ui.searchResults ?? "{count}").replace("{count}", String(search.results.length));
  // Which query the shown results answer (the browser tests wait for it).
  dialog.dataset.query = input.value;
}

/** Opens the dialog with the cursor in the input; starts loading the index at once. @param {Record<string, string>} ui */
export function openSearch(ui) {
  view ??= setUp(ui);
  if (!view.dialog.open) view.dialog.showModal();
  view.input.focus();
  view.input.select();
  void loadPagefind().catch(() => undefined);
}
