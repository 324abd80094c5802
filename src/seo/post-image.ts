/**
 * A post's image (`post.image`, read by the front-matter schema): where it is served from, for a
 * list's thumbnail, and as an absolute URL, for the sharing cards and JSON-LD. One rule for both:
 * the card of a bundle's post (`image: img/unreal.svg` beside `index.md`) named the site root.
 */
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";

/**
 * Where a post's `image` is served from: a full or root-relative URL as written, a relative one from
 * the post's own URL (Chirpy writes `image: cover.png` beside the post, Hugo a bundle's `img/x.svg`).
 */
export function postImageSrc(post: Pick<Post, "image" | "url">): string | undefined {
  const { image } = post;
  if (image === undefined || /^(?:https?:)?\/\//i.test(image) || image.startsWith("/")) return image;
  return new URL(image, `https://site.invalid${post.url}`).pathname;
}

/** Absolute URL of a post's image for cards and JSON-LD; full URLs are kept as given. */
export function absoluteImageUrl(site: Pick<SiteSettings, "url" | "pathPrefix">, post: Pick<Post, "image" | "url">): string | undefined {
  const src = postImageSrc(post);
  if (src === undefined || /^https?:\/\//i.test(src)) return src;
  return src.startsWith("//") ? `https:${src}` : absoluteUrl(site, src);
}
