/**
 * Hundreds of identical lines help nobody: warnings are grouped by kind, each group with its count,
 * three examples and the one setting or command that fixes the whole group. Used by the import's
 * final report and by `--report` (the build's warnings) alike.
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface ReportItem {
  kind: string;
  /** `file:line:col severity field: message`, or any one line that names the file. */
  line: string;
}

export interface WarningGroup {
  kind: string;
  count: number;
  /** What the kind means, counted: `12 images referenced but not found in the old site`. */
  summary: string;
  /** The one thing that fixes the group. */
  fix: string;
  items: string[];
}

interface KindText {
  /** Plural noun phrase after the count. */
  what: string;
  fix: string;
}

/** Import kinds and the build's diagnostic fields (the `field` of each warning). */
export const KIND_TEXTS: Readonly<Record<string, KindText>> = {
  "missing-file": { what: "files referenced but not found in the old site", fix: "add them or remove the references" },
  "theme-source": { what: "files a post names that the old site served from another folder at its root (Hexo's theme source/, Icarus' /thumbnails/; Hugo's assets/), copied into static/", fix: "nothing to do" },
  "hugo-alias": { what: "relative Hugo aliases (read from the post's folder) written as the root paths they named", fix: "nothing to do" },
  "hugo-image": { what: "Hugo posts whose theme's own image key (PaperMod's cover.image, DoIt's featuredImage, …) is written as image in the copy", fix: "nothing to do" },
  "root-url": { what: "relative image and file paths that the old site published from its root, not beside the post (Hugo themes' render hooks, Hexo's markdown renderer), written as root paths in the copy", fix: "nothing to do" },
  "theme-image": { what: "front-matter images given by name that the old theme found in a folder of its own", fix: "nothing to do: the copies name their root path (image: /images/x.jpg)" },
  outside: { what: "files referenced outside the old site", fix: "copy them into the project by hand" },
  "root-file": { what: "files at the old site's root (favicon, CNAME, robots.txt), not copied", fix: "put them in a folder listed in staticDirs, or add them to your host by hand" },
  crlf: { what: "posts saved with Windows line endings (CRLF), written with LF in the copy", fix: "nothing to do" },
  "generated-file": { what: "files of the old site's static folders that opsnote writes itself (robots.txt, sitemap.xml, feeds), not copied", fix: "nothing to do; carry any rule of your own (a Disallow line) by hand" },
  "theme-file": { what: "scripts or stylesheets of the old theme at the URL of opsnote's own (assets/js/search.js), not copied", fix: "nothing to do: opsnote's layouts do not load the old theme's files" },
  translation: { what: "translations of posts (Hugo's x.en.md beside x.md, or content/en/x.md for content/ko/x.md), not imported: opsnote builds one language", fix: "nothing to do: their old URLs redirect to the post in the site's language" },
  "hugo-keys": { what: "Hugo posts whose front-matter keys opsnote spells otherwise (Tags: -> tags:, summary -> excerpt), renamed in the copy", fix: "nothing to do (Hugo read keys in any case; opsnote reads them as written)" },
  "hexo-tag": { what: "Hexo tag plugins converted to markdown (asset_img, asset_link, codeblock, blockquote, note, raw, post_link, youtube, iframe) or asset-folder image paths shortened", fix: "nothing to do; glance at the pages they are on" },
  "hexo-tag-kept": { what: "Hexo tag plugins kept as written (opsnote does not run them; readers see the tag as text)", fix: "replace each with markdown (an image, a link, a fence), or delete it" },
  "hexo-relative-url": { what: "relative image or file paths Hexo left for the browser to read against the post's URL (../images/x.png), written as the root path they named", fix: "nothing to do" },
  "hexo-front-matter": { what: "Hexo posts whose front matter opsnote reads otherwise (a one-term string, nested categories, a permalink without its /, a draft, the theme's cover image as image:), written so in the copy", fix: "nothing to do" },
  refused: { what: "posts with code in their front matter (---js), not imported", fix: "rewrite their front matter as YAML and import them again" },
  converted: { what: "Hugo/Zola shortcodes converted to markdown (figure, highlight, notice, mermaid, katex, youtube, details, lead, icon, carousel, button, cards)", fix: "nothing to do; glance at the pages they are on" },
  shortcode: { what: "Hugo/Zola shortcodes kept as written", fix: "replace them with markdown (an image, a fence, a `> [!NOTE]` callout)" },
  "post-link": { what: "links to other posts (Hugo's ref and relref, Zola's @/ paths) written as links to the post's file, which the build turns into its URL", fix: "nothing to do" },
  "gatsby-toc": { what: "Gatsby posts with a ```toc block (gatsby-remark-table-of-contents), which opsnote makes from toc: true: the block removed and toc: true written in the copy", fix: "nothing to do" },
  "gatsby-front-matter": { what: "Gatsby posts whose front matter opsnote spells otherwise (gatsby-starter-hoodie's update:), written so in the copy", fix: "nothing to do" },
  "hexo-date": { what: "Hexo posts whose date Hexo could not read (`date: Invalid date`), dated as Hexo dated them, by the file, in the copy", fix: "nothing to do; correct the date in the copy if you know it" },
  "old-url-link": { what: "links written against the old site's URLs (`../other-post/`), which the browser read against the post's old URL, written as the post's file or the root path they named", fix: "nothing to do" },
  "post-link-kept": { what: "links to other posts that name no post of the old site (Hugo's ref and relref, Zola's @/ paths), kept as written", fix: "point each at the post's file (`[x](./other.md)`) or its URL" },
  "empty-term": { what: "posts with an empty item in a tag or category list, removed in the copy (Jekyll ignored it)", fix: "nothing to do" },
  defaults: { what: "posts given a value by the old site's _config.yml defaults for their folder (path:), written in the copy", fix: "nothing to do" },
  "defaults-kept": { what: "posts given a value by the old site's _config.yml defaults for their folder whose front matter could not be edited", fix: "add the key each line names to that post's front matter" },
  "liquid-url": { what: "front-matter values written with {{ site.url }}, {{ site.baseurl }} or a URL filter, written as the path they name in the copy", fix: "nothing to do" },
  "link-spaces": { what: "Jekyll posts with spaces in a link or image target (kramdown read them; CommonMark shows such a link as text), written %20 in the copy", fix: "nothing to do" },
  bom: { what: "posts saved with a byte order mark (BOM), removed in the copy (the old generator ignored it)", fix: "nothing to do" },
  "url-clash": { what: "posts that had the URL of the post the old site showed there (a later one, or a published one for a draft), given a URL of their own", fix: "nothing to do; set a permalink of your choice in those posts if you like" },
  "url-clash-kept": { what: "posts on another post's URL whose front matter could not be edited", fix: "add the permalink each line names to that post's front matter: the build stops on two posts at one URL" },
  page: { what: "pages of the old site that are not posts, imported as standalone pages at their old URLs", fix: "nothing to do (they need no date and stay out of the post lists)" },
  skipped: { what: "parts of the old site left out on purpose", fix: "see the reason on each line" },
  setting: { what: "settings that could not be carried as they were", fix: "check these keys in opsnote.config.yaml" },
  redirect: { what: "old URLs the new URL pattern cannot reproduce, answered by a redirect page", fix: "nothing to do: they are listed under `redirects` in opsnote.config.yaml" },
  url: { what: "old URLs that cannot be answered", fix: "add a `redirects` entry in opsnote.config.yaml for each" },
  "media-subpath": { what: "posts with Chirpy's media_subpath (img_path), their images' whole paths written in the copy as Chirpy published them", fix: "nothing to do" },
  "media-subpath-kept": { what: "posts with Chirpy's media_subpath whose copy could not be edited", fix: "write the images' full /assets/… paths in those posts" },
  renamed: { what: "file names normalised to NFC (macOS NFD names)", fix: "nothing to do; links by the old name are still checked" },
  // Build diagnostics, by field.
  image: { what: "images that resolve to no file", fix: "add the files (or list their top-level folder under staticDirs) or remove the references" },
  "unencodable-image": { what: "images sharp could not read, published as they are without AVIF/WebP copies", fix: "replace them with valid PNG, JPEG or WebP files, or set images.responsive: false" },
  link: { what: "links to pages that do not exist", fix: "set `permalink` (or `redirects`) in opsnote.config.yaml so the old URLs resolve, or fix the links" },
  anchor: { what: "links to headings that do not exist", fix: "fix the #anchor to the heading's id" },
  liquid: { what: "Liquid tags or objects kept as written (not run)", fix: "replace them with markdown, or `render_with_liquid: false` to keep them quietly" },
  include: { what: "theme includes kept as written", fix: "replace them with markdown" },
  post_url: { what: "{% post_url %} targets not found", fix: "fix the post name in each tag" },
  code: { what: "code blocks in an unknown language, shown as plain text", fix: "use a language name shiki knows (or `text`)" },
  redirect_from: { what: "redirects not written (not a path, or a real page is there)", fix: "remove or fix those redirect_from/aliases entries" },
  date: { what: "dates with an impossible offset or no date", fix: "write the date as 2024-01-05 10:00:00 +0900" },
};

function textOf(kind: string): KindText {
  return KIND_TEXTS[kind] ?? { what: `warnings of kind "${kind}"`, fix: "see the examples" };
}

/** Groups by kind, most frequent first. */
export function groupWarnings(items: readonly ReportItem[]): WarningGroup[] {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item.line]);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([kind, lines]) => ({ kind, count: lines.length, summary: `${lines.length} ${textOf(kind).what}`, fix: textOf(kind).fix, items: lines }));
}

export const EXAMPLES_PER_GROUP = 3;

/** `12 images … (3 examples) — add them …`, then the examples (all of them with `verbose`). */
export function formatGroups(groups: readonly WarningGroup[], verbose = false): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    const shown = verbose ? group.items : group.items.slice(0, EXAMPLES_PER_GROUP);
    const label = verbose || shown.length === group.count ? "" : ` (${shown.length} examples)`;
    lines.push(`${group.summary} [${group.kind}]${label} — ${group.fix}`);
    for (const line of shown) lines.push(`    ${line}`);
  }
  return lines;
}

/**
 * Build warnings as report items: the kind is the diagnostic's field, except for kinds the field does not
 * tell apart (an image that cannot be encoded is not a missing one). Ordered by file and position: the
 * warnings arrive in the order the build's parallel work finished, and the examples must not change
 * from run to run.
 */
export function diagnosticItems(diagnostics: readonly Diagnostic[]): ReportItem[] {
  const ordered = [...diagnostics].sort((a, b) =>
    (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
  return ordered.map((d) => ({ kind: d.kind === "unencodable-image" ? d.kind : d.field ?? "other", line: formatDiagnostic(d) }));
}
