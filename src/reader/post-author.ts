/**
 * Who the author box of a post shows: the site's author (settings `author`), or the post's own
 * `author` from its front matter. A post that names someone else shows only what it says about
 * them, never the site author's picture, bio or links beside another name.
 */
import type { Post } from "../content/post.ts";
import type { AuthorLink, SiteSettings } from "../site.ts";

export interface AuthorCard {
  name: string;
  /** Image URL, root-relative or absolute; absent when there is none (no empty frame). */
  avatar?: string;
  bio?: string;
  /** The name links here when set. */
  url?: string;
  links: AuthorLink[];
}

export function authorOf(post: Pick<Post, "author">, site: Pick<SiteSettings, "author">): AuthorCard {
  const own = post.author;
  const siteAuthor: AuthorCard = {
    name: site.author.name,
    ...(site.author.avatar ? { avatar: site.author.avatar } : {}),
    ...(site.author.bio ? { bio: site.author.bio } : {}),
    ...(site.author.url ? { url: site.author.url } : {}),
    links: site.author.links,
  };
  // `author: <the site author's name>` (common in imported Jekyll posts) is the site author.
  if (own === undefined || (own.name === site.author.name && !own.avatar && !own.bio && !own.url)) return siteAuthor;
  return {
    name: own.name,
    ...(own.avatar ? { avatar: own.avatar } : {}),
    ...(own.bio ? { bio: own.bio } : {}),
    ...(own.url ? { url: own.url } : {}),
    links: [],
  };
}
