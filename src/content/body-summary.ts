/**
 * Each post's excerpt and reading time kept across builds by a hash of its body, so a warm build
 * does not parse unchanged bodies for them (markdown-it's block parser for the excerpt). One pack
 * file (src/markdown/cache-pack.ts) beside the render cache, written once at the end of a build; its
 * salt is opsnote's source, markdown-it's version and the emoji setting, which decide both values.
 */
import { createHash } from "node:crypto";
import { openCachePack, type CachePack } from "../markdown/cache-pack.ts";
import { sourceHash } from "../markdown/render-salt.ts";
import { packageVersion } from "../package-version.ts";
import { summariseBody, type BodySummary } from "./post.ts";
import type { ExcerptOptions } from "./excerpt.ts";

export interface BodySummaryCache {
  summarise(body: string): BodySummary;
  readonly pack: CachePack;
}

export function createBodySummaryCache(file: string, options: ExcerptOptions = {}): BodySummaryCache {
  // The emoji setting changes the excerpt's words (`:memo:` or 📝), as markdown-it-emoji's version can.
  const salt = { source: sourceHash(), markdownIt: packageVersion("markdown-it"), markdownItEmoji: packageVersion("markdown-it-emoji"), emoji: options.emoji === true };
  const pack = openCachePack({ file, salt: JSON.stringify(salt) });
  return {
    pack,
    summarise(body) {
      const key = createHash("sha256").update(body).digest("hex");
      const stored = pack.read(key);
      if (stored !== undefined) {
        try {
          return JSON.parse(stored) as BodySummary;
        } catch {
          // a whole pack holds whole JSON; computed again below all the same
        }
      }
      const summary = summariseBody(body, options);
      pack.write(key, JSON.stringify(summary));
      return summary;
    },
  };
}
