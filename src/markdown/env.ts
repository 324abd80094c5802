import type { FrontMatterSource } from "../content/front-matter.ts";

/**
 * What the markdown pipeline reads from markdown-it's `env`. Eleventy passes the page's data as
 * `env`, so these are ordinary data keys; tests pass them directly.
 */
export interface MarkdownEnv {
  page?: { inputPath?: string; url?: string | false };
  frontMatterSource?: FrontMatterSource;
}

/** The file and the 1-based file line of a block that starts at body line `mapLine` (0-based). */
export function sourceLocation(env: MarkdownEnv | undefined, mapLine: number | undefined) {
  return {
    file: env?.page?.inputPath ?? "(markdown)",
    line: mapLine === undefined ? undefined : mapLine + 1 + (env?.frontMatterSource?.bodyLineOffset ?? 0),
  };
}
