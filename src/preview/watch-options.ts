/**
 * What the preview has Eleventy's watcher follow, set before each preview build's Eleventy starts.
 */

/** The part of Eleventy's config this needs (its UserConfig is not exported at runtime). */
export interface WatchConfig {
  setChokidarConfig(options: object): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

export function configurePreviewWatch(eleventyConfig: WatchConfig): void {
  // Eleventy's watcher (chokidar) follows links by default: two folder links that loop
  // (`posts/loop -> .`) kept it walking forever, at 60 % of a core and growing memory. Linked
  // folders are never built (src/content/symlinks.ts); a linked file is watched as the link.
  eleventyConfig.setChokidarConfig({ followSymlinks: false });
  // Eleventy parses the config's JavaScript imports (with acorn) after every build, to re-import the
  // ones that change. From the bundle (src/cli/launch.mjs) that is megabytes of code: half a second on
  // the main thread after each rebuild, which delayed the next save's fast path from about 45 ms to
  // 300–500 ms (scripts/bench/measure-reload.ts, 1,000 posts). opsnote gives Eleventy nothing to
  // re-import: a change to its own code restarts the preview (src/cli/start.ts).
  eleventyConfig.setWatchJavaScriptDependencies(false);
}
