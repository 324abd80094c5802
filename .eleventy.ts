/**
 * opsnote's Eleventy configuration: one line per area. The work happens in `src/<area>/`.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { site, settingsFile } from "./src/site.ts";
import { createWarningPrinter } from "./src/diagnostics/diagnostic.ts";
import { contentPlugin } from "./src/content/index.ts";
import { markdownPlugin } from "./src/markdown/index.ts";
import { jekyllPlugin } from "./src/jekyll/index.ts";
import { collectionsPlugin } from "./src/collections/index.ts";
import { layoutsPlugin, LAYOUTS_DIR } from "./src/layouts/index.ts";
import { feedsPlugin } from "./src/feeds/index.ts";
import { seoPlugin } from "./src/seo/index.ts";
import { llmsPlugin } from "./src/llms/index.ts";
import { checkPlugin } from "./src/check/index.ts";
import { createPostSources } from "./src/check/post-sources.ts";
import { searchPlugin } from "./src/search/index.ts";
import { offlinePlugin } from "./src/offline/index.ts";
import { createSiteFiles, staticFilesPlugin } from "./src/static/index.ts";
import { responsiveImagesPlugin } from "./src/images/index.ts";
import { fixEleventyPathPrefixes } from "./src/cli/eleventy-paths.ts";

fixEleventyPathPrefixes(); // a posts folder beside the project (`/tmp/blog-ext` next to `/tmp/blog`) broke every build

export default async function (eleventyConfig: UserConfig) {
  const report = createWarningPrinter();
  eleventyConfig.on("eleventy.before", () => report.reset());
  // Every post read and analysed once per build, for `check` and the Jekyll post index both; cached in .cache/check.
  const sources = createPostSources({ site });
  // The files published as they are (assets/, staticDirs, files beside posts), listed once per build.
  const files = createSiteFiles({ site });

  await eleventyConfig.addPlugin(contentPlugin, { site, report, sources }); // YAML front matter -> checked `post`, URLs, drafts
  await eleventyConfig.addPlugin(jekyllPlugin, { site, report, sources }); // Jekyll Liquid -> markdown, redirect_from
  await eleventyConfig.addPlugin(markdownPlugin, { site, report }); // markdown-it + shiki + Korean ids + TOC
  await eleventyConfig.addPlugin(staticFilesPlugin, { files, report }); // assets/, staticDirs and post-folder files copied; relative file links pointed at them
  await eleventyConfig.addPlugin(responsiveImagesPlugin, { site, report }); // AVIF/WebP srcset in <picture> for local PNG/JPEG/WebP, cached in .cache/images
  await eleventyConfig.addPlugin(collectionsPlugin, { site, files, report }); // posts, tags, categories, series, archive, paginated lists, one collision check of every output
  await eleventyConfig.addPlugin(layoutsPlugin); // post and page layout, generated pages
  await eleventyConfig.addPlugin(feedsPlugin, { site }); // Atom + JSON Feed, a feed per tag and category
  await eleventyConfig.addPlugin(seoPlugin, { site }); // sitemap.xml, robots.txt
  await eleventyConfig.addPlugin(llmsPlugin, { site }); // llms.txt and llms-full.txt for language models
  await eleventyConfig.addPlugin(searchPlugin, { synonyms: site.searchSynonyms, sources }); // Pagefind index of each post's search document (Korean stems marked), fed as pages are written
  await eleventyConfig.addPlugin(offlinePlugin, { site }); // offline: true -> /sw.js, versioned by a hash of the built assets
  await eleventyConfig.addPlugin(HtmlBasePlugin); // applies site.pathPrefix to every URL in the output
  await eleventyConfig.addPlugin(checkPlugin, { site, report, sources, files, settingsFile }); // `npm run check` before every build: broken links warn (grouped), other errors stop production builds
}

export const config = {
  dir: {
    input: process.env.OPSNOTE_POSTS ?? "posts",
    output: process.env.OPSNOTE_OUTPUT ?? "_site",
    layouts: LAYOUTS_DIR,
  },
  pathPrefix: site.pathPrefix,
  // Posts are content, never templates: `{{ }}` and `{% %}` in a post stay as written.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ["md", "markdown", "11ty.js"],
};
