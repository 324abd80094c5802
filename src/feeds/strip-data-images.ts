/**
 * Feeds leave out images written inline as `data:` URIs: a pasted screenshot is megabytes of
 * base64 text, and each feed that carries the post (the site's two and one per tag and category)
 * copied it again. The image's alt text stays in its place, so the sentence still reads.
 */
import { strings } from "../ui/strings.ts";

// An <img> tag, quoted attribute values skipped whole (a `>` inside one does not end the tag).
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const DATA_SRC = /\ssrc\s*=\s*["']?\s*data:/i;
const ALT = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** `html` with every `<img src="data:…">` replaced by its alt text (already escaped HTML). */
export function stripDataImages(html: string): string {
  if (!/data:/i.test(html)) return html;
  return html.replace(IMG_TAG, (tag) => {
    if (!DATA_SRC.test(tag)) return tag;
    const alt = ALT.exec(tag);
    return strings.feedImageLeftOut((alt?.[1] ?? alt?.[2] ?? "").trim());
  });
}
