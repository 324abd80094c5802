/**
 * The one slugger. Heading ids, TOC links, tag and category URLs all come from here.
 *
 * Built on github-slugger so heading ids match what GitHub shows for the same README
 * (Hangul kept: "그래서 쿠버네티스가 뭔데?" -> "그래서-쿠버네티스가-뭔데").
 * Input is normalised to NFC first: a macOS (NFD) "쿠버네티스" must give the same id as
 * the NFC spelling, and NFKD-style decomposition would split syllables into jamo.
 */
import GithubSlugger, { slug as githubSlug } from "github-slugger";

/** Zero-width space, non-joiner, joiner, word joiner and BOM: invisible, but they make two tags differ. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Id given to a heading whose text has no letter or digit (emoji-only, punctuation-only). */
export const FALLBACK_HEADING_ID = "section";

/** NFC, zero-width characters removed, whitespace collapsed and trimmed. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/** GitHub-compatible slug of one string, without de-duplication. May be empty. */
export function slugify(text: string): string {
  return githubSlug(normalizeText(text));
}

/**
 * Hands out unique heading ids within one document, the way GitHub does:
 * repeats get `-1`, `-2`, …; text that slugs to nothing gets `section` (then `section-1`, …).
 */
export class HeadingSlugger {
  readonly #slugger = new GithubSlugger();

  next(text: string): string {
    const base = slugify(text);
    return this.#slugger.slug(base === "" ? FALLBACK_HEADING_ID : base);
  }
}

/**
 * Slug of a tag or category: one safe, non-empty URL path segment.
 * Separators a DevOps term often carries (`CI/CD`, `k8s.io`, `a:b`, `a\b`) become hyphens
 * instead of vanishing, so `CI/CD` is `ci-cd`, not `cicd`.
 * A term with no letter or digit gets a stable code-point based slug instead of "".
 */
export function termSlug(term: string): string {
  const spaced = normalizeText(term).replace(/[/\\.:+&|,;]+/g, " ");
  const slug = githubSlug(spaced.trim()).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (slug !== "") return slug;
  const codePoints = [...normalizeText(term)].map((c) => c.codePointAt(0)!.toString(16));
  return codePoints.length > 0 ? `u${codePoints.join("-")}` : "untitled";
}
