/**
 * Jekyll's front-matter `defaults:` as Jekyll 4 applies them (`Jekyll::FrontmatterDefaults#all`), for
 * one file at a time. A scope's `path` is a plain string prefix of the file's path inside the site
 * (inside `collections_dir` for posts and collections; `""` or no path is every file), a `*` in it a
 * glob; `type` is `posts`, `pages` or a collection's name. Where two scopes set one key, the longer
 * path wins, then the one with a `type`, then the later one.
 *
 * The import needs this per post: a blog may say `toc: true` for `_posts/k8s` only, with no `type`,
 * which a reader of `type: posts` entries alone never sees (or, worse, reads as every post's).
 */
import { flag } from "../content/schema.ts";
import { isObject, type Config } from "./config-values.ts";

/** One default a file gets, and the `_config.yml` words it came from (for the report and the settings' comments). */
export interface JekyllDefault {
  value: unknown;
  /** e.g. `defaults (type: posts) toc`, `defaults (path: "_posts/k8s") toc`. */
  from: string;
}

interface Scope {
  path: string;
  type?: string;
}

/** Jekyll's `sanitize_path`: no leading slash, no trailing one after a name. */
const sanitize = (value: unknown) => (typeof value === "string" ? value.replace(/^\/|(?<=[^/])\/$/g, "") : "");

/** Jekyll 3's singular type names, which Jekyll 4 still reads (with a deprecation warning). */
const TYPE_NAMES: Readonly<Record<string, string>> = { post: "posts", page: "pages", draft: "drafts" };

function describe(scope: Scope): string {
  const parts = [scope.path !== "" || scope.type === undefined ? `path: ${JSON.stringify(scope.path)}` : undefined, scope.type && `type: ${scope.type}`];
  return `defaults (${parts.filter(Boolean).join(", ")})`;
}

/** Jekyll's `has_precedence?`: a longer path, then a typed scope, then the later entry. */
function hasPrecedence(old: Scope | undefined, scope: Scope): boolean {
  if (old === undefined) return true;
  if (scope.path.length !== old.path.length) return scope.path.length >= old.path.length;
  return scope.type !== undefined || old.type === undefined;
}

/**
 * Whether a scope's path covers a file: a prefix of its path, as Jekyll 4 compares them (as strings,
 * so `_posts/k8s` also covers `_posts/k8s-intro.md`). A glob (`*` matches within one folder name) is
 * matched against the file's folders, as Jekyll globs the site's folders and compares each as a prefix.
 */
function coversPath(scopePath: string, filePath: string): boolean {
  if (scopePath === "") return true;
  if (!scopePath.includes("*")) return filePath.startsWith(scopePath);
  const pattern = scopePath.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*");
  return new RegExp(`^${pattern}`).test(filePath);
}

/**
 * The defaults of one file: `relativePath` inside the site (inside `collections_dir` when the site has
 * one: `_posts/k8s/2024-01-05-x.md`), `type` `posts` or a collection's name.
 * @example jekyllDefaults({ defaults: [{ scope: { path: "_posts/k8s" }, values: { toc: true } }] })("_posts/k8s/a.md", "posts").get("toc") // { value: true, from: 'defaults (path: "_posts/k8s") toc' }
 */
export function jekyllDefaults(config: Config): (relativePath: string, type: string) => Map<string, JekyllDefault> {
  const collectionsDir = typeof config.collections_dir === "string" ? sanitize(config.collections_dir) : "";
  const sets: { scope: Scope; values: Config }[] = [];
  for (const entry of Array.isArray(config.defaults) ? config.defaults : []) {
    if (!isObject(entry) || !isObject(entry.values)) continue;
    const scope = isObject(entry.scope) ? entry.scope : {};
    let scopePath = sanitize(scope.path);
    // Scopes may name a collection's folder with `collections_dir` in front; documents' paths have none.
    if (collectionsDir !== "" && scopePath.startsWith(`${collectionsDir}/`)) scopePath = scopePath.slice(collectionsDir.length + 1);
    const type = typeof scope.type === "string" ? TYPE_NAMES[scope.type] ?? scope.type : undefined;
    sets.push({ scope: { path: scopePath, type }, values: entry.values });
  }
  return (relativePath, type) => {
    // Jekyll merges in the order of the entries, each over the values so far when it takes precedence
    // over the last one that did, else under them (shallowly here: the import reads top-level keys).
    let merged = new Map<string, JekyllDefault>();
    let last: Scope | undefined;
    for (const { scope, values } of sets) {
      if ((scope.type !== undefined && scope.type !== type) || !coversPath(scope.path, relativePath)) continue;
      const own = new Map(Object.entries(values).map(([key, value]) => [key, { value, from: `${describe(scope)} ${key}` }]));
      if (hasPrecedence(last, scope)) {
        merged = new Map([...merged, ...own]);
        last = scope;
      } else merged = new Map([...own, ...merged]);
    }
    return merged;
  };
}

/** A key the import writes into a copied post, with the `_config.yml` words it came from. */
export interface CarriedDefault {
  key: "toc" | "comments" | "author";
  value: boolean | string;
  from: string;
}

/**
 * What a post's defaults say that opsnote's settings do not give it, to be written into its copy: `toc`
 * where it differs from the posts' `toc` setting (which carries only the defaults every post gets; a
 * file no entry gives a `toc` had none, as Jekyll's themes show none unless asked), and
 * `comments: false` on a site with comments where neither the post nor its defaults said `comments: true`,
 * and an `author` name other than the site author's (Minima and Minimal Mistakes show `page.author` on the
 * post: leewr9's posts said "Rooam Lee" where the site's author is "leewr9").
 * A post's own value always stays; with Chirpy's site-wide `toc: false`, no post showed one, so none is
 * written.
 */
export function defaultsToCarry(
  config: Config,
  defaults: ReadonlyMap<string, JekyllDefault>,
  frontMatter: Record<string, unknown>,
  settings: { toc?: boolean; comments?: unknown; author?: { name?: string } },
): CarriedDefault[] {
  const readFlag = (value: unknown) => flag.safeParse(value).data;
  const carried: CarriedDefault[] = [];
  const written = new Set(Object.keys(frontMatter).map((key) => key.toLowerCase()));
  // No entry giving it a `toc` (a collection document where the posts' defaults say true): it had none.
  // TeXt says `aside: { toc: true }` (translate-settings.ts reads it for the posts' setting too).
  const aside = defaults.get("aside");
  const asideToc = isObject(aside?.value) && aside.value.toc !== undefined ? { value: aside.value.toc, from: `${aside.from}.toc` } : undefined;
  const toc = defaults.get("toc") ?? asideToc ?? { value: false, from: "defaults (none gives it toc)" };
  const tocValue = readFlag(toc.value);
  if (tocValue !== undefined && !written.has("toc") && !written.has("showtoc")
    && readFlag(config.toc) !== false && tocValue !== (settings.toc ?? false)) {
    carried.push({ key: "toc", value: tocValue, from: toc.from });
  }
  const author = defaults.get("author");
  const authorName = typeof author?.value === "string" ? author.value.trim() : "";
  if (author && authorName !== "" && !written.has("author") && authorName !== settings.author?.name?.trim()) {
    carried.push({ key: "author", value: authorName, from: author.from });
  }
  if (written.has("comments") || settings.comments === undefined) return carried;
  if (isTextTheme(config)) {
    // TeXt shows comments on every page unless `comment: false` (singular; its own default is true),
    // as opsnote does: only a page that turned them off keeps them off (ParkDongho lost them on all 13).
    const comment = frontMatter.comment !== undefined ? { value: frontMatter.comment, from: "front matter comment" } : defaults.get("comment");
    if (comment !== undefined && readFlag(comment.value) === false) carried.push({ key: "comments", value: false, from: comment.from });
    return carried;
  }
  // Chirpy and Minimal Mistakes show comments where `page.comments` is true (`{% if page.comments and
  // site.comments.provider %}`), from the post or its defaults; opsnote shows them on every post of a
  // site with comments unless the post says `comments: false`. A post neither gave had none. A site
  // with no `comments:` block (Jekyll Now's or minima's top-level `disqus:`) showed them on every post.
  if (!isObject(config.comments)) return carried;
  const comments = defaults.get("comments") ?? { value: false, from: "defaults (none gives it comments; the theme showed comments only where comments: true)" };
  if (readFlag(comments.value) !== true) carried.push({ key: "comments", value: false, from: comments.from });
  return carried;
}

/** A site on the TeXt theme: its `theme`/`remote_theme`, or its own settings (`text_skin`, older `text_color_theme`). */
function isTextTheme(config: Config): boolean {
  const theme = [config.theme, config.remote_theme].filter((value): value is string => typeof value === "string").join(" ");
  return /jekyll-text-theme/i.test(theme) || config.text_skin !== undefined || config.text_color_theme !== undefined;
}
