/**
 * Eleventy adapter for posts: YAML-only front matter kept apart from Eleventy's own keys, one
 * checked `post` object per page, post URLs, and drafts left out of production builds.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readFrontMatter, refuseFrontMatterLanguage, type FrontMatterSource } from "./front-matter.ts";
import { buildPost, type Post } from "./post.ts";
import { includeUnpublished, isPublished } from "./publication.ts";
import { gitDateKey, readGitDates } from "./git-dates.ts";
import { postDateFromInstant } from "./dates.ts";

export interface ContentPluginOptions {
  site: SiteSettings;
  report: DiagnosticSink;
}

/** The slice of Eleventy's data a post page is built from. */
interface PostPageData {
  frontMatter?: Record<string, unknown>;
  frontMatterSource?: FrontMatterSource;
  page: { inputPath: string; rawInput?: string };
}

export function isPostPath(inputPath: string): boolean {
  return /\.(md|markdown)$/i.test(inputPath);
}

/** Drafts and scheduled posts appear only when asked for: in the preview server, or with OPSNOTE_DRAFTS=1. */
export const includeDrafts = includeUnpublished;

export function contentPlugin(eleventyConfig: UserConfig, { site, report }: ContentPluginOptions): void {
  eleventyConfig.setFrontMatterParsingOptions({
    language: "yaml",
    engines: {
      yaml: readFrontMatter,
      // Posts are data, never code: every engine that would evaluate JavaScript is refused.
      js: refuseFrontMatterLanguage("js"),
      javascript: refuseFrontMatterLanguage("javascript"),
      jsLegacy: refuseFrontMatterLanguage("js"),
      node: refuseFrontMatterLanguage("node"),
    },
  });

  // Unpublished posts (drafts, future dates: see publication.ts) are dropped before anything reads
  // them, so no page, list, taxonomy or feed of a production build can mention them.
  eleventyConfig.addPreprocessor("drafts", "md", (data: PostPageData) => {
    if (includeUnpublished()) return undefined;
    const built = buildPost({ inputPath: data.page.inputPath, frontMatter: data.frontMatter ?? {}, body: "", site });
    // A post that does not build is reported by `post` below, with its errors.
    if (built.ok && !isPublished(built.post, new Date())) return false;
    return undefined;
  });

  // Last commit per post, read once per build (see git-dates.ts).
  let gitDates = new Map<string, Date>();
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    gitDates = await readGitDates(directories.input);
  });

  eleventyConfig.addGlobalData("eleventyComputed", {
    post: (data: PostPageData): Post | undefined => {
      if (!isPostPath(data.page.inputPath)) return undefined;
      const result = buildPost({
        inputPath: data.page.inputPath,
        frontMatter: data.frontMatter ?? {},
        source: data.frontMatterSource,
        body: data.page.rawInput ?? "",
        site,
      });
      result.warnings.forEach(report);
      if (!result.ok) throw new DiagnosticError(result.errors);
      const committed = result.post.updated ? undefined : gitDates.get(gitDateKey(data.page.inputPath));
      if (committed) result.post.updated = postDateFromInstant(committed, site.timeZone);
      return result.post;
    },
    // Posts get their URL and layout from opsnote, never from their own front matter (which is
    // kept under `frontMatter`); generated pages keep the permalink they set.
    permalink: (data: PostPageData & { post?: Post; permalink?: unknown }) =>
      isPostPath(data.page.inputPath) ? data.post?.url : data.permalink,
  });
  eleventyConfig.addGlobalData("layout", "post");
}
