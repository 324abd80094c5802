/**
 * Search documents kept between builds. A warm build writes the same pages as the build before it,
 * and making their search documents again (one htmlparser2 pass over each post's page, 2.5 s of a warm
 * 1,000-post build's 16 s of CPU) only let the index cache (index-cache.ts) find the index it already
 * had. A document depends on nothing but the page's HTML, its URL and the code that reads them: the key
 * is a hash of the first two, and the pack's salt covers the third (opsnote's source, htmlparser2's
 * version), so a stale entry is a miss, never a wrong document. The pack is one file
 * (src/markdown/cache-pack.ts): read once, written once at the end of a build that added entries.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { cacheDir } from "../cache-dir.ts";
import { openCachePack } from "../markdown/cache-pack.ts";
import { sourceHash } from "../markdown/render-salt.ts";
import { packageVersion } from "../package-version.ts";
import { buildSearchDocument, type SearchDocument } from "./search-document.ts";

export interface SearchDocumentCache {
  /** The page's search document (undefined for a page with nothing indexed), from the pack when it has it. */
  documentOf(html: string, url: string): SearchDocument | undefined;
  /** The same, with its key in the pack. */
  entryOf(html: string, url: string): { document: SearchDocument; key: string } | undefined;
  /** A document the pack holds, by its key (one a build before made): for the next stream's prefeed (index.ts). */
  stored(key: string): SearchDocument | undefined;
  /** Documents made (not read from the pack) since the cache was opened: a page whose document changed. */
  readonly made: number;
  /** Writes the pack if this build added documents; `prune` drops those this build did not ask for. */
  save(options: { prune: boolean }): void;
}

export interface SearchDocumentCacheOptions {
  /** @default <cache>/search/documents.pack */
  file?: string;
  /** @default opsnote's source hash and htmlparser2's version */
  salt?: string;
}

/** The pack key of a page: its URL and its HTML, hashed. */
export function documentKey(html: string, url: string): string {
  return createHash("sha256").update(url).update("\0").update(html).digest("base64url");
}

export function createSearchDocumentCache({
  file = path.join(cacheDir("search"), "documents.pack"),
  salt = `${sourceHash()} htmlparser2@${packageVersion("htmlparser2")}`,
}: SearchDocumentCacheOptions = {}): SearchDocumentCache {
  const pack = openCachePack({ file, salt });
  let made = 0;
  return {
    get made() {
      return made;
    },
    documentOf(html, url) {
      return this.entryOf(html, url)?.document;
    },
    entryOf(html, url) {
      // Listing pages have no indexed body: nothing to hash or keep (buildSearchDocument checks the same).
      if (!html.includes("data-pagefind-body")) return undefined;
      const key = documentKey(html, url);
      const cached = pack.read(key);
      if (cached !== undefined) return { document: JSON.parse(cached) as SearchDocument, key };
      const document = buildSearchDocument(html, url);
      made++;
      if (!document) return undefined;
      pack.write(key, JSON.stringify(document));
      return { document, key };
    },
    stored(key) {
      const cached = pack.read(key);
      return cached === undefined ? undefined : (JSON.parse(cached) as SearchDocument);
    },
    save({ prune }) {
      pack.save({ prune });
    },
  };
}
