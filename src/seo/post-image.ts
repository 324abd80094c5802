/**
 * The sharing image of a post (`post.image`, read by the front-matter schema) as an absolute URL.
 */
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";

/** Absolute URL of an image path for cards and JSON-LD; full URLs are kept as given. */
export function absoluteImageUrl(site: Pick<SiteSettings, "url" | "pathPrefix">, image: string): string {
  return /^https?:\/\//i.test(image) ? image : absoluteUrl(site, image.startsWith("/") ? image : `/${image}`);
}
