/**
 * The Korean rules shared by the index and the query (assets/js/korean-analysis.js).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { STEM_MARK, choseongOf, contractedStemOf, isChoseong, jamoOf, markStems, splitCompound, stemOf, withinOneEdit, wordsOf } from "../../assets/js/korean-analysis.js";

const stems: [word: string, stem: string][] = [
  ["설치했다", "설치"],
  ["설치하고", "설치"],
  ["설치하는", "설치"],
  ["배포해서", "배포"],
  ["배포했습니다", "배포"],
  ["적용됩니다", "적용"],
  ["적용되는", "적용"],
  ["쿠버네티스를", "쿠버네티스"],
  ["도커에서", "도커"],
  ["helm을", "helm"],
  ["만들었다", "만들"],
  ["한다", "한다"], // one syllable left would be no stem
  ["결과", "결과"],
  ["kubectl", "kubectl"],
];
for (const [word, stem] of stems) {
  test(`stemOf(${JSON.stringify(word)}) is ${JSON.stringify(stem)}`, () => assert.equal(stemOf(word), stem));
}

test("markStems marks the stem and compound boundaries, and leaves other text alone", () => {
  const vocabulary = new Set(["쿠버네티스", "클러스터"]);
  assert.equal(markStems("쿠버네티스를 설치했다.", vocabulary), "쿠버네티스를 설치했다.", "particles and endings are not marked: the stem is a prefix");
  assert.equal(markStems("쿠버네티스클러스터에서", vocabulary), `쿠버네티스${STEM_MARK}클러스터에서`);
  assert.equal(markStems("쿠버네티스클러스터를 배포하는", vocabulary), `쿠버네티스${STEM_MARK}클러스터를 배포하는`);
  assert.equal(markStems("kubectl get pods -n prod"), "kubectl get pods -n prod");
});

const hangulWord = fc
  .array(fc.integer({ min: 0xac00, max: 0xd7a3 }).map((cp) => String.fromCodePoint(cp)), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(""));
const suffixed = fc.tuple(hangulWord, fc.constantFrom("", "를", "에서", "했다", "하는", "됩니다", "으로", "의")).map(([a, b]) => a + b);
const sentence = fc.array(fc.oneof(suffixed, fc.string(), fc.constantFrom(" ", ". ", "\n")), { maxLength: 12 }).map((parts) => parts.join(" "));

test("property: a stem is a non-empty prefix of its word (prefix search never loses a match)", () => {
  fc.assert(
    fc.property(fc.oneof(suffixed, fc.string()), (word) => {
      const stem = stemOf(word);
      assert.ok(word.startsWith(stem));
      if (word !== "") assert.ok(stem.length > 0);
    }),
  );
});

test("property: removing the marks from marked text gives the text back (excerpts read like the post)", () => {
  fc.assert(
    fc.property(sentence, fc.array(hangulWord, { maxLength: 6 }), (text, words) => {
      const clean = text.replaceAll(STEM_MARK, "");
      assert.equal(markStems(clean, new Set(words)).replaceAll(STEM_MARK, ""), clean);
    }),
  );
});

test("property: wordsOf finds the words of /[\\p{L}\\p{N}]+/u (its scanner skips the regex for speed)", () => {
  const text = fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("쿠버네티스를", " ", "k8s,", "ㅋㅂ", "𝐀", "x\u0301", "١٢", "_-")), { maxLength: 12 }).map((parts) => parts.join(""));
  fc.assert(fc.property(text, (input) => assert.deepEqual(wordsOf(input), input.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [])), { numRuns: 500 });
});

test("property: a compound split joins back to the word, both parts known", () => {
  fc.assert(
    fc.property(hangulWord, hangulWord, (a, b) => {
      const vocabulary = new Set([a, b]);
      const parts = splitCompound(a + b, vocabulary);
      if (parts) {
        assert.equal(parts.join(""), a + b);
        assert.ok(vocabulary.has(parts[0]) && vocabulary.has(parts[1]));
      } else {
        assert.ok([...a].length < 2 || [...b].length < 2);
      }
    }),
  );
});

test("choseong and one-jamo typos", () => {
  assert.equal(choseongOf("쿠버네티스"), "ㅋㅂㄴㅌㅅ");
  assert.equal(choseongOf("helm 차트"), "helm ㅊㅌ");
  assert.ok(isChoseong("ㅋㅂㄴㅌㅅ"));
  assert.ok(!isChoseong("ㅋ"));
  assert.ok(!isChoseong("쿠버"));
  assert.ok(withinOneEdit(jamoOf("쿠버네티수"), jamoOf("쿠버네티스")));
  assert.ok(withinOneEdit(jamoOf("테라폼"), jamoOf("테라포")), "a missing final consonant is one edit");
  assert.ok(!withinOneEdit(jamoOf("쿠버네티수"), jamoOf("쿠버내티수스")));
  assert.ok(!withinOneEdit(jamoOf("도커"), jamoOf("도크로")));
});

test("contracted past forms get the stem they were made from (queries only: it is not a prefix)", () => {
  assert.equal(contractedStemOf("늘렸다"), "늘리");
  assert.equal(contractedStemOf("바꿨는데"), "바꾸");
  assert.equal(contractedStemOf("옮겼고"), "옮기");
  assert.equal(contractedStemOf("설치했다"), undefined, "했다 is an ending of its own");
  assert.equal(contractedStemOf("봤다"), undefined, "one syllable would be left");
  assert.equal(contractedStemOf("쿠버네티스"), undefined);
});
