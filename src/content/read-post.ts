/**
 * Reads a post file's text the way a build does (gray-matter with opsnote's YAML reader, executable
 * front matter refused), for commands that look at posts without running Eleventy: `check`, `new`.
 */
import matter from "gray-matter";
import { readFrontMatter, refuseFrontMatterLanguage, type PostData } from "./front-matter.ts";

export interface PostText extends PostData {
  /** The markdown after the front matter; Eleventy's `page.rawInput`. */
  body: string;
}

/** @throws DiagnosticError for a YAML error or a non-YAML front-matter language. */
export function parsePostText(text: string, filePath: string): PostText {
  const withPath = (engine: (text: string, options: { filePath?: string }) => unknown) => (yamlText: string) =>
    engine(yamlText, { filePath }) as object;
  const parsed = matter(text, {
    language: "yaml",
    engines: {
      yaml: withPath(readFrontMatter),
      js: withPath(refuseFrontMatterLanguage("js")),
      javascript: withPath(refuseFrontMatterLanguage("javascript")),
      node: withPath(refuseFrontMatterLanguage("node")),
    },
  });
  // An empty block (`---` then `---`) or no front matter never reaches the engine.
  const data = parsed.data as Partial<PostData>;
  const linesBeforeBody = text.slice(0, text.length - parsed.content.length).split("\n").length - 1;
  return {
    frontMatter: data.frontMatter ?? {},
    frontMatterSource: data.frontMatterSource ?? { bodyLineOffset: linesBeforeBody, keyLines: {} },
    body: parsed.content,
  };
}
