// The naive Eleventy 3 + shiki setup for `npm run bench`: what a blogger gets by following shiki's
// README. One theme, and `codeToHtml` on every fence at every render through markdown-it's
// `highlight` option: no cache, no workers. Same layout and template settings as the plain reference
// (plain-eleventy.config.mjs), so the difference between the two is the highlighting alone.
import { createHighlighter } from "shiki";

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
  eleventyConfig.addTemplate("_layouts/plain.11ty.js", {
    render: (data) =>
      `<!doctype html>\n<html lang="ko"><head><meta charset="utf-8"><title>${data.title ?? ""}</title></head>` +
      `<body><main><h1>${data.title ?? ""}</h1>${data.content}</main></body></html>\n`,
  });
  eleventyConfig.addGlobalData("layout", "plain.11ty.js");
}

export const config = {
  dir: { layouts: "_layouts" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ["md", "11ty.js"],
};
