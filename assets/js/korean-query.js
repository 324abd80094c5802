// @ts-check
/**
 * Korean-aware search queries. Korean attaches particles and endings to words (쿠버네티스는,
 * 쿠버네티스가, 쿠버네티스를), and Pagefind indexes each space-separated word as written, matching
 * query words as prefixes. So a query word is cut back to its stem: 쿠버네티스는 -> 쿠버네티스, which
 * then finds 쿠버네티스가 too. Cutting only ever shortens a word to one of its prefixes, so a page the
 * full word would find is still found. Used by search.js in the browser and unit-tested in Node.
 */

/** Particles and copula endings, longest first so 에서 wins over 서. */
export const PARTICLES = [
  "에서부터", "으로부터", "이었습니다", "였습니다", "입니다", "이라고", "이라는", "이에요", "에게서", "한테서",
  "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "이랑", "이란", "라고", "라는", "예요",
  "이다", "이고", "하고", "께서",
  "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "랑", "란", "나",
];

/** A stem keeps at least this many characters, so short nouns (포도, 결과, 아이) stay whole. */
export const MIN_STEM_LENGTH = 2;

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]$/u;

/**
 * The word without a trailing particle, or the word itself.
 * @param {string} word
 * @returns {string}
 * @example stripParticle("쿠버네티스는") // "쿠버네티스"
 * @example stripParticle("Kubernetes를") // "Kubernetes"
 */
export function stripParticle(word) {
  if (!HANGUL_SYLLABLE.test(word)) return word;
  for (const particle of PARTICLES) {
    if (word.endsWith(particle) && [...word].length - particle.length >= MIN_STEM_LENGTH) {
      return word.slice(0, -particle.length);
    }
  }
  return word;
}

/**
 * The query Pagefind gets: NFC (a query typed on macOS may arrive decomposed), words split on
 * spaces, each stripped of its particle.
 * @param {string} query
 * @returns {string}
 * @example normalizeQuery("쿠버네티스는  helm을") // "쿠버네티스 helm"
 */
export function normalizeQuery(query) {
  return query
    .normalize("NFC")
    .split(/\s+/u)
    .filter((word) => word !== "")
    .map(stripParticle)
    .join(" ");
}
