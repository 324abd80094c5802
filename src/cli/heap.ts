/**
 * How far V8 lets the heap grow between full garbage collections, for opsnote's commands.
 *
 * Eleventy keeps every page's HTML until a build ends, so a build's live heap grows with the site
 * (about 555 MB after a 4,000-post build), and it allocates quickly while rendering. By default V8
 * then lets the heap grow to several times the live size before collecting it fully: peak RSS was
 * 1.43 GiB for those 555 MB. A fixed growing factor of 1.2 keeps the heap near its live size (peak
 * RSS 0.96–1.0 GiB) for about 5% more CPU (`npm run bench`, docs/benchmarks.md). Unlike a hard
 * limit (`--max-old-space-size`), it never makes a larger site run out of memory.
 *
 * V8 reads this flag each time it sizes the heap after a collection, so setting it once the process
 * runs takes effect from the next collection on.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 20;

/**
 * Node flags of the processes that build: `npm run build` (package.json's script, which a test keeps
 * equal to this) and the preview `npm start` runs (src/cli/start.ts); the bench runs opsnote with them. A build allocates short-lived
 * objects fast (tokens, vnodes, strings of every page), and V8's young generation of 16 MB semi-spaces
 * filled every few milliseconds: with 32 MB ones a warm 1,000-post build took 5.0 instead of 5.9 s and
 * 5.5 instead of 5.8 s (medians of two interleaved runs; faster in 8 of 9 pairs) for about 25 MB more
 * peak RSS (docs/benchmarks.md, seventeenth session). Unlike the growing factor, V8 reads it only when
 * the process starts.
 */
export const BUILD_NODE_FLAGS = ["--max-semi-space-size=32"] as const;

/**
 * Sets the growing factor: `OPSNOTE_HEAP_GROWING_PERCENT` (an integer; 0 keeps V8's own heuristics,
 * for comparing), else HEAP_GROWING_PERCENT.
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const configured = env.OPSNOTE_HEAP_GROWING_PERCENT;
  const percent = configured !== undefined && /^\d+$/.test(configured) ? Number(configured) : HEAP_GROWING_PERCENT;
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
