/**
 * A link target as a path: percent-decoding that never throws (a lone `%` stays as written), then NFC,
 * so a macOS (NFD) spelling and an encoded Hangul path name the same file. Shared by the check
 * (src/check/links.ts), the published-file rewriting (src/static/local-references.ts), `.md` links
 * (src/markdown/post-file-links.ts) and the one-problem-one-line printer (src/diagnostics/diagnostic.ts).
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
