/**
 * Eleventy adapter for posts migrated from Jekyll (and Hugo / Zola page bundles): Liquid converted
 * before markdown sees the post, and `redirect_from` pages.
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { FrontMatterSource } from "../content/front-matter.ts";
import { parseFrontMatter } from "../content/schema.ts";
import { isPostPath } from "../content/index.ts";
import { includeUnpublished } from "../content/publication.ts";
import { convertLiquid, jekyllVariables } from "./convert-liquid.ts";
import type { Post } from "../content/post.ts";
import { createBaseMarkdown } from "../markdown/base-markdown.ts";
import { createPostSources, type PostSources } from "../check/post-sources.ts";
import { createPostIndex, indexAnalyses, type PostIndex } from "./post-index.ts";
import { writeRedirects } from "./redirects.ts";
import { POST_FILE_URL, type PostFileUrl } from "../markdown/post-file-links.ts";

export interface JekyllPluginOptions {
  site: Pick<SiteSettings, "timeZone" | "permalink" | "url" | "pathPrefix" | "title"> & Partial<Pick<SiteSettings, "language">> & Partial<Pick<SiteSettings, "redirects">>;
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

/** `render_with_liquid` (Jekyll 4): `false` turns the conversion off for one post, `true` forces it (isJekyllPost). */
function renderWithLiquid(frontMatter: Record<string, unknown> | undefined): boolean | undefined {
  const parsed = parseFrontMatter(frontMatter ?? {});
  return parsed.ok ? parsed.value.render_with_liquid : undefined;
}

export function jekyllPlugin(eleventyConfig: UserConfig, { site, report, sources }: JekyllPluginOptions): void {
  let index: PostIndex = createPostIndex([]);
  // Each post as built, by absolute NFC path: its title, dates and URL fill `{{ page.title }}` and co.
  let builtPosts = new Map<string, Post>();
  const fileKey = (file: string) => path.resolve(file).normalize("NFC");
  // Figure captions are inline markdown in Minimal Mistakes, in the body's dialect (Korean emphasis).
  const captions = createBaseMarkdown();

  const posts = sources ?? createPostSources({ site });
  let postsRoot = "";
  eleventyConfig.on("eleventy.before", async (event: BuildEvent) => {
    // The same folder string as `check` asks for, so a build analyses the posts once for both.
    postsRoot = path.resolve(event.directories.input);
    const analyses = await posts.analyse(postsRoot, event);
    index = indexAnalyses(analyses, new Date());
    builtPosts = new Map(analyses.flatMap((analysis) => (analysis.post ? [[fileKey(analysis.file), analysis.post] as const] : [])));
  });
  // `[x](./other.md#id)` -> the other post's URL, in the markdown render (src/markdown/post-file-links.ts).
  const postFileUrl: PostFileUrl = (from, target) => index.urlOfFile(path.relative(postsRoot, path.resolve(path.dirname(from), target)));
  eleventyConfig.addGlobalData(POST_FILE_URL, () => postFileUrl);

  eleventyConfig.addPreprocessor("jekyll-liquid", "md,markdown", (data: PreprocessorData, content: string) => {
    const liquid = renderWithLiquid(data.frontMatter);
    if (!isPostPath(data.page.inputPath) || liquid === false) return undefined;
    const builtPost = builtPosts.get(fileKey(data.page.inputPath));
    const { markdown, diagnostics } = convertLiquid(content, {
      renderWithLiquid: liquid,
      file: data.page.inputPath,
      lineOffset: data.frontMatterSource?.bodyLineOffset ?? 0,
      siteUrl: site.url,
      pathPrefix: site.pathPrefix,
      resolvePost: (reference) => index.resolve(reference),
      renderInline: (text) => captions.renderInline(text),
      variables: builtPost ? jekyllVariables(builtPost, site) : undefined,
    });
    // A `post_url` to no post is reported by `check`, which sees the converted text too: a warning
    // there (the page still publishes), an error under `npm run check` and strict builds.
    diagnostics.filter((d) => d.severity === "warning").forEach(report);
    return markdown;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: BuildEvent) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // Page bundles' files are copied by src/static (with every other published file).
    const posts = index.posts
      .filter((post) => includeUnpublished() || post.published)
      .map((post) => ({ ...post, file: path.join(directories.input, post.relativePath) }));
    // The `redirects` setting (written by `npm run import` for old URLs the pattern cannot reproduce).
    const fromSettings = Object.entries(site.redirects ?? {}).map(([from, to]) => ({ file: "opsnote.config.yaml", url: to, redirectFrom: [from] }));
    await writeRedirects([...posts, ...fromSettings], { outputDir: directories.output, pathPrefix: site.pathPrefix, siteUrl: site.url, language: site.language, report });
  });
}
