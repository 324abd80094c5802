/**
 * Feeds from the last build when nothing in them changed. Building a site's feeds (Atom and JSON Feed,
 * one per tag and category) took 1.0–1.2 s of a warm 1,000-post build: every entry's body is parsed to
 * make its URLs absolute, then written into an XML document. A feed's text is a function of its
 * description, its entries' fields and their bodies as rendered; the key is a SHA-256 of those, with
 * each body as the SHA-256 of its rendered HTML, so a warm build neither parses nor writes a feed.
 *
 * The salt holds what else decides the text: opsnote's source, the packages that write it (Eleventy's
 * HTML base filter, xmlbuilder2) and the site's settings. Stored in one pack (cache-pack.ts): a torn,
 * truncated or foreign pack is a miss, never a wrong feed.
 */
import { createHash } from "node:crypto";
import { openCachePack, type CachePack } from "../markdown/cache-pack.ts";
import { sourceHash } from "../markdown/render-salt.ts";
import { packageVersion } from "../package-version.ts";
import type { FeedEntry, FeedInfo } from "./feed-entry.ts";

/** A feed's entry as its key sees it: every field but the body, and the body's hash. */
export type EntryKey = Omit<FeedEntry, "contentHtml"> & { content: string };

export interface FeedCache {
  readonly pack: CachePack;
  /** Hits and misses of this process, for tests and `OPSNOTE_DEBUG_FEEDS`. */
  readonly stats: { hits: number; made: number };
  /**
   * The feed's text: from the pack when a feed of the same kind, description and entries was made
   * before, else `make()`'s, stored for the next build.
   */
  text(kind: "atom" | "json", info: FeedInfo, entries: readonly EntryKey[], make: () => Promise<string>): Promise<string>;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function feedSalt(site: unknown): string {
  return JSON.stringify({
    source: sourceHash(),
    packages: ["@11ty/eleventy", "xmlbuilder2"].map((name) => `${name}@${packageVersion(name)}`),
    site,
  });
}

export function createFeedCache({ file, salt }: { file: string; salt: string }): FeedCache {
  const pack = openCachePack({ file, salt });
  const stats = { hits: 0, made: 0 };
  return {
    pack,
    stats,
    async text(kind, info, entries, make) {
      const key = sha256(JSON.stringify([kind, info, entries]));
      const cached = pack.read(key);
      if (cached !== undefined) {
        stats.hits++;
        return cached;
      }
      const text = await make();
      pack.write(key, text);
      stats.made++;
      return text;
    },
  };
}
