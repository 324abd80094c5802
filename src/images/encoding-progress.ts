/**
 * A first build of a blog with a hundred images spends a minute or more encoding AVIF and WebP copies
 * (about one CPU second an image) before it writes a page. Without a line every few seconds the build
 * looks hung, and a blogger who stops it loses the work: so while images are being encoded, a line
 * says how far it got, that it happens once, and how to turn it off.
 */
import type { ImageVariants, VariantCounts } from "./image-variants.ts";

/** How often the progress line is printed while images are being encoded. @default 10_000 */
export const PROGRESS_INTERVAL_MS = 10_000;

/** Said once, with the first progress line of a build. */
export const ENCODING_NOTE = "AVIF/WebP copies of the posts' images, made once and kept for later builds; images.responsive: false turns them off";

/**
 * The progress line, or nothing when no image is being encoded (a warm build reads manifests only).
 * Eleventy reads posts in batches, so the images still to come are unknown: the line says how many
 * are done and how many are under way, never a total that would grow.
 * @example encodingProgressLine({ encoded: 40, cached: 3, failed: 0 }, 2) // "images: 40 encoded, 2 in progress"
 */
export function encodingProgressLine({ encoded, failed }: VariantCounts, encoding: number): string | undefined {
  if (encoding <= 0) return undefined;
  return `images: ${encoded} encoded, ${encoding} in progress${failed > 0 ? `, ${failed} failed` : ""}`;
}

/** Prints the progress line every `everyMs` until the returned function is called; the first one carries ENCODING_NOTE. */
export function startEncodingProgress(
  variants: Pick<ImageVariants, "counts" | "encoding">,
  print: (line: string) => void,
  everyMs: number = PROGRESS_INTERVAL_MS,
): () => void {
  let first = true;
  const timer = setInterval(() => {
    const line = encodingProgressLine(variants.counts(), variants.encoding());
    if (line === undefined) return;
    print(first ? `${line} (${ENCODING_NOTE})` : line);
    first = false;
  }, everyMs);
  // A finished build must not wait for the next tick.
  timer.unref();
  return () => clearInterval(timer);
}
