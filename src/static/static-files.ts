/**
 * The files a site publishes as they are, and the URL each one gets. One list, read by the build
 * (which copies it), the site plan (which checks it against every other output for collisions),
 * the markdown pipeline (which points relative references at it) and `check` (which resolves links
 * against it), so a link the check accepts is a file in the output and the other way round.
 *
 * Where files are served from:
 * - `assets/` of the project, at `/assets/` (opsnote's stylesheet and scripts, and the blog's images);
 *   the `assets/` beside the posts folder too when that is another folder (where `npm run import` puts
 *   a migrated blog's images);
 * - every folder of the `staticDirs` setting that exists, relative to the blog's folder (the folder
 *   that holds the posts folder: the project in the default layout), at its own path: `images/x.png`
 *   is `/images/x.png`, as Jekyll serves every top-level folder. A folder named `static` is Hugo's
 *   and Zola's: its contents are served from the root (`static/images/x.png` is `/images/x.png`);
 * - every file in the posts folder that is not a post (`.md`, `.markdown`), at its path inside the
 *   posts folder: `posts/notes/diagram.png` is `/notes/diagram.png`.
 *
 * Design choice for files beside posts: a post's page URL (`/notes/x/`) rarely matches its file's
 * folder, so a relative `![](diagram.png)` written next to `posts/notes/x.md` would resolve to
 * `/notes/x/diagram.png` in the browser. Each such file is published once, at its folder's URL, and
 * the markdown pipeline rewrites relative image and link targets that resolve to a published file to
 * that file's root-relative URL (local-references.ts). The page, its feed entry and `check` then all
 * mean the same file, whatever the post's permalink, and a file used by ten posts is copied once.
 * Page bundles (`posts/x/index.md`) also keep a copy of their files beside the page (page-bundles.ts),
 * the URLs Hugo and Zola gave them.
 *
 * Left out, as the build leaves them out: dot files and folders, `node_modules`, what `.gitignore` or
 * `.eleventyignore` lists, Eleventy templates (`.11ty.js`), editor and OS litter (`x~`, `.swp`, `.bak`,
 * `Thumbs.db`, `desktop.ini`), and symbolic links that lead to a folder, outside the served folders,
 * or nowhere (the rules of src/content/symlinks.ts).
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { symlinkToSkip, type SkippedSymlink } from "../content/symlinks.ts";
import { GENERATED_FILE_URLS } from "../urls/site-urls.ts";

export interface StaticFolder {
  /** Absolute path. */
  dir: string;
  /** Root-relative URL the folder's contents are served at, ending in `/`. */
  url: string;
  /** How messages name it: `assets/`, `static/ (served from the root)`. */
  label: string;
  /** The posts folder: only its files that are not posts are published. */
  isPosts?: boolean;
}

export interface SiteFile {
  /** Absolute path of the source (of the link itself, for a symbolic link). */
  source: string;
  /** Root-relative URL, decoded and NFC, e.g. `/notes/한글 이름.png`. */
  url: string;
  /** The folder it is served from. */
  folder: StaticFolder;
}

export interface StaticFoldersOptions {
  /** The posts folder (Eleventy's input). */
  postsDir: string;
  /** The `staticDirs` site setting. */
  staticDirs?: readonly string[];
  /** The project's assets folder. @default path.resolve("assets") */
  assetsDir?: string;
}

/** Posts and Eleventy templates in the posts folder are built, not copied. */
const BUILT = /\.(md|markdown|11ty\.js|11ty\.cjs|11ty\.mjs)$/i;
/** Editor backups and OS litter, never meant to be published. */
const LITTER = /(~|\.swp|\.swo|\.tmp|\.bak)$|^(thumbs\.db|desktop\.ini)$/i;

const slashed = (file: string) => file.split(path.sep).join("/");

/** Whether `child` is `parent` or inside it (both absolute). */
export function isInsideFolder(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The folders whose files the site publishes, in order of precedence for messages. */
export function staticFolders({ postsDir, staticDirs = [], assetsDir = path.resolve("assets") }: StaticFoldersOptions): StaticFolder[] {
  const posts = path.resolve(postsDir);
  const blogRoot = path.dirname(posts);
  const folders: StaticFolder[] = [];
  const add = (dir: string, url: string, label: string) => {
    if (!isFolder(dir) || folders.some((folder) => folder.dir === dir) || dir === posts) return;
    folders.push({ dir, url, label });
  };
  add(path.resolve(assetsDir), "/assets/", "assets/");
  add(path.join(blogRoot, "assets"), "/assets/", `${slashed(path.relative(process.cwd(), path.join(blogRoot, "assets")))}/`);
  for (const entry of staticDirs) {
    const dir = path.resolve(blogRoot, entry);
    const segments = slashed(path.relative(blogRoot, dir)).split("/").filter((s) => s !== "" && s !== "..");
    const servedAtRoot = segments.at(-1) === "static";
    const url = servedAtRoot ? "/" : `/${segments.join("/")}/`;
    add(dir, url, servedAtRoot ? `${entry.replace(/\/+$/, "")}/ (served from the root)` : `${entry.replace(/\/+$/, "")}/`);
  }
  folders.push({ dir: posts, url: "/", label: "the posts folder", isPosts: true });
  return folders;
}

export interface ListSiteFilesOptions {
  /** Files Eleventy skips (ignore-files.ts). @default none */
  isIgnored?: (file: string) => boolean;
}

export interface SiteFileList {
  files: SiteFile[];
  /** Symbolic links left out, with why. */
  skipped: SkippedSymlink[];
  /**
   * Files at a URL the build writes itself (GENERATED_FILE_URLS: a theme's `static/robots.txt`), left out
   * of `files`: the build's own file is published, and `check` reports these (a warning in a build).
   */
  shadowed: SiteFile[];
}

/** Every file the folders publish, without following links to folders or out of the served folders. */
export function listSiteFiles(folders: readonly StaticFolder[], { isIgnored = () => false }: ListSiteFilesOptions = {}): SiteFileList {
  const allowed = folders.flatMap((folder) => {
    try {
      return [realpathSync(folder.dir)];
    } catch {
      return [];
    }
  });
  // A folder nested in another served folder (`static/` inside the posts folder) is walked once, as itself.
  const nested = new Set(folders.map((folder) => folder.dir));
  const files: SiteFile[] = [];
  const skipped: SkippedSymlink[] = [];
  for (const folder of folders) {
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!nested.has(full) && !isIgnored(full)) walk(full);
          continue;
        }
        // Cheap tests first: most files of a posts folder are posts.
        if ((folder.isPosts && BUILT.test(entry.name)) || LITTER.test(entry.name) || isIgnored(full)) continue;
        if (entry.isSymbolicLink()) {
          const skip = symlinkToSkip(full, allowed, "the folders the site publishes");
          if (skip) {
            skipped.push(skip);
            continue;
          }
        } else if (!entry.isFile()) {
          continue;
        }
        const relative = slashed(path.relative(folder.dir, full)).normalize("NFC");
        files.push({ source: full, url: `${folder.url}${relative}`, folder });
      }
    };
    walk(folder.dir);
  }
  return { files: files.filter((file) => !GENERATED_FILE_URLS.has(file.url)), skipped, shadowed: files.filter((file) => GENERATED_FILE_URLS.has(file.url)) };
}

/** The published URL of a file path, or undefined when no served folder holds it (or it is a post). */
export function urlOfFile(file: string, folders: readonly StaticFolder[]): string | undefined {
  const absolute = path.resolve(file);
  // The innermost folder wins: `posts/static/x.png` is the static folder's when both are served.
  const holder = folders
    .filter((folder) => isInsideFolder(absolute, folder.dir) && absolute !== folder.dir)
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!holder) return undefined;
  if (holder.isPosts && BUILT.test(absolute)) return undefined;
  return `${holder.url}${slashed(path.relative(holder.dir, absolute)).normalize("NFC")}`;
}

/** The files a root-relative URL could be, one per folder served at a prefix of it. */
export function filesOfUrl(urlPath: string, folders: readonly StaticFolder[]): string[] {
  return folders
    .filter((folder) => urlPath.startsWith(folder.url) && urlPath.length > folder.url.length)
    .map((folder) => path.join(folder.dir, ...urlPath.slice(folder.url.length).split("/")));
}

/** What `check` and the markdown pipeline ask of the published files. */
export interface SiteFileLookup {
  readonly folders: readonly StaticFolder[];
  readonly files: readonly SiteFile[];
  /** Files left out because the build writes their URL itself (SiteFileList.shadowed). */
  readonly shadowed?: readonly SiteFile[];
  /** The published file at a root-relative URL (decoded, NFC), if any. */
  fileAt(urlPath: string): SiteFile | undefined;
  /** The served folder a root-relative URL falls in (its longest prefix other than the root), if any. */
  folderOfUrl(urlPath: string): StaticFolder | undefined;
}

export function createSiteFileLookup(folders: readonly StaticFolder[], options: ListSiteFilesOptions = {}): SiteFileLookup & SiteFileList {
  const { files, skipped, shadowed } = listSiteFiles(folders, options);
  const byUrl = new Map<string, SiteFile>();
  for (const file of files) if (!byUrl.has(file.url)) byUrl.set(file.url, file);
  return {
    folders,
    files,
    skipped,
    shadowed,
    fileAt: (urlPath) => byUrl.get(urlPath.normalize("NFC")),
    folderOfUrl: (urlPath) => folders
      .filter((folder) => folder.url !== "/" && urlPath.startsWith(folder.url))
      .sort((a, b) => b.url.length - a.url.length)[0],
  };
}
