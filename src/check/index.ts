/**
 * Eleventy adapter for `check`: the same checks as `npm run check` run before every build.
 * A production build stops on an error, naming every one; the preview prints them and hands them to
 * whoever listens for `CHECK_EVENT` (src/cli/preview.ts shows them in the page) and keeps serving.
 * Analyses of unchanged posts are reused between preview rebuilds.
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type Diagnostic, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { checkPosts, createCheckCache } from "./check-posts.ts";

/** Emitted on Eleventy's config events after each check with the `Diagnostic[]` found. */
export const CHECK_EVENT = "opsnote.check";

export interface CheckPluginOptions {
  site: Pick<SiteSettings, "timeZone" | "permalink">;
  /** Prints warnings and notes (and, in the preview, errors). */
  report: DiagnosticSink;
  /** Folder that `/assets/…` URLs are served from. @default "assets" */
  assets?: string;
}

export function checkPlugin(eleventyConfig: UserConfig, { site, report, assets }: CheckPluginOptions): void {
  const cache = createCheckCache();
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    // Absolute, as Eleventy gives inputPath to the content plugin: one problem prints one line.
    const { diagnostics } = await checkPosts({ posts: path.resolve(directories.input), assets, site, cache });
    const errors = diagnostics.filter((d) => d.severity === "error");
    const isProduction = (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
    diagnostics.filter((d) => d.severity !== "error" || !isProduction).forEach(report);
    await eleventyConfig.emit(CHECK_EVENT, diagnostics satisfies Diagnostic[]);
    if (isProduction && errors.length > 0) throw new DiagnosticError(errors);
  });
}
