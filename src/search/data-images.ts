/**
 * Keeps `data:` images out of the search index. Pagefind takes the first image of an indexed page
 * as the result's `image`, whatever its size, and stores it in the page's fragment: one pasted
 * 10 MB screenshot became a 10 MB fragment. `data-pagefind-ignore` on the image does not stop that;
 * an explicit, empty `image` on the indexed element does (the search box shows no images anyway).
 */

const INDEXED_ELEMENT = /<[a-z][a-z0-9-]*\b(?:[^>"']|"[^"]*"|'[^']*')*?\sdata-pagefind-body(?=[\s=>])/i;
const DATA_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*["']?\s*data:/i;

/** `html` with `data-pagefind-meta="image:"` on its indexed element when that page has a `data:` image. */
export function keepDataImagesOutOfIndex(html: string): string {
  // The plain `includes` first: the regex scans every <img> of every page, which showed in profiles.
  if (!html.includes("data:") || !html.includes("data-pagefind-body") || !DATA_IMAGE.test(html)) return html;
  return html.replace(INDEXED_ELEMENT, (opening) => `${opening} data-pagefind-meta="image:"`);
}
