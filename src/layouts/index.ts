/**
 * Eleventy adapter for presentation: the post layout and the generated pages.
 * Layouts and pages are virtual templates, so the posts folder holds posts and nothing else.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { postLayout } from "./post-layout.tsx";
import type { PageData } from "./page-data.ts";
import { pages } from "../pages/pages.tsx";

/** Where virtual layouts live, relative to the posts folder; `layout: "post"` resolves here. */
export const LAYOUTS_DIR = "_opsnote/layouts";

/**
 * Emitted (outside production builds) with the data each post page's layout is rendered from, so the
 * preview can render that page again after a body-only edit (src/preview/fast-path.ts).
 */
export const POST_PAGE_EVENT = "opsnote.post-page";

export function layoutsPlugin(eleventyConfig: UserConfig): void {
  const previewing = (process.env.ELEVENTY_RUN_MODE ?? "build") !== "build";
  eleventyConfig.addTemplate(`${LAYOUTS_DIR}/post.11ty.js`, previewing ? {
    data: postLayout.data,
    render(data: PageData): string {
      void eleventyConfig.emit(POST_PAGE_EVENT, data);
      return postLayout.render(data);
    },
  } : postLayout);
  for (const [virtualPath, template] of Object.entries(pages)) {
    eleventyConfig.addTemplate(virtualPath, template);
  }
  // assets/ and the other published files are copied by src/static (symbolic links checked, collisions caught).
}
