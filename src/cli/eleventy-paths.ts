/**
 * Works around a path comparison in Eleventy (`TemplatePath.stripLeadingSubPath` in
 * @11ty/eleventy-utils 2.0.7): it strips the project folder from a path by plain string prefix, so
 * with the project at `/tmp/blog` and the posts at `/tmp/blog-ext/posts` every generated page's
 * path became `ext/posts/…`, no page matched its dependency-graph entry, and every build died with
 * "entry._pages is not iterable". The replacement strips a folder only on a path-segment boundary.
 */
import { createRequire } from "node:module";

interface TemplatePathModule {
  normalize(thePath: string): string;
  stripLeadingSubPath(filePath: string, subPath: string): string;
}

/** `filePath` without the leading folder `subPath`, when `filePath` is inside it; else unchanged. */
export function stripLeadingFolder(filePath: string, subPath: string, normalize: (p: string) => string = (p) => p): string {
  const file = normalize(filePath);
  const folder = normalize(subPath);
  if (folder === "." || !file.startsWith(folder)) return file;
  // Eleventy's callers expect the original's arithmetic (`slice(length + 1)`) for paths inside.
  if (file.length > folder.length && (file[folder.length] === "/" || folder.endsWith("/"))) {
    return file.slice(folder.length + (folder.endsWith("/") ? 0 : 1));
  }
  return file === folder ? "" : file;
}

let installed = false;

/** Replaces Eleventy's comparison, once per process (Eleventy's modules are process-wide). */
export function fixEleventyPathPrefixes(): void {
  if (installed) return;
  installed = true;
  const requireFromEleventy = createRequire(import.meta.resolve("@11ty/eleventy"));
  const { TemplatePath } = requireFromEleventy("@11ty/eleventy-utils") as { TemplatePath: TemplatePathModule };
  TemplatePath.stripLeadingSubPath = (filePath, subPath) => stripLeadingFolder(filePath, subPath, (p) => TemplatePath.normalize(p));
}

/**
 * The Eleventy config the commands load. OPSNOTE_ELEVENTY_CONFIG points it elsewhere: `npm run build`
 * and `npm test` run the commands from an esbuild bundle (src/cli/bundle.mjs writes the bundled path in
 * here), whose bundled `.eleventy.mjs` shares its modules with the command; Node alone cannot load the
 * `.ts` file, which the commands load when run through tsx.
 */
export function eleventyConfigPath(): string {
  return process.env.OPSNOTE_ELEVENTY_CONFIG || ".eleventy.ts";
}
