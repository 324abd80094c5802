// The reference build for `npm run bench`: Eleventy 3 as it comes (its default markdown-it, no
// highlighting) with a minimal layout. Posts stay non-templates, as in opsnote, so the two builds
// parse the same markdown and `{{ }}` in code blocks cannot fail the reference.
export default function (eleventyConfig) {
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
