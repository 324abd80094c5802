/**
 * Eleventy adapter for `check`: the same checks as `npm run check` run before every build.
 * Content problems that still leave a page to publish (broken links, missing images, unknown
 * anchors: src/diagnostics/kinds.ts) are warnings, printed once each and then grouped at the end of
 * the build with the one setting that fixes each group; with `strict` (the site setting or
 * `npm run build -- --strict`) a production build stops on them as on any other error, naming every
 * one. The preview never stops: it prints them and hands them to whoever listens for `CHECK_EVENT`
 * (src/cli/preview.ts shows the errors in the page) and keeps serving.
 * The posts are analysed by the `PostSources` given (shared with the Jekyll post index), which
 * reuses the analyses of unchanged posts between builds (on disk) and preview rebuilds (in memory).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type Diagnostic, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { groupDiagnostics, type GroupContext } from "../diagnostics/group.ts";
import { isPublishable } from "../diagnostics/kinds.ts";
import { applyBuildPolicy, isStrict } from "./build-policy.ts";
import { checkAnalyses } from "./check-posts.ts";
import { createPostSources, type PostSources } from "./post-sources.ts";
import type { SiteFiles } from "../static/index.ts";
import type { PostAnalysis } from "./analyse-post.ts";
import { decodeTarget } from "../urls/decode-target.ts";
import { settingsToCheck } from "./settings-references.ts";
import { SETTINGS_FILE } from "../settings/load-settings.ts";

/** Emitted on Eleventy's config events after each check with the `Diagnostic[]` found (as reported). */
export const CHECK_EVENT = "opsnote.check";

export interface CheckPluginOptions {
  site: Pick<SiteSettings, "timeZone" | "permalink"> & Partial<Pick<SiteSettings, "pageSize" | "strict" | "staticDirs" | "redirects" | "seriesMembers" | "credits">>;
  /** The settings file, for the lines of settings that name posts and files. @default "opsnote.config.yaml" */
  settingsFile?: string;
  /** Prints warnings and notes (and, in the preview, errors). */
  report: DiagnosticSink;
  /** Folder that `/assets/…` URLs are served from. @default sources.assets, else "assets" */
  assets?: string;
  /** The per-build analysis of the posts, shared with other plugins. @default a new one, with the on-disk cache */
  sources?: PostSources;
  /** The build's published files (src/static), so links resolve against what the build copies. @default listed by the check */
  files?: SiteFiles;
  /** Prints the grouped summary's lines. @default console.warn */
  write?: (line: string) => void;
}

/** Folders beside the posts folder: a missing `/images/…` file whose folder is there only needs serving. */
function foldersBeside(posts: string): Set<string> {
  try {
    return new Set(readdirSync(path.dirname(posts), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
  } catch {
    return new Set();
  }
}

/** First URL segments the static folders serve: each folder by name, and `static/`'s sub-folders at the root. */
function servedSegments(posts: string, staticDirs: readonly string[]): Set<string> {
  const beside = foldersBeside(posts);
  const served = new Set(staticDirs.filter((dir) => dir !== "static" && beside.has(dir)));
  if (staticDirs.includes("static")) for (const dir of foldersBeside(path.join(path.dirname(posts), "static", "x"))) served.add(dir);
  return served;
}

/** The posts' root-relative links that name a post's URL (with or without its last slash). */
function countLinksToPosts(analyses: readonly PostAnalysis[]): number {
  const urls = new Set(analyses.flatMap(({ post }) => (post ? [post.url.normalize("NFC").replace(/\/$/, "")] : [])));
  let count = 0;
  for (const { links } of analyses) {
    for (const link of links) {
      if (link.kind !== "link" || !link.href.startsWith("/") || link.href.startsWith("//")) continue;
      if (urls.has(decodeTarget(link.href.split(/[#?]/)[0]!).replace(/\/$/, ""))) count++;
    }
  }
  return count;
}

export function groupContext(analyses: readonly PostAnalysis[], posts: string, site: Pick<SiteSettings, "permalink" | "staticDirs">): GroupContext {
  return {
    linksToPosts: countLinksToPosts(analyses),
    posts: analyses.flatMap(({ post }) => (post ? [{ url: post.url, title: post.slug, date: post.date.wall, categories: post.categories.map((c) => c.slug) }] : [])),
    permalink: site.permalink,
    folders: foldersBeside(posts),
    served: servedSegments(posts, site.staticDirs),
  };
}

/**
 * The grouped summary printed at the end of a build (and of `check`): a heading line and one line
 * per group. `heading` says what the problems are there. @default the build's words
 */
export function summaryLines(problems: readonly Diagnostic[], context: GroupContext, heading = BUILD_HEADING): string[] {
  const groups = groupDiagnostics(problems, context);
  if (groups.length === 0) return [];
  const total = groups.reduce((n, g) => n + g.diagnostics.length, 0);
  return [
    `${total} content ${heading(total)} in ${groups.length} group${groups.length === 1 ? "" : "s"}${heading === BUILD_HEADING ? " (the pages are published with them; `npm run check` and strict builds fail on them)" : ""}:`,
    ...groups.map((group) => `  ${group.text}`),
  ];
}

const BUILD_HEADING = (n: number) => `warning${n === 1 ? "" : "s"}`;

export function checkPlugin(eleventyConfig: UserConfig, { site, report, assets, sources, files, settingsFile = SETTINGS_FILE, write = (line) => console.warn(line) }: CheckPluginOptions): void {
  const posts = sources ?? createPostSources({ site, assets });
  let summary: string[] = [];
  eleventyConfig.on("eleventy.before", async (event: { directories: { input: string } }) => {
    summary = [];
    // Absolute, as Eleventy gives inputPath to the content plugin: one problem prints one line.
    const input = path.resolve(event.directories.input);
    const analyses = await posts.analyse(input, event);
    const published = files?.lookup(input, event);
    const settings = site.seriesMembers && site.credits ? settingsToCheck({ seriesMembers: site.seriesMembers, credits: site.credits }, settingsFile, input) : undefined; // the project's own posts only
    const { diagnostics } = checkAnalyses(analyses, { assets: assets ?? posts.assets, files: published, pageSize: site.pageSize, redirects: site.redirects, settings });
    const isProduction = (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
    const { reported, fatal } = applyBuildPolicy(diagnostics, { strict: isProduction && isStrict(site.strict) });
    reported.filter((d) => d.severity !== "error" || !isProduction).forEach(report);
    await eleventyConfig.emit(CHECK_EVENT, reported satisfies Diagnostic[]);
    if (isProduction && fatal.length > 0) throw new DiagnosticError(fatal);
    summary = summaryLines(reported.filter((d) => d.severity === "warning" && isPublishable(d)), groupContext(analyses, input, { permalink: site.permalink, staticDirs: site.staticDirs ?? [] }));
  });
  // After the pages' own warnings, so the summary is the last thing a build prints about content.
  eleventyConfig.on("eleventy.after", () => {
    for (const line of summary) write(`[opsnote] ${line}`);
  });
}
