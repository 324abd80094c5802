/**
 * `check`: every post validated without building the site. Each file is analysed on its own
 * (analyse-post.ts; `analysePosts`, cached in memory by modification time and on disk by content),
 * then the checks that need all posts run over the results (`checkAnalyses`): duplicate URLs,
 * internal links by URL or by `.md` path, heading anchors, assets, and scheduled dates (which depend
 * on the time of the check, so they are never cached).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findUnsafeSymlinks, listFilesWithoutFollowingLinks } from "../content/symlinks.ts";
import { createIgnoreMatcher } from "../content/ignore-files.ts";
import { checkSettingsReferences, type SettingLine } from "./settings-references.ts";
import type { MarkdownIt } from "markdown-it";
import type { SiteSettings } from "../site.ts";
import { displayPath, type Diagnostic, type DiagnosticKind, type Severity } from "../diagnostics/diagnostic.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import type { CodeHighlighter } from "../markdown/highlight.ts";
import { includeUnpublished, isPublished, postStatus, unpublishedOnPublishedUrls } from "../content/publication.ts";
import { indexAnalyses } from "../jekyll/post-index.ts";
import { knownUrls, type KnownUrls } from "./known-urls.ts";
import { siteTermNotes } from "../collections/taxonomy.ts";
import { generatedFileMessage } from "../collections/site-plan.ts";
import { analysePost, type PostAnalysis } from "./analyse-post.ts";
import { readFirstCommitDates } from "../content/git-dates.ts";
import { undatedFallback } from "../content/undated.ts";
import type { AnalysisCache } from "./analysis-cache.ts";
import { classifyLink, decodeTarget, POST_REFERENCE_PREFIX, quotedUrl, quotedUrlMessage, resolveFromPost, type LinkRef } from "./links.ts";
import { createSiteFileLookup, staticFolders, urlOfFile, type SiteFileLookup } from "../static/static-files.ts";
import { bundleCopies, isBundleIndex } from "../jekyll/page-bundles.ts";
import type { Post } from "../content/post.ts";

export interface AnalysePostsOptions {
  /** Folder of posts. */
  posts: string;
  /** Folder that `/assets/…` URLs are served from (symbolic links into it are followed). @default "assets" */
  assets?: string;
  site: Pick<SiteSettings, "timeZone" | "permalink">;
  /** Analyses of unchanged files are reused from here. @default a fresh cache */
  cache?: CheckCache;
  /** Analyses of files with the same bytes, path, settings and code are read from here. @default none */
  store?: AnalysisCache;
}

export interface CheckAnalysesOptions {
  /** Folder that `/assets/…` URLs are served from. @default "assets" */
  assets?: string;
  /** The `staticDirs` site setting, when `files` is not given. @default [] */
  staticDirs?: readonly string[];
  /**
   * The files the site publishes (src/static): the build passes its own listing, so the check and the
   * build agree on what exists. @default listed from the posts folder, `assets` and `staticDirs`
   */
  files?: SiteFileLookup;
  /** What "in the future" is measured against. @default new Date() */
  now?: Date;
  /** URLs of pages that are not posts. @default every URL the site plan writes (known-urls.ts) */
  pageUrls?: Iterable<string>;
  /** Posts per list page, for the paginated URLs. @default 10 */
  pageSize?: number;
  /** The `redirects` site setting: each old URL is a redirect page. @default {} */
  redirects?: Readonly<Record<string, string>>;
  /** Settings that name posts and files (settings-references.ts), with the settings file and the posts folder. @default not checked */
  settings?: Pick<SiteSettings, "seriesMembers" | "credits"> & { file: string; lineOf?: SettingLine; posts: string };
}

export interface CheckPostsOptions extends AnalysePostsOptions, CheckAnalysesOptions {}

export interface CheckReport {
  posts: number;
  /** Errors first, then warnings, then notes; each by file and line. */
  diagnostics: Diagnostic[];
}

export interface CheckCache {
  md: MarkdownIt;
  /** By file: what it was when analysed, the analysis, and its key in the on-disk cache when one was used. */
  files: Map<string, { mtimeMs: number; size: number; analysis: PostAnalysis; key?: string }>;
}

/** Parsing never highlights, so the markdown pipeline gets a highlighter that is never called. */
const PARSE_ONLY: CodeHighlighter = {
  languages: [],
  resolveLanguage: () => "text",
  highlight: (code) => code,
};

export function createCheckCache(): CheckCache {
  const md = createMarkdown({ highlighter: PARSE_ONLY });
  // Bare URLs that linkify turns into links are well formed by construction and their text stays in
  // the heading's text tokens, so ids are the same without it; it is the slowest rule of a parse.
  md.set({ linkify: false });
  return { md, files: new Map() };
}

/**
 * Post files under `folder`, relative to it, in a stable order. Dot folders and node_modules are
 * skipped, and so is what the build skips: the symbolic links it refuses (outside the folder, to
 * folders, loops) and whatever `.gitignore` or `.eleventyignore` lists (ignore-files.ts).
 */
export async function listPostFiles(folder: string, assets = "assets"): Promise<string[]> {
  const skipped = findUnsafeSymlinks(folder, [folder, assets]).map((link) => path.relative(folder, link.path).split(path.sep).join("/"));
  const isIgnored = createIgnoreMatcher({ input: folder });
  const entries = await listFilesWithoutFollowingLinks(folder);
  return entries
    .filter((entry) => !skipped.some((link) => entry === link || entry.startsWith(`${link}/`)))
    .filter((entry) => /\.(md|markdown)$/i.test(entry))
    .filter((entry) => !entry.split("/").some((part) => part.startsWith(".") || part === "node_modules"))
    .filter((entry) => !isIgnored(path.join(folder, entry)))
    .sort();
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0));
}

/** How long the analysis runs before it lets the event loop turn (timers, worker messages, I/O). */
const YIELD_EVERY_MS = 20;

const fileKey = (file: string) => path.resolve(file).normalize("NFC");

/**
 * Every post under `options.posts`, analysed on its own, in path order: from the memory cache when
 * the file's modification time and size are unchanged, else from the store when its bytes are, else
 * parsed (and stored).
 */
export async function analysePosts(options: AnalysePostsOptions): Promise<PostAnalysis[]> {
  const cache = options.cache ?? createCheckCache();
  const { store, site } = options;
  const relativePaths = await listPostFiles(options.posts, path.resolve(options.assets ?? "assets"));
  const manifest = store ? await store.open(options.posts) : undefined;

  // Synchronous reads: thousands of small, usually cached files read ~10x faster than through the
  // thread pool. The loop still yields to the event loop every few milliseconds: a cold build
  // analyses its posts while its highlight workers start and work (prefill-highlight-cache.ts), and
  // they wait on this thread for their next blocks.
  const analyses: PostAnalysis[] = [];
  let slice = performance.now();
  for (const relativePath of relativePaths) {
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    analyses.push(analyseOne(relativePath));
  }
  function analyseOne(relativePath: string): PostAnalysis {
    const file = path.join(options.posts, relativePath);
    const info = statSync(file);
    const cached = cache.files.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size && (!manifest || cached.key !== undefined)) {
      // Known in memory; the manifest gets it back if it lost it (it was corrupt, or is another store's).
      if (manifest && !manifest.has(relativePath, cached.key!)) manifest.set(relativePath, cached.key!, cached.analysis);
      return cached.analysis;
    }
    const bytes = readFileSync(file);
    const key = store?.keyOf({ bytes, file, relativePath, site });
    let analysis = key === undefined ? undefined : manifest?.get(relativePath, key);
    if (!analysis) {
      analysis = analysePost({ file, relativePath, text: bytes.toString("utf8"), md: cache.md, site });
      if (key !== undefined) manifest?.set(relativePath, key, analysis);
    }
    cache.files.set(file, { mtimeMs: info.mtimeMs, size: info.size, analysis, key });
    return analysis;
  }
  // A post with no date anywhere is dated from git or its modification time (content/undated.ts),
  // which its bytes do not tell: analysed again, kept in memory only, with one git call for all.
  const undated = analyses.flatMap((analysis, i) => (analysis.undated ? [i] : []));
  if (undated.length > 0) {
    const firstCommits = await readFirstCommitDates(options.posts);
    for (const i of undated) {
      const relativePath = relativePaths[i]!;
      const file = path.join(options.posts, relativePath);
      const text = readFileSync(file, "utf8");
      const analysis = analysePost({ file, relativePath, text, md: cache.md, site, undatedFallback: undatedFallback(file, firstCommits) });
      analyses[i] = analysis;
      const cached = cache.files.get(file)!;
      cache.files.set(file, { ...cached, analysis });
    }
  }
  // Deleted files leave the caches, so a long preview session does not grow them.
  const present = new Set(relativePaths.map((relativePath) => path.join(options.posts, relativePath)));
  for (const file of cache.files.keys()) if (!present.has(file)) cache.files.delete(file);
  await manifest?.save(new Set(relativePaths));
  return analyses;
}

export async function checkPosts(options: CheckPostsOptions): Promise<CheckReport> {
  return checkAnalyses(await analysePosts(options), options);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The published files of the posts folder the analyses come from (undefined for no analyses). */
function defaultFileLookup(analyses: readonly PostAnalysis[], assets: string, staticDirs: readonly string[]): SiteFileLookup | undefined {
  const first = analyses[0];
  if (!first) return undefined;
  const absolute = path.resolve(first.file);
  const postsDir = absolute.slice(0, absolute.length - path.normalize(first.relativePath).length).replace(/[\\/]+$/, "");
  return createSiteFileLookup(staticFolders({ postsDir, staticDirs, assetsDir: assets }), { isIgnored: createIgnoreMatcher({ input: postsDir }) });
}

const LAST_SEGMENT_IS_FILE = /\.[a-z0-9]+$/i;

/**
 * Posts that share a URL. Two that this build writes are an error: one page would overwrite the other.
 * A draft or scheduled post that this build leaves out only would, once published: a warning, so that
 * the published posts still build (an imported Hugo site may keep a draft on a published post's URL).
 */
function urlClashes(analyses: readonly PostAnalysis[], now: Date): { clashes: Diagnostic[]; byUrl: Map<string, PostAnalysis> } {
  const diagnostics: Diagnostic[] = [];
  const built = new Map<string, PostAnalysis>();
  const leftOut = new Map<string, PostAnalysis>();
  const withPosts = analyses.filter((analysis) => analysis.post !== undefined);
  // In the preview, an unpublished post on a published one's URL is left out (src/content/index.ts), as a
  // production build leaves it out: a warning, not an error that stops the whole site.
  const shadowed = includeUnpublished() ? unpublishedOnPublishedUrls(withPosts, now) : new Map<PostAnalysis, PostAnalysis>();
  for (const [analysis, owner] of shadowed) {
    diagnostics.push({
      severity: "warning", file: analysis.file, field: "url", kind: "unpublished-url-clash",
      message: `${analysis.post!.url} is also the URL of ${displayPath(owner.file)}; this ${postStatus(analysis.post!, now)} post is left out of the preview, and once published one page would overwrite the other (rename a file or set permalink)`,
    });
  }
  const builds = (analysis: PostAnalysis) => !shadowed.has(analysis) && (includeUnpublished() || isPublished(analysis.post!, now));
  for (const analysis of withPosts.filter(builds)) {
    const url = analysis.post!.url;
    const other = built.get(url);
    if (!other) built.set(url, analysis);
    else {
      diagnostics.push({
        severity: "error", file: analysis.file, field: "url", kind: "url-clash",
        message: `${url} is also the URL of ${displayPath(other.file)}; one page would overwrite the other (rename a file or set permalink)`,
      });
    }
  }
  for (const analysis of withPosts.filter((analysis) => !builds(analysis) && !shadowed.has(analysis))) {
    const url = analysis.post!.url;
    const other = built.get(url) ?? leftOut.get(url);
    if (!other) leftOut.set(url, analysis);
    else {
      diagnostics.push({
        severity: "warning", file: analysis.file, field: "url", kind: "unpublished-url-clash",
        message: `${url} is also the URL of ${displayPath(other.file)}; this ${postStatus(analysis.post!, now)} post is left out of the site, but once published one page would overwrite the other (rename a file or set permalink)`,
      });
    }
  }
  // Links resolve to the post this build writes at the URL, else to the first left out.
  return { clashes: diagnostics, byUrl: new Map([...leftOut, ...built]) };
}

/** The checks that need every post, over their analyses; `now` decides which posts are scheduled. */
export function checkAnalyses(analyses: readonly PostAnalysis[], options: CheckAnalysesOptions = {}): CheckReport {
  const now = options.now ?? new Date();
  const assets = path.resolve(options.assets ?? "assets");
  const diagnostics: Diagnostic[] = analyses.flatMap((a) => a.diagnostics);
  const byFile = new Map<string, PostAnalysis>();
  for (const analysis of analyses) byFile.set(fileKey(analysis.file), analysis);
  const { clashes, byUrl } = urlClashes(analyses, now);
  diagnostics.push(...clashes);
  for (const analysis of analyses) {
    const post = analysis.post;
    if (!post) continue;
    if (postStatus(post, now) === "scheduled") {
      diagnostics.push({
        severity: "info", file: analysis.file, line: analysis.dateLine, field: "date",
        message: `${post.date.iso} is in the future: scheduled, left out of the published site until then`,
      });
    }
  }

  const files = options.files ?? defaultFileLookup(analyses, assets, options.staticDirs ?? []);
  // A file of the blogger's at a URL the build writes itself: the build's is published, theirs is not.
  for (const file of files?.shadowed ?? []) {
    diagnostics.push({
      severity: "error", file: file.source, field: "file", kind: "generated-file",
      message: `${file.url} is a file opsnote writes itself; yours is not published`,
    });
  }
  const posts = analyses.flatMap((a) => (a.post ? [a.post] : []));
  const given = options.pageUrls === undefined ? undefined : new Set(options.pageUrls);
  // What the build publishes: the preview shows drafts and scheduled posts, and their tag pages.
  const built = posts.filter((post) => includeUnpublished() || isPublished(post, now));
  const pageUrls: KnownUrls = given
    ? { has: (url: string) => given.has(url) }
    : knownUrls(built, options.pageSize ?? 10, [...posts.flatMap((post) => redirectUrls(post.redirectFrom)), ...redirectUrls(Object.keys(options.redirects ?? {}))]);
  // A file of the blogger's where opsnote writes a page of its own (`posts/tags/index.html`): the
  // build publishes its page and warns (collections/site-plan.ts, findUrlConflicts); `check` fails.
  for (const file of files?.files ?? []) {
    const generated = pageUrls.generatedAt?.(file.url);
    if (generated === undefined) continue;
    diagnostics.push({ severity: "error", file: file.source, field: "file", kind: "generated-file", message: generatedFileMessage(file.url, generated) });
  }
  // Terms written several ways are one tag page; the build prints the same notes from here.
  diagnostics.push(...siteTermNotes(built));
  if (options.settings) {
    const postsRoot = path.resolve(options.settings.posts);
    const postFiles = new Set(analyses.map((a) => path.relative(postsRoot, path.resolve(a.file)).split(path.sep).join("/").normalize("NFC")));
    diagnostics.push(...checkSettingsReferences(options.settings, {
      file: options.settings.file, lineOf: options.settings.lineOf,
      hasPost: (relative) => postFiles.has(relative),
      hasFile: (urlPath) => files === undefined || files.fileAt(urlPath) !== undefined,
    }));
  }
  // Made at the first root-relative URL nothing else answers (most sites have none).
  let bundleFileUrls: Set<string> | undefined;
  const references = indexAnalyses(analyses, now);

  for (const analysis of analyses) {
    const report = (link: LinkRef, kind: DiagnosticKind, target: string, message: string, severity: Severity = "error") =>
      diagnostics.push({ severity, file: analysis.file, line: link.line, column: link.column, field: link.kind, message, kind, target });
    const checkAnchor = (link: LinkRef, target: PostAnalysis, fragment: string | undefined) => {
      if (fragment === undefined || fragment === "" || target.headingIds.has(fragment)) return;
      const where = target === analysis ? "this post" : displayPath(target.file);
      const known = [...target.headingIds].slice(0, 5).map((id) => `#${id}`).join(", ");
      report(link, "unknown-anchor", `#${fragment}`,
        `#${fragment}: no heading with this id in ${where}${known ? ` (ids there: ${known}${target.headingIds.size > 5 ? ", …" : ""})` : ""}`, "warning");
    };
    const checkTargetPost = (link: LinkRef, target: PostAnalysis, shown: string) => {
      if (!analysis.post || !target.post) return;
      const status = postStatus(target.post, now);
      if (postStatus(analysis.post, now) === "published" && status !== "published") {
        report(link, "unpublished-target", shown, `${shown} is a ${status} post; the link is broken in the published site until it is published`, "warning");
      }
    };
    const missingKind = (link: LinkRef, urlPath: string): DiagnosticKind =>
      link.kind === "image" ? "missing-image" : LAST_SEGMENT_IS_FILE.test(urlPath) ? "missing-file" : "broken-link";

    for (const link of analysis.links) {
      if (quotedUrl(link.href) !== undefined) {
        report(link, "quoted-url", decodeTarget(link.href), quotedUrlMessage(link.href, link.kind === "image"));
        continue;
      }
      const target = classifyLink(link.href);
      let shown = decodeTarget(link.href);
      if (target.type === "anchor") {
        checkAnchor(link, analysis, target.fragment);
      } else if (target.type === "post-file") {
        const resolved = path.resolve(path.dirname(analysis.file), target.path);
        const found = byFile.get(fileKey(resolved));
        if (!found) {
          report(link, link.kind === "image" ? "missing-image" : "unknown-post-file", target.path, `${shown}: no such post (looked for ${displayPath(resolved)})`);
          continue;
        }
        checkTargetPost(link, found, shown);
        checkAnchor(link, found, target.fragment);
      } else if (target.type === "file") {
        const resolved = path.resolve(path.dirname(analysis.file), target.path);
        const url = files === undefined ? undefined : urlOfFile(resolved, files.folders);
        if (files !== undefined && url === undefined) {
          report(link, link.kind === "image" ? "missing-image" : "missing-file", target.path,
            `${shown}: ${displayPath(resolved)} is in no folder the site publishes (the posts folder, ${files.folders.filter((f) => !f.isPosts).map((f) => f.label).join(", ")})`);
        } else if (url === undefined ? !isFile(resolved) : !files?.fileAt(url)) {
          report(link, link.kind === "image" ? "missing-image" : "missing-file", target.path,
            `${shown}: no such file beside the post (looked for ${displayPath(resolved)})`);
        }
      } else if (target.type === "url") {
        let urlPath = target.path;
        if (urlPath.startsWith(POST_REFERENCE_PREFIX)) {
          const reference = urlPath.slice(POST_REFERENCE_PREFIX.length);
          const url = references.resolve(reference);
          shown = `{% post_url ${reference} %}`;
          if (url === undefined) {
            report(link, "post-url", reference, `no post "${reference}" in the posts folder (expected a file name such as 2024-11-07-name, without .md)`);
            continue;
          }
          urlPath = url;
        }
        if (!urlPath.startsWith("/")) {
          if (!analysis.post) continue;
          urlPath = resolveFromPost(target.path, analysis.post.url);
        }
        const candidates = [urlPath, urlPath.replace(/index\.html$/, ""), /\/[^/.]*$/.test(urlPath) ? `${urlPath}/` : urlPath];
        const post = candidates.map((c) => byUrl.get(c)).find((p) => p !== undefined);
        if (link.kind === "image" && (post !== undefined || candidates.some((c) => pageUrls.has(c)))) {
          // A page shows as a broken image: `![]({{ site.url }})`, an author's slip, is the home page.
          const page = post !== undefined ? `the URL of ${displayPath(post.file)}` : urlPath === "/" ? "the site's home page ({{ site.url }} alone is it too)" : "a page of the site";
          report(link, "missing-image", urlPath, `${shown}: ${page}, not an image file`);
        } else if (post) {
          checkTargetPost(link, post, shown);
          checkAnchor(link, post, target.fragment);
        } else if (candidates.some((c) => pageUrls.has(c))) {
          continue;
        } else if (files?.fileAt(urlPath) || (bundleFileUrls ??= bundleCopyUrls(analyses, new Set(built), files)).has(urlPath.normalize("NFC"))) {
          // A published file: assets/, a static folder, a file beside a post, or its copy beside a bundle's page.
        } else if (files?.folderOfUrl(urlPath)) {
          report(link, missingKind(link, urlPath), urlPath, `${shown}: no such file in ${displayPath(files.folderOfUrl(urlPath)!.dir)}/`);
        } else {
          report(link, missingKind(link, urlPath), urlPath, `${shown}: no post or page has this URL`);
        }
      }
    }
  }
  return { posts: analyses.length, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * The URLs of the copies the build makes of page bundles' files beside their pages (page-bundles.ts):
 * `posts/pages/about/me.jpg` is also `/about/me.jpg` when `posts/pages/about/index.md` is `/about/`,
 * as Hugo and Zola served it. Only bundles the build writes, and not one at the posts folder's root.
 */
function bundleCopyUrls(analyses: readonly PostAnalysis[], built: ReadonlySet<Post>, files: SiteFileLookup | undefined): Set<string> {
  const bundles = analyses.filter((a) => a.post && built.has(a.post) && isBundleIndex(a.file) && path.dirname(a.relativePath) !== ".");
  const indexes = new Set(bundles.map((a) => path.resolve(a.file)));
  return new Set(files === undefined ? [] : bundles.flatMap((a) => bundleCopies(a.file, a.post!.url, files.files, indexes).map((copy) => copy.url)));
}

/** `redirect_from` values as the URLs their redirect pages answer at. */
function redirectUrls(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const url = `/${decodeTarget(value).replace(/^\/+/, "")}`;
    return LAST_SEGMENT_IS_FILE.test(url) || url.endsWith("/") ? [url] : [url, `${url}/`];
  });
}
