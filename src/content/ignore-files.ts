/**
 * The files Eleventy leaves out because an ignore file lists them: `.gitignore` and `.eleventyignore`
 * in the project folder (the working directory) and `.eleventyignore` in the posts folder. Whatever
 * reads the posts besides Eleventy (`check`, the Jekyll post index) must see the posts the build
 * builds: a private note listed in `.gitignore` must neither fail the build nor resolve a `post_url`.
 *
 * Eleventy reads these files by rules of its own, which are not git's (`EleventyFiles.getFileIgnores`
 * and `normalizeIgnoreContent` in @11ty/eleventy 3): each line is a path from the ignore file's folder,
 * so `*.md` covers that folder only and not the ones below; a line naming an existing folder covers
 * everything in it; empty lines, `#` comments and `!` negations (unsupported there) are skipped; the
 * file search ignores case. Eleventy does not export them, so they are written again here, small, and
 * tests/content/ignore-files.test.ts builds sites to keep the two in step. picomatch is the matcher
 * under Eleventy's own file search (tinyglobby).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";

export interface IgnoreFilesOptions {
  /** The posts folder (Eleventy's input). */
  input: string;
  /** The project folder Eleventy resolves ignore files from. @default process.cwd() */
  root?: string;
}

/** Forward slashes: picomatch patterns and paths. */
const slashed = (file: string) => file.split(path.sep).join("/");

/** The ignore patterns of one file, as absolute globs; none when it is missing or empty. */
function globsOf(ignoreFile: string): string[] {
  let text: string;
  try {
    text = readFileSync(ignoreFile, "utf8");
  } catch {
    return [];
  }
  const folder = path.dirname(ignoreFile);
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#") && !line.startsWith("!"))
    .map((line) => {
      const target = path.join(folder, line);
      let isFolder = false;
      try {
        isFolder = statSync(target).isDirectory();
      } catch {
        // Not a path that exists: a pattern.
      }
      return slashed(isFolder ? path.join(target, "**") : target);
    });
}

/** Absolute glob patterns of every ignore file Eleventy reads for a build of `input`. */
export function ignoreGlobs({ input, root = process.cwd() }: IgnoreFilesOptions): string[] {
  const files = new Set([path.join(root, ".gitignore"), path.join(root, ".eleventyignore"), path.join(input, ".eleventyignore")].map((file) => path.resolve(file)));
  return [...files].flatMap(globsOf);
}

/** Whether Eleventy skips `file` (any path; resolved from the working directory) for a build of `input`. */
export function createIgnoreMatcher(options: IgnoreFilesOptions): (file: string) => boolean {
  const globs = ignoreGlobs(options);
  if (globs.length === 0) return () => false;
  const isMatch = picomatch(globs, { dot: true, nocase: true });
  return (file) => isMatch(slashed(path.resolve(file)));
}
