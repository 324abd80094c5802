// The naive Eleventy 3 + shiki setup for `npm run bench`: what a blogger gets by following shiki's
// README. One theme, and `codeToHtml` on every fence at every render through markdown-it's
// `highlight` option: no cache, no workers. Same layout and template settings as the plain reference
// (plain-eleventy.config.mjs), so the difference between the two is the highlighting alone.
import { createHighlighter } from "shiki";
import plainEleventy, { config } from "./plain-eleventy.config.mjs";

export { config };

export default async function (eleventyConfig) {
  const highlighter = await createHighlighter({
    themes: ["github-light"],
    langs: ["yaml", "bash", "console", "dockerfile", "hcl", "json", "go", "python"],
  });
  eleventyConfig.amendLibrary("md", (md) => {
    md.set({
      highlight: (code, lang) =>
        highlighter.codeToHtml(code, { lang: highlighter.getLoadedLanguages().includes(lang) ? lang : "text", theme: "github-light" }),
    });
  });
  plainEleventy(eleventyConfig);
}
