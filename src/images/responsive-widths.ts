/**
 * Which widths a raster image is encoded at, and the `sizes` that tells the browser how wide it is
 * shown. The post column is `--measure: 42rem` (672 px at the default font size), so 720 covers a
 * 1x screen, 1440 a 2x one and 360 a phone; an image is never enlarged past its own width.
 */

/** The width of the post column in CSS pixels (assets/css/opsnote.css `--measure: 42rem`). */
export const CONTENT_COLUMN_PX = 672;

/** Encoded widths for an image wider than all of them. @default [360, 720, 1440] */
export const CANDIDATE_WIDTHS_PX: readonly number[] = [360, 720, 1440];

/**
 * An image this much wider than the largest candidate that fits also gets its own width: a
 * 1,000 px screenshot gets 360/720/1000, a 750 px one 360/720 (750 adds nothing a 720 does not).
 */
const OWN_WIDTH_MARGIN = 1.2;

/**
 * The widths an image of `originalWidth` pixels is encoded at, smallest first, none wider than the image.
 * @example chooseWidths(1000) // [360, 720, 1000]
 * @example chooseWidths(300) // [300]
 * @example chooseWidths(4000) // [360, 720, 1440]
 */
export function chooseWidths(originalWidth: number, candidates: readonly number[] = CANDIDATE_WIDTHS_PX): number[] {
  if (!Number.isFinite(originalWidth) || originalWidth < 1) return [];
  const own = Math.floor(originalWidth);
  const widths = [...new Set(candidates)].filter((width) => width <= own).sort((a, b) => a - b);
  const largest = widths.at(-1);
  const maxCandidate = Math.max(...candidates);
  if (own < maxCandidate && (largest === undefined || own > largest * OWN_WIDTH_MARGIN)) widths.push(own);
  return widths;
}

/**
 * The `sizes` attribute of an image shown at most `displayWidth` CSS pixels wide (its own width, or
 * the width its author set), never wider than the column: full screen width below that, then fixed.
 * @example sizesAttribute(1440) // "(max-width: 672px) 100vw, 672px"
 * @example sizesAttribute(300) // "(max-width: 300px) 100vw, 300px"
 */
export function sizesAttribute(displayWidth: number, column: number = CONTENT_COLUMN_PX): string {
  const shown = Math.max(1, Math.round(Math.min(displayWidth, column)));
  return `(max-width: ${shown}px) 100vw, ${shown}px`;
}

export interface ImageVariant {
  url: string;
  width: number;
}

/**
 * A `srcset` from encoded variants, narrowest first.
 * @example srcsetOf([{ url: "/a-720.webp", width: 720 }, { url: "/a-360.webp", width: 360 }]) // "/a-360.webp 360w, /a-720.webp 720w"
 */
export function srcsetOf(variants: readonly ImageVariant[]): string {
  return [...variants].sort((a, b) => a.width - b.width).map(({ url, width }) => `${encodeSrcsetUrl(url)} ${width}w`).join(", ");
}

/** A URL inside `srcset` may hold no space or comma (they separate candidates). */
function encodeSrcsetUrl(url: string): string {
  return url.replace(/[\s,]/g, (c) => encodeURIComponent(c));
}
