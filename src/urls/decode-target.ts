/**
 * A link target as a path: percent-decoding that never throws (a lone `%` stays as written), then NFC,
 * so a macOS (NFD) spelling and an encoded Hangul path name the same file. Shared by the check
 * (src/check/links.ts) and the published-file rewriting (src/static/local-references.ts).
 */
export function decodeTarget(text: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    decoded = text;
  }
  return decoded.normalize("NFC");
}
