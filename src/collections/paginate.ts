/**
 * Pagination math for every list (home, tag and category pages). Eleventy's own pagination cannot
 * nest (one page per term, then pages within a term), so lists are cut here into plain page
 * objects that one Eleventy pagination of size 1 then writes out.
 */
import { pagedUrl } from "../urls/site-urls.ts";

export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** Root-relative URL of this page. */
  url: string;
  /** Root-relative URL of the first page: the list's canonical address. */
  firstUrl: string;
  previousUrl?: string;
  nextUrl?: string;
}

/**
 * Cuts `items` into pages of `pageSize`. An empty list still has one (empty) page, so the home
 * page of a new blog exists and shows its empty state.
 * @example paginate([1, 2, 3], 2, "/").map((p) => p.url) // ["/", "/page/2/"]
 */
export function paginate<T>(items: readonly T[], pageSize: number, firstUrl: string): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a whole number >= 1, got ${pageSize}`);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    return {
      items: items.slice(index * pageSize, (index + 1) * pageSize),
      pageNumber,
      totalPages,
      url: pagedUrl(firstUrl, pageNumber),
      firstUrl,
      previousUrl: pageNumber > 1 ? pagedUrl(firstUrl, pageNumber - 1) : undefined,
      nextUrl: pageNumber < totalPages ? pagedUrl(firstUrl, pageNumber + 1) : undefined,
    };
  });
}
