import type { PageData } from "../layouts/page-data.ts";

/** An Eleventy 11ty.js template object: `data` places the page, `render` returns its output. */
export interface VirtualTemplate {
  /** The page's one URL when `data.permalink` is a function (a page that may not be written). */
  url?: string;
  data: Record<string, unknown>;
  render(data: PageData & Record<string, unknown>): string | Promise<string>;
}

/** Data every generated page shares: no layout (pages render whole documents), not a post. */
export const GENERATED_PAGE = { layout: false, eleventyExcludeFromCollections: true } as const;
