/**
 * Eleventy adapter for responsive images: before any page renders, each post's local raster images
 * are encoded (or read from `.cache/images`) in a preprocessor, which Eleventy awaits, so the
 * synchronous markdown renderer finds every image's variants ready and an image whose encoding
 * failed is published as it is instead of pointing at files that do not exist. After a written
 * build, the variants the pages use are copied from the cache into the output.
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { wasWritten } from "../static/recycled-output.ts";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt, Token } from "markdown-it";
import type { SiteSettings } from "../site.ts";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { cacheDir } from "../cache-dir.ts";
import { sourceLocation, type MarkdownEnv } from "../markdown/env.ts";
import { createImageVariants, type ImageVariants } from "./image-variants.ts";
import { startEncodingProgress } from "./encoding-progress.ts";
import { htmlImageFiles, pictureImagesPlugin } from "./picture-images.ts";
import { isResponsiveRaster } from "./raster-files.ts";
import { wantsLqip } from "./wants-lqip.ts";

export interface ResponsiveImagesPluginOptions {
  site: Pick<SiteSettings, "images" | "pathPrefix">;
  report: DiagnosticSink;
  /** @default createImageVariants({ cacheDir: cacheDir("images") }) */
  variants?: ImageVariants;
}

/** The local image files a parsed post shows (`meta.file`, set by src/static/local-references.ts), with their lines. */
export function imageFilesOf(tokens: readonly Token[]): Map<string, number | undefined> {
  const files = new Map<string, number | undefined>();
  const add = (file: string, line: number | undefined) => {
    if (!files.has(file)) files.set(file, line);
  };
  for (const token of tokens) {
    // Raw `<img src>` in the post's HTML (Minimal Mistakes posts often write their images so).
    for (const file of Object.values(htmlImageFiles(token))) add(file, token.map?.[0]);
    for (const child of token.children ?? []) {
      const file = child.type === "image" ? (child.meta?.file as string | undefined) : undefined;
      if (file !== undefined) add(file, token.map?.[0]);
      for (const html of Object.values(htmlImageFiles(child))) add(html, token.map?.[0]);
    }
  }
  return files;
}

interface BuildEvent {
  outputMode?: string;
  directories?: { output?: string };
}

export function responsiveImagesPlugin(eleventyConfig: UserConfig, { site, report, variants = createImageVariants({ cacheDir: cacheDir("images") }) }: ResponsiveImagesPluginOptions): void {
  let md: MarkdownIt | undefined;
  const amended = new WeakSet<object>();
  eleventyConfig.amendLibrary("md", (lib: MarkdownIt) => {
    // Eleventy may amend one instance more than once; the renderer is wrapped once.
    if (amended.has(lib)) return;
    amended.add(lib);
    md = lib;
    lib.use(pictureImagesPlugin, {
      variants: (file: string) => (site.images.responsive ? variants.get(file) : undefined),
      wantsLqip: (env: unknown) => wantsLqip(env, site.images.lqip),
      pathPrefix: site.pathPrefix,
    });
  });

  let stopProgress = () => {};
  eleventyConfig.on("eleventy.before", () => {
    variants.reset();
    stopProgress();
    stopProgress = startEncodingProgress(variants, (line) => console.log(`[opsnote] ${line}`));
  });

  eleventyConfig.addPreprocessor("responsive-images", "md,markdown", async (data: MarkdownEnv & { eleventy?: unknown; frontMatter?: unknown }, content: string) => {
    if (!site.images.responsive || md === undefined || !content.includes("![") && !/<img\b/i.test(content)) return;
    // A copy of the env: a parse writes flags (math, diagrams) into it that belong to the real render.
    const env = { page: data.page, eleventy: data.eleventy, frontMatterSource: data.frontMatterSource, frontMatter: data.frontMatter };
    const lqip = wantsLqip(data, site.images.lqip);
    // A missing file already has its warning (the image check, src/check): no second one from here.
    const files = [...imageFilesOf(md.parse(content, env))].filter(([file]) => isResponsiveRaster(file) && existsSync(file));
    await Promise.all(files.map(async ([file, line]) => {
      const result = await variants.prepare(file, { lqip });
      if (!(result instanceof Error)) return;
      report({
        severity: "warning", ...sourceLocation(env, line), field: "image", kind: "unencodable-image", target: path.basename(file),
        message: `no AVIF/WebP copies of ${path.basename(file)} (published as it is): ${result.message}`,
      });
    }));
  });

  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: BuildEvent) => {
    stopProgress();
    const output = directories?.output;
    if (outputMode !== "fs" || output === undefined) return;
    await Promise.all(variants.used().map(async ({ url, file }) => {
      const target = path.join(output, ...url.split("/").filter((s) => s !== ""));
      const [from, to] = await Promise.all([stat(file), stat(target).catch(() => undefined)]);
      // A recycled file not yet written (src/static/recycled-output.ts) is no copy, whatever the source's date.
      if (to && wasWritten(to) && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(file, target);
    }));
    const { encoded, cached, failed } = variants.counts();
    if (encoded + failed > 0) console.log(`[opsnote] images: ${encoded} encoded, ${cached} from the cache${failed > 0 ? `, ${failed} failed` : ""}`);
  });
}
