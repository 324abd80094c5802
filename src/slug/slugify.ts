/**
 * The one slugger. Heading ids, TOC links, tag and category URLs all come from here.
 *
 * Built on github-slugger so heading ids match what GitHub shows for the same README
 * (Hangul kept: "그래서 쿠버네티스가 뭔데?" -> "그래서-쿠버네티스가-뭔데").
 * Input is normalised to NFC first: a macOS (NFD) "쿠버네티스" must give the same id as
 * the NFC spelling, and NFKD-style decomposition would split syllables into jamo.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import GithubSlugger, { slug as githubSlug } from "github-slugger";
import { LAYOUT_IDS } from "./reserved-ids.ts";

/** Zero-width space, non-joiner, joiner, word joiner and BOM: invisible, but they make two tags differ. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Id given to a heading whose text has no letter or digit (emoji-only, punctuation-only). */
export const FALLBACK_HEADING_ID = "section";

/** NFC, zero-width characters removed, whitespace collapsed and trimmed. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/**
 * Variation selectors (U+FE00..FE0F): `☸️` is U+2638 U+FE0F. github-slugger keeps them (they are
 * marks), so an emoji-only text would slug to an invisible U+FE0F.
 */
const VARIATION_SELECTORS = /[\uFE00-\uFE0F]/g;

/** GitHub-compatible slug of one string, without de-duplication. May be empty, never invisible. */
export function slugify(text: string): string {
  return githubSlug(normalizeText(text).replace(VARIATION_SELECTORS, ""));
}

/**
 * Hands out unique heading ids within one document, the way GitHub does:
 * repeats get `-1`, `-2`, …; text that slugs to nothing gets `section` (then `section-1`, …).
 * The layout's own ids (LAYOUT_IDS) and the ids an author set (`{#install}`, given to `reserve`
 * before any heading is slugged) are taken from the start, so no generated id repeats them.
 */
export class HeadingSlugger {
  readonly #slugger = new GithubSlugger();
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = LAYOUT_IDS) {
    for (const id of reserved) this.reserve(id);
  }

  /** Marks an id as used; a later heading whose text slugs to it gets `-1`. */
  reserve(id: string): void {
    this.#taken.add(id);
  }

  next(text: string): string {
    const base = slugify(text);
    for (;;) {
      // github-slugger counts each call, so asking again gives the next free suffix.
      const id = this.#slugger.slug(base === "" ? FALLBACK_HEADING_ID : base);
      if (!this.#taken.has(id)) {
        this.#taken.add(id);
        return id;
      }
    }
  }
}

/**
 * Slug of a tag or category: one safe, non-empty URL path segment.
 * Separators a DevOps term often carries (`CI/CD`, `k8s.io`, `a:b`, `a\b`) become hyphens
 * instead of vanishing, so `CI/CD` is `ci-cd`, not `cicd`.
 * A term with no letter or digit (`☸️`, `⚙️`, `???`) is named by its characters' Unicode names
 * (`wheel-of-dharma`), else by a hash of its text (`tag-1a2b3c4d`): visible, unique and stable.
 */
export function termSlug(term: string): string {
  const text = normalizeText(term).replace(VARIATION_SELECTORS, "");
  const spaced = text.replace(/[/\\.:+&|,;]+/g, " ");
  const slug = githubSlug(spaced.trim()).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (/[\p{L}\p{N}]/u.test(slug)) return slug;
  if (text === "") return "untitled";
  return symbolNameSlug(text) ?? `tag-${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

/** Longest slug made of Unicode names; a longer one (a row of symbols) is hashed instead. */
const MAX_NAME_SLUG_LENGTH = 60;

type UnicodeName = (character: string) => string | undefined;
let unicodeName: UnicodeName | undefined;

/**
 * `wheel-of-dharma`, `flag-south-korea`, `exclamation-mark-exclamation-mark`, or undefined.
 * unicode-name's tables take ~0.2 s to load, so they are loaded on the first symbol-only term only.
 */
function symbolNameSlug(text: string): string | undefined {
  // A synchronous load of an ES module (Node >= 20.19): termSlug is called from synchronous code.
  unicodeName ??= (createRequire(import.meta.url)("unicode-name") as { unicodeName: UnicodeName }).unicodeName;
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((part) => part.segment);
  const names = graphemes.filter((grapheme) => grapheme.trim() !== "").map((grapheme) => unicodeName!(grapheme));
  if (names.length === 0 || names.some((name) => name === undefined || name.startsWith("<"))) return undefined;
  const slug = names.join(" ").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return slug !== "" && slug.length <= MAX_NAME_SLUG_LENGTH ? slug : undefined;
}
