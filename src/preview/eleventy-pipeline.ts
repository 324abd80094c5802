/**
 * The fast path's view of a running Eleventy: the pieces of its merged configuration that turn a
 * post file into its page, taken from Eleventy itself so the fast path cannot drift from the build.
 */
import { createRequire } from "node:module";
import { postLayout } from "../layouts/post-layout.tsx";
import type { EleventyPipeline } from "./fast-path.ts";

/** The fields of Eleventy's merged configuration (`eleventy.config`) the fast path reads. */
export interface EleventyConfigView {
  frontMatterParsingOptions?: Record<string, unknown>;
  preprocessors?: EleventyPipeline["preprocessors"];
  transforms?: EleventyPipeline["transforms"];
  libraryOverrides?: { md?: EleventyPipeline["markdown"] };
}

// Eleventy reads front matter with its own gray-matter (@11ty/gray-matter), not the project's.
const requireFromEleventy = createRequire(import.meta.resolve("@11ty/eleventy"));
const grayMatter = requireFromEleventy("gray-matter") as EleventyPipeline["parseFrontMatter"];

/** @returns undefined until Eleventy has loaded the configuration and the markdown plugin. */
export function pipelineOf(config: EleventyConfigView | undefined): EleventyPipeline | undefined {
  const markdown = config?.libraryOverrides?.md;
  if (config === undefined || markdown === undefined) return undefined;
  return {
    parseFrontMatter: (text, options) => grayMatter(text, options),
    frontMatterParsingOptions: config.frontMatterParsingOptions,
    preprocessors: config.preprocessors ?? {},
    markdown,
    layout: postLayout,
    transforms: config.transforms ?? {},
  };
}
