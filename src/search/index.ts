/**
 * Eleventy adapter for search: after every build that writes files, index the output folder.
 * `eleventy.after` runs inside `eleventy.write()`, so a production build indexes its staging
 * folder before build-site.ts swaps it in (a failed index fails the build and keeps the old site).
 * The preview re-indexes with the same code, but in the background: the page reloads as soon as
 * Eleventy has written it (indexing 1,000 posts takes about 2 s), and search catches up after.
 * A build and the preview's first index reuse the index of identical pages from the cache
 * (index-cache.ts); the preview's later runs follow edits, which a cached index would not match.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createIndexCache, indexSite } from "./index-site.ts";
import { keepDataImagesOutOfIndex } from "./data-images.ts";

interface AfterBuild {
  outputMode?: string;
  directories?: { output?: string };
}

export function searchPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addTransform("search-data-images", function (this: { page: { outputPath?: string | false } }, content: string) {
    const output = this.page.outputPath;
    return typeof output === "string" && output.endsWith(".html") ? keepDataImagesOutOfIndex(content) : content;
  });
  let background: Promise<void> = Promise.resolve();
  let queued = false;
  let firstRun = true;
  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: AfterBuild) => {
    if (outputMode !== "fs" || !directories?.output) return;
    const output = directories.output;
    if ((process.env.ELEVENTY_RUN_MODE ?? "build") === "build") {
      await indexSite(output, { cache: createIndexCache() });
      return;
    }
    const cache = firstRun ? createIndexCache() : undefined;
    firstRun = false;
    // One index run at a time; saves made while one runs are covered by the next.
    if (queued) return;
    queued = true;
    background = background.then(async () => {
      queued = false;
      await indexSite(output, { cache }).catch((error: unknown) => console.warn(`[opsnote] search index not updated: ${String(error)}`));
    });
  });
}
