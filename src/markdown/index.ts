/**
 * Eleventy adapter for the markdown pipeline: installs the one markdown-it instance, computes each
 * post's table of contents from the same tokens the page renders, and writes the code colours' stylesheet.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";
import type { SiteSettings } from "../site.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { Post } from "../content/post.ts";
import { getCodeHighlighter, getCodeStylesheet, getHighlightSalt } from "./highlight.ts";
import { GENERATED_PAGE } from "../pages/virtual-template.ts";
import { CODE_STYLESHEET_URL } from "../urls/site-urls.ts";
import { createCachedHighlighter, createHighlightCache, defaultCacheDir, GRAMMARS_INPUT, removeFileEntries } from "./highlight-cache.ts";
import { prefillHighlightCache } from "./prefill-highlight-cache.ts";
import { fenceLanguages } from "./highlight-languages.ts";
import { createMarkdown, extractToc } from "./create-markdown.ts";
import { createRenderCache } from "./render-cache.ts";
import { openCachePack } from "./cache-pack.ts";
import { defineRenderInput } from "./render-inputs.ts";
import { renderSalt } from "./render-salt.ts";
import type { MarkdownEnv } from "./env.ts";
import { pageFeaturesOf } from "./page-features.ts";
import { createClientAssetWriter } from "./client-assets.ts";
import { mathCacheSalt } from "./math.ts";
import { cacheDir } from "../cache-dir.ts";
import path from "node:path";

const runMode = () => process.env.ELEVENTY_RUN_MODE ?? "build";

interface BuildEvent {
  outputMode?: string;
  directories?: { output?: string };
}

export interface MarkdownPluginOptions {
  site: Pick<SiteSettings, "tocDepth" | "math" | "emoji">;
  report: DiagnosticSink;
}

/**
 * Eleventy keeps every post's rendered body until the build ends. markdown-it returns it as a rope
 * of the pieces it concatenated, some of them slices that keep larger strings alive; reading one
 * character makes V8 flatten the rope into one string and drop the pieces (4% less live heap at the
 * end of a 1,000-post build, measured with `process.memoryUsage()` after a full GC).
 */
function keepRendersFlat(md: MarkdownIt): void {
  const render = md.render.bind(md);
  md.render = (text, env) => {
    const html = render(text, env);
    html.charCodeAt(html.length >> 1);
    return html;
  };
}

export async function markdownPlugin(eleventyConfig: UserConfig, { site, report }: MarkdownPluginOptions): Promise<void> {
  const highlighter = await getCodeHighlighter();
  const salt = await getHighlightSalt();
  const cache = createHighlightCache({ salt });
  const mathCache = createHighlightCache({ name: "math", salt: mathCacheSalt() }); // the same one-pack store
  // Rendered bodies and TOCs by text; the salt is everything else that changes them (render-salt.ts).
  const renders = createRenderCache({
    pack: openCachePack({ file: `${defaultCacheDir()}/render.pack`, salt: renderSalt({ highlightSalt: salt, mathSalt: mathCacheSalt(), site }) }),
    report,
    warnOnce: runMode() !== "build",
  });
  const md = createMarkdown({
    highlighter: createCachedHighlighter(highlighter, cache), report: renders.report, tocDepth: site.tocDepth, math: site.math, emoji: site.emoji, mathCache,
  });
  // A cached render keeps the highlighted blocks and formulas it was made of in their packs.
  for (const used of [cache, mathCache]) defineRenderInput(md, used.inputKind, (key) => (used.markUsed(key), ""));
  defineRenderInput(md, GRAMMARS_INPUT, (language) => highlighter.cacheKeyOf(language));
  // A cold build's blocks are highlighted on every core before rendering; the renderer then reads the cache.
  const scanned = new Map<string, number>(); // a preview rebuild rescans only edited posts
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    await prefillHighlightCache({ inputDir: directories.input, md, highlighter, cache, scanned });
  });
  // Grammars load asynchronously and rendering is sync: each post's fences load theirs before any page
  // renders (Eleventy runs every preprocessor before rendering), from the text Eleventy has already read.
  eleventyConfig.addPreprocessor("code-languages", "md,markdown", async (_data: unknown, content: string) => {
    await highlighter.loadLanguages(fenceLanguages(content));
  });
  // Unchanged posts are not rendered again, in a warm build as in the preview (render-cache.ts).
  renders.install(md);
  // The packs are written once, after the first build of the process: a preview's rebuilds keep their
  // new entries in memory rather than rewriting the packs on every save (the reload waits for this).
  let saved = false;
  eleventyConfig.on("eleventy.after", () => {
    if (process.env.OPSNOTE_DEBUG_RENDER_CACHE) console.error(`[opsnote] render cache: ${JSON.stringify(renders.stats)}`);
    if (saved) return;
    saved = true;
    for (const pack of [cache, mathCache, renders.pack]) pack.save();
    removeFileEntries([cache.dir, path.dirname(cache.dir), cacheDir("highlight"), cacheDir("math")]); // the one-file-per-entry cache before the packs
  });
  eleventyConfig.setLibrary("md", md);
  // Token colours are classes (token-classes.ts); their rules come from the same themes.
  const stylesheet = await getCodeStylesheet();
  eleventyConfig.addTemplate("_opsnote/markdown/code.css.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: CODE_STYLESHEET_URL },
    render: () => stylesheet,
  });
  // Eleventy disables indented code blocks on every markdown-it instance; posts use them.
  eleventyConfig.amendLibrary("md", (lib: typeof md) => lib.enable("code"));
  keepRendersFlat(md);
  // KaTeX's and Mermaid's files go into the output once some page has math or a diagram.
  const assets = createClientAssetWriter();
  let outputDir: string | undefined;
  eleventyConfig.on("eleventy.before", ({ outputMode, directories }: BuildEvent) => {
    outputDir = outputMode === "fs" ? directories?.output : undefined;
  });
  const render = md.render.bind(md);
  md.render = (text, env) => {
    const html = render(text, env);
    const features = pageFeaturesOf(env);
    if (outputDir !== undefined) {
      if (features.math) assets.need(outputDir, "math");
      if (features.mermaid) assets.need(outputDir, "mermaid");
    }
    return html;
  };
  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: BuildEvent) => {
    if (outputMode === "fs" && directories?.output) await assets.settle(directories.output);
  });
  eleventyConfig.addGlobalData("eleventyComputed", {
    // Eleventy first calls computed functions with placeholder data to learn their dependencies,
    // so `post` may not be a Post yet: check before reading it.
    toc: (data: MarkdownEnv & { post?: Partial<Post>; page: { rawInput?: string } }) =>
      data.post?.toc?.enabled === true
        ? renders.cached(md, `toc-${site.tocDepth}`, data.page.rawInput ?? "", data, () => extractToc(md, data.page.rawInput ?? "", site.tocDepth, data))
        : undefined,
  });
}
