/**
 * Tags and categories: which posts are filed under which term, and in what order terms are listed.
 */
import type { Post, Term } from "../content/post.ts";
import { categoryUrl, tagUrl } from "../urls/site-urls.ts";
import { displayPath, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface TermGroup extends Term {
  /** Newest first. */
  posts: Post[];
  /** Every spelling met, the shown one (`name`) first. */
  spellings: TermSpelling[];
}

const collator = new Intl.Collator("ko");

/** Newest first; posts with the same instant keep a stable, title-collated order. */
export function sortPostsNewestFirst(posts: readonly Post[]): Post[] {
  return [...posts].sort(
    (a, b) => b.date.instant.getTime() - a.date.instant.getTime() || collator.compare(a.title, b.title),
  );
}

/** One way a term is written, with the posts that write it so. */
export interface TermSpelling {
  name: string;
  /** Oldest first. */
  posts: Post[];
}

/**
 * Groups posts by one of their term lists. Terms are one term when they get the same URL slug:
 * `Kubernetes` / `kubernetes` (post.ts already normalised NFC, whitespace and zero-width
 * characters), and also `GitHub Actions` / `github-actions`, which Hugo merges and Jekyll keeps
 * apart; one page per slug can only be one term. The spelling used by most posts is shown, on a
 * tie the one of the oldest post (the blogger's first choice). `spellings` lists every spelling met,
 * the shown one first: `termSpellingNotes` names them so the blogger can unify them.
 */
export function groupByTerm(posts: readonly Post[], pick: (post: Post) => readonly Term[]): TermGroup[] {
  const groups = new Map<string, { spellings: Map<string, Post[]>; posts: Post[] }>();
  for (const post of sortPostsNewestFirst(posts)) {
    for (const term of pick(post)) {
      let group = groups.get(term.slug);
      if (!group) {
        group = { spellings: new Map(), posts: [] };
        groups.set(term.slug, group);
      }
      // A post writing two spellings of one term is listed once.
      if (group.posts.at(-1) !== post) group.posts.push(post);
      const users = group.spellings.get(term.name) ?? [];
      if (users[0] !== post) users.unshift(post);
      group.spellings.set(term.name, users);
    }
  }
  const result: TermGroup[] = [];
  for (const [slug, group] of groups) {
    const spellings = [...group.spellings]
      .map(([name, users]): TermSpelling => ({ name, posts: users }))
      .sort((a, b) => b.posts.length - a.posts.length || a.posts[0]!.date.instant.getTime() - b.posts[0]!.date.instant.getTime() ||
        collator.compare(a.name, b.name));
    result.push({ name: spellings[0]!.name, slug, posts: group.posts, spellings });
  }
  return result.sort((a, b) => b.posts.length - a.posts.length || collator.compare(a.name, b.name));
}

const MAX_FILES_NAMED = 3;

/**
 * One warning per term written in ways that differ beyond letter case (`KV Cache` / `kv-cache`),
 * naming each spelling and the files that use it, so the blogger can unify them. Letter case alone
 * (`Docker` / `docker`) is the same word and stays silent.
 */
export function termSpellingNotes(groups: readonly TermGroup[], kind: string, urlOf: (term: TermGroup) => string): Diagnostic[] {
  return groups.filter((group) => new Set(group.spellings.map((s) => s.name.toLowerCase())).size > 1).map((group): Diagnostic => {
    const described = group.spellings.map(({ name, posts }) => {
      const files = posts.slice(0, MAX_FILES_NAMED).map((post) => displayPath(post.inputPath));
      const more = posts.length > MAX_FILES_NAMED ? `, and ${posts.length - MAX_FILES_NAMED} more` : "";
      return `"${name}" (${files.join(", ")}${more})`;
    });
    const other = group.spellings.find((s) => s.name.toLowerCase() !== group.name.toLowerCase())!;
    return {
      severity: "warning",
      file: other.posts[0]!.inputPath,
      field: kind,
      message: `${described.join(", ")} are one ${kind === "tags" ? "tag" : "category"} at ${urlOf(group)}, shown as "${group.name}"; write it one way everywhere to silence this`,
    };
  });
}

/**
 * Makes every post show a term the way the site spells it (the group's most used spelling), so a
 * post tagged `docker` lists "Docker" like the tag page it links to. Mutates the posts' term
 * objects in place: they are the per-build `post` data every page and feed reads, and a term's
 * slug (its identity) does not change.
 */
export function applyGroupSpelling(groups: readonly TermGroup[], pick: (post: Post) => Term[]): void {
  for (const group of groups) {
    for (const post of group.posts) {
      for (const term of pick(post)) {
        if (term.slug === group.slug) term.name = group.name;
      }
    }
  }
}

/** The spelling notes of a site's tags and categories, as `check` and the build's pre-check print them. */
export function siteTermNotes(posts: readonly Post[]): Diagnostic[] {
  return [
    ...termSpellingNotes(groupByTerm(posts, (post) => post.tags), "tags", tagUrl),
    ...termSpellingNotes(groupByTerm(posts, (post) => post.categories), "categories", categoryUrl),
  ];
}
