/**
 * Pages for `redirect_from` (jekyll-redirect-from) and Hugo's `aliases`: a migrated post keeps its
 * old URLs. Each is a tiny HTML page, as jekyll-redirect-from writes: meta refresh for browsers,
 * canonical for search engines, and a link for everyone else. A redirect never replaces a real page.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { isWritten } from "../static/recycled-output.ts";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { strings } from "../ui/strings.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The redirect page's HTML; `target` is the URL browsers go to, `canonical` the absolute one. */
export function renderRedirectPage(target: string, canonical: string, language = "ko"): string {
  const to = escapeHtml(target);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(strings.redirectTitle)}</title>
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${to}">
<meta name="robots" content="noindex">
</head>
<body>
<p>${strings.redirectBody(`<a href="${to}">${to}</a>`)}</p>
</body>
</html>
`;
}

/**
 * The file an old URL is served from, relative to the output folder: `/old/` and `/old` ->
 * `old/index.html`, `/old.html` -> `old.html`. Undefined for URLs that cannot be a file here
 * (absolute URLs, `..`, the site root).
 */
export function redirectFilePath(fromUrl: string): string | undefined {
  const clean = fromUrl.trim().split(/[?#]/)[0]!.normalize("NFC");
  if (/^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith("//")) return undefined;
  let segments: string[];
  try {
    segments = clean.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  segments = segments.filter((segment) => segment !== "" && segment !== ".");
  if (segments.length === 0 || segments.some((segment) => segment === ".." || /[\\\0]/.test(segment))) return undefined;
  const last = segments.at(-1)!;
  return /\.html?$/i.test(last) ? segments.join("/") : [...segments, "index.html"].join("/");
}

export interface RedirectSource {
  /** The post's file, for messages. */
  file: string;
  /** Root-relative URL of the post, without the path prefix. */
  url: string;
  redirectFrom: readonly string[];
}

export interface WriteRedirectsOptions {
  outputDir: string;
  /** @default "/" */
  pathPrefix: string;
  /** Absolute origin, no trailing slash. */
  siteUrl: string;
  /** `<html lang>` of the pages. @default "ko" */
  language?: string;
  report(diagnostic: Diagnostic): void;
}

/**
 * Whether `file` holds a redirect page (renderRedirectPage): one an earlier build wrote into a folder
 * that is not recycled (the preview's), which this build may write again. No other page of the site
 * refreshes to another URL.
 */
function isRedirectPage(file: string): boolean {
  try {
    const text = readFileSync(file, "utf8");
    return text.startsWith("<!doctype html>") && text.includes('<meta http-equiv="refresh" content="0; url=') && text.includes('<meta name="robots" content="noindex">');
  } catch {
    return false;
  }
}

/** Writes every redirect page; returns how many were written. */
export async function writeRedirects(posts: readonly RedirectSource[], options: WriteRedirectsOptions): Promise<number> {
  const prefix = options.pathPrefix.replace(/\/+$/, "");
  let written = 0;
  // Pages this call wrote: a second redirect from the same URL is a clash, not an earlier build's page.
  const writtenNow = new Set<string>();
  for (const post of posts) {
    for (const from of post.redirectFrom) {
      const relative = redirectFilePath(from);
      const warn = (message: string) =>
        options.report({ severity: "warning", file: post.file, field: "redirect_from", message });
      if (relative === undefined) {
        warn(`"${from}" is not a path on this site; no redirect page written`);
        continue;
      }
      const file = path.join(options.outputDir, ...relative.split("/"));
      // A page this build wrote, or a file it copied; in the preview's folder, which is never recycled,
      // the redirect pages of its earlier builds are written again (their target may have moved).
      if (writtenNow.has(file) || (isWritten(file) && !isRedirectPage(file))) {
        warn(`"${from}" is already a page of the site; it was not replaced by a redirect`);
        continue;
      }
      const target = `${prefix}${post.url}`;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, renderRedirectPage(target, `${options.siteUrl}${target}`, options.language));
      writtenNow.add(file);
      written++;
    }
  }
  return written;
}
