/**
 * Eleventy adapter for posts migrated from Jekyll (and Hugo / Zola page bundles): Liquid converted
 * before markdown sees the post, `redirect_from` pages, and bundle images copied beside their post.
 */
import path from "node:path";
import markdownIt from "markdown-it";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { FrontMatterSource } from "../content/front-matter.ts";
import { parseFrontMatter } from "../content/schema.ts";
import { isPostPath } from "../content/index.ts";
import { includeUnpublished } from "../content/publication.ts";
import { convertLiquid } from "./convert-liquid.ts";
import { createPostSources, type PostSources } from "../check/post-sources.ts";
import { createPostIndex, indexAnalyses, type PostIndex } from "./post-index.ts";
import { writeRedirects } from "./redirects.ts";
import { copyBundleMedia, isBundleIndex } from "./page-bundles.ts";

export interface JekyllPluginOptions {
  site: Pick<SiteSettings, "timeZone" | "permalink" | "url" | "pathPrefix"> & Partial<Pick<SiteSettings, "redirects">>;
  report: DiagnosticSink;
  /** The per-build analysis of the posts, shared with `check`. @default a new one, with the on-disk cache */
  sources?: PostSources;
}

interface PreprocessorData {
  frontMatter?: Record<string, unknown>;
  frontMatterSource?: FrontMatterSource;
  page: { inputPath: string };
}

interface BuildEvent {
  directories: { input: string; output: string };
  outputMode?: string;
  results?: { inputPath: string; outputPath: string | false }[];
}

/** `render_with_liquid: false` (Jekyll 4) turns the conversion off for one post. */
function wantsLiquid(frontMatter: Record<string, unknown> | undefined): boolean {
  const parsed = parseFrontMatter(frontMatter ?? {});
  return !parsed.ok || parsed.value.render_with_liquid !== false;
}

export function jekyllPlugin(eleventyConfig: UserConfig, { site, report, sources }: JekyllPluginOptions): void {
  let index: PostIndex = createPostIndex([]);
  // Figure captions are inline markdown in Minimal Mistakes.
  const captions = markdownIt({ html: true, linkify: true });

  const posts = sources ?? createPostSources({ site });
  eleventyConfig.on("eleventy.before", async (event: BuildEvent) => {
    // The same folder string as `check` asks for, so a build analyses the posts once for both.
    const analyses = await posts.analyse(path.resolve(event.directories.input), event);
    index = indexAnalyses(analyses, new Date());
  });

  eleventyConfig.addPreprocessor("jekyll-liquid", "md,markdown", (data: PreprocessorData, content: string) => {
    if (!isPostPath(data.page.inputPath) || !wantsLiquid(data.frontMatter)) return undefined;
    const { markdown, diagnostics } = convertLiquid(content, {
      file: data.page.inputPath,
      lineOffset: data.frontMatterSource?.bodyLineOffset ?? 0,
      siteUrl: site.url,
      pathPrefix: site.pathPrefix,
      resolvePost: (reference) => index.resolve(reference),
      renderInline: (text) => captions.renderInline(text),
    });
    const errors = diagnostics.filter((d) => d.severity === "error");
    diagnostics.filter((d) => d.severity === "warning").forEach(report);
    if (errors.length > 0) throw new DiagnosticError(errors);
    return markdown;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results = [] }: BuildEvent) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    const postsRoot = path.resolve(directories.input);
    for (const result of results) {
      if (!result.outputPath || !isPostPath(result.inputPath) || !isBundleIndex(result.inputPath)) continue;
      const bundleDir = path.dirname(path.resolve(result.inputPath));
      if (bundleDir === postsRoot) continue;
      await copyBundleMedia(bundleDir, path.dirname(path.resolve(result.outputPath)));
    }
    const posts = index.posts
      .filter((post) => includeUnpublished() || post.published)
      .map((post) => ({ ...post, file: path.join(directories.input, post.relativePath) }));
    // The `redirects` setting (written by `npm run import` for old URLs the pattern cannot reproduce).
    const fromSettings = Object.entries(site.redirects ?? {}).map(([from, to]) => ({ file: "opsnote.config.yaml", url: to, redirectFrom: [from] }));
    await writeRedirects([...posts, ...fromSettings], { outputDir: directories.output, pathPrefix: site.pathPrefix, siteUrl: site.url, report });
  });
}
