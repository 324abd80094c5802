/**
 * Where a build cache lives: `.cache/<name>`, or `$OPSNOTE_CACHE_DIR/<name>` when that is set (CI,
 * benchmarks and tests move every cache with it). The markdown caches (rendered bodies, highlighted
 * blocks, formulas) are three pack files in `markdown/` (src/markdown/cache-pack.ts).
 */
import path from "node:path";

export function cacheDir(name: string): string {
  const base = process.env.OPSNOTE_CACHE_DIR;
  return path.resolve(base !== undefined && base !== "" ? base : ".cache", name);
}
