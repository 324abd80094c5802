/**
 * Tags and categories: which posts are filed under which term, and in what order terms are listed.
 */
import type { Post, Term } from "../content/post.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

export interface TermGroup extends Term {
  posts: Post[];
}

const collator = new Intl.Collator("ko");

/** Newest first; posts with the same instant keep a stable, title-collated order. */
export function sortPostsNewestFirst(posts: readonly Post[]): Post[] {
  return [...posts].sort(
    (a, b) => b.date.instant.getTime() - a.date.instant.getTime() || collator.compare(a.title, b.title),
  );
}

/**
 * Groups posts by one of their term lists. Terms are one term when their names match
 * case-insensitively (post.ts already normalised NFC, whitespace and zero-width characters);
 * the spelling used by most posts is shown. Two different terms with the same slug would write
 * the same page, so they fail the build naming a post of each.
 */
export function groupByTerm(posts: readonly Post[], pick: (post: Post) => readonly Term[], kind: string): TermGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; slug: string; posts: Post[] }>();
  for (const post of sortPostsNewestFirst(posts)) {
    for (const term of pick(post)) {
      const key = term.name.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { spellings: new Map(), slug: term.slug, posts: [] };
        groups.set(key, group);
      }
      group.spellings.set(term.name, (group.spellings.get(term.name) ?? 0) + 1);
      group.posts.push(post);
    }
  }
  const bySlug = new Map<string, string>();
  const result: TermGroup[] = [];
  for (const [key, group] of groups) {
    const other = bySlug.get(group.slug);
    if (other !== undefined) {
      const first = groups.get(other)!;
      throw new DiagnosticError([{
        severity: "error",
        file: group.posts[0]!.inputPath,
        field: kind,
        message: `"${[...group.spellings.keys()][0]}" and "${[...first.spellings.keys()][0]}" (in ${first.posts[0]!.inputPath}) both get the URL slug "${group.slug}"; rename one`,
      }]);
    }
    bySlug.set(group.slug, key);
    const name = [...group.spellings].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0]![0];
    result.push({ name, slug: group.slug, posts: group.posts });
  }
  return result.sort((a, b) => b.posts.length - a.posts.length || collator.compare(a.name, b.name));
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
