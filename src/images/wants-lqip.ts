/**
 * Whether a post's images get a blurred placeholder: the `images.lqip` setting for every post, or
 * Chirpy's `image.lqip` in the post's front matter. Chirpy's value is the placeholder of the post's
 * cover image (a data URI or a path); opsnote reads any value there (or `lqip: true`) as the post
 * asking for placeholders, and `lqip: false` as the post declining them.
 */
export function wantsLqip(data: unknown, setting: boolean): boolean {
  // Posts keep their front matter under `frontMatter` (src/content/index.ts); tests may pass it bare.
  const page = data as { image?: unknown; frontMatter?: { image?: unknown } } | null | undefined;
  const image = page?.frontMatter !== undefined ? page.frontMatter.image : page?.image;
  const lqip = typeof image === "object" && image !== null ? (image as { lqip?: unknown }).lqip : undefined;
  if (lqip === false) return false;
  if (lqip !== undefined && lqip !== null && lqip !== "") return true;
  return setting;
}
