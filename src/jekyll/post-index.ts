/**
 * Every post's URL, known before any page renders: `{% post_url %}` in one post needs the URL of
 * another, and redirect pages need the URL of their post. Built by reading each file's front
 * matter with the same reader and `buildPost` the pages use, so the URLs are the same.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parsePostText } from "../content/front-matter.ts";
import { buildPost } from "../content/post.ts";
import { isPublished } from "../content/publication.ts";
import type { SiteSettings } from "../site.ts";

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
  return {
    posts,
    resolve: (reference) => byKey.get(referenceKey(reference)) ?? undefined,
  };
}

async function listPostFiles(root: string, relative = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) files.push(...(await listPostFiles(root, child)));
    else if (entry.isFile() && POST_FILE.test(entry.name)) files.push(child);
  }
  return files;
}

/**
 * What one file contributes to the index, remembered by modification time: the preview rebuilds
 * the index on every save, and only the saved file has changed.
 */
export type PostIndexCache = Map<string, { mtimeMs: number; size: number; entry: IndexedPost | undefined }>;

async function indexFile(
  postsDir: string,
  relativePath: string,
  site: Pick<SiteSettings, "timeZone" | "permalink">,
  cache: PostIndexCache | undefined,
): Promise<IndexedPost | undefined> {
  const inputPath = path.join(postsDir, relativePath);
  const info = await stat(inputPath);
  const cached = cache?.get(inputPath);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.entry;
  const text = (await readFile(inputPath, "utf8")).replace(/^\uFEFF/, "");
  let entry: IndexedPost | undefined;
  try {
    // The same engines as the build: gray-matter's defaults would `eval` a `---js` post.
    const { data, content } = parsePostText(text, inputPath);
    const result = buildPost({ inputPath, frontMatter: data.frontMatter ?? {}, source: data.frontMatterSource, body: content, site });
    if (result.ok) {
      entry = {
        relativePath: relativePath.normalize("NFC"),
        url: result.post.url,
        redirectFrom: result.post.redirectFrom,
        published: isPublished(result.post, new Date()),
      };
    }
  } catch {
    // A post that does not parse is reported by its own page.
  }
  cache?.set(inputPath, { mtimeMs: info.mtimeMs, size: info.size, entry });
  return entry;
}

/** Reads every post under `postsDir`; a post that does not build is left out (its own page reports it). */
export async function indexPosts(
  postsDir: string,
  site: Pick<SiteSettings, "timeZone" | "permalink">,
  cache?: PostIndexCache,
): Promise<PostIndex> {
  const files = await listPostFiles(postsDir);
  const entries = await Promise.all(files.map((relativePath) => indexFile(postsDir, relativePath, site, cache)));
  if (cache) {
    const present = new Set(files.map((relativePath) => path.join(postsDir, relativePath)));
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  }
  return createPostIndex(entries.filter((entry): entry is IndexedPost => entry !== undefined));
}
