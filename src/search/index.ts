/**
 * Eleventy adapter for search: after every build that writes files, index the output folder.
 * `eleventy.after` runs inside `eleventy.write()`, so a production build indexes its staging
 * folder before build-site.ts swaps it in (a failed index fails the build and keeps the old site),
 * and the preview re-indexes after each rebuild with the same code.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { indexSite } from "./index-site.ts";

interface AfterBuild {
  outputMode?: string;
  directories?: { output?: string };
}

export function searchPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: AfterBuild) => {
    if (outputMode !== "fs" || !directories?.output) return;
    await indexSite(directories.output);
  });
}
