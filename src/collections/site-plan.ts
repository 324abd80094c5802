/**
 * The site plan: every page and file opsnote writes, with the source it comes from. Lists are cut
 * into pages here; the sitemap reads the plan; and it is where two sources that would write the
 * same file are caught, before Eleventy silently lets one win or stops with a message that names
 * neither post.
 */
import type { Post } from "../content/post.ts";
import { isPublished } from "../content/publication.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { paginate, type ListPage } from "./paginate.ts";
import { sortPostsNewestFirst, type TermGroup } from "./taxonomy.ts";
import {
  ABOUT_URL, ARCHIVE_URL, ATOM_FEED_URL, CATEGORIES_URL, HOME_URL, JSON_FEED_URL, NOT_FOUND_URL, ROBOTS_URL,
  SITEMAP_URL, TAGS_URL, categoryUrl, tagUrl, termFeedUrl,
} from "../urls/site-urls.ts";

export type TermKind = "tags" | "categories";

export interface TermListPage extends ListPage<Post> {
  kind: TermKind;
  term: TermGroup;
  /** This term's Atom feed. */
  feedUrl: string;
}

export interface PlannedPage {
  /** Root-relative URL, without the path prefix. */
  url: string;
  /** File the page comes from: a post, or the post that first used a term; `(opsnote)` for fixed pages. */
  file: string;
  /** What writes it, for messages: `the tag page of "helm"`. */
  what: string;
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
  tags: readonly TermGroup[];
  categories: readonly TermGroup[];
  pageSize: number;
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

function termPages(kind: TermKind, groups: readonly TermGroup[], pageSize: number): TermListPage[] {
  const urlOf = kind === "tags" ? tagUrl : categoryUrl;
  return groups.flatMap((term) =>
    paginate(term.posts, pageSize, urlOf(term)).map((page) => ({ ...page, kind, term, feedUrl: termFeedUrl(urlOf(term)) })),
  );
}

export function planSite({ posts, tags, categories, pageSize }: PlanSiteInput): SitePlan {
  const homePages = paginate(orderForHome(posts), pageSize, HOME_URL);
  const tagPages = termPages("tags", tags, pageSize);
  const categoryPages = termPages("categories", categories, pageSize);
  const allNewest = newest(posts);
  const fixed = (url: string, what: string, inSitemap: boolean, lastModified: Date | undefined = undefined): PlannedPage => ({
    url, file: GENERATED, what, inSitemap, lastModified: inSitemap ? lastModified : undefined,
  });
  const pages: PlannedPage[] = [
    ...homePages.map((page) => fixed(page.url, page.pageNumber === 1 ? "the home page" : `page ${page.pageNumber} of the home page`, true, newest(page.items))),
    ...posts.map((post): PlannedPage => ({
      url: post.url, file: post.inputPath, what: `the post "${post.title}"`, inSitemap: isPublished(post, new Date()), lastModified: lastModifiedOf(post),
    })),
    ...[...tagPages, ...categoryPages].flatMap((page): PlannedPage[] => {
      const what = `the ${TERM_LABEL[page.kind]} page of "${page.term.name}"${page.pageNumber > 1 ? ` (page ${page.pageNumber})` : ""}`;
      const file = page.term.posts.at(-1)?.inputPath ?? GENERATED;
      const list: PlannedPage = { url: page.url, file, what, inSitemap: true, lastModified: newest(page.items) };
      if (page.pageNumber > 1) return [list];
      return [list, { url: page.feedUrl, file, what: `the ${TERM_LABEL[page.kind]} feed of "${page.term.name}"`, inSitemap: false }];
    }),
    fixed(TAGS_URL, "the tag index", true, allNewest),
    fixed(CATEGORIES_URL, "the category index", true, allNewest),
    fixed(ARCHIVE_URL, "the archive", true, allNewest),
    fixed(ABOUT_URL, "the about page", true),
    fixed(NOT_FOUND_URL, "the 404 page", false),
    fixed(ATOM_FEED_URL, "the Atom feed", false),
    fixed(JSON_FEED_URL, "the JSON feed", false),
    fixed(SITEMAP_URL, "the sitemap", false),
    fixed(ROBOTS_URL, "robots.txt", false),
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

/**
 * Two planned pages that would write the same file, as errors naming both sources. URLs that
 * differ only in letter case clash too: on macOS and Windows (and on many static hosts' storage)
 * `/devops/Intro/` and `/devops/intro/` are one file, and the site would lose a page there.
 */
export function findUrlConflicts(pages: readonly PlannedPage[]): Diagnostic[] {
  const byFile = new Map<string, PlannedPage>();
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const file = outputFileOf(page.url).toLowerCase();
    const first = byFile.get(file);
    if (first === undefined) {
      byFile.set(file, page);
      continue;
    }
    // Name a post file first: it is the one the blogger can change.
    const [a, b] = first.file === GENERATED ? [page, first] : [first, page];
    const where = outputFileOf(first.url) === outputFileOf(page.url)
      ? page.url
      : `${a.url} and ${b.url} (one file where letter case is ignored)`;
    diagnostics.push({
      severity: "error",
      file: a.file,
      field: "permalink",
      message: `${a.what} and ${b.what}${b.file === GENERATED ? "" : ` (${b.file})`} would both be written to ${where}; change the post's permalink, title or terms`,
    });
  }
  return diagnostics;
}
