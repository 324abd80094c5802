/**
 * `npm run import`: moves a whole Jekyll, Hugo, Zola, Hexo or Gatsby blog (or a bare folder of posts) into an
 * opsnote project: posts with their sub-folders and bundles, every file they reference, the site's
 * static folders, its settings (into `opsnote.config.yaml`), its about page, and a redirect for
 * every old URL the new URL pattern cannot reproduce.
 *
 * Posts are copied as they are (the build understands Liquid, kramdown and TOML front matter);
 * only file names are normalised to NFC so a macOS (NFD) name and its URL agree. Nothing is ever
 * overwritten: the whole import is planned first, and any conflict stops it before a single file
 * is written.
 */
import { constants, existsSync, statSync } from "node:fs";
import { copyFile, mkdir, open, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { parsePostText } from "../content/front-matter.ts";
import { buildPost } from "../content/post.ts";
import { parsePostDate, postDateFromInstant } from "../content/dates.ts";
import { readFirstCommitDates } from "../content/git-dates.ts";
import { undatedFallback } from "../content/undated.ts";
import { postStatus } from "../content/publication.ts";
import { siteSettingsSchema } from "../settings/schema.ts";
import { detectSite, type SourceFamily } from "./detect-site.ts";
import { IGNORED_BY_HUGO, JEKYLL_POST_NAME, listFiles, POST_FILE, readSiteLayout, splitLanguage, timeZoneOf } from "./site-layout.ts";
import { findShortcodes, liquidUrlPath, referencedFiles } from "./references.ts";
import { convertShortcodes } from "./convert-shortcodes.ts";
import { convertHexoTags, findHexoTags, rootRelativeTargets } from "./convert-hexo-tags.ts";
import { applyMediaSubpath, mediaSubpathOf, previewImageUnderSubpath, withMediaSubpath } from "./media-subpath.ts";
import { convertGatsbyToc, renameGatsbyUpdate } from "./convert-gatsby.ts";
import { addFrontMatterKeys, removeFrontMatterKeys, replaceFrontMatterStrings, dropEmptyTermItems, hexoFrontMatter, hugoThemeImage, renameHugoKeys, setFrontMatterString, setPermalink } from "./edit-front-matter.ts";
import { keepValidSettings, SETTINGS_BACKUP_FILE, SETTINGS_FILE, updateSettingsFile, type SettingChange } from "./settings-file.ts";
import type { TranslatedSettings } from "./translate-settings.ts";
import type { ReportItem } from "./group-warnings.ts";
import { displayPath } from "../diagnostics/diagnostic.ts";
import { redirectFilePath } from "../jekyll/redirects.ts";
import { encodeKramdownLinkSpaces } from "../jekyll/convert-liquid.ts";
import { parse as parseYaml } from "yaml";
import { GENERATED_FILE_URLS, OPSNOTE_ASSET_URLS, categoryUrl, tagUrl } from "../urls/site-urls.ts";
import { termSlug } from "../slug/slugify.ts";

export { translatePermalink } from "./old-urls.ts";
import { rootedAliases } from "./old-urls.ts";
import { contentFileResolver, convertInternalLinks, convertOldUrlLinks, pagesByOldUrl, urlSet, type ContentFile, type MovedPage } from "./internal-links.ts";

/** A Hugo `{{< ref >}}` / `{{< relref >}}` or a Zola `@/` link: a link to another post (internal-links.ts). */
const INTERNAL_LINK = /\{\{[<%]\s*(?:rel)?ref\s|\]\(\s*<?@\//i;

/** A local URL's path as a file path: without its query and fragment, percent-decoded where it decodes. */
function decodedPath(url: string): string {
  const pathname = url.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export interface ImportOptions {
  /** A Jekyll, Hugo or Zola site, or a folder of posts (a `_posts` folder). */
  source: string;
  /** The opsnote project: static folders and `opsnote.config.yaml` go here. @default "." */
  root?: string;
  /** @default "<root>/posts" */
  postsDir?: string;
  /** Where the old site's `/assets/` goes. @default "<root>/assets" */
  assetsDir?: string;
  /** Plan and report, write nothing. @default false */
  dryRun?: boolean;
}

export interface ImportPlanItem {
  from: string;
  to: string;
  /** Written instead of copying `from` (a post whose shortcodes were converted). */
  text?: string;
}

export interface ImportResult {
  family: SourceFamily;
  /** Markdown posts copied. */
  posts: ImportPlanItem[];
  /** Every other file copied: bundle media, referenced files, static folders. */
  files: ImportPlanItem[];
  /** Files written from scratch (the about page, the settings file and its backup). */
  written: { to: string; text: string }[];
  /** Target files that already exist (or would be written twice): nothing was written. */
  conflicts: string[];
  /** Grouped by kind in the final report. */
  warnings: ReportItem[];
  settings: TranslatedSettings;
  /** Keys of the settings file that change, with old and new values. */
  changes: SettingChange[];
  /** Old URL -> new URL, for the posts whose URL the new pattern does not reproduce. */
  redirects: Record<string, string>;
  /** Old URL of every imported post (and the about page), for checking. */
  oldUrls: { file: string; oldUrl: string; newUrl?: string }[];
}

/** Where themes look up a front-matter image given by name alone (`image: x.jpg`). */
const THEME_IMAGE_DIRS = ["images", "img", "assets/img", "assets/images"];
/** Front matter in a language that runs code: refused, as the build refuses it. */
const CODE_FRONT_MATTER = /^\uFEFF?---\s*(js|javascript|node|coffee|cson)\b/i;

const toPosix = (relative: string) => relative.split(path.sep).join("/");

/** Reads 3 bytes, not the whole file: static folders hold videos and archives too. */
async function startsWithFrontMatter(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(3), 0, 3, 0);
    return buffer.toString("latin1", 0, bytesRead) === "---";
  } finally {
    await handle.close();
  }
}
const nfcPath = (relative: string) => relative.split(/[\\/]/).map((segment) => segment.normalize("NFC")).join(path.sep);
const HANGUL = /[\uac00-\ud7a3]/u;
const normalizeUrl = (url: string) => {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // keep as written
  }
  return decoded.normalize("NFC");
};


/**
 * A page of the old site in opsnote's words: a standalone `layout: page` at `permalink` (the about page
 * at /about/), with its description (the meta description) and `toc: true` when the old theme showed a
 * table of contents on its pages too.
 */
export function standalonePageText(title: string, permalink: string, body: string, toc = false, description?: string): string {
  const plain = /^[\p{L}\p{N}/._~%-]+$/u.test(permalink) ? permalink : JSON.stringify(permalink);
  const about = description === undefined || description.trim() === "" ? "" : `description: ${JSON.stringify(description.trim())}\n`;
  return `---\nlayout: page\ntitle: ${JSON.stringify(title)}\n${about}permalink: ${plain}\n${toc ? "toc: true\n" : ""}---\n${body.replace(/^\n*/, "\n")}`;
}

/**
 * The title of a page whose front matter gives none: its file's name, or a section's (`_index.md`) folder
 * name with a capital first letter, as Hugo titles a section (`projects/_index.md` is "Projects").
 */
function fallbackPageTitle(file: string): string {
  const name = path.basename(file).replace(/\.\w+$/, "");
  if (name !== "_index") return name;
  const folder = path.basename(path.dirname(file));
  return folder.charAt(0).toUpperCase() + folder.slice(1);
}

/**
 * Whether a page shows a table of contents: its own switch (`toc`, hugo-book's `bookToc`, Blowfish's
 * `showTableOfContents`, in any case), else `siteToc`.
 */
function pageToc(frontMatter: Record<string, unknown>, siteToc: boolean): boolean {
  const own = Object.entries(frontMatter).find(([key, value]) => /^(toc|booktoc|showtableofcontents)$/i.test(key) && typeof value === "boolean");
  return own === undefined ? siteToc : own[1] === true;
}

/** The line (1-based) of the `nth` (0-based) occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string, nth = 0): number | undefined {
  let index = -1;
  for (let n = 0; n <= nth; n++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) return undefined;
  }
  return text.slice(0, index).split("\n").length;
}

/** Every string in front matter, at any depth (`header: { teaser: … }`, lists). */
function frontMatterStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(frontMatterStrings);
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return Object.values(value).flatMap(frontMatterStrings);
  return [];
}

/** A source file's front matter and body, or undefined when its front matter cannot be read. */
function readSource(text: string, file: string): { frontMatter: Record<string, unknown>; body: string; bodyLineOffset: number } | undefined {
  try {
    const parsed = parsePostText(text, file);
    return { frontMatter: parsed.data.frontMatter ?? {}, body: parsed.content, bodyLineOffset: parsed.data.frontMatterSource?.bodyLineOffset ?? 0 };
  } catch {
    return undefined;
  }
}

/** Plans the whole import; writes only when there is no conflict (and not `dryRun`). */
export async function importSite(options: ImportOptions): Promise<ImportResult> {
  const root = path.resolve(options.root ?? ".");
  const postsDir = path.resolve(options.postsDir ?? path.join(root, "posts"));
  const assetsDir = path.resolve(options.assetsDir ?? path.join(root, "assets"));
  const site = await detectSite(options.source);
  const layout = await readSiteLayout(site);
  /** Whether the old site served a file at this root path (`/img/x.png`): from its root folder, or one it also served from (rootFallbackDirs). */
  const servedAtRoot = (rootPath: string) => [layout.urlRoot, ...(layout.rootFallbackDirs ?? [])].some((dir) => existsSync(path.join(dir, decodedPath(rootPath))));
  const settings = layout.settings;
  const result: ImportResult = {
    family: site.family, posts: [], files: [], written: [], conflicts: [], warnings: [], settings,
    changes: [], redirects: {}, oldUrls: [],
  };
  const warn = (kind: string, file: string, message: string, line?: number) =>
    result.warnings.push({ kind, line: `${displayPath(file)}${line === undefined ? "" : `:${line}:1`} warning ${kind}: ${message}` });
  const permalink = settings.values.permalink ?? siteSettingsSchema.parse({}).permalink;
  const timeZone = timeZoneOf(settings);
  const pathPrefix = (settings.values.pathPrefix ?? "/").replace(/\/+$/, "");
  const staticNames = new Set<string>();
  const planned = new Map<string, string>();
  const plan = (list: ImportPlanItem[], from: string, to: string) => {
    const previous = planned.get(to);
    if (previous === from) return;
    if (previous !== undefined) result.conflicts.push(`${to} (from both ${previous} and ${from})`);
    planned.set(to, from);
    list.push({ from, to });
  };
  /** Where a root URL of the old site lands in the project: `/assets/…` in assets, the rest at the root. */
  const projectPathOf = (segments: string[]) =>
    segments[0] === "assets" ? path.join(assetsDir, ...segments.slice(1)) : path.join(root, ...segments);

  /** Posts with the URL opsnote gives them, to find two on one URL (see below). */
  const builtPosts: {
    item: ImportPlanItem; shown: string; url: string; date: string; file: string;
    /** `draft` and `scheduled` posts were not on the old site (no generator builds them by default). */
    status: ReturnType<typeof postStatus>;
    old: ImportResult["oldUrls"][number];
    /** The redirect from its old URL, when the pattern moved it. */
    redirect?: ReportItem;
  }[] = [];
  const now = new Date();
  /** The slugs of the imported posts' terms: a theme's old page of a term redirects to opsnote's, if it has one. */
  const termSlugs = { tags: new Set<string>(), categories: new Set<string>() };
  /** Hexo's tag and category pages of the published posts, by old URL. */
  const oldTermUrls = new Map<string, { kind: "tags" | "categories"; name: string; oldUrl: string; file: string }>();
  /** Posts titled in Korean, against the language the old config names (a theme's UI language, often). */
  let koreanTitles = 0;
  /**
   * Hexo's `{% post_link name %}`: each post's new URL and title by the names Hexo finds it by (its
   * path inside `_posts/` without the extension, and its file name), read before any post is copied.
   */
  const hexoPosts = new Map<string, { url: string; title: string }>();
  if (site.family === "hexo") {
    for (const source of layout.sources.filter((s) => !s.drafts)) {
      for (const relative of (await listFiles(source.dir)).filter((f) => POST_FILE.test(f))) {
        const frontMatter = readSource(await readFile(path.join(source.dir, relative), "utf8"), relative)?.frontMatter ?? {};
        const inputPath = toPosix(path.join(source.target, source.targetOf?.(relative) ?? relative));
        const built = buildPost({ inputPath, relativePath: inputPath, frontMatter, body: "", site: { timeZone, permalink } });
        if (!built.ok) continue;
        const entry = { url: built.post.url, title: typeof frontMatter.title === "string" ? frontMatter.title : path.basename(relative).replace(POST_FILE, "") };
        const name = relative.replace(POST_FILE, "");
        hexoPosts.set(name, entry);
        if (!hexoPosts.has(path.posix.basename(name))) hexoPosts.set(path.posix.basename(name), entry);
      }
    }
  }
  /** Hugo's and Zola's posts and pages by their path under `content/`, for the links between them (internal-links.ts). */
  const contentFiles: ContentFile[] = [];
  const contentPathOf = (file: string) => toPosix(path.relative(layout.contentDir ?? site.root, file));
  /** Posts with a `{{< ref >}}` or an `@/` link, converted once every copy's place is known. */
  const linking: { item: ImportPlanItem; shown: string; text: string; contentFile: ContentFile }[] = [];
  let resolver: ReturnType<typeof contentFileResolver> | undefined;
  /**
   * Converts a post's or a page's links to other posts (`{{< ref >}}`, `@/`), with a line of the report
   * for each. Called once every post and page is in `contentFiles`.
   */
  const convertLinks = (text: string, firstBodyLine: number, contentFile: ContentFile, original: string, shown: string) => {
    const files = (resolver ??= contentFileResolver(contentFiles));
    const converted = convertInternalLinks(text, contentFile, (reference, kind) => (kind === "hugo" ? files.hugo(reference, contentFile.contentPath) : files.zola(reference)), firstBodyLine);
    const seen = new Map<string, number>();
    for (const link of converted.links) {
      // The same link twice in a post: each reported at its own line.
      const nth = seen.get(link.written) ?? 0;
      seen.set(link.written, nth + 1);
      const line = lineOf(original, link.written, nth);
      if (link.target !== undefined) warn("post-link", shown, `${link.written} -> ${link.target === contentFile.contentPath ? "a heading of this post" : link.target}`, line);
      else warn("post-link-kept", shown, `${link.written} kept as written: no post of the old site answers to it`, line);
    }
    return converted.text;
  };
  /** The first commit of each file of the old site (its git history), read when a Hexo post's date needs it. */
  let oldFirstCommits: Map<string, Date> | undefined;
  /** Hugo translations left out (`x.en.md` beside `x.md` or `x.ko.md`): their old URL redirects to that post. */
  const translations: { shown: string; code: string; oldUrl: string; original: string; of?: string }[] = [];
  for (const source of layout.sources) {
    const files = await listFiles(source.dir);
    for (const listed of files) {
      const from = path.join(source.dir, listed);
      // Hugo's translation by file name: `index.ko.md` is the Korean `index.md`. The default language's
      // file is the post (named without its code, so a bundle stays a bundle); another language's beside
      // it is left out, as opsnote builds one language.
      const language = splitLanguage(listed, layout.languages);
      const relative = language?.relative ?? listed;
      if (language !== undefined && !language.isDefault) {
        const dot = relative.lastIndexOf(".");
        const original = [relative, `${relative.slice(0, dot)}.${layout.languages!.default}${relative.slice(dot)}`].find((name) => files.includes(name));
        if (original !== undefined) {
          const frontMatter = readSource(await readFile(from, "utf8"), from)?.frontMatter ?? {};
          translations.push({ shown: from, code: language.code, oldUrl: `/${language.code}${source.oldUrl(relative, frontMatter)}`, original: path.join(source.dir, original) });
          continue;
        }
      }
      const to = path.join(postsDir, nfcPath(source.target), nfcPath(source.targetOf?.(relative) ?? relative));
      const shown = path.join(source.dir, listed);
      if (layout.ignored?.(from)) {
        if (POST_FILE.test(relative)) warn("skipped", shown, IGNORED_BY_HUGO);
        continue;
      }
      // `_posts/2023-6-11-SPRING2` (a post saved without `.md`): Jekyll never read nor served it, and a
      // copy beside the posts would be published as a raw file at /2023-6-11-SPRING2.
      if (source.datedNamesOnly && !/\.[^./]+$/.test(relative)) {
        warn("skipped", shown, "no file extension: Jekyll neither published it as a post nor served it; not imported. To publish it, add .md to its name and import again");
        continue;
      }
      if (relative.normalize("NFC") !== relative) warn("renamed", shown, `saved as ${toPosix(path.relative(root, to))}`);
      if (!POST_FILE.test(relative)) {
        plan(result.files, from, to);
        continue;
      }
      if (/(^|\/)_index\.(md|markdown)$/i.test(relative)) continue; // a Hugo/Zola section, not a post
      if (source.datedNamesOnly && !JEKYLL_POST_NAME.test(relative)) {
        warn("skipped", shown, "not a post for Jekyll (its name does not start with YYYY-MM-DD-), so the old site never showed it; not imported. To publish it, name it YYYY-MM-DD-name.md and import again");
        continue;
      }
      const text = await readFile(from, "utf8");
      if (CODE_FRONT_MATTER.test(text)) {
        warn("refused", shown, "front matter in a language that runs code; not imported", 1);
        continue;
      }
      // Broken front matter: copied all the same; the build names the line.
      const read = readSource(text, from) ?? { frontMatter: {}, body: text, bodyLineOffset: 0 };
      const { body, bodyLineOffset } = read;
      let frontMatter = read.frontMatter;
      plan(result.posts, from, to);
      if (site.family === "hugo" || site.family === "zola") {
        const conversion = convertShortcodes(text, bodyLineOffset);
        if (conversion.converted.length > 0) result.posts.at(-1)!.text = conversion.text;
        for (const c of conversion.converted) warn("converted", shown, `${c.text} converted to markdown`, c.line);
        const inConverted = (line: number) => conversion.converted.some((c) => line >= c.line && line <= c.endLine);
        for (const shortcode of findShortcodes(body, bodyLineOffset)) {
          // A ref is a link to another post: converted (or reported) once every post's copy is known, below.
          if (!inConverted(shortcode.line) && !INTERNAL_LINK.test(shortcode.text)) warn("shortcode", shown, `${shortcode.text} kept as written`, shortcode.line);
        }
        const contentFile = { contentPath: contentPathOf(from), copy: to };
        contentFiles.push(contentFile);
        if (INTERNAL_LINK.test(body)) linking.push({ item: result.posts.at(-1)!, shown, text, contentFile });
      } else if (site.family === "hexo") {
        // The post's asset folder is beside its copy (the bundle `x/index.md`): `x/a.png` is `a.png` there.
        const assetFolder = to.endsWith(`${path.sep}index.md`) && !/(^|\/)index\.md$/.test(relative) ? relative.replace(POST_FILE, "").split("/").at(-1) : undefined;
        const conversion = convertHexoTags(text, bodyLineOffset, { assetFolder, postLink: (name) => hexoPosts.get(name.replace(POST_FILE, "")) });
        if (conversion.converted.length > 0) result.posts.at(-1)!.text = conversion.text;
        for (const c of conversion.converted) warn("hexo-tag", shown, `${c.text} converted to markdown`, c.line);
        // `../images/x.png`: Hexo left it as written, for the browser to read against the post's URL.
        const besideDir = path.join(source.dir, path.dirname(source.targetOf?.(relative) ?? relative));
        const isBeside = (url: string) => {
          // Beside the copy only when inside the posts folder: `_posts/../images/x.png` is not copied there.
          const file = path.join(besideDir, decodedPath(url));
          return existsSync(file) && !path.relative(source.dir, file).startsWith("..");
        };
        const isServed = (rootPath: string) => !rootPath.split("/").some((segment) => segment.startsWith("_")) && existsSync(path.join(layout.urlRoot, decodedPath(rootPath)));
        const againstPage = rootRelativeTargets(conversion.text, source.oldUrl(relative, read.frontMatter), isBeside, isServed, bodyLineOffset);
        for (const c of againstPage.converted) warn("hexo-relative-url", shown, `${c.text} (read against the post's old URL, as the browser did)`, c.line);
        // hexo-renderer-marked's `prependRoot` (on by default) wrote the rest from the site root: Fluid's `img/x.png`.
        const rooted = rootRelativeTargets(againstPage.text, "/", isBeside, isServed, bodyLineOffset);
        for (const c of rooted.converted) warn("hexo-relative-url", shown, `${c.text} (Hexo's markdown renderer wrote it from the site root)`, c.line);
        if (againstPage.converted.length + rooted.converted.length > 0) result.posts.at(-1)!.text = rooted.text;
        for (const tag of findHexoTags(rooted.text.split("\n").slice(bodyLineOffset).join("\n"), bodyLineOffset)) {
          warn("hexo-tag-kept", shown, `${tag.text} kept as written (opsnote does not run Hexo's tag plugins)`, tag.line);
        }
      } else if (site.family === "folder") {
        // A folder of posts from anywhere may hold Hugo's or Zola's shortcodes. A Jekyll post's `{{ … }}`
        // is Liquid, which the build converts or reports itself (inside `{% raw %}` it is text: leewr9's
        // dbt `{{ ref('model_a') }}` was called a Hugo/Zola shortcode).
        for (const shortcode of findShortcodes(body, bodyLineOffset)) warn("shortcode", shown, `${shortcode.text} kept as written`, shortcode.line);
      }
      if (site.family === "hexo") {
        // Hexo's readings that opsnote spells otherwise, written so in the copy (see hexoFrontMatter).
        const item = result.posts.at(-1)!;
        const coverExists = (url: string) => {
          if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return true;
          return servedAtRoot(url);
        };
        const edited = hexoFrontMatter(item.text ?? text, { draft: source.drafts === true, coverExists });
        if (edited.changes.length > 0) {
          item.text = edited.text;
          frontMatter = { ...frontMatter, ...edited.values };
          warn("hexo-front-matter", shown, `${edited.changes.join("; ")} in the copy`, 1);
        }
        for (const cover of edited.missingCovers) warn("missing-file", shown, `${cover}: not found in the old site; not made the post's image`, lineOf(text, cover.slice(cover.indexOf(" ") + 1)));
        // `date: Invalid date` (what a scaffold writes when its format fails), `2023-11-04 h:04:32`: Hexo
        // read what `new Date()` does, and dated the post by the file's creation otherwise. The copy
        // says that date, from the file's first commit in the old site (else its time); left unreadable,
        // the build would stop on it.
        const written = frontMatter.date;
        if (typeof written === "string" && !parsePostDate(written, timeZone).ok && Number.isNaN(new Date(written).getTime())) {
          // The date an undated post gets in a build (content/undated.ts), from the old site's history.
          const fallback = undatedFallback(from, (oldFirstCommits ??= await readFirstCommitDates(source.dir)));
          const dated = postDateFromInstant(fallback.instant, timeZone).iso;
          item.text = setFrontMatterString(item.text ?? text, "date", dated);
          frontMatter = { ...frontMatter, date: dated };
          warn("hexo-date", shown, `date: ${written} is no date Hexo could read, so it dated the post by the file's creation; date: ${dated} (${fallback.source}) in the copy`, lineOf(text, written));
        }
      }
      if (site.family === "gatsby") {
        const item = result.posts.at(-1)!;
        const toc = convertGatsbyToc(item.text ?? text, bodyLineOffset);
        if (toc.lines.length > 0) {
          item.text = frontMatter.toc === undefined ? addFrontMatterKeys(toc.text, [["toc", true]]) : toc.text;
          warn("gatsby-toc", shown, `a \`\`\`toc block (gatsby-remark-table-of-contents) removed; ${frontMatter.toc === undefined ? "toc: true in the copy" : "the post's toc: says whether it has one"}`, toc.lines[0]);
        }
        const renamed = renameGatsbyUpdate(item.text ?? text, frontMatter);
        if (renamed !== (item.text ?? text)) {
          item.text = renamed;
          warn("gatsby-front-matter", shown, "update: written as updated: (the post's last change) in the copy", lineOf(text, "update:"));
        }
      }
      // A BOM (Windows Notepad) is ignored by every generator and by opsnote's build, which warns about it
      // on every run: the copy goes without it.
      if (text.startsWith("\uFEFF")) {
        const item = result.posts.at(-1)!;
        item.text = (item.text ?? text).replace(/^\uFEFF/, "");
        warn("bom", shown, "a byte order mark removed in the copy", 1);
      }
      if (site.family === "hugo") {
        // Hugo reads `Tags:` as `tags:` and shows `summary` in lists; opsnote reads keys as written and
        // calls that `excerpt`, so the copy says them so.
        const item = result.posts.at(-1)!;
        const { text: renamedText, renamed } = renameHugoKeys(item.text ?? text);
        if (renamed.length > 0) {
          item.text = renamedText;
          frontMatter = Object.fromEntries(Object.entries(frontMatter).map(([key, value]) => [renamed.find(([from]) => from === key)?.[1] ?? key, value]));
          warn("hugo-keys", shown, `${renamed.map(([from, to]) => `${from} -> ${to}`).join(", ")} in the copy (Hugo reads front-matter keys in any case; its summary is opsnote's excerpt)`, 1);
        }
        // PaperMod's `cover.image`, DoIt's `featuredImage`, …: the post's card and thumbnail, which opsnote calls `image`.
        // As for Hexo's covers: one whose file the old site lacks is reported, not made the post's image.
        const imageExists = (url: string) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)
          || (!url.startsWith("/") && [path.dirname(from), path.join(site.root, "content")].some((dir) => existsSync(path.join(dir, decodedPath(url)))))
          || servedAtRoot(url.startsWith("/") ? url : `/${url}`);
        const found = hugoThemeImage(frontMatter);
        const themeImage = found !== undefined && imageExists(found.value) ? found : undefined;
        if (found !== undefined && themeImage === undefined) warn("missing-file", shown, `${found.key}: ${found.value}: not found in the old site; not made the post's image`, lineOf(text, found.value));
        const current = item.text ?? text;
        const withImage = themeImage === undefined ? current : setFrontMatterString(current, "image", themeImage.value);
        if (themeImage !== undefined && withImage !== current) {
          item.text = withImage;
          frontMatter = { ...frontMatter, image: themeImage.value };
          warn("hugo-image", shown, `image: ${themeImage.value} (the theme's ${themeImage.key}) in the copy`, lineOf(text, themeImage.value));
        }
        // Hugo read a relative alias from the post's folder; opsnote, as jekyll-redirect-from, from the root.
        const aliases = (Array.isArray(frontMatter.aliases) ? frontMatter.aliases : [frontMatter.aliases]).filter((alias): alias is string => typeof alias === "string");
        if (aliases.length > 0) {
          const postUrl = source.oldUrl(relative, frontMatter);
          const aliasUrls = new Map(aliases.flatMap((alias) => rootedAliases(alias, postUrl, "hugo").filter((url) => url !== alias.trim()).map((url) => [alias, url] as const)));
          const before = item.text ?? text;
          item.text = replaceFrontMatterStrings(before, aliasUrls);
          if (item.text !== before) for (const [alias, url] of aliasUrls) warn("hugo-alias", shown, `aliases: ${alias} -> ${url} (Hugo read it from the post's folder)`, lineOf(text, alias));
        }
        // A relative image or file that is not beside the post: the theme's render hook found it in
        // assets/ or static/ and published it at the site root (DoIt's `images/x.png`, Stack's `img/post/x.png`).
        const besidePost = path.dirname(from);
        const rooted = rootRelativeTargets(item.text ?? text, "/", (url) => existsSync(path.join(besidePost, decodedPath(url))), servedAtRoot, bodyLineOffset);
        if (rooted.converted.length > 0) item.text = rooted.text;
        for (const c of rooted.converted) warn("root-url", shown, `${c.text} (not beside the post: the theme published it from the site's root)`, c.line);
      }
      const hasEmptyTerm = ["tags", "tag", "categories", "category"].some((key) => Array.isArray(frontMatter[key]) && (frontMatter[key] as unknown[]).includes(null));
      if (hasEmptyTerm) {
        const item = result.posts.at(-1)!;
        const dropped = dropEmptyTermItems(item.text ?? text);
        if (dropped.keys.length > 0) {
          item.text = dropped.text;
          frontMatter = Object.fromEntries(Object.entries(frontMatter).map(([key, value]) => [key, dropped.keys.includes(key) && Array.isArray(value) ? value.filter((v) => v !== null) : value]));
          warn("empty-term", shown, `an empty item in ${dropped.keys.join(", ")} removed in the copy`, 1);
        }
      }
      // Jekyll's `defaults:` for a path (`_posts/k8s`) gave these posts a TOC (or took their comments away)
      // that the settings, which hold what every post gets, cannot: the copy says it itself.
      const carried = source.carriedDefaults?.(relative, frontMatter) ?? [];
      if (carried.length > 0) {
        const item = result.posts.at(-1)!;
        const edited = addFrontMatterKeys(item.text ?? text, carried.map(({ key, value }) => [key, value] as const));
        if (edited === (item.text ?? text)) {
          for (const { key, value, from } of carried) warn("defaults-kept", shown, `${key}: ${value} from _config.yml ${from} could not be written into its front matter; add it by hand`, 1);
        } else {
          item.text = edited;
          for (const { key, value, from } of carried) warn("defaults", shown, `${key}: ${value} from _config.yml ${from}, written in the copy`, 1);
        }
      }
      // `image: "{{ site.url }}/assets/x.png"`: Liquid no generator runs in front matter, which a
      // Jekyll theme's URL filters turned into the site's own path; the copy says the path.
      if (site.family !== "hugo" && site.family !== "zola") {
        const liquidUrls = new Map(frontMatterStrings(frontMatter).flatMap((value) => {
          const url = liquidUrlPath(value);
          return url === undefined ? [] : [[value, url] as const];
        }));
        const item = result.posts.at(-1)!;
        const edited = replaceFrontMatterStrings(item.text ?? text, liquidUrls);
        if (edited !== (item.text ?? text)) {
          item.text = edited;
          for (const [value, url] of liquidUrls) warn("liquid-url", shown, `"${value}" written as ${url} in the copy`, lineOf(text, value));
        }
      }
      // kramdown takes spaces in a link destination (`![](/assets/a b.png)`); CommonMark ends the link
      // there and shows its markdown as text: the copy percent-encodes them.
      let referencedBody = body;
      if (site.family === "jekyll") {
        const encoded = encodeKramdownLinkSpaces(body);
        const item = result.posts.at(-1)!;
        const current = item.text ?? text;
        const at = current.length - body.length;
        if (encoded.lines.length > 0 && current.slice(at) === body) {
          item.text = `${current.slice(0, at)}${encoded.text}`;
          referencedBody = encoded.text;
          warn("link-spaces", shown, `${encoded.lines.length} line(s) with spaces in a link or image target (kramdown reads them, CommonMark shows the markdown as text): written %20 in the copy`, bodyLineOffset + encoded.lines[0]! + 1);
        }
      }
      // Chirpy's `media_subpath` (`img_path`): every image's whole path written in the copy (media-subpath.ts).
      const subpath = site.family === "jekyll" ? mediaSubpathOf(frontMatter) : undefined;
      if (subpath !== undefined) {
        const item = result.posts.at(-1)!;
        const current = item.text ?? text;
        const at = current.length - referencedBody.length;
        // A root path whose file is there as written, and not under the subpath, is the author's whole path.
        const keepRootPath = (url: string) => servedAtRoot(url) && !servedAtRoot(withMediaSubpath(url, subpath));
        if (current.slice(at) === referencedBody) {
          const firstBodyLine = current.slice(0, at).split("\n").length - 1;
          const applied = applyMediaSubpath(current, subpath, firstBodyLine, keepRootPath);
          const preview = previewImageUnderSubpath(frontMatter, subpath, keepRootPath);
          item.text = removeFrontMatterKeys(replaceFrontMatterStrings(applied.text, preview), ["media_subpath", "img_path"]);
          referencedBody = applied.text.slice(at);
          const { media_subpath: _media, img_path: _img, ...rest } = frontMatter;
          const previewPath = preview.values().next().value;
          frontMatter = previewPath === undefined ? rest : { ...rest, image: typeof rest.image === "string" ? previewPath : { ...(rest.image as object), path: previewPath } };
          const lines = applied.rewritten.map((r) => r.line - firstBodyLine + bodyLineOffset);
          warn("media-subpath", shown, `media_subpath ${subpath}: ${applied.rewritten.length + preview.size} image path(s) written in full in the copy, and the key removed`, lines[0] ?? 1);
        } else {
          warn("media-subpath-kept", shown, `media_subpath ${subpath} could not be applied to the copy; write its images' full paths by hand`, 1);
        }
      }
      if ((site.family === "hexo" || site.family === "hugo") && result.posts.at(-1)!.text !== undefined) {
        // The converted body (`{% asset_img a.png %}` is `![](a.png)` now), read from beside the copy's
        // place: a bundle's images are in the post's asset folder.
        const converted = result.posts.at(-1)!.text!;
        referencedBody = converted.split("\n").slice(bodyLineOffset).join("\n");
      }
      const baseDir = path.join(source.dir, path.dirname(source.targetOf?.(relative) ?? relative));
      const themeImages = await planReferences(from, text, frontMatter, referencedBody, bodyLineOffset, source.dir, source.target, baseDir);
      if (themeImages.size > 0) {
        // opsnote reads `image: x.jpg` beside the post; the old theme read it from its images folder.
        const item = result.posts.at(-1)!;
        item.text = replaceFrontMatterStrings(item.text ?? text, themeImages);
      }
      // Windows line endings: every generator reads them, and opsnote's build warns about them on every
      // run (kdevkr's Hexo blog: 6 posts). After every other edit of the copy, which all read the text
      // as the old site had it.
      const copied = result.posts.at(-1)!;
      if ((copied.text ?? text).includes("\r")) {
        copied.text = (copied.text ?? text).replace(/\r\n?/g, "\n");
        warn("crlf", shown, "Windows line endings (CRLF) written as LF in the copy", text.slice(0, text.indexOf("\r")).split("\n").length);
      }

      // The old URL must keep working: by the carried pattern, else by a redirect.
      // A draft was never on the old site (Hexo builds `_drafts/` only with --draft): no old URL to keep.
      if (site.family === "folder" || source.drafts) continue;
      const languagePrefix = language !== undefined && (!language.isDefault || layout.languages!.inSubdir) ? `/${language.code}` : "";
      // Hexo's URL is computed from the post as Hexo read it (its category branches before flattening; the
      // date it dated an unreadable one by).
      const oldUrl = `${languagePrefix}${source.oldUrl(relative, site.family === "hexo" ? { ...read.frontMatter, date: frontMatter.date } : frontMatter)}`;
      const inputPath = toPosix(path.relative(postsDir, to));
      let built = buildPost({ inputPath, relativePath: inputPath, frontMatter, body: "", site: { timeZone, permalink } });
      if (!built.ok && built.errors.every((e) => e.field === "date" && e.message.startsWith("no date"))) {
        // Undated (a docs collection): the build dates it from the file, whose time the copy keeps.
        const modified = postDateFromInstant((await stat(from)).mtime, timeZone).wall;
        const day = `${modified.year}-${String(modified.month).padStart(2, "0")}-${String(modified.day).padStart(2, "0")}`;
        built = buildPost({ inputPath, relativePath: inputPath, frontMatter: { ...frontMatter, date: day }, body: "", site: { timeZone, permalink } });
        if (permalink.includes(":year") || permalink.includes(":month") || permalink.includes(":day")) {
          warn("date", shown, `no date: its URL uses the file's modification day ${day}; add \`date: ${day}\` to keep it`, 1);
        }
      }
      const newUrl = built.ok ? built.post.url : undefined;
      const old = { file: toPosix(path.relative(postsDir, to)), oldUrl, newUrl };
      result.oldUrls.push(old);
      let redirect: ReportItem | undefined;
      if (newUrl === undefined) warn("url", shown, `old URL ${oldUrl}: the post has no URL in opsnote until its front matter is fixed`);
      // `/x` and `/x/` are one page (the file `x/index.html`): Hugo's `url = "/x"` was served at `/x/`,
      // and a redirect page from `/x` would be the post's own page (the build refused it on every run).
      else if (normalizeUrl(newUrl) !== normalizeUrl(oldUrl) && redirectFilePath(oldUrl) !== redirectFilePath(newUrl)) redirect = addRedirect(shown, oldUrl, newUrl);
      if (built.ok) {
        builtPosts.push({ item: result.posts.at(-1)!, shown, url: built.post.url, date: built.post.date.iso, file: inputPath, status: postStatus(built.post, now), old, redirect });
        if (HANGUL.test(built.post.title)) koreanTitles++;
        for (const tag of built.post.tags) termSlugs.tags.add(tag.slug);
        for (const category of built.post.categories) termSlugs.categories.add(category.slug);
        for (const term of source.oldTermUrls?.(read.frontMatter) ?? []) oldTermUrls.set(term.oldUrl, { ...term, file: shown });
      }
    }
  }

  /** A `../`-relative path whose rest is a file of a static folder the import copies from the old site's root. */
  function copiedFromRoot(decoded: string): boolean {
    const rest = /^(?:\.\.\/)+(.+)$/.exec(decoded)?.[1];
    if (rest === undefined) return false;
    const file = path.join(layout.urlRoot, rest);
    if (!existsSync(file)) return false;
    return layout.staticDirs.some((dir) => {
      const inside = path.relative(dir.from, file);
      return !inside.startsWith("..") && (dir.include?.(inside) ?? true);
    });
  }

  /**
   * Returns the front-matter images the old theme looked up by name, with their root path (to write in
   * the copy). `sourceTarget`: where the posts folder `sourceDir` lands under the posts folder (a post's),
   * for a front-matter image the old site read from its content folder.
   */
  async function planReferences(file: string, text: string, frontMatter: Record<string, unknown>, body: string, offset: number, sourceDir: string, sourceTarget?: string, baseDir = path.dirname(file)): Promise<Map<string, string>> {
    const themeImages = new Map<string, string>();
    for (const ref of referencedFiles(frontMatter, body, offset)) {
      let decoded = decodedPath(ref.url);
      const line = ref.line ?? lineOf(text, ref.url);
      // Hugo and Hexo: a front-matter image not beside the post, found where the site root was served from
      // (Hugo's static/ or assets/, Hexo's source/), was published at the root (Fluid's `index_img: img/x.png`).
      const rootServed = (site.family === "hugo" || site.family === "hexo") && ref.line === undefined && !decoded.startsWith("/") && !existsSync(path.resolve(baseDir, decoded))
        && servedAtRoot(ref.url);
      if (rootServed) {
        themeImages.set(ref.url, `/${ref.url.replace(/^\.\//, "")}`);
        warn("root-url", file, `front-matter image "${ref.url}" is /${decoded.replace(/^\.\//, "")} on the old site (the theme published it from the site's root); written so in the copy`, line);
        decoded = `/${decoded.replace(/^\.\//, "")}`;
      }
      if (!decoded.startsWith("/")) {
        // Relative: beside the post, copied with the posts folder when it is inside it.
        const beside = path.resolve(baseDir, decoded);
        // A front-matter image by name alone: the old theme looked it up in a folder of its own.
        const themeFolder = ref.line === undefined && !existsSync(beside)
          ? THEME_IMAGE_DIRS.find((dir) => existsSync(path.join(layout.urlRoot, dir, decoded)))
          : undefined;
        // Hugo also finds one by its path in the content folder (`image: posts/images/x.png`, a resource of
        // the posts section): the copy is in the posts folder, published at its folder's URL.
        const inContent = ref.line === undefined && themeFolder === undefined && !existsSync(beside) && sourceTarget !== undefined && site.family === "hugo"
          ? path.resolve(site.root, "content", decoded)
          : undefined;
        const contentRelative = inContent !== undefined && existsSync(inContent) ? path.relative(sourceDir, inContent) : undefined;
        if (themeFolder !== undefined) {
          themeImages.set(ref.url, `/${themeFolder}/${ref.url}`);
          warn("theme-image", file, `front-matter image "${ref.url}" is /${themeFolder}/${ref.url} on the old site; written so in the copy`, line);
        } else if (contentRelative !== undefined && !contentRelative.startsWith("..") && !path.isAbsolute(contentRelative)) {
          const url = `/${toPosix(path.join(nfcPath(sourceTarget!), nfcPath(contentRelative)))}`;
          themeImages.set(ref.url, url);
          warn("theme-image", file, `front-matter image "${ref.url}" is content/${decoded} (Hugo reads it from the content folder); written ${url} in the copy`, line);
        }
        else if (existsSync(beside) && !path.relative(sourceDir, beside).startsWith("..")) {
          // Beside the post: copied with it.
        } else if (copiedFromRoot(decoded)) {
          // `../../assets/images/x.png` from a post in nested folders (connor-kor's Typora paths): read
          // against the post's URL it was the site's /assets/images/x.png, copied with assets/, where
          // the build finds it too. It was reported as missing or outside the site (279 false warnings).
        } else if (!existsSync(beside)) warn("missing-file", file, `"${ref.url}" not found beside the post`, line);
        else warn("outside", file, `"${ref.url}" is outside the posts folder`, line);
        continue;
      }
      let segments = decoded.split("/").filter((s) => s !== "");
      // A URL written with the old site's path prefix (`/blog/images/x.png`).
      const prefixSegments = pathPrefix.split("/").filter((s) => s !== "");
      if (prefixSegments.length > 0 && prefixSegments.every((s, i) => segments[i] === s)) segments = segments.slice(prefixSegments.length);
      if (segments.length === 0 || segments.includes("..") || segments[0]!.startsWith("_")) {
        warn("missing-file", file, `"${ref.url}" is not a file the old site served`, line);
        continue;
      }
      const sourceFile = path.join(layout.urlRoot, ...segments);
      // Hugo and Zola serve a section's or bundle's files at its folder's URL too (content/about/me.jpg
      // is /about/me.jpg), and the import copies them beside that page.
      if (!existsSync(sourceFile) && site.family !== "jekyll" && existsSync(path.join(site.root, "content", ...segments))) continue;
      if (!existsSync(sourceFile)) {
        // Hexo served its theme's `source/` from the root too (Icarus' /thumbnails/x.svg), Hugo's themes
        // the images of `assets/` they found (DoIt, Stack): that one file is copied.
        const themeFile = layout.rootFallbackDirs?.map((dir) => path.join(dir, ...segments)).find((candidate) => existsSync(candidate));
        const rootCopy = layout.staticDirs.find((dir) => dir.from === layout.urlRoot);
        if (themeFile !== undefined && rootCopy !== undefined) {
          plan(result.files, themeFile, path.join(root, rootCopy.name, ...segments.map((s) => s.normalize("NFC"))));
          warn("theme-source", file, `"${ref.url}" is ${path.relative(site.root, themeFile).split(path.sep).join("/")}, which the old site served from its root; copied`, line);
        } else warn("missing-file", file, `"${ref.url}" not found in the old site`, line);
        continue;
      }
      if (layout.urlRootCopied || layout.staticDirs.some((d) => d.name === segments[0])) continue; // copied with its whole folder
      if (segments.length === 1) {
        warn("root-file", file, `"${ref.url}" sits at the old site's root; not copied`, line);
        continue;
      }
      if (segments[0] !== "assets") staticNames.add(segments[0]!.normalize("NFC"));
      plan(result.files, sourceFile, projectPathOf(segments.map((s) => s.normalize("NFC"))));
    }
    return themeImages;
  }

  /** Redirects `oldUrl` to `newUrl` (the first post to claim an old URL keeps it); the report line, when added. */
  function addRedirect(file: string, oldUrl: string, newUrl: string): ReportItem | undefined {
    const key = normalizeUrl(oldUrl);
    const existing = result.redirects[key];
    if (existing !== undefined && existing !== newUrl) {
      warn("url", file, `old URL ${oldUrl} was also ${existing}; only the first is redirected`);
      return undefined;
    }
    result.redirects[key] = newUrl;
    warn("redirect", file, `${oldUrl} -> ${newUrl}`);
    return result.warnings.at(-1);
  }

  // Static folders, whole: root URLs such as /images/x.png keep working.
  for (const dir of layout.staticDirs) {
    for (const relative of await listFiles(dir.from)) {
      if (dir.include !== undefined && !dir.include(relative)) continue;
      const from = path.join(dir.from, relative);
      // Jekyll pages and Sass under assets/ are the theme's (a `---` file is a template).
      if (site.family === "jekyll" && (/\.(s[ac]ss|liquid)$/i.test(relative) || (await startsWithFrontMatter(from)))) continue;
      // Hugo's and Zola's `static/` is served from the root; Jekyll's folders keep their name.
      const url = `/${layout.urlRootCopied && dir.from === layout.urlRoot ? "" : `${dir.name}/`}${relative}`;
      // An old site's own copy (Hugo themes ship `static/robots.txt`) would not be published: left out.
      if (GENERATED_FILE_URLS.has(url)) {
        warn("generated-file", from, `opsnote writes ${url} itself; not copied (compare yours with _site${url} after a build)`);
        continue;
      }
      // The old theme's script or stylesheet at the URL of opsnote's own: it served the old layouts only.
      if (OPSNOTE_ASSET_URLS.has(url)) {
        warn("theme-file", from, `the old theme's ${url} has the URL of opsnote's own ${path.posix.basename(url)}; not copied (opsnote's layouts do not load the old theme's files)`);
        continue;
      }
      plan(result.files, from, projectPathOf([dir.name, ...relative.split("/")].map((s) => s.normalize("NFC"))));
    }
    if (dir.name !== "assets") staticNames.add(dir.name.normalize("NFC"));
  }
  for (const note of settings.notes) warn("setting", path.join(site.root, site.configFile ?? "."), note);
  // kdevkr's Hexo config says `language: en` (NexT's interface language) over 161 Korean posts: carried as
  // written, the site is English (`<html lang>`, dates, its words) until someone notices.
  const language = settings.values.language;
  if (typeof language === "string" && !/^ko\b/i.test(language) && builtPosts.length >= 3 && koreanTitles * 2 > builtPosts.length) {
    warn("setting", path.join(site.root, site.configFile ?? "."), `language "${language}" carried, but ${koreanTitles} of ${builtPosts.length} post titles are Korean: set language: ko in ${SETTINGS_FILE} if the blog is Korean (<html lang>, dates and the site's own words follow it)`);
  }

  /** A page of the old site as a standalone `layout: page` file at `url`; undefined when refused. */
  async function planPage(file: string, target: string, url: (frontMatter: Record<string, unknown>) => string, fallbackTitle: string) {
    const text = await readFile(file, "utf8");
    if (CODE_FRONT_MATTER.test(text)) {
      warn("refused", file, "front matter in a language that runs code; not imported", 1);
      return undefined;
    }
    const source = readSource(text, file);
    if (!source) warn("page", file, "front matter could not be read; its title is not carried", 1);
    const frontMatter: Record<string, unknown> = source?.frontMatter ?? {};
    const bodyLineOffset = source?.bodyLineOffset ?? 0;
    let body = source?.body ?? text;
    if (site.family === "hugo" || site.family === "zola") {
      body = convertShortcodes(body).text;
      if (INTERNAL_LINK.test(body)) body = convertLinks(body, 0, { contentPath: contentPathOf(file), copy: path.join(postsDir, nfcPath(target)) }, text, file);
    }
    if (site.family === "hexo") body = convertHexoTags(body, 0, { postLink: (name) => hexoPosts.get(name) }).text;
    if (body.includes("\r")) {
      body = body.replace(/\r\n?/g, "\n"); // as for posts: the build would warn about it on every run
      warn("crlf", file, "Windows line endings (CRLF) written as LF in the copy", text.slice(0, text.indexOf("\r")).split("\n").length);
    }
    const title = typeof frontMatter.title === "string" ? frontMatter.title : fallbackTitle;
    const oldUrl = url(frontMatter);
    await planReferences(file, text, frontMatter, body, bodyLineOffset, path.dirname(file));
    // Hugo themes' site-wide TOC switch (hugo-book's BookToC, PaperMod's ShowToc, …) is for every single
    // page, a docs page as much as a post; opsnote's `toc` setting is for posts, so the page says it.
    const toc = pageToc(frontMatter, site.family === "hugo" && settings.values.toc === true);
    const description = typeof frontMatter.description === "string" ? frontMatter.description : undefined;
    // The page's own redirects (Hugo's `aliases`, `redirect_from`), which its new front matter does not carry: the settings' redirects.
    const aliases = rootedAliases(frontMatter.aliases ?? frontMatter.redirect_from, oldUrl, site.family === "hugo" ? "hugo" : "other");
    return { oldUrl, title, body, toc, description, aliases, to: path.join(postsDir, nfcPath(target)) };
  }

  // Two posts on one URL: the old site showed one of them there. A draft or scheduled post was not
  // built at all (Hugo and Jekyll leave them out by default), so a published one keeps the URL; among
  // those alike, the old generator wrote both to one file and the later (by date, then path) won. The
  // others get a URL of their own, written as `permalink` in the copy.
  {
    const taken = new Set(builtPosts.map((post) => normalizeUrl(post.url)));
    const byUrl = new Map<string, typeof builtPosts>();
    for (const post of builtPosts) byUrl.set(normalizeUrl(post.url), [...(byUrl.get(normalizeUrl(post.url)) ?? []), post]);
    const shownFirst = (post: (typeof builtPosts)[number]) => (post.status === "published" ? 1 : 0);
    for (const [url, posts] of byUrl) {
      if (posts.length < 2) continue;
      const ordered = posts.sort((a, b) =>
        shownFirst(a) - shownFirst(b) || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1));
      const winner = ordered.at(-1)!;
      for (const loser of ordered.slice(0, -1)) {
        // `/x/` -> `/x-2/`; `/x.html` -> `/x-2.html` (a Jekyll `:output_ext` URL; `/x.html-2/` was written).
        const extension = /\.html?$/i.exec(url)?.[0];
        const base = extension === undefined ? url.replace(/\/+$/, "") : url.slice(0, -extension.length);
        const numbered = (n: number) => (extension === undefined ? `${base}-${n}/` : `${base}-${n}${extension}`);
        let n = 2;
        while (taken.has(normalizeUrl(numbered(n)))) n++;
        const own = numbered(n);
        const text = loser.item.text ?? (await readFile(loser.item.from, "utf8"));
        const moved = setPermalink(text, own);
        if (moved === text) {
          warn("url-clash-kept", loser.shown, `has the URL ${url} of ${winner.file}; add permalink: ${own} to its front matter`, 1);
          continue;
        }
        taken.add(normalizeUrl(own));
        loser.item.text = moved;
        loser.old.newUrl = own;
        // The redirect from its old URL follows it (unless that old URL was the kept post's too).
        const oldKey = normalizeUrl(loser.old.oldUrl);
        if (loser.redirect && result.redirects[oldKey] === loser.url && oldKey !== normalizeUrl(winner.old.oldUrl)) {
          result.redirects[oldKey] = own;
          loser.redirect.line = loser.redirect.line.replace(/ -> [^ ]*$/, ` -> ${own}`);
        }
        warn("url-clash", loser.shown, loser.status === "published"
          ? `had the URL ${url} of ${winner.file} on the old site too (only the later post was shown there); published at ${own}`
          : `a ${loser.status} post (not on the old site) with the URL ${url} of ${winner.file}, which keeps it; given ${own}`, 1);
      }
    }
  }

  // An old list page redirects to opsnote's when it moved. One that differs from opsnote's page only in
  // case is left: its redirect file would overwrite that page on a case-insensitive disk (macOS, Windows).
  const redirectMovedPage = (file: string, oldUrl: string, newUrl: string) => {
    const from = redirectFilePath(oldUrl);
    if (from !== undefined && from.toLowerCase() !== redirectFilePath(newUrl)?.toLowerCase()) addRedirect(file, oldUrl, newUrl);
  };
  // A theme's list pages (Chirpy's /archives/, a /dates/ page) and Hugo's or Zola's sections of posts:
  // opsnote's archive, tag or category list.
  for (const page of layout.listPages ?? []) redirectMovedPage(page.file, page.oldUrl, page.newUrl);
  // The old site's page of each term, when a post has the term: a Jekyll theme's page per term
  // (`categories/operating-system.md` at `/categories/operating system/`), Hexo's (a child category under
  // its parent, `/categories/블로그/설정/`; a name's own case, a tag_map slug).
  for (const term of [...(layout.termPages ?? []), ...oldTermUrls.values()]) {
    const slug = termSlug(term.name);
    if (termSlugs[term.kind].has(slug)) redirectMovedPage(term.file, term.oldUrl, term.kind === "tags" ? tagUrl({ slug }) : categoryUrl({ slug }));
  }

  // Another language's folder (`content/en/post/x/index.md` for `content/ko/post/x/index.md`).
  for (const translation of layout.folderTranslations ?? []) {
    const frontMatter = readSource(await readFile(translation.file, "utf8"), translation.file)?.frontMatter ?? {};
    translations.push({ shown: translation.file, code: translation.code, oldUrl: translation.oldUrl(frontMatter), original: translation.original, of: toPosix(path.relative(site.root, translation.original)) });
  }
  for (const translation of translations) {
    const post = builtPosts.find((p) => p.item.from === translation.original);
    const target = post?.old.newUrl;
    if (target !== undefined) {
      result.redirects[normalizeUrl(translation.oldUrl)] ??= target;
      result.oldUrls.push({ file: displayPath(translation.shown), oldUrl: translation.oldUrl, newUrl: target });
    }
    warn("translation", translation.shown, `the ${translation.code} version of ${translation.of ?? `${path.basename(translation.original)} beside it`}; not imported (opsnote builds one language)${target === undefined ? "" : `: ${translation.oldUrl} -> ${target}`}`);
  }

  // Links between posts, now that every copy has its place: a translation's path names its post's copy,
  // the pages' paths their copies (planned below).
  if (site.family === "hugo" || site.family === "zola") {
    for (const translation of translations) {
      const copy = result.posts.find((item) => item.from === translation.original)?.to;
      if (copy !== undefined) contentFiles.push({ contentPath: contentPathOf(translation.shown), copy });
    }
    if (layout.about !== undefined) contentFiles.push({ contentPath: contentPathOf(layout.about), copy: path.join(postsDir, "about.md") });
    for (const page of layout.pages) contentFiles.push({ contentPath: contentPathOf(page.file), copy: path.join(postsDir, nfcPath(page.target)) });
    for (const { item, shown, text, contentFile } of linking) {
      // From the first line: edits of the front matter may have moved the body (no link is in front matter).
      const current = item.text ?? text;
      const converted = convertLinks(current, 0, contentFile, text, shown);
      if (converted !== current) item.text = converted;
    }
  }

  /** The standalone pages written, for the links written against their old URL (below). */
  const standalonePages: { written: ImportResult["written"][number]; shown: string; oldUrl: string; newUrl: string }[] = [];
  // The about page becomes opsnote's standalone /about/.
  if (layout.about !== undefined) {
    const page = await planPage(layout.about, "about.md", (fm) => layout.aboutUrl?.(fm) ?? "/about/", "About");
    if (page) {
      result.written.push({ to: page.to, text: standalonePageText(page.title, "/about/", page.body, page.toc, page.description) });
      standalonePages.push({ written: result.written.at(-1)!, shown: layout.about, oldUrl: page.oldUrl, newUrl: "/about/" });
      result.oldUrls.push({ file: "about.md", oldUrl: page.oldUrl, newUrl: "/about/" });
      for (const oldUrl of [page.oldUrl, ...page.aliases]) if (normalizeUrl(oldUrl) !== "/about/") addRedirect(layout.about, oldUrl, "/about/");
    }
  }
  // Other pages keep their old URL as their permalink: only their own aliases redirect.
  for (const source of layout.pages) {
    const page = await planPage(source.file, source.target, source.oldUrl, fallbackPageTitle(source.file));
    if (!page) continue;
    result.written.push({ to: page.to, text: standalonePageText(page.title, page.oldUrl, page.body, page.toc, page.description) });
    standalonePages.push({ written: result.written.at(-1)!, shown: source.file, oldUrl: page.oldUrl, newUrl: page.oldUrl });
    result.oldUrls.push({ file: toPosix(path.relative(postsDir, page.to)), oldUrl: page.oldUrl, newUrl: page.oldUrl });
    for (const alias of page.aliases) if (normalizeUrl(alias) !== normalizeUrl(page.oldUrl)) addRedirect(source.file, alias, page.oldUrl);
    warn("page", source.file, `a standalone page at ${page.oldUrl}, saved as ${toPosix(path.relative(root, page.to))}`);
  }
  for (const { file, target } of layout.pageFiles ?? []) plan(result.files, file, path.join(postsDir, nfcPath(target)));
  for (const { file, reason } of layout.skipped) warn("skipped", file, reason);

  // Links written against the old site's URLs (`../other-post/`), now that every post's new URL, every
  // page and every redirect is known: read as the browser read them, against the page's old URL.
  if (site.family !== "folder") {
    const pageAt = pagesByOldUrl(builtPosts.flatMap(({ item, old }) => (old.newUrl === undefined ? [] : [{ copy: item.to, oldUrl: old.oldUrl, newUrl: old.newUrl }])));
    const answered = urlSet([...Object.keys(result.redirects), ...standalonePages.map((page) => page.newUrl)]);
    const convertOldLinks = async (current: string, shown: string, from: MovedPage) => {
      const converted = convertOldUrlLinks(current, {
        from, pageAt, answered,
        isBeside: (target) => statSync(path.join(path.dirname(shown), target), { throwIfNoEntry: false })?.isFile() === true,
        firstBodyLine: readSource(current, shown)?.bodyLineOffset ?? 0,
      });
      if (converted.links.length === 0) return current;
      const original = await readFile(shown, "utf8");
      const seen = new Map<string, number>();
      for (const link of converted.links) {
        const nth = seen.get(link.written) ?? 0;
        seen.set(link.written, nth + 1);
        warn("old-url-link", shown, `${link.written} -> ${link.to} (${link.post ? "that post's file" : "read against the old URL, as the browser did"})`, lineOf(original, link.written, nth));
      }
      return converted.text;
    };
    for (const { item, shown, old } of builtPosts) {
      if (old.newUrl === undefined) continue;
      const current = item.text ?? (await readFile(item.from, "utf8"));
      if (!current.includes("](") && !current.includes("]:")) continue;
      const converted = await convertOldLinks(current, shown, { copy: item.to, oldUrl: old.oldUrl, newUrl: old.newUrl });
      if (converted !== current) item.text = converted;
    }
    for (const page of standalonePages) {
      page.written.text = await convertOldLinks(page.written.text, page.shown, { copy: page.written.to, oldUrl: page.oldUrl, newUrl: page.newUrl });
    }
  }

  // Settings: the static folders copied and the redirects join what the config said.
  {
    // The whole list is written (the setting replaces its default), so the default folders stay served.
    const defaultDirs = siteSettingsSchema.parse({}).staticDirs;
    if ([...staticNames].some((name) => !defaultDirs.includes(name))) {
      settings.values.staticDirs = [...new Set([...defaultDirs, ...staticNames])].sort();
      settings.sources.staticDirs = "npm run import (the old site's static folders, copied to the project root)";
    }
    if (Object.keys(result.redirects).length > 0) {
      settings.values.redirects = result.redirects;
      settings.sources.redirects = "npm run import (old post URLs the permalink pattern cannot reproduce)";
    }
    const valid = keepValidSettings(settings.values);
    settings.values = valid.values;
    for (const { key, message } of valid.dropped) warn("setting", path.join(site.root, site.configFile ?? "."), `${key}: ${message}`);
    const settingsFile = path.join(root, SETTINGS_FILE);
    const existing = existsSync(settingsFile) ? await readFile(settingsFile, "utf8") : undefined;
    // No description on the old site: its title, rather than opsnote's sample one (the settings'
    // default) in every page's meta tag and the feeds. A description of the blogger's own stays.
    const defaults = siteSettingsSchema.parse({});
    let own: { description?: unknown; author?: { name?: unknown }; seriesMembers?: unknown } | undefined;
    try {
      own = existing === undefined ? undefined : (parseYaml(existing) as typeof own | null) ?? undefined;
    } catch {
      own = undefined; // an unreadable file stops the import below
    }
    if (settings.values.description === undefined && settings.values.title !== undefined && (own?.description === undefined || own.description === defaults.description)) {
      settings.values.description = settings.values.title;
      settings.sources.description = "title (the old site has no description)";
    }
    // No author on the old site: the site's title, rather than the sample's opsnote author (its bio and
    // GitHub link) on every post. An author of the blogger's own (another name) stays.
    if (settings.values.author === undefined && settings.values.title !== undefined && (own?.author?.name === undefined || own.author.name === defaults.author.name)) {
      settings.values.author = { name: settings.values.title };
      settings.sources.author = "title (the old site names no author)";
    } else if (settings.values.author !== undefined && settings.values.author.name === undefined && settings.values.title !== undefined
      && (own?.author?.name === undefined || own.author.name === defaults.author.name)) {
      // An author with an e-mail or links but no name (Hux's top-level `email:`): the name would be the
      // sample's "opsnote" in every feed and JSON-LD; Hux itself shows the site's title for a post without one.
      settings.values.author = { ...settings.values.author, name: settings.values.title };
      settings.sources.author = `${settings.sources.author ?? "author"}, named after the title (the old site names no author)`;
    }
    let update: ReturnType<typeof updateSettingsFile>;
    try {
      // A series entry of a post the project will not have (the sample's, the samples deleted) goes.
      const members = typeof own?.seriesMembers === "object" && own.seriesMembers !== null ? Object.keys(own.seriesMembers) : [];
      const copied = new Set(result.posts.map((item) => path.resolve(item.to)));
      const stale = members.filter((file) => !existsSync(path.join(postsDir, file)) && !copied.has(path.resolve(postsDir, file)));
      update = updateSettingsFile(existing, settings.values, settings.sources, stale);
    } catch (error) {
      // The blogger's file is never replaced by a guess: the import stops until it reads.
      result.conflicts.push(`${settingsFile} cannot be read (${error instanceof Error ? error.message : String(error)}); fix it first`);
      update = { text: existing ?? "", changes: [] };
    }
    result.changes = update.changes;
    if (update.changes.length > 0) {
      if (existing !== undefined) result.written.push({ to: path.join(root, SETTINGS_BACKUP_FILE), text: existing });
      result.written.push({ to: settingsFile, text: update.text });
    }
  }

  // Never overwrite: an identical file already there is fine, anything else stops the import.
  const settingsPath = path.join(root, SETTINGS_FILE);
  for (const item of [...result.posts, ...result.files]) {
    if (!existsSync(item.to)) continue;
    const same = (await readFile(item.to)).equals(await readFile(item.from));
    if (!same || result.posts.includes(item)) result.conflicts.push(item.to);
  }
  result.files = result.files.filter((item) => !existsSync(item.to));
  for (const item of result.written) {
    if (item.to !== settingsPath && existsSync(item.to)) result.conflicts.push(item.to);
  }
  if (result.conflicts.length > 0 || options.dryRun) return result;
  for (const item of [...result.posts, ...result.files]) {
    await mkdir(path.dirname(item.to), { recursive: true });
    // EXCL: a file that appeared since the plan was made is still never overwritten.
    if (item.text !== undefined) await writeFile(item.to, item.text, { flag: "wx" });
    else await copyFile(item.from, item.to, constants.COPYFILE_EXCL);
    // The modification time is the date of last resort for an undated post: it must survive the copy.
    const { atime, mtime } = await stat(item.from);
    await utimes(item.to, atime, mtime);
  }
  for (const item of result.written) {
    await mkdir(path.dirname(item.to), { recursive: true });
    await writeFile(item.to, item.text, { flag: item.to === settingsPath ? "w" : "wx" });
  }
  return result;
}
