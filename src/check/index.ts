/**
 * Eleventy adapter for `check`: the same checks as `npm run check` run before every build.
 * A production build stops on an error, naming every one; the preview prints them and hands them to
 * whoever listens for `CHECK_EVENT` (src/cli/preview.ts shows them in the page) and keeps serving.
 * The posts are analysed by the `PostSources` given (shared with the Jekyll post index), which
 * reuses the analyses of unchanged posts between builds (on disk) and preview rebuilds (in memory).
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type Diagnostic, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { checkAnalyses } from "./check-posts.ts";
import { createPostSources, type PostSources } from "./post-sources.ts";
import type { SiteFiles } from "../static/index.ts";

/** Emitted on Eleventy's config events after each check with the `Diagnostic[]` found. */
export const CHECK_EVENT = "opsnote.check";

export interface CheckPluginOptions {
  site: Pick<SiteSettings, "timeZone" | "permalink">;
  /** Prints warnings and notes (and, in the preview, errors). */
  report: DiagnosticSink;
  /** Folder that `/assets/…` URLs are served from. @default sources.assets, else "assets" */
  assets?: string;
  /** The per-build analysis of the posts, shared with other plugins. @default a new one, with the on-disk cache */
  sources?: PostSources;
  /** The build's published files (src/static), so links resolve against what the build copies. @default listed by the check */
  files?: SiteFiles;
}

export function checkPlugin(eleventyConfig: UserConfig, { site, report, assets, sources, files }: CheckPluginOptions): void {
  const posts = sources ?? createPostSources({ site, assets });
  eleventyConfig.on("eleventy.before", async (event: { directories: { input: string } }) => {
    // Absolute, as Eleventy gives inputPath to the content plugin: one problem prints one line.
    const analyses = await posts.analyse(path.resolve(event.directories.input), event);
    const published = files?.lookup(path.resolve(event.directories.input), event);
    const { diagnostics } = checkAnalyses(analyses, { assets: assets ?? posts.assets, files: published });
    const errors = diagnostics.filter((d) => d.severity === "error");
    const isProduction = (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
    diagnostics.filter((d) => d.severity !== "error" || !isProduction).forEach(report);
    await eleventyConfig.emit(CHECK_EVENT, diagnostics satisfies Diagnostic[]);
    if (isProduction && errors.length > 0) throw new DiagnosticError(errors);
  });
}
