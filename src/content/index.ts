/**
 * Eleventy adapter for posts: YAML-only front matter kept apart from Eleventy's own keys, one
 * checked `post` object per page, post URLs, and drafts left out of production builds.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import { DiagnosticError, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findUnsafeSymlinks } from "./symlinks.ts";
import { staticFolders } from "../static/static-files.ts";
import { readTomlFrontMatter, splitTomlFrontMatter } from "./toml-front-matter.ts";
import {
  FRONT_MATTER_ENGINES, findFileQuirks, findUnclosedFrontMatter, frontMatterSourceOf, type FrontMatterSource,
} from "./front-matter.ts";
import { buildPost, type Post } from "./post.ts";
import { createBodySummaryCache } from "./body-summary.ts";
import { cacheDir } from "../cache-dir.ts";
import { includeUnpublished, isPublished, unpublishedOnPublishedUrls } from "./publication.ts";
import type { PostSources } from "../check/post-sources.ts";
import { gitDateKey, readFirstCommitDates, readGitDates } from "./git-dates.ts";
import { undatedFallback } from "./undated.ts";
import { isSameCalendarDay, postDateFromInstant } from "./dates.ts";

export interface ContentPluginOptions {
  site: SiteSettings;
  report: DiagnosticSink;
  /** Every post of the build, analysed (shared with `check`): what the preview leaves out is decided from it. */
  sources?: PostSources;
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

export function contentPlugin(eleventyConfig: UserConfig, { site, report, sources }: ContentPluginOptions): void {
  // Posts are data, never code: YAML (and JSON, which is YAML) only; every engine that would
  // evaluate JavaScript is refused.
  eleventyConfig.setFrontMatterParsingOptions({ language: "yaml", engines: FRONT_MATTER_ENGINES });

  // Links that would publish files from outside the project, or loop, are never read.
  const postsDir = (eleventyConfig.directories as { input: string }).input;
  // Nor are dot folders and files (an editor's `.obsidian/`, `.trash/`, a `.draft.md`), which
  // Eleventy would build and `check` skips, as Jekyll does: both see the same posts.
  const postsGlob = path.relative(process.cwd(), postsDir).split(path.sep).join("/") || ".";
  eleventyConfig.ignores.add(`${postsGlob}/**/.*`);
  eleventyConfig.ignores.add(`${postsGlob}/**/.*/**`);
  // Links into the folders the site publishes anyway are kept (src/static/static-files.ts lists the same).
  const served = staticFolders({ postsDir, staticDirs: site.staticDirs }).map((folder) => folder.dir);
  for (const link of findUnsafeSymlinks(postsDir, served)) {
    const relative = path.relative(process.cwd(), link.path).split(path.sep).join("/");
    eleventyConfig.ignores.add(link.isDirectory ? `${relative}/**` : relative);
    // Nor watched: chokidar reported each linked folder as "added" after the preview's first build,
    // which ran one or two more full builds (and a full reload) for nothing on every start.
    eleventyConfig.watchIgnores?.add(relative);
    report({ severity: "warning", file: link.path, field: "symlink", message: `skipped: ${link.reason}` });
  }

  // Zola and Hugo write TOML between `+++` fences, which gray-matter does not know: read it here,
  // first, so every later step sees it like YAML front matter.
  eleventyConfig.addPreprocessor("toml-front-matter", "md,markdown", (data: PostPageData, content: string) => {
    if (data.frontMatter !== undefined) return undefined;
    const block = splitTomlFrontMatter(content.replace(/^\uFEFF/, ""), data.page.inputPath);
    if (!block) return undefined;
    Object.assign(data, readTomlFrontMatter(block, data.page.inputPath));
    return block.body;
  });

  // Jekyll's other markdown extension is read exactly like `.md` (also listed in templateFormats).
  eleventyConfig.addExtension("markdown", { key: "md" });

  // Unpublished posts (drafts, future dates: see publication.ts) are dropped before anything reads
  // them, so no page, list, taxonomy or feed of a production build can mention them.
  // The preview builds them, except one at the URL of a published post (unpublishedOnPublishedUrls):
  // `check` warns about it, and the site is served without it rather than not at all.
  let shadowed = new Set<string>();
  eleventyConfig.on("eleventy.before", async (event: { directories: { input: string } }) => {
    if (!includeUnpublished() || !sources) return;
    const analyses = await sources.analyse(path.resolve(event.directories.input), event);
    shadowed = new Set([...unpublishedOnPublishedUrls(analyses, new Date()).keys()].map((analysis) => path.resolve(analysis.file)));
  });
  eleventyConfig.addPreprocessor("drafts", "md,markdown", (data: PostPageData) => {
    if (includeUnpublished()) return shadowed.has(path.resolve(data.page.inputPath)) ? false : undefined;
    const built = buildPost({ inputPath: data.page.inputPath, frontMatter: data.frontMatter ?? {}, body: "", site });
    // A post that does not build is reported by `post` below, with its errors.
    if (built.ok && !isPublished(built.post, new Date())) return false;
    return undefined;
  });
  // The raw file, once more (about 0.3 ms a post, measured on the samples): harmless quirks get
  // one warning each; an unclosed block whose text YAML accepts (so the engine never failed) is
  // caught here; and gray-matter does not call the engine for an empty block or a file without
  // front matter, so body lines are mapped to file lines from the text. Read synchronously: Eleventy
  // runs the preprocessors of one post after another, so an awaited read left the main thread idle
  // for a round trip per post (1.3 s of a warm 1,000-post build's 8.7 s, docs/benchmarks.md).
  eleventyConfig.addPreprocessor("front-matter-source", "md,markdown", (data: PostPageData) => {
    const fileText = readFileSync(data.page.inputPath, "utf8");
    const unclosed = findUnclosedFrontMatter(fileText, data.page.inputPath);
    if (unclosed) throw new DiagnosticError([unclosed]);
    findFileQuirks(fileText, data.page.inputPath).forEach(report);
    data.frontMatterSource ??= frontMatterSourceOf(fileText);
    return undefined;
  });

  // Excerpts and reading times of unchanged bodies come from the last build (body-summary.ts); the
  // pack is written after the process's first build, as the markdown caches are.
  const summaries = createBodySummaryCache(path.join(cacheDir("markdown"), "summary.pack"), { emoji: site.emoji });
  let summariesSaved = false;
  eleventyConfig.on("eleventy.after", () => {
    if (!summariesSaved) summaries.pack.save();
    summariesSaved = true;
  });

  // Last commit per post, read once per build (see git-dates.ts), only when `updatedFromGit` asks:
  // otherwise a fresh copy of this repository showed its own commit dates as the samples' 수정일.
  let gitDates = new Map<string, Date>();
  // First commit per file, only for posts with no date anywhere: asked once per build, when one is met.
  let firstCommits: (() => Promise<Map<string, Date>>) | undefined;
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    if (site.updatedFromGit) gitDates = await readGitDates(directories.input);
    let pending: Promise<Map<string, Date>> | undefined;
    firstCommits = () => (pending ??= readFirstCommitDates(directories.input));
  });

  eleventyConfig.addGlobalData("eleventyComputed", {
    post: async (data: PostPageData): Promise<Post | undefined> => {
      if (!isPostPath(data.page.inputPath)) return undefined;
      // Eleventy first calls computed functions with a proxy of the data to learn their dependencies.
      // The proxy lists no keys, so zod sees empty front matter and a post dated only in its front
      // matter would fail; `post` depends on no computed key, so that pass is skipped.
      if (Object.keys(data.page).length === 0) return undefined;
      const input = {
        inputPath: data.page.inputPath,
        relativePath: path.relative(postsDir, data.page.inputPath),
        frontMatter: data.frontMatter ?? {},
        source: data.frontMatterSource,
        body: data.page.rawInput ?? "",
        site,
        summarise: summaries.summarise,
      };
      let result = buildPost(input);
      if (!result.ok && result.undated) {
        result = buildPost({ ...input, undatedFallback: undatedFallback(data.page.inputPath, await (firstCommits?.() ?? Promise.resolve(new Map()))) });
      }
      result.warnings.forEach(report);
      if (!result.ok) throw new DiagnosticError(result.errors);
      const committed = result.post.updated ? undefined : gitDates.get(gitDateKey(data.page.inputPath));
      // A commit on the publish day is the post being written, not updated: only a later day counts.
      const fromGit = committed ? postDateFromInstant(committed, site.timeZone) : undefined;
      if (fromGit && !isSameCalendarDay(fromGit, result.post.date)) result.post.updated = fromGit;
      return result.post;
    },
    // Posts get their URL and layout from opsnote, never from their own front matter (which is
    // kept under `frontMatter`); generated pages keep the permalink they set.
    permalink: (data: PostPageData & { post?: Post; permalink?: unknown }) =>
      isPostPath(data.page.inputPath) ? data.post?.url : data.permalink,
  });
  eleventyConfig.addGlobalData("layout", "post");
}
