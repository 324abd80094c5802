/**
 * The bench corpus as a Hugo site, so `npm run bench` can build the same posts with Hugo + Chroma
 * (and Pagefind after it): what a blogger would pick instead of opsnote.
 *
 * The corpus posts are Jekyll-style (`2018-01-01-note-1.md`, YAML front matter with title, date,
 * tags, categories, toc), which Hugo reads as they are; only a `slug` without the date prefix is
 * added, so URLs look like the Jekyll ones. The layouts are the minimum a real theme has: a post
 * page (title, date, tags, categories, the TOC when `toc: true`, the body inside
 * `data-pagefind-body` so Pagefind indexes posts only) and one paginated list page for the home page,
 * sections and the tag and category pages. Hugo's defaults add RSS feeds and a sitemap, as opsnote has.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface HugoFile {
  /** Path inside the Hugo site folder, `/`-separated. */
  path: string;
  text: string;
}

/** Same date-prefix rule as Jekyll's: `2018-01-01-note-1.md` is the post `note-1`. */
export function jekyllSlug(fileName: string): string {
  return fileName.replace(/\.md$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/** One corpus post as a Hugo content file: the same bytes, plus `slug` as the front matter's first key. */
export function hugoPost(fileName: string, text: string): HugoFile {
  if (!text.startsWith("---\n")) throw new Error(`${fileName}:1:1 error front matter: expected the post to start with "---"`);
  return { path: `content/posts/${fileName}`, text: `---\nslug: ${JSON.stringify(jekyllSlug(fileName))}\n${text.slice(4)}` };
}

const CONFIG = `baseURL = "https://bench.example.kr/"
languageCode = "ko-kr"
defaultContentLanguage = "ko"
title = "bench"
hasCJKLanguage = true
paginate = 10
# Chroma writes classes (one stylesheet), as opsnote does, instead of inline styles.
[markup.highlight]
  codeFences = true
  noClasses = false
  style = "github"
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
[taxonomies]
  tag = "tags"
  category = "categories"
`;

const HEAD = `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>`;

const SINGLE = `${HEAD}
<main><article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006년 1월 2일" }}</time>
{{ with .GetTerms "categories" }}{{ range . }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ end }}</p>
{{ if .Params.toc }}<nav>{{ .TableOfContents }}</nav>{{ end }}
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</main></body></html>
`;

const LIST = `${HEAD}
<main><h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where .Site.RegularPages "Section" "posts" }}{{ end }}
{{ range (.Paginate $pages).Pages }}
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></article>
{{ end }}
{{ template "_internal/pagination.html" . }}
</main></body></html>
`;

/** The whole site: config, layouts and one content file per post. */
export function hugoSiteFiles(posts: ReadonlyArray<{ fileName: string; text: string }>): HugoFile[] {
  return [
    { path: "hugo.toml", text: CONFIG },
    { path: "layouts/_default/single.html", text: SINGLE },
    { path: "layouts/_default/list.html", text: LIST },
    ...posts.map((post) => hugoPost(post.fileName, post.text)),
  ];
}

export function writeHugoFiles(site: string, files: readonly HugoFile[]): void {
  for (const file of files) {
    const target = path.join(site, ...file.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
