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
 * A term with no letter or digit is named by its emoji's CLDR names (`☸️` -> `wheel-of-dharma`),
 * else (punctuation, symbols that are not emoji) by a hash of its text (`tag-1a2b3c4d`): visible,
 * unique and stable, never the invisible U+FE0F that github-slugger leaves of `☸️`.
 */
export function termSlug(term: string): string {
  const text = normalizeText(term);
  const spaced = text.replace(VARIATION_SELECTORS, "").replace(/[/\\.:+&|,;]+/g, " ");
  const slug = githubSlug(spaced.trim()).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (/[\p{L}\p{N}]/u.test(slug)) return slug;
  if (text.replace(VARIATION_SELECTORS, "") === "") return "untitled";
  // Zero-width joiners are kept for the lookup: `❤️‍🔥` is one emoji, "heart on fire".
  return emojiNameSlug(term.normalize("NFC").trim()) ?? `tag-${createHash("sha256").update(text.replace(VARIATION_SELECTORS, "")).digest("hex").slice(0, 8)}`;
}

/** Longest slug made of emoji names; a longer one (a row of emoji) is hashed instead. */
const MAX_NAME_SLUG_LENGTH = 60;

/** unicode-emoji-json's table: fully qualified emoji -> its CLDR name and more. */
type EmojiTable = Record<string, { name: string } | undefined>;
let emojiTable: EmojiTable | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * `wheel-of-dharma`, `flag-south-korea`, `gear-rocket`, or undefined when a character is no emoji.
 * The table (~0.4 MB of JSON, ~40 ms) is read on the first symbol-only term only.
 */
function emojiNameSlug(text: string): string | undefined {
  emojiTable ??= createRequire(import.meta.url)("unicode-emoji-json") as EmojiTable;
  graphemeSegmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const names: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(text)) {
    if (segment.trim() === "") continue;
    // The table is keyed by the fully qualified form: `☸️` with U+FE0F; a bare `☸` is the same emoji.
    const bare = segment.replace(VARIATION_SELECTORS, "");
    const entry = emojiTable[segment] ?? emojiTable[`${bare}\uFE0F`] ?? emojiTable[bare];
    if (entry === undefined) return undefined;
    names.push(entry.name);
  }
  const slug = names.join(" ").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return slug !== "" && slug.length <= MAX_NAME_SLUG_LENGTH ? slug : undefined;
}
