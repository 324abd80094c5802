/**
 * Credits for third-party images (the blogger's `credits:` in opsnote.config.yaml): a page shows the
 * credits of the files it uses, and no other, so a blog that drops the sample images drops their
 * credit from every page without touching a setting.
 */
import type { Credit } from "./settings/schema.ts";

export type { Credit } from "./settings/schema.ts";

/**
 * The credits whose files `html` refers to (as a quoted attribute value, `src="/assets/x.svg"`, or
 * a `srcset` entry), in settings order. A path merely mentioned in text (a code block) is escaped
 * differently only when it holds `&`, `<` or `"`, which site paths of images do not: such a mention
 * credits the image too, which is harmless.
 */
export function creditsUsedBy(credits: readonly Credit[], html: string): Credit[] {
  return credits.filter((credit) => credit.files.some((file) => html.includes(`"${file}"`) || html.includes(`${file} `) || html.includes(`${file},`)));
}

/** The credits of the files at `paths` (site paths, as a list page's thumbnails use them). */
export function creditsForFiles(credits: readonly Credit[], paths: readonly (string | undefined)[]): Credit[] {
  const used = new Set(paths);
  return credits.filter((credit) => credit.files.some((file) => used.has(file)));
}
