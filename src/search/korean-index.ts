/**
 * Index-time Korean analysis: the search documents' text gets its compound boundaries marked
 * (assets/js/korean-analysis.js: 쿠버네티스클러스터 -> 쿠버네티스^클러스터; Pagefind then indexes the
 * whole word and 클러스터),
 * and `pagefind/opsnote-search.json` is written beside the index for the query side: the words of
 * titles, headings and tags (matched by initial consonants and one-jamo typos), frequent body words
 * (typos), and the synonym table of the settings.
 *
 * Analysis runs once all documents are known, because compounds are split by the corpus's own
 * vocabulary (a word used alone somewhere: 클러스터 splits 쿠버네티스클러스터).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { markStems, stemOf, wordsOf } from "../../assets/js/korean-analysis.js";
import { SYNONYMS } from "../../assets/js/korean-query.js";
import type { SearchDocument } from "./search-document.ts";

/** The query side's file in `pagefind/`. */
export const VOCABULARY_FILE = "opsnote-search.json";
/** Changes to the rules or the file's shape: part of the index cache's salt. */
export const ANALYSIS_VERSION = 3;
/** Body words in the typo vocabulary: the most frequent, three syllables or more. */
export const MAX_BODY_WORDS = 20_000;

const HANGUL = /[\uac00-\ud7a3]/u;

/** Stems the corpus uses as whole words (two syllables or more, Hangul), for compound splitting. */
export function buildVocabulary(documents: readonly SearchDocument[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const document of documents) {
    for (const word of wordsOf(document.text)) {
      const stem = vocabularyStemOf(word);
      if (stem !== null) vocabulary.add(stem);
    }
  }
  return vocabulary;
}

/**
 * The stems one post's source adds to the vocabulary (its markdown, as `check` reads it: see
 * src/search/corpus.ts), sorted. What the rendered page adds besides (the layout's own words) and what
 * the source has that the page does not show (link targets, alt texts) only add or miss a split point.
 */
export function compoundStems(text: string): string[] {
  const vocabulary = new Set<string>();
  for (const word of new Set(wordsOf(text))) {
    const stem = vocabularyStemOf(word);
    if (stem !== null) vocabulary.add(stem);
  }
  return [...vocabulary].sort();
}

/**
 * Word -> its stem when that counts for the vocabulary (Hangul, two syllables or more), else null.
 * Kept across the posts of a process: most words recur from post to post, and stemming each anew was
 * a tenth of a cold build's post analysis (1,000 posts). Emptied at MEMO_LIMIT words.
 */
const vocabularyStems = new Map<string, string | null>();
const MEMO_LIMIT = 200_000;

function vocabularyStemOf(word: string): string | null {
  let stem = vocabularyStems.get(word);
  if (stem === undefined) {
    if (vocabularyStems.size >= MEMO_LIMIT) vocabularyStems.clear();
    const stemmed = HANGUL.test(word) ? stemOf(word) : "";
    vocabularyStems.set(word, (stem = [...stemmed].length >= 2 ? stemmed : null));
  }
  return stem;
}

/**
 * `html` with the text of the indexed body marked; tags and the text of ignored copies (meta and
 * filter values, which Pagefind returns as they are) untouched.
 */
export function markDocumentStems(html: string, vocabulary: ReadonlySet<string>, memo = new Map<string, string>()): string {
  let ignoredDepth = 0;
  let inHead = false;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith("<")) {
        if (part === "<head>") inHead = true;
        else if (part === "</head>") inHead = false;
        else if (part.startsWith("<span data-pagefind-ignore")) ignoredDepth++;
        else if (part === "</span>" && ignoredDepth > 0) ignoredDepth--;
        return part;
      }
      return ignoredDepth > 0 || inHead ? part : markStems(part, vocabulary, memo);
    })
    .join("");
}

/** Every document with its stems marked (by the documents' own vocabulary unless given). */
export function analyzeDocuments(documents: readonly SearchDocument[], vocabulary: ReadonlySet<string> = buildVocabulary(documents)): SearchDocument[] {
  const memo = new Map<string, string>();
  return documents.map((document) => ({ ...document, html: markDocumentStems(document.html, vocabulary, memo) }));
}

export interface QueryVocabulary {
  version: number;
  /** Stems of the words of titles, headings and tags. */
  labels: string[];
  /** Frequent body stems of three syllables or more (typo tolerance). */
  words: string[];
  /** The settings' synonym groups (added to the built-in table). */
  synonyms: string[][];
  /**
   * Synonyms (built-in and the settings') that no word of the index contains: the query side does
   * not search them (Pagefind would drop the word and search the rest of the query).
   */
  missing: string[];
}

/**
 * The synonyms of `groups` none of whose words is inside a word of `words` (lower case). Inside,
 * not at the start: a word is in the index as written and cut at punctuation, so only a word
 * found nowhere is surely missing.
 */
export function missingSynonyms(groups: readonly (readonly string[])[], words: ReadonlySet<string>): string[] {
  const found = new Map<string, boolean>();
  const present = (part: string) => {
    let known = found.get(part);
    if (known === undefined) {
      known = words.has(part);
      if (!known) for (const word of words) if (word.includes(part)) { known = true; break; }
      found.set(part, known);
    }
    return known;
  };
  const terms = new Set(groups.flat().map((term) => term.toLowerCase()));
  return [...terms].filter((term) => !wordsOf(term).some(present)).sort();
}

export function buildQueryVocabulary(documents: readonly SearchDocument[], synonyms: readonly (readonly string[])[] = []): QueryVocabulary {
  const labels = new Set<string>();
  const counts = new Map<string, number>();
  const stems = new Map<string, string>();
  const stem = (word: string) => {
    let found = stems.get(word);
    if (found === undefined) stems.set(word, (found = stemOf(word)));
    return found;
  };
  // Per distinct body word: its stem when it counts (Hangul, three syllables or more), else null.
  const counted = new Map<string, string | null>();
  for (const document of documents) {
    for (const label of document.labels) for (const word of wordsOf(label)) labels.add(stem(word).toLowerCase());
    for (const word of wordsOf(document.text)) {
      let found = counted.get(word);
      if (found === undefined) {
        const stemmed = HANGUL.test(word) ? stem(word) : "";
        counted.set(word, (found = [...stemmed].length >= 3 ? stemmed : null));
      }
      if (found !== null) counts.set(found, (counts.get(found) ?? 0) + 1);
    }
  }
  const words = new Set([...stems.keys(), ...counted.keys()].map((word) => word.toLowerCase()));
  const frequent = [...counts]
    .filter(([word]) => !labels.has(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_BODY_WORDS)
    .map(([word]) => word)
    .sort();
  return {
    version: ANALYSIS_VERSION,
    labels: [...labels].sort(),
    words: frequent,
    synonyms: synonyms.map((group) => [...group]),
    missing: missingSynonyms([...SYNONYMS, ...synonyms], words),
  };
}

/** Writes `opsnote-search.json` into a `pagefind/` folder. */
export async function writeQueryVocabulary(pagefindDir: string, documents: readonly SearchDocument[], synonyms: readonly (readonly string[])[] = []): Promise<void> {
  await writeFile(path.join(pagefindDir, VOCABULARY_FILE), `${JSON.stringify(buildQueryVocabulary(documents, synonyms))}\n`);
}
