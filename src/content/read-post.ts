/**
 * Reads a post file's text the way a build does (opsnote's YAML or TOML reader, executable front
 * matter refused), for commands that look at posts without running Eleventy: `check`, `new`.
 */
import { frontMatterSourceOf, parsePostText as parseFile, type PostData } from "./front-matter.ts";

export interface PostText extends PostData {
  /** The markdown after the front matter; Eleventy's `page.rawInput`. */
  body: string;
}

/** @throws DiagnosticError for a YAML/TOML error or a non-YAML front-matter language. */
export function parsePostText(text: string, filePath: string): PostText {
  const { data, content } = parseFile(text, filePath);
  return {
    frontMatter: data.frontMatter ?? {},
    // An empty block (`---` then `---`) or no front matter never reaches the engine.
    frontMatterSource: data.frontMatterSource ?? frontMatterSourceOf(text),
    body: content,
  };
}
