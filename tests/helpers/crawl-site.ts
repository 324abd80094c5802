/**
 * Reads a built site the way a browser and a feed reader would: every HTML page parsed with
 * linkedom, every feed parsed as XML or JSON, and every internal URL they mention resolved to a
 * file in the output folder (percent-encoded Hangul decoded). Used by the whole-site tests.
 */
import { readFile, readdir } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { DOMParser, parseHTML } from "linkedom";

export interface CrawlOptions {
  /** Absolute origin the site is published at, e.g. "https://opsnote.example.kr". */
  origin: string;
  /** Path prefix, e.g. "/" or "/blog/". */
  prefix: string;
}

export interface Reference {
  /** File (relative to the output) the URL was found in. */
  from: string;
  url: string;
}

export async function listFiles(root: string, dir = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, full)));
    else files.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return files.sort();
}

/** `index.html` -> `/`, `tags/helm/index.html` -> `/tags/helm/`, `404.html` -> `/404.html` (no prefix). */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

export function readDocument(html: string) {
  return parseHTML(html).document;
}

/** Every URL an HTML page points at: links, stylesheets, icons, images, scripts, canonical and card URLs. */
export function urlsInHtml(html: string): string[] {
  const document = readDocument(html);
  const urls: string[] = [];
  for (const element of document.querySelectorAll("a[href], link[href]")) urls.push(element.getAttribute("href")!);
  for (const element of document.querySelectorAll("img[src], script[src], source[src]")) urls.push(element.getAttribute("src")!);
  for (const element of document.querySelectorAll("img[srcset], source[srcset]")) {
    for (const candidate of element.getAttribute("srcset")!.split(",")) urls.push(candidate.trim().split(/\s+/)[0]!);
  }
  for (const element of document.querySelectorAll('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]')) {
    urls.push(element.getAttribute("content")!);
  }
  return urls;
}

/**
 * An XML document with CSS selectors (linkedom). Caveat: linkedom leaves entities in attribute
 * values undecoded, so an `&` in a URL attribute reads as `&amp;`; tests/feeds/atom.test.ts
 * checks escaping with a standards parser instead.
 */
export function parseXml(xml: string) {
  return new DOMParser().parseFromString(xml, "text/xml");
}

/** Every URL an Atom/sitemap document carries, read with the DOM of an XML parser. */
export function urlsInXml(xml: string): string[] {
  const doc = parseXml(xml);
  const urls: string[] = [];
  for (const link of doc.querySelectorAll("link")) if (link.getAttribute("href")) urls.push(link.getAttribute("href")!);
  for (const el of doc.querySelectorAll("loc, icon")) urls.push(el.textContent!.trim());
  for (const content of doc.querySelectorAll("content")) urls.push(...urlsInHtml(`<body>${content.textContent ?? ""}</body>`));
  return urls;
}

export function urlsInJsonFeed(json: string): string[] {
  const feed = JSON.parse(json) as { home_page_url: string; feed_url: string; favicon?: string; items: { url: string; content_html: string }[] };
  return [
    feed.home_page_url, feed.feed_url, ...(feed.favicon ? [feed.favicon] : []),
    ...feed.items.flatMap((item) => [item.url, ...urlsInHtml(`<body>${item.content_html}</body>`)]),
  ];
}

export type Resolution =
  | { kind: "external" }
  | { kind: "escapes-prefix" }
  | { kind: "internal"; file: string; fragment?: string };

/** Where an internal URL found on page `fromUrl` (site path, prefix included) lands in the output. */
export function resolveUrl(url: string, fromUrl: string, { origin, prefix }: CrawlOptions): Resolution {
  if (/^(mailto|tel|data|javascript):/i.test(url)) return { kind: "external" };
  const base = new URL(fromUrl, `${origin}/`);
  const target = new URL(url, base);
  if (target.origin !== new URL(origin).origin) return { kind: "external" };
  if (!target.pathname.startsWith(prefix)) return { kind: "escapes-prefix" };
  const sitePath = decodeURIComponent(target.pathname.slice(prefix.length - 1));
  const file = (sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath).replace(/^\//, "");
  const fragment = target.hash ? decodeURIComponent(target.hash.slice(1)) : undefined;
  return { kind: "internal", file, fragment };
}

export interface CrawlResult {
  pages: string[];
  references: number;
  problems: string[];
}

/** Crawls every HTML page and feed of `output`; a problem is a URL that escapes the prefix or finds no file or id. */
export async function crawlSite(output: string, options: CrawlOptions): Promise<CrawlResult> {
  const files = await listFiles(output);
  const problems: string[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      const document = readDocument(await readFile(path.join(output, file), "utf8"));
      ids = new Set([...document.querySelectorAll("[id]")].map((el) => el.getAttribute("id")!));
      idsCache.set(file, ids);
    }
    return ids;
  };
  let references = 0;
  for (const file of files) {
    let urls: string[];
    const text = () => readFile(path.join(output, file), "utf8");
    if (file.endsWith(".html")) urls = urlsInHtml(await text());
    else if (file.endsWith(".xml")) urls = urlsInXml(await text());
    else if (file.endsWith(".json") && file.includes("feed")) urls = urlsInJsonFeed(await text());
    else continue;
    const fromUrl = `${options.prefix.replace(/\/$/, "")}${urlOfFile(file)}`;
    for (const url of urls) {
      references += 1;
      const resolved = resolveUrl(url, fromUrl, options);
      if (resolved.kind === "external") continue;
      if (resolved.kind === "escapes-prefix") {
        problems.push(`${file}: ${url} is outside the path prefix ${options.prefix}`);
        continue;
      }
      const target = path.join(output, resolved.file);
      if (!existsSync(target) || !statSync(target).isFile()) {
        problems.push(`${file}: ${url} -> ${resolved.file} does not exist`);
        continue;
      }
      if (resolved.fragment && resolved.file.endsWith(".html") && !(await idsOf(resolved.file)).has(resolved.fragment)) {
        problems.push(`${file}: ${url} -> no element with id "${resolved.fragment}" in ${resolved.file}`);
      }
    }
  }
  return { pages: files.filter((f) => f.endsWith(".html")), references, problems };
}
