/**
 * Every post's URL, known before any page renders: `{% post_url %}` in one post needs the URL of
 * another, and redirect pages need the URL of their post. Built from the posts as `check` analyses
 * them (src/check/analyse-post.ts), which read each file's front matter with the same reader and
 * `buildPost` the pages use, so the URLs are the same; in a build the analyses are shared with
 * `check` (src/check/post-sources.ts), so each post is read once for both.
 */
import { isPublished } from "../content/publication.ts";
import type { SiteSettings } from "../site.ts";
import type { PostAnalysis } from "../check/analyse-post.ts";
import { analysePosts, type CheckCache } from "../check/check-posts.ts";

export interface IndexedPost {
  /** Path relative to the posts folder, `/`-separated, NFC. */
  relativePath: string;
  url: string;
  redirectFrom: string[];

  /** Public in a production build (not a draft, not scheduled): see content/publication.ts. */
  published: boolean;
}

export interface PostIndex {
  posts: IndexedPost[];
  /** The URL a `post_url` / `link` reference names, or undefined. */
  resolve(reference: string): string | undefined;
  /** The URL of the post at this path relative to the posts folder (any separator, any Unicode form), or undefined. */
  urlOfFile(relativePath: string): string | undefined;
}

const POST_FILE = /\.(md|markdown)$/i;

/**
 * Lookup keys, with and without the extension, for every tail of the path: `2024/sub/x.md` gives
 * `2024/sub/x`, `sub/x`, `x` (and the `.md` forms), because the posts folder may sit one level
 * above or below where the old site's `_posts` was.
 */
function keysOf(relativePath: string): string[] {
  const segments = relativePath.split("/");
  return segments.flatMap((_, start) => {
    const tail = segments.slice(start).join("/");
    return [tail, tail.replace(POST_FILE, "")];
  });
}

/** Normalises how a post refers to another: NFC, `/`, no leading `_posts/` or `./`, quotes removed. */
function referenceKey(reference: string): string {
  return reference
    .trim()
    .replace(/^["']|["']$/g, "")
    .normalize("NFC")
    .replace(/\\/g, "/")
    .replace(/^(\.\/|\/)+/, "")
    .replace(/^_posts\//, "");
}

export function createPostIndex(posts: IndexedPost[]): PostIndex {
  const byKey = new Map<string, string | null>();
  for (const post of posts) {
    for (const key of new Set(keysOf(post.relativePath))) {
      // Two posts with the same name in different folders: the bare name is ambiguous.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== post.url ? null : post.url);
    }
  }
  const byPath = new Map(posts.map((post) => [post.relativePath, post.url]));
  return {
    posts,
    resolve: (reference) => byKey.get(referenceKey(reference)) ?? undefined,
    urlOfFile: (relativePath) => byPath.get(relativePath.split(/[\\/]/).join("/").normalize("NFC")),
  };
}

/**
 * The index of analysed posts; a post that does not build is left out (its own page reports it).
 * `now` decides which posts are published: it is the time of the build, never cached.
 */
export function indexAnalyses(analyses: readonly PostAnalysis[], now: Date): PostIndex {
  const posts: IndexedPost[] = [];
  for (const { post, relativePath } of analyses) {
    if (!post) continue;
    posts.push({
      relativePath: relativePath.normalize("NFC"),
      url: post.url,
      redirectFrom: post.redirectFrom,
      published: isPublished(post, now),
    });
  }
  return createPostIndex(posts);
}

/**
 * Reads every post under `postsDir` (see `indexAnalyses`). `cache` keeps the analyses of unchanged
 * files for the next call, as the preview's rebuilds do.
 */
export async function indexPosts(
  postsDir: string,
  site: Pick<SiteSettings, "timeZone" | "permalink">,
  cache?: CheckCache,
  now: Date = new Date(),
): Promise<PostIndex> {
  return indexAnalyses(await analysePosts({ posts: postsDir, site, cache }), now);
}
