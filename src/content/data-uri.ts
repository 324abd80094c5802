/**
 * `data:` URIs in posts. An image pasted as base64 (`![](data:image/png;base64,…)`) is copied as
 * text into the page, and was copied into both feeds, every tag feed and the search index too: one
 * 10 MB image made 55 MB of output. Above DATA_IMAGE_WARN_BYTES `check` and the build warn.
 */

/** Decoded size above which an inline image gets a warning: a large photo, not an icon. */
export const DATA_IMAGE_WARN_BYTES = 100 * 1024;

/** The decoded size in bytes of a `data:` URI, or undefined for any other URL. */
export function dataUriBytes(uri: string): number | undefined {
  if (!/^data:/i.test(uri)) return undefined;
  const comma = uri.indexOf(",");
  if (comma === -1) return 0;
  const header = uri.slice(5, comma);
  const payload = uri.length - comma - 1;
  if (/;base64$/i.test(header)) {
    const padding = uri.endsWith("==") ? 2 : uri.endsWith("=") ? 1 : 0;
    return Math.max(0, Math.floor((payload * 3) / 4) - padding);
  }
  // Percent-encoded text: each %XX is one byte.
  const escapes = uri.slice(comma + 1).match(/%[0-9a-f]{2}/gi)?.length ?? 0;
  return payload - escapes * 2;
}

/** "1.2 MB" / "340 KB", for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
