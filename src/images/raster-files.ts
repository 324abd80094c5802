/**
 * Which local images get AVIF and WebP variants. SVG stays vector (sharper and often smaller at
 * every size); GIF is published as it is, because the first frame of an animation is not the image
 * the author meant and AVIF has no animation in sharp (an animated WebP is kept as it is for the
 * same reason: image-variants.ts checks its frames); AVIF input is already the best format.
 */
import path from "node:path";

const RESPONSIVE_EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".webp"]);

/** @example isResponsiveRaster("/site/assets/a.PNG") // true */
export function isResponsiveRaster(file: string): boolean {
  return RESPONSIVE_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/**
 * The readable part of a variant's file name: the source's base name in ASCII letters, digits and
 * dashes (a Korean name becomes `image`; the content hash keeps names unique).
 * @example variantBaseName("/x/Cluster Diagram.png") // "cluster-diagram"
 */
export function variantBaseName(file: string): string {
  const base = path.basename(file, path.extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return base === "" ? "image" : base;
}
