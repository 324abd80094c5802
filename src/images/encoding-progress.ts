/**
 * A first build of a blog with a hundred images spends a minute or more encoding AVIF and WebP copies
 * (about one CPU second an image) before it writes a page. Without a line every few seconds the build
 * looks hung, and a blogger who stops it loses the work: so while images are being encoded, a line
 * says how far it got, that it happens once, and how to turn it off.
 */
import type { ImageVariants, VariantCounts } from "./image-variants.ts";

/** How often the progress line is printed while images are being encoded. @default 10_000 */
export const PROGRESS_INTERVAL_MS = 10_000;

/**
 * The progress line, or nothing when no image is being encoded (a warm build reads manifests only).
 * @example encodingProgressLine({ encoded: 40, cached: 3, failed: 0 }, 130)
 * // "images: 40 of 170 encoded (AVIF/WebP copies, made once and kept for later builds; images.responsive: false turns them off)"
 */
export function encodingProgressLine({ encoded, failed }: VariantCounts, encoding: number): string | undefined {
  if (encoding <= 0) return undefined;
  const total = encoded + failed + encoding;
  return `images: ${encoded} of ${total} encoded (AVIF/WebP copies, made once and kept for later builds; images.responsive: false turns them off)`;
}

/** Prints the progress line every `everyMs` until the returned function is called. */
export function startEncodingProgress(
  variants: Pick<ImageVariants, "counts" | "encoding">,
  print: (line: string) => void,
  everyMs: number = PROGRESS_INTERVAL_MS,
): () => void {
  const timer = setInterval(() => {
    const line = encodingProgressLine(variants.counts(), variants.encoding());
    if (line !== undefined) print(line);
  }, everyMs);
  // A finished build must not wait for the next tick.
  timer.unref();
  return () => clearInterval(timer);
}
