// Eleventy 3 with the posts as data, not templates, for `npm run bench`: every post read with
// gray-matter into global data, and one virtual template paginated over it (`size: 1`) renders each
// with Eleventy's default markdown-it (`html: true`) into the plain reference's layout, at the plain
// reference's URLs (plain-eleventy.config.mjs). The same pages as `plain`; the difference between the
// two is what Eleventy spends per post template (its data cascade, template objects and output kept
// for each file), the floor a redesign of opsnote's build around posts as data would remove.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import markdownIt from "markdown-it";

export default function (eleventyConfig) {
  const md = markdownIt({ html: true });
  const input = eleventyConfig.directories.input;
  eleventyConfig.addGlobalData("posts", () =>
    readdirSync(input, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".md"))
      .map((name) => {
        const { data, content } = matter(readFileSync(path.join(input, name), "utf8"));
        return { stem: name.replace(/\.md$/, ""), title: data.title, content };
      }),
  );
  eleventyConfig.addTemplate("posts.11ty.js", {
    data: { pagination: { data: "posts", size: 1, alias: "post" }, permalink: (data) => `/${data.post.stem}/` },
    render: ({ post }) =>
      `<!doctype html>\n<html lang="ko"><head><meta charset="utf-8"><title>${post.title ?? ""}</title></head>` +
      `<body><main><h1>${post.title ?? ""}</h1>${md.render(post.content)}</main></body></html>\n`,
  });
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ["11ty.js"],
};
