// @ts-check
/**
 * Korean word analysis shared by the index (src/search/korean-index.ts, in Node) and the query
 * (korean-query.js, in the browser): the same rules on both sides, so a stem found in a post is the
 * stem a query asks for.
 *
 * A rule set, not a morphological analyser: the maintained analysers on npm need model files fetched
 * outside the registry (kiwi-nlp) or a native MeCab, and none would be small enough to run again in
 * the browser for the query. The rules: a word is cut back to its stem by removing ONE trailing
 * particle (조사) or ONE verb/adjective ending (어미) from the lists below, longest first, and never
 * below two syllables. Sources for the lists: 국립국어원 표준국어대사전's particle entries and the
 * 하다/되다 conjugation table of 한국어 어문 규범 (the forms a blog writes: 했다, 하고, 하는, 해서,
 * 합니다, 됩니다 …). What the rules cannot do: irregular stems that are not a prefix of the word
 * (도와 -> 돕다, 달라서 -> 다르다), and particles cut from a noun that happens to end like one (키바나 ->
 * 키바, harmless: the whole word stays indexed and a stem only ever widens a search).
 *
 * Compounds (쿠버네티스클러스터) are split at a point where both parts are words the corpus uses on their
 * own (its vocabulary), so 클러스터 finds them.
 */

/** Particles and copula endings, longest first so 에서 wins over 서. */
export const PARTICLES = [
  "에서부터", "으로부터", "이었습니다", "였습니다", "입니다", "이라고", "이라는", "이에요", "에게서", "한테서",
  "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "이랑", "이란", "라고", "라는", "예요",
  "이다", "이고", "께서", "에는", "에도", "에선", "으로는", "로는", "와의", "과의", "만의", "이며", "이지만",
  "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "랑", "란", "나",
];

/**
 * Endings of 하다/되다/시키다 verbs and adjectives (the noun before them is the stem: 설치했다 -> 설치),
 * and common endings of other verbs (만들었다 -> 만들).
 */
export const ENDINGS = [
  // 하다
  "하였습니다", "했습니다", "합니다", "하였다", "했었다", "했는데", "하는데", "하려면", "하려고", "하면서", "해야", "해서",
  "했다", "했고", "했던", "했지만", "하지만", "하다가", "하다", "하고", "하는", "하면", "하지", "한다", "하여", "하기",
  "하게", "해도", "해요", "할", "한", "해", "함",
  // 되다
  "되었습니다", "됐습니다", "됩니다", "되었다", "되는데", "되어서", "되면서", "됐다", "되는", "된다", "되어", "되면",
  "되고", "되지", "되게", "되기", "돼서", "돼", "된", "될", "됨",
  // 시키다
  "시켰다", "시키는", "시키고", "시킨다", "시켜서",
  // other verbs: past tense and connectives
  "었습니다", "았습니다", "었다", "았다", "었고", "았고", "어서", "아서", "으면", "면서", "는다", "지만", "으니",
];

/** A stem keeps at least this many characters, so short words (포도, 결과, 한다) stay whole. */
export const MIN_STEM_LENGTH = 2;

/**
 * The character that marks a compound boundary inside a word in the search documents. Pagefind
 * indexes a word with ASCII punctuation in it as the whole word (punctuation removed) AND as each
 * part, so 쿠버네티스^클러스터 is found as 쿠버네티스클러스터 and as 클러스터; the reader never sees it:
 * it is only in the documents given to Pagefind, and searchPosts removes it from excerpts.
 */
export const STEM_MARK = "^";

const HANGUL = /[\uac00-\ud7a3]/u;
const HANGUL_END = /[\uac00-\ud7a3]$/u;
const ALL_SUFFIXES = [...new Set([...ENDINGS, ...PARTICLES])].sort((a, b) => b.length - a.length);

/**
 * The word without one trailing particle or ending, or the word itself.
 * @param {string} word
 * @returns {string}
 * @example stemOf("설치했다") // "설치"
 * @example stemOf("쿠버네티스를") // "쿠버네티스"
 * @example stemOf("Kubernetes를") // "Kubernetes"
 */
export function stemOf(word) {
  if (!HANGUL_END.test(word)) return word;
  // Every suffix is Hangul (one UTF-16 unit a syllable); the stem's length is counted in characters.
  const length = [...word].length;
  for (const suffix of ALL_SUFFIXES) {
    if (length - suffix.length >= MIN_STEM_LENGTH && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * The split of a compound into two words of `vocabulary`, longest first part, or undefined.
 * Both parts keep at least two syllables.
 * @param {string} word
 * @param {{ has(word: string): boolean }} vocabulary
 * @returns {[string, string] | undefined}
 * @example splitCompound("쿠버네티스클러스터", new Set(["쿠버네티스", "클러스터"])) // ["쿠버네티스", "클러스터"]
 */
export function splitCompound(word, vocabulary) {
  const chars = [...word];
  if (chars.length < 4 || !chars.every((c) => HANGUL.test(c))) return undefined;
  for (let cut = chars.length - 2; cut >= 2; cut--) {
    const left = chars.slice(0, cut).join("");
    const right = chars.slice(cut).join("");
    if (vocabulary.has(left) && vocabulary.has(right)) return [left, right];
  }
  return undefined;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** @type {Map<number, boolean>} */
const letterOrNumber = new Map();

/** Whether a code point is a letter or a number (`[\p{L}\p{N}]`), ASCII and Hangul syllables without a regex. */
function isWordCodePoint(/** @type {number} */ cp) {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0xac00 && cp <= 0xd7a3) return true;
  let found = letterOrNumber.get(cp);
  if (found === undefined) letterOrNumber.set(cp, (found = LETTER_OR_NUMBER.test(String.fromCodePoint(cp))));
  return found;
}

/**
 * Calls `visit(start, end)` for every run of letters and numbers of `text` (the words of
 * `/[\p{L}\p{N}]+/gu`): about twice as fast as that regex over a corpus, which the index's
 * analysis reads three times.
 * @param {string} text
 * @param {(start: number, end: number) => void} visit
 */
function scanWords(text, visit) {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = /** @type {number} */ (text.codePointAt(i));
    if (isWordCodePoint(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) visit(start, text.length);
}

/**
 * Text for the search document: each Korean compound with its boundary marked by STEM_MARK
 * (쿠버네티스클러스터를 -> 쿠버네티스^클러스터를), so its second part is found. Removing every STEM_MARK
 * gives the text back.
 *
 * Particle and ending boundaries are not marked: the stem is a prefix of the word, Pagefind matches a
 * query word as a prefix, and a query is cut back to its stem by the same rules, so 설치했다 is
 * already found by 설치. Marking them made Pagefind index 를, 의, 했다, 하는 … as words of nearly every
 * page: particles cost +46% of its CPU at 1,000 posts, endings +3.7% index bytes and about 2 s of its
 * CPU at 4,000 posts, for the same ranks on all 80 queries of the query set (docs/search.md).
 * @param {string} text
 * @param {{ has(word: string): boolean }} [vocabulary] words the corpus uses alone (for compounds)
 * @param {Map<string, string>} [memo] marked words already seen (same vocabulary): a corpus repeats its words
 * @returns {string}
 * @example markStems("쿠버네티스클러스터를 설치했다", new Set(["쿠버네티스", "클러스터"])) // "쿠버네티스^클러스터를 설치했다"
 */
export function markStems(text, vocabulary, memo = new Map()) {
  if (!HANGUL.test(text)) return text;
  let out = "";
  let done = 0;
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    let marked = memo.get(word);
    if (marked === undefined) {
      if (HANGUL.test(word)) {
        const stem = stemOf(word);
        const parts = vocabulary ? splitCompound(stem, vocabulary) : undefined;
        marked = parts ? `${parts[0]}${STEM_MARK}${parts[1]}${word.slice(stem.length)}` : word;
      } else marked = word;
      memo.set(word, marked);
    }
    if (marked !== word) {
      out += text.slice(done, start) + marked;
      done = end;
    }
  });
  return done === 0 ? text : out + text.slice(done);
}

/**
 * Every word of `text` in its analysed forms: the word and its stem (both when they differ).
 * @param {string} text
 * @returns {string[]}
 */
export function wordsOf(text) {
  const normal = text.normalize("NFC");
  /** @type {string[]} */
  const words = [];
  scanWords(normal, (start, end) => words.push(normal.slice(start, end)));
  return words;
}

// Hangul syllables: 0xAC00 + (initial * 21 + medial) * 28 + final.
const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const SYLLABLE_BASE = 0xac00;

/**
 * The initial consonants (초성) of a word's syllables; other characters are kept.
 * @param {string} word
 * @returns {string}
 * @example choseongOf("쿠버네티스") // "ㅋㅂㄴㅌㅅ"
 */
export function choseongOf(word) {
  let out = "";
  for (const c of word) {
    const code = c.codePointAt(0) ?? 0;
    out += code >= SYLLABLE_BASE && code <= 0xd7a3 ? INITIALS[Math.floor((code - SYLLABLE_BASE) / 588)] : c;
  }
  return out;
}

/**
 * Whether a query word is only initial consonants (ㅋㅂㄴㅌㅅ), two or more.
 * @param {string} word
 * @returns {boolean}
 */
export function isChoseong(word) {
  return word.length >= 2 && [...word].every((c) => INITIALS.includes(c));
}

/**
 * The jamo of a word: each syllable as initial, medial and final (final may be absent), so that
 * one wrong jamo is an edit distance of one.
 * @param {string} word
 * @returns {number[]}
 */
export function jamoOf(word) {
  /** @type {number[]} */
  const out = [];
  for (const c of word) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= SYLLABLE_BASE && code <= 0xd7a3) {
      const index = code - SYLLABLE_BASE;
      out.push(1000 + Math.floor(index / 588), 2000 + Math.floor((index % 588) / 28));
      if (index % 28 !== 0) out.push(3000 + (index % 28));
    } else {
      out.push(code);
    }
  }
  return out;
}

/**
 * Whether two jamo sequences are at most one edit (insert, delete, replace) apart.
 * @param {number[]} a
 * @param {number[]} b
 * @returns {boolean}
 */
export function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Endings after a contracted past-tense syllable (늘렸다, 옮겼고, 바꿨는데). */
const AFTER_PAST = ["습니다", "는데", "지만", "어요", "다", "고", "던"];
/** Medial vowels of a contracted past syllable and the vowel of the stem's last syllable: ㅕ<-ㅣ, ㅝ<-ㅜ, ㅘ<-ㅗ. */
const CONTRACTED_MEDIALS = new Map([[6, 20], [14, 13], [9, 8]]);
const FINAL_SS = 20;

/**
 * The stem of a contracted past form, which is not a prefix of the word (늘렸다 -> 늘리, 바꿨다 -> 바꾸,
 * 봤다 -> 보), or undefined. For queries only: the index marks boundaries inside words, and this
 * stem is not inside the word.
 * @param {string} word
 * @returns {string | undefined}
 * @example contractedStemOf("늘렸다") // "늘리"
 */
export function contractedStemOf(word) {
  for (const ending of AFTER_PAST) {
    if (!word.endsWith(ending)) continue;
    const chars = [...word.slice(0, -ending.length)];
    const last = chars.at(-1);
    if (chars.length < 2 || !last) return undefined;
    const index = (last.codePointAt(0) ?? 0) - SYLLABLE_BASE;
    if (index < 0 || index > 11171 || index % 28 !== FINAL_SS) return undefined;
    const initial = Math.floor(index / 588);
    const vowel = CONTRACTED_MEDIALS.get(Math.floor((index % 588) / 28));
    if (vowel === undefined) return undefined;
    return chars.slice(0, -1).join("") + String.fromCodePoint(SYLLABLE_BASE + (initial * 21 + vowel) * 28);
  }
  return undefined;
}
