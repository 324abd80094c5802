/**
 * Eleventy adapter for presentation: the post layout, the generated pages and the static assets.
 * Layouts and pages are virtual templates, so the posts folder holds posts and nothing else.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { postLayout } from "./post-layout.tsx";
import { pages } from "../pages/pages.tsx";

/** Where virtual layouts live, relative to the posts folder; `layout: "post"` resolves here. */
export const LAYOUTS_DIR = "_opsnote/layouts";

export function layoutsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate(`${LAYOUTS_DIR}/post.11ty.js`, postLayout);
  for (const [virtualPath, template] of Object.entries(pages)) {
    eleventyConfig.addTemplate(virtualPath, template);
  }
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
}
