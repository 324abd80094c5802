// @ts-check
/**
 * Korean-aware search queries. Korean attaches particles and endings to words (쿠버네티스는,
 * 쿠버네티스가, 쿠버네티스를), and Pagefind indexes each space-separated word as written, matching
 * query words as prefixes. So a query word is cut back to its stem: 쿠버네티스는 -> 쿠버네티스, which
 * then finds 쿠버네티스가 too. Cutting only ever shortens a word to one of its prefixes, so a page the
 * full word would find is still found. Used by search.js in the browser and unit-tested in Node.
 */

import { MIN_STEM_LENGTH, PARTICLES, STEM_MARK, choseongOf, contractedStemOf, isChoseong, jamoOf, stemOf, withinOneEdit } from "./korean-analysis.js";

export { MIN_STEM_LENGTH, PARTICLES };

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

export { stemOf };

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

/**
 * DevOps names a reader types in English or in Korean, and their short forms: a query word of one
 * group also searches the others. The blogger adds groups with the `searchSynonyms` setting
 * (written into pagefind/opsnote-search.json at build time).
 */
export const SYNONYMS = [
  ["kubernetes", "k8s", "쿠버네티스", "쿠베"],
  ["docker", "도커"],
  ["terraform", "테라폼"],
  ["helm", "헬름"],
  ["ansible", "앤서블"],
  ["prometheus", "프로메테우스"],
  ["grafana", "그라파나"],
  ["argocd", "아르고cd", "아르고"],
  ["jenkins", "젠킨스"],
  ["nginx", "엔진엑스"],
  ["istio", "이스티오"],
  ["linux", "리눅스"],
  ["kafka", "카프카"],
  ["redis", "레디스"],
  ["postgresql", "postgres", "포스트그레스"],
  ["elasticsearch", "엘라스틱서치"],
  ["github", "깃허브"],
  ["gitlab", "깃랩"],
  ["ingress", "인그레스"],
  ["pod", "파드"],
  ["container", "컨테이너"],
  ["cluster", "클러스터"],
  ["kubectl", "큐브컨트롤"],
  ["python", "파이썬"],
  ["golang", "고랭"],
];

/** How much a result found through a rewritten word counts against one found by the word itself. */
export const WEIGHTS = { stem: 1, synonym: 0.9, choseong: 0.9, typo: 0.6 };
/** Typo fixes are searched only when the query as typed (stems, synonyms) finds fewer pages than this. */
export const TYPO_BELOW = 5;
/** Queries sent to Pagefind for one search at most (each rewritten word multiplies them). */
export const MAX_QUERIES = 12;

/** Pagefind searches kept per client, most recent last: a word typed again, or searched by several rewrites, is not searched twice. */
export const CACHED_SEARCHES = 40;

/**
 * @typedef {{ version: number, labels: string[], words: string[], synonyms: string[][], missing?: string[] }} QueryVocabulary
 * `missing`: synonyms no word of the index contains. Pagefind drops a query word it does not know,
 * so a rewrite to one of them would search the query's other words alone: a wasted search, and
 * pages that match none of the word's forms.
 */
/** @typedef {{ id: string, score: number, data: () => Promise<any> }} ResultHandle */

/** @type {Promise<QueryVocabulary | undefined> | undefined} */
let vocabularyPromise;

/**
 * The vocabulary written beside the index; undefined (no rewriting but stems) when it cannot be read.
 * The search dialog asks for it when it opens, so the first query does not wait for it.
 * @returns {Promise<QueryVocabulary | undefined>}
 */
export function loadVocabulary() {
  vocabularyPromise ??= fetch(new URL("../../pagefind/opsnote-search.json", import.meta.url))
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);
  return vocabularyPromise;
}

/**
 * The alternatives of one query word, each with its weight.
 * @param {string} word lower-case, NFC
 * @param {QueryVocabulary | undefined} vocabulary
 * @returns {{ term: string, weight: number, typo?: boolean }[]}
 */
export function expandWord(word, vocabulary) {
  if (isChoseong(word)) {
    const found = (vocabulary?.labels ?? [])
      .filter((label) => choseongOf(label).startsWith(word))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, 3);
    return found.length > 0 ? found.map((term) => ({ term, weight: WEIGHTS.choseong })) : [{ term: word, weight: WEIGHTS.stem }];
  }
  const stem = stemOf(word);
  const groups = [...SYNONYMS, ...(vocabulary?.synonyms ?? [])].map((group) => group.map((g) => g.toLowerCase()));
  /** @type {{ term: string, weight: number }[]} */
  const bases = [{ term: stem, weight: WEIGHTS.stem }];
  const contracted = contractedStemOf(word);
  if (contracted && contracted !== stem) bases.push({ term: contracted, weight: WEIGHTS.stem });
  const syllables = [...stem];
  if (vocabulary && syllables.length >= 3 && syllables.every((c) => /[\uac00-\ud7a3]/u.test(c))) {
    const all = [...vocabulary.labels, ...vocabulary.words, ...groups.flat()];
    if (!all.some((known) => known.startsWith(stem))) {
      const jamo = jamoOf(stem);
      const near = [...new Set(all.filter((known) => Math.abs(known.length - stem.length) <= 1 && withinOneEdit(jamoOf(known), jamo)))].slice(0, 3);
      for (const term of near) bases.push({ term, weight: WEIGHTS.typo });
    }
  }
  /** @type {Map<string, { weight: number, typo: boolean }>} */
  const out = new Map();
  const add = (/** @type {string} */ term, /** @type {number} */ weight, /** @type {boolean} */ typo) => {
    const seen = out.get(term);
    if (!seen || weight > seen.weight) out.set(term, { weight, typo });
  };
  const missing = new Set(vocabulary?.missing ?? []);
  for (const base of bases) {
    const typo = base.weight === WEIGHTS.typo;
    add(base.term, base.weight, typo);
    for (const group of groups) {
      if (!group.includes(base.term) && !(!typo && group.includes(word))) continue;
      for (const other of group) if (!missing.has(other) || other === base.term) add(other, base.weight * WEIGHTS.synonym, typo);
    }
  }
  // A word missing from the index (k8s on a blog that writes 쿠버네티스) is asked for through its
  // synonyms only: Pagefind would drop it and search the query's other words alone.
  const found = [...out].filter(([term]) => !missing.has(term));
  return (found.length > 0 ? found : [...out])
    .map(([term, { weight, typo }]) => (typo ? { term, weight, typo } : { term, weight }))
    .sort((a, b) => b.weight - a.weight);
}

/**
 * The queries one search sends to Pagefind: every combination of the words' alternatives, the
 * original stems first, at most MAX_QUERIES.
 * @param {string} query
 * @param {QueryVocabulary | undefined} vocabulary
 * @returns {{ text: string, weight: number, typo: boolean }[]}
 */
export function expandQuery(query, vocabulary) {
  const words = query.normalize("NFC").toLowerCase().split(/\s+/u).filter((w) => w !== "");
  /** @type {{ text: string, weight: number, typo: boolean }[]} */
  let combos = [{ text: "", weight: 1, typo: false }];
  for (const word of words) {
    const alternatives = expandWord(word, vocabulary);
    combos = combos.flatMap((combo) =>
      alternatives.map((alt) => ({ text: combo.text ? `${combo.text} ${alt.term}` : alt.term, weight: combo.weight * alt.weight, typo: combo.typo || alt.typo === true })),
    );
    combos.sort((a, b) => b.weight - a.weight);
    combos = combos.slice(0, MAX_QUERIES);
  }
  return combos.filter((combo) => combo.text !== "");
}

// Marks only ever stand between two Hangul syllables (a stem and its ending, two parts of a compound).
const MARK_BETWEEN = new RegExp(`(?<=[\\uac00-\\ud7a3])\\${STEM_MARK}(?=[\\uac00-\\ud7a3])`, "gu");

/**
 * A result's data with the stem marks of the search documents taken out of every text.
 * @param {any} data
 */
export function withoutStemMarks(data) {
  /** @param {unknown} text */
  const clean = (text) => (typeof text === "string" ? text.replace(MARK_BETWEEN, "") : text);
  return {
    ...data,
    excerpt: clean(data.excerpt),
    content: clean(data.content),
    meta: Object.fromEntries(Object.entries(data.meta ?? {}).map(([k, v]) => [k, clean(v)])),
    sub_results: (data.sub_results ?? []).map((/** @type {any} */ sub) => ({ ...sub, title: clean(sub.title), excerpt: clean(sub.excerpt) })),
  };
}

/**
 * Loads the index chunks of every word the query would search (its stems and rewrites), without
 * searching: the search dialog calls it on every keystroke, so the chunks arrive while it waits for
 * the reader's pause (about half of a query's time on a large index is loading them). Resolves
 * when they are loaded; never rejects.
 * @param {any} pagefind
 * @param {string} query
 * @param {{ vocabulary?: QueryVocabulary }} [options]
 * @returns {Promise<void>}
 */
export async function preloadQuery(pagefind, query, { vocabulary } = {}) {
  const words = query.normalize("NFC").trim();
  if (words === "" || typeof pagefind.preload !== "function") return;
  try {
    const known = vocabulary ?? (await loadVocabulary());
    const terms = new Set(expandQuery(words, known).flatMap((q) => q.text.split(" ")));
    // One preload for every word at once: one message to Pagefind's worker.
    await pagefind.preload([...terms].join(" "));
  } catch {
    // Preloading only saves time; the search itself reports what fails.
  }
}

/** @type {WeakMap<object, Map<string, Promise<any>>>} */
const searchCaches = new WeakMap();

/**
 * `pagefind.search`, remembered per client: Pagefind scores every matching page again on each call
 * (tens of milliseconds when a word is on thousands of pages), and the same search comes back as a
 * reader corrects a word, or through another rewrite (`ㅋㅂㄴㅌㅅ` and `쿠버네티수` both search `쿠버네티스`).
 * @param {any} pagefind
 * @param {string} text
 * @param {Record<string, unknown> | undefined} filters
 */
function cachedSearch(pagefind, text, filters) {
  let cache = searchCaches.get(pagefind);
  if (!cache) searchCaches.set(pagefind, (cache = new Map()));
  const key = JSON.stringify([text, filters ?? null]);
  const found = cache.get(key);
  if (found) {
    // Most recently used last: the oldest is the one dropped.
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const search = Promise.resolve(pagefind.search(text, filters ? { filters } : {}));
  cache.set(key, search);
  // A failed search is asked again next time.
  search.catch(() => cache.delete(key));
  if (cache.size > CACHED_SEARCHES) cache.delete(cache.keys().next().value ?? "");
  return search;
}

/**
 * Searches the Pagefind index with the query's stems, its synonyms, initial-consonant and one-typo
 * corrections, and returns the results of all those searches merged (by page) and ranked, each
 * page's score its best search's score times that search's weight.
 * @param {any} pagefind the Pagefind client (`await import(".../pagefind.js")`)
 * @param {string} query
 * @param {{ filters?: Record<string, unknown>, vocabulary?: QueryVocabulary }} [options]
 * @returns {Promise<ResultHandle[]>}
 */
export async function searchPosts(pagefind, query, { filters, vocabulary } = {}) {
  const words = query.normalize("NFC").trim();
  if (words === "") return [];
  const known = vocabulary ?? (await loadVocabulary());
  const expanded = expandQuery(words, known);
  /** @type {Map<string, { score: number, handle: any }>} */
  const best = new Map();
  /** @param {{ text: string, weight: number }[]} queries */
  const run = async (queries) => {
    const searches = await Promise.all(queries.map(({ text }) => cachedSearch(pagefind, text, filters)));
    searches.forEach((search, i) => {
      for (const result of search?.results ?? []) {
        const score = result.score * (queries[i]?.weight ?? 1);
        const seen = best.get(result.id);
        if (!seen || score > seen.score) best.set(result.id, { score, handle: result });
      }
    });
  };
  await run(expanded.filter((q) => !q.typo));
  // Typo fixes only when the words as typed find little: each is one more search over the index.
  if (best.size < TYPO_BELOW) await run(expanded.filter((q) => q.typo));
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .map(({ score, handle }) => ({ id: handle.id, score, data: async () => withoutStemMarks(await handle.data()) }));
}
