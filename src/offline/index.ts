/**
 * Eleventy adapter for offline mode: after a written production build with `offline: true`, hash the
 * built assets and write `/sw.js` (the offline page is a generated page, src/pages/offline.tsx).
 * Written after the pages, as search indexes them, because its version is a hash of what was written.
 */
import { isWritten } from "../static/recycled-output.ts";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { SERVICE_WORKER_URL } from "../urls/site-urls.ts";
import { PRECACHED_ASSETS, buildServiceWorker, hashBuiltAssets, serviceWorkerUrl } from "./service-worker.ts";

export interface OfflinePluginOptions {
  site: SiteSettings;
}

interface AfterBuild {
  outputMode?: string;
  directories?: { output?: string };
}

export function offlinePlugin(eleventyConfig: UserConfig, { site }: OfflinePluginOptions): void {
  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: AfterBuild) => {
    if (outputMode !== "fs" || !directories?.output || serviceWorkerUrl(site) === undefined) return;
    const output = directories.output;
    // Only files the build wrote: a blog without a favicon must still get a worker that installs.
    const precache = PRECACHED_ASSETS.filter((url) => isWritten(path.join(output, url)));
    const worker = await buildServiceWorker({ version: await hashBuiltAssets(output), pathPrefix: site.pathPrefix, precache });
    await writeFile(path.join(output, SERVICE_WORKER_URL), worker);
  });
}
