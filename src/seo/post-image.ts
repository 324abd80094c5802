/**
 * The sharing image of a post, read from its raw front matter: `image: /assets/x.png` or
 * Chirpy's `image: { path: /assets/x.png, alt: … }`. Read loosely here until the front-matter
 * schema gains a checked `image` field; then this becomes `post.image`.
 */
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";

export function imageOf(frontMatter: Record<string, unknown> | undefined): string | undefined {
  const value = frontMatter?.image;
  const raw = typeof value === "string" ? value : typeof value === "object" && value !== null ? (value as { path?: unknown }).path : undefined;
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : undefined;
}

/** Absolute URL of an image path for cards and JSON-LD; full URLs are kept as given. */
export function absoluteImageUrl(site: Pick<SiteSettings, "url" | "pathPrefix">, image: string): string {
  return /^https?:\/\//i.test(image) ? image : absoluteUrl(site, image.startsWith("/") ? image : `/${image}`);
}
