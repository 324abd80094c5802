/**
 * Eleventy adapter for published files (static-files.ts): lists them once per build, copies them into
 * the output before the pages are written, copies page-bundle files beside their page after it, and points posts'
 * relative file targets at the published files (local-references.ts).
 */
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { minifyCss } from "./minify-css.ts";
import { wasWritten } from "./recycled-output.ts";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";
import type { SiteSettings } from "../site.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { createIgnoreMatcher } from "../content/ignore-files.ts";
import { bundleCopies, isBundleIndex } from "../jekyll/page-bundles.ts";
import { createSiteFileLookup, isInsideFolder, staticFolders, type SiteFileList, type SiteFileLookup, type StaticFolder } from "./static-files.ts";
import { localReferencesPlugin } from "./local-references.ts";

export type SiteFileIndex = SiteFileLookup & SiteFileList & {
  /**
   * URLs of published files this build does not copy: a page opsnote writes itself is there (the
   * collections plugin's collision check adds them, and warns).
   */
  withheld: Set<string>;
};

export interface SiteFiles {
  /**
   * The published files of a build of `postsDir`. Calls with the same `build` object (Eleventy's
   * event argument) share one listing; without it, the folders are listed again.
   */
  lookup(postsDir: string, build?: object): SiteFileIndex;
  /** The listing of the last build, for readers without the event (collections, the markdown rule). */
  latest(): SiteFileIndex | undefined;
  /** The served folders for a posts folder (no listing). */
  folders(postsDir: string): StaticFolder[];
}

export interface SiteFilesOptions {
  site: Pick<SiteSettings, "staticDirs">;
  /** The project's assets folder. @default "assets" */
  assets?: string;
}

export function createSiteFiles({ site, assets = "assets" }: SiteFilesOptions): SiteFiles {
  const builds = new WeakMap<object, Map<string, SiteFileIndex>>();
  let last: SiteFileIndex | undefined;
  const folders = (postsDir: string) => staticFolders({ postsDir, staticDirs: site.staticDirs, assetsDir: path.resolve(assets) });
  const list = (postsDir: string) =>
    (last = { ...createSiteFileLookup(folders(postsDir), { isIgnored: createIgnoreMatcher({ input: postsDir }) }), withheld: new Set<string>() });
  return {
    folders,
    latest: () => last,
    lookup(postsDir, build) {
      const resolved = path.resolve(postsDir);
      if (build === undefined) return list(resolved);
      let byFolder = builds.get(build);
      if (!byFolder) builds.set(build, (byFolder = new Map()));
      let found = byFolder.get(resolved);
      if (!found) byFolder.set(resolved, (found = list(resolved)));
      return found;
    },
  };
}

/**
 * Copies `source` to `target` unless the target is already an up-to-date copy (a preview rebuild).
 * A stylesheet is written minified (minify-css.ts), so its copy is up to date when it is newer.
 */
async function copyIfChanged(source: string, target: string): Promise<void> {
  const from = await stat(source);
  // A recycled file not yet written (src/static/recycled-output.ts) is no copy, whatever the source's date.
  const stats = await stat(target).catch(() => undefined);
  const to = stats && wasWritten(stats) ? stats : undefined;
  const css = source.endsWith(".css");
  if (to && (css || to.size === from.size) && to.mtimeMs >= from.mtimeMs) return;
  await mkdir(path.dirname(target), { recursive: true });
  // CSS esbuild cannot read is published as written: the browser may still make sense of it.
  const minified = css ? await minifyCss(await readFile(source, "utf8"), source).catch(() => undefined) : undefined;
  if (minified !== undefined) await writeFile(target, minified);
  else await copyFile(source, target);
}

/** Files copied at once. */
const COPY_CONCURRENCY = 8;

const outputFile = (output: string, url: string) => path.join(output, ...url.split("/").filter((s) => s !== ""));

export interface StaticFilesPluginOptions {
  files: SiteFiles;
  report: DiagnosticSink;
}

interface BuildEvent {
  directories: { input: string; output: string };
  outputMode?: string;
  results?: { inputPath: string; url?: string | false; outputPath: string | false }[];
}

export function staticFilesPlugin(eleventyConfig: UserConfig, { files, report }: StaticFilesPluginOptions): void {
  const amended = new WeakSet<object>();
  eleventyConfig.amendLibrary("md", (md: MarkdownIt) => {
    // Eleventy may amend one instance more than once (a new engine per build); the rule goes in once.
    if (amended.has(md)) return;
    amended.add(md);
    md.use(localReferencesPlugin, { files: () => files.latest() });
  });

  // The preview rebuilds when a published file changes: a new image beside a post, an edited stylesheet.
  const input = path.resolve((eleventyConfig.directories as { input: string }).input);
  for (const folder of files.folders(input)) eleventyConfig.addWatchTarget(folder.dir);

  let pending: { index: SiteFileIndex; output: string } | undefined;
  eleventyConfig.on("eleventy.before", (event: BuildEvent) => {
    const input = path.resolve(event.directories.input);
    const index = files.lookup(input, event);
    // Links inside the posts folder are reported by the content plugin, which skips them as posts too.
    for (const link of index.skipped) {
      if (!isInsideFolder(link.path, input)) report({ severity: "warning", file: link.path, field: "symlink", message: `skipped: ${link.reason}` });
    }
    pending = event.outputMode === "fs" ? { index, output: event.directories.output } : undefined;
  });
  // Copied once every URL is known and checked (the collision check runs with the collections, the
  // post check in `eleventy.before`), and before any page is written: a build that fails stops
  // before copying, and redirects and Pagefind, which run after the pages, see every file.
  eleventyConfig.on("eleventy.contentMap", async () => {
    const copy = pending;
    pending = undefined;
    if (!copy) return;
    // A few at a time: thousands of images copy several times faster than one by one.
    const queue = copy.index.files.filter((file) => !copy.index.withheld.has(file.url));
    const worker = async () => {
      for (let file = queue.pop(); file !== undefined; file = queue.pop()) await copyIfChanged(file.source, outputFile(copy.output, file.url));
    };
    await Promise.all(Array.from({ length: COPY_CONCURRENCY }, worker));
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results = [] }: BuildEvent) => {
    if (outputMode !== "fs") return;
    const index = files.latest();
    if (!index) return;
    const bundles = results.filter((result) => result.outputPath && isBundleIndex(result.inputPath));
    const indexes = new Set(bundles.map((result) => path.resolve(result.inputPath)));
    for (const result of bundles) {
      if (typeof result.url !== "string" || path.dirname(path.resolve(result.inputPath)) === path.resolve(directories.input)) continue;
      for (const copy of bundleCopies(result.inputPath, result.url, index.files, indexes)) {
        if (index.withheld.has(copy.url)) continue;
        await copyIfChanged(copy.file.source, outputFile(directories.output, copy.url));
      }
    }
  });
}
