/**
 * Offline mode (`offline: true`): the service worker's text and version. The worker itself is
 * worker.js beside this file; the build writes it to `/sw.js` with this site's scope, the files to keep
 * from the first visit, and a version that changes whenever a file under /assets/ (or the offline page)
 * does, since those URLs carry no hash and the worker serves them cache-first.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { isWritten } from "../static/recycled-output.ts";
import { packageVersion } from "../package-version.ts";
import path from "node:path";
import type { SiteSettings } from "../site.ts";
import {
  CODE_STYLESHEET_URL, FAVICON_URL, OFFLINE_URL, SERVICE_WORKER_URL, STYLESHEET_URL, prefixedPath,
} from "../urls/site-urls.ts";

const WORKER_SOURCE = new URL("./worker.js", import.meta.url);
const SETTINGS_MARKER = /\/\* settings \*\/ \([^\n]*\);/;

/**
 * Kept at install: what every page needs, so that the offline page and the first pages look right
 * offline, and the site's other scripts (60 KB in all): the post page's tools, the diagram loader and
 * the search dialog's modules. The first page read was loaded before the worker existed, so its scripts
 * never passed through it, and the search's modules are not left to the first search online.
 */
export const PRECACHED_ASSETS = [
  STYLESHEET_URL, CODE_STYLESHEET_URL, "/assets/js/theme-init.js", "/assets/js/site.js", FAVICON_URL,
  "/assets/js/post-tools.js", "/assets/js/mermaid-loader.js",
  "/assets/js/search.js", "/assets/js/korean-query.js", "/assets/js/korean-analysis.js",
] as const;

export interface ServiceWorkerSettings {
  /** Changes with every change of the cached-first files. */
  version: string;
  /** The site's path prefix, `/` or `/blog/`: the worker's scope. */
  pathPrefix: string;
  /** Root-relative files to keep at install; one missing would fail the install. @default PRECACHED_ASSETS */
  precache?: readonly string[];
}

/** The text of `/sw.js`. */
export async function buildServiceWorker({ version, pathPrefix, precache = PRECACHED_ASSETS }: ServiceWorkerSettings): Promise<string> {
  const source = await readFile(WORKER_SOURCE, "utf8");
  const at = (url: string) => prefixedPath({ pathPrefix }, url);
  const settings = { version, scope: pathPrefix, offlinePage: at(OFFLINE_URL), precache: precache.map(at) };
  if (!SETTINGS_MARKER.test(source)) throw new Error(`${WORKER_SOURCE.pathname}: the /* settings */ (…); line is missing`);
  return source.replace(SETTINGS_MARKER, () => `/* settings */ (${JSON.stringify(settings)});`);
}

/**
 * Folders of assets/ written while the version is computed (during `eleventy.after`), so their files
 * could be there or not, whole or half: the same site got one version or another (found when a build
 * over a recycled folder gave another `sw.js`, src/static/recycled-output.ts). Neither needs its bytes
 * in the version: responsive images have their content's hash in their names, and the vendor files
 * change with the package versions, which are hashed instead.
 */
const WRITTEN_LATE = [path.join("assets", "vendor"), path.join("assets", "responsive")];
const VENDOR_PACKAGES = ["katex", "mermaid"];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  // A file of the recycled folder the build has not written (src/static/recycled-output.ts) is swept after it.
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).filter(isWritten).sort();
}

/**
 * A short hash of the built site's assets/ folder and offline page (names and contents): the worker's
 * version. Anything else the worker keeps is refreshed on every visit, so it needs no part in it.
 */
export async function hashBuiltAssets(outputDir: string): Promise<string> {
  const hash = createHash("sha256");
  const late = WRITTEN_LATE.map((folder) => path.join(outputDir, folder) + path.sep);
  const assets = (await filesUnder(path.join(outputDir, "assets"))).filter((file) => !late.some((folder) => file.startsWith(folder)));
  for (const file of [...assets, path.join(outputDir, OFFLINE_URL, "index.html")]) {
    const content = await readFile(file).catch(() => undefined);
    if (content === undefined) continue;
    hash.update(path.relative(outputDir, file).split(path.sep).join("/")).update("\0").update(content).update("\0");
  }
  for (const name of VENDOR_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  hash.update(await readFile(WORKER_SOURCE));
  return hash.digest("hex").slice(0, 16);
}

/**
 * The worker's URL (prefix included) for the pages to register, or undefined: offline mode is off, or
 * this is the preview, where a kept copy would hide the edit just saved.
 */
export function serviceWorkerUrl(site: Pick<SiteSettings, "offline" | "pathPrefix">, runMode = process.env.ELEVENTY_RUN_MODE ?? "build"): string | undefined {
  return site.offline && runMode === "build" ? prefixedPath(site, SERVICE_WORKER_URL) : undefined;
}
