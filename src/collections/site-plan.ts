/**
 * The site plan: every page and file opsnote writes, with the source it comes from. Lists are cut
 * into pages here; the sitemap reads the plan; and it is where two sources that would write the
 * same file are caught, before Eleventy silently lets one win or stops with a message that names
 * neither post.
 */
import type { Post } from "../content/post.ts";
import { isPublished } from "../content/publication.ts";
import { displayPath, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { paginate, type ListPage } from "./paginate.ts";
import { sortPostsNewestFirst, type TermGroup } from "./taxonomy.ts";
import {
  ABOUT_URL, ARCHIVE_URL, ATOM_FEED_URL, CATEGORIES_URL, CODE_STYLESHEET_URL, HOME_URL, JSON_FEED_URL, NOT_FOUND_URL, ROBOTS_URL,
  RESPONSIVE_IMAGES_URL, SITEMAP_URL, TAGS_URL, categoryUrl, tagUrl, termFeedUrl, OFFLINE_URL, SERVICE_WORKER_URL, LLMS_TXT_URL, LLMS_FULL_TXT_URL,
} from "../urls/site-urls.ts";

export type TermKind = "tags" | "categories";

export interface TermListPage extends ListPage<Post> {
  kind: TermKind;
  term: TermGroup;
  /** This term's Atom feed. */
  feedUrl: string;
  /**
   * The page of the blogger's at this term's URL (a Minimal Mistakes `_pages/categories/kubernetes.md`
   * with `permalink: /categories/kubernetes`): it is the term's page, as on the old site, and this list
   * is not written (nor its later pages); the term's feed still is.
   */
  replacedBy?: Post;
}

/** One file (or, for `isFolder`, one folder) the build writes, with where it comes from. */
export interface PlannedOutput {
  /** Root-relative URL, without the path prefix (for `isFolder`, ending in `/`). */
  url: string;
  /** File the output comes from: a post, a published file, the post that first used a term; `(opsnote)` for fixed pages. */
  file: string;
  /** What writes it, for messages: `the tag page of "helm"`. */
  what: string;
  /** A copy of this source file: two copies of one file at one URL are no clash. */
  copyOf?: string;
  /** Everything under `url` belongs to it (Pagefind's folder). */
  isFolder?: boolean;
  /** A redirect page: it yields to any other output (jekyll/redirects.ts skips it with a warning). */
  isRedirect?: boolean;
  /**
   * Written by opsnote itself, from no file of the blogger's (list, term and index pages, feeds, the
   * search index): a published file of the blogger's at its URL gives way to it (findUrlConflicts).
   */
  generated?: boolean;
}

export interface PlannedPage extends PlannedOutput {
  /** Listed in the sitemap: public HTML pages only (not the 404 page, not feeds). */
  inSitemap: boolean;
  /** Newest date of the content shown, for the sitemap's `lastmod`. */
  lastModified?: Date;
}

export interface SitePlan {
  homePages: ListPage<Post>[];
  tagPages: TermListPage[];
  categoryPages: TermListPage[];
  pages: PlannedPage[];
}

export interface PlanSiteInput {
  /** Published posts (drafts already left out unless previewing). */
  posts: readonly Post[];
  /**
   * Published standalone pages (`kind: "page"`); one at `/about/` replaces the generated about page,
   * one at a tag's or category's URL that term's list pages. @default []
   */
  standalonePages?: readonly Post[];
  tags: readonly TermGroup[];
  categories: readonly TermGroup[];
  pageSize: number;
  /** Offline mode: the service worker and the offline page are written too. @default false */
  offline?: boolean;
}

export const GENERATED = "(opsnote)";

/** Pinned posts first, each group newest first: the home page's order. */
export function orderForHome(posts: readonly Post[]): Post[] {
  const sorted = sortPostsNewestFirst(posts);
  return [...sorted.filter((p) => p.pin), ...sorted.filter((p) => !p.pin)];
}

/** A post's last change: `last_modified_at`, else its date. */
export function lastModifiedOf(post: Post): Date {
  return (post.updated ?? post.date).instant;
}

function newest(posts: readonly Post[]): Date | undefined {
  const times = posts.map((p) => lastModifiedOf(p).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

const TERM_LABEL: Record<TermKind, string> = { tags: "tag", categories: "category" };

/** The output file a URL names, as the collision check compares them (letter case ignored). */
const fileKey = (url: string) => outputFileOf(url).toLowerCase();

function termPages(kind: TermKind, groups: readonly TermGroup[], pageSize: number, pageAt: ReadonlyMap<string, Post>): TermListPage[] {
  const urlOf = kind === "tags" ? tagUrl : categoryUrl;
  return groups.flatMap((term) => {
    const replacedBy = pageAt.get(fileKey(urlOf(term)));
    return paginate(term.posts, pageSize, urlOf(term)).map((page) => ({
      ...page, kind, term, feedUrl: termFeedUrl(urlOf(term)), ...(replacedBy ? { replacedBy } : {}),
    }));
  });
}

/** Whether a published page or post takes the generated about page's place (a dated post at `/about/` does too). */
export function replacesAboutPage(pages: readonly Post[]): boolean {
  return pages.some((page) => outputFileOf(page.url) === outputFileOf(ABOUT_URL));
}

export function planSite({ posts, standalonePages = [], tags, categories, pageSize, offline = false }: PlanSiteInput): SitePlan {
  const homePages = paginate(orderForHome(posts), pageSize, HOME_URL);
  const pageAt = new Map(standalonePages.map((page) => [fileKey(page.url), page]));
  const tagPages = termPages("tags", tags, pageSize, pageAt);
  const categoryPages = termPages("categories", categories, pageSize, pageAt);
  const allNewest = newest(posts);
  const fixed = (url: string, what: string, inSitemap: boolean, lastModified: Date | undefined = undefined): PlannedPage => ({
    url, file: GENERATED, what, inSitemap, lastModified: inSitemap ? lastModified : undefined, generated: true,
  });
  const pages: PlannedPage[] = [
    ...homePages.map((page) => fixed(page.url, page.pageNumber === 1 ? "the home page" : `page ${page.pageNumber} of the home page`, true, newest(page.items))),
    ...posts.map((post): PlannedPage => ({
      url: post.url, file: post.inputPath, what: `the post "${post.title}"`, inSitemap: isPublished(post, new Date()), lastModified: lastModifiedOf(post),
    })),
    ...standalonePages.map((page): PlannedPage => ({
      url: page.url, file: page.inputPath, what: `the page "${page.title}"`, inSitemap: isPublished(page, new Date()),
      lastModified: page.undated ? page.updated?.instant : lastModifiedOf(page),
    })),
    ...[...tagPages, ...categoryPages].flatMap((page): PlannedPage[] => {
      const what = `the ${TERM_LABEL[page.kind]} page of "${page.term.name}"${page.pageNumber > 1 ? ` (page ${page.pageNumber})` : ""}`;
      const file = page.term.posts.at(-1)?.inputPath ?? GENERATED;
      const list: PlannedPage = { url: page.url, file, what, inSitemap: true, lastModified: newest(page.items), generated: true };
      const lists = page.replacedBy ? [] : [list];
      if (page.pageNumber > 1) return lists;
      return [...lists, { url: page.feedUrl, file, what: `the ${TERM_LABEL[page.kind]} feed of "${page.term.name}"`, inSitemap: false, generated: true }];
    }),
    fixed(TAGS_URL, "the tag index", true, allNewest),
    fixed(CATEGORIES_URL, "the category index", true, allNewest),
    fixed(ARCHIVE_URL, "the archive", true, allNewest),
    ...(replacesAboutPage([...standalonePages, ...posts]) ? [] : [fixed(ABOUT_URL, "the about page", true)]),
    fixed(NOT_FOUND_URL, "the 404 page", false),
    fixed(ATOM_FEED_URL, "the Atom feed", false),
    fixed(JSON_FEED_URL, "the JSON feed", false),
    fixed(SITEMAP_URL, "the sitemap", false),
    fixed(ROBOTS_URL, "robots.txt", false),
    fixed(LLMS_TXT_URL, "llms.txt", false),
    fixed(LLMS_FULL_TXT_URL, "llms-full.txt", false),
    fixed(CODE_STYLESHEET_URL, "the code colours stylesheet", false),
    ...(offline ? [fixed(SERVICE_WORKER_URL, "the service worker (offline: true)", false), fixed(OFFLINE_URL, "the offline page (offline: true)", false)] : []),
  ];
  return { homePages, tagPages, categoryPages, pages };
}

/** The file a URL is written to: `/a/` and `/a/index.html` are the same file; `/%ED%95%9C/` is `/한/`. */
export function outputFileOf(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // keep as written: a malformed escape is its own file name
  }
  return (decoded.endsWith("/") ? `${decoded}index.html` : decoded).normalize("NFC");
}

/** Pagefind writes its index under this folder after the pages (src/search). */
export const SEARCH_INDEX_URL = "/pagefind/";

/** The search index's folder, as an output of the plan. */
export const SEARCH_INDEX_OUTPUT: PlannedOutput = {
  url: SEARCH_INDEX_URL, file: GENERATED, what: "the search index (Pagefind writes everything under /pagefind/)", isFolder: true, generated: true,
};

/** The responsive images' folder (src/images writes every variant under it), as an output of the plan. */
export const RESPONSIVE_IMAGES_OUTPUT: PlannedOutput = {
  url: RESPONSIVE_IMAGES_URL, file: GENERATED, what: "the responsive image variants (written under /assets/responsive/)", isFolder: true, generated: true,
};

/** Where messages name an output's source: posts by path; published files name theirs in `what`, fixed pages have none. */
function sourceOf(output: PlannedOutput): string {
  return output.file === GENERATED || output.copyOf !== undefined ? "" : ` (${displayPath(output.file)})`;
}

/** What `check` and the build say of a file of the blogger's at a URL opsnote writes itself. */
export function generatedFileMessage(url: string, what: string): string {
  return `${url} is ${what}, which opsnote writes itself; yours is not published`;
}

/** The folders a file needs: `a/b/index.html` -> `a`, `a/b`. */
function ancestorsOf(file: string): string[] {
  const parts = file.split("/").filter((part) => part !== "");
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join("/"));
}

/**
 * Every clash between the outputs of a build, as diagnostics naming both sources: two outputs for one
 * file (a post at `/assets/css/opsnote.css`, a file of `static/` and one of `images/` for one URL,
 * URLs that differ only in letter case, since on macOS and Windows and on many static hosts' storage
 * `/devops/Intro/` and `/devops/intro/` are one file), an output inside a folder another owns (a post
 * under `/pagefind/`), and a file where another output needs a folder (`/x.png` the file and
 * `/x.png/` a page). Each is an error: a page or file would be lost. Two redirects from one old URL
 * are a warning (no page is lost; the old URL reaches one of them); a redirect that meets any other
 * output gives way to it, which the redirect writer reports. A published file of the blogger's that
 * meets an output opsnote generates (`posts/tags/index.html`, a theme's copy of its own tag index) is
 * a warning too, kind `generated-file`: every page is still published, the file is not, and
 * `onWithheld` is told its URL so the build does not copy it.
 */
export function findUrlConflicts(outputs: readonly PlannedOutput[], { onWithheld }: { onWithheld?: (copy: PlannedOutput) => void } = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  /** @returns whether the clash was a file of the blogger's giving way to a generated output */
  const report = (first: PlannedOutput, second: PlannedOutput, where: string): boolean => {
    const copy = [first, second].find((output) => output.copyOf !== undefined && !output.generated);
    const other = copy === first ? second : first;
    if (copy && other.generated) {
      onWithheld?.(copy);
      const sameFile = other.isFolder || outputFileOf(copy.url).toLowerCase() === outputFileOf(other.url).toLowerCase();
      diagnostics.push({
        severity: "warning", file: copy.file, field: "file", kind: "generated-file",
        message: sameFile ? generatedFileMessage(copy.url, other.what) : `${copy.url} is in the way of ${other.what} (${where}); yours is not published`,
      });
      return true;
    }
    // Name a post first, then a published file: they are what the blogger can change.
    const rank = (output: PlannedOutput) => (output.file === GENERATED ? 2 : output.copyOf !== undefined ? 1 : 0);
    const [a, b] = rank(second) < rank(first) ? [second, first] : [first, second];
    const bothRedirects = a.isRedirect === true && b.isRedirect === true;
    const fix = a.copyOf !== undefined && b.copyOf !== undefined
      ? "rename or move one of the files"
      : a.copyOf !== undefined ? "opsnote writes that file itself: rename, move or remove yours"
      : bothRedirects ? "keep the old URL in one post's redirect_from" : "change the post's permalink, title or terms";
    diagnostics.push({
      severity: bothRedirects ? "warning" : "error",
      file: a.file === GENERATED ? b.file : a.file,
      field: bothRedirects ? "redirect_from" : a.copyOf !== undefined ? "file" : "permalink",
      message: `${a.what} and ${b.what}${sourceOf(b)} would both be written to ${where}; ${fix}`,
    });
    return false;
  };
  const byFile = new Map<string, PlannedOutput>();
  const folders: PlannedOutput[] = [];
  for (const output of outputs) {
    if (output.isFolder) {
      folders.push(output);
      continue;
    }
    const file = outputFileOf(output.url).toLowerCase();
    const first = byFile.get(file);
    if (first === undefined) {
      byFile.set(file, output);
      continue;
    }
    if (first.copyOf !== undefined && first.copyOf === output.copyOf) continue;
    if (first.isRedirect !== output.isRedirect) {
      // A redirect gives way; the other output takes its place in the map.
      if (first.isRedirect) byFile.set(file, output);
      continue;
    }
    const where = outputFileOf(first.url) === outputFileOf(output.url)
      ? output.url
      : `${first.url} and ${output.url} (one file where letter case is ignored)`;
    // A file that gave way leaves its place to the generated output, for the folder checks below.
    if (report(first, output, where) && output.generated) byFile.set(file, output);
  }
  for (const folder of folders) {
    const prefix = outputFileOf(folder.url).toLowerCase().replace(/index\.html$/, "");
    for (const [file, output] of byFile) {
      if (file.startsWith(prefix) && !output.isRedirect) report(output, folder, `${output.url}, inside ${folder.url}`);
    }
  }
  for (const [file, output] of byFile) {
    for (const ancestor of ancestorsOf(file)) {
      const blocker = byFile.get(`/${ancestor}`);
      if (blocker !== undefined && !(blocker.isRedirect && output.isRedirect)) {
        report(output, blocker, `${output.url}, which needs /${ancestor} to be a folder`);
      }
    }
  }
  return diagnostics;
}
