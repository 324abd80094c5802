import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { normalizeQuery, stripParticle } from "../../assets/js/korean-query.js";

const cases: [word: string, stem: string][] = [
  ["쿠버네티스는", "쿠버네티스"],
  ["쿠버네티스가", "쿠버네티스"],
  ["쿠버네티스를", "쿠버네티스"],
  ["쿠버네티스에서", "쿠버네티스"],
  ["컨테이너로", "컨테이너"],
  ["파드으로", "파드"],
  ["클러스터의", "클러스터"],
  ["노드까지", "노드"],
  ["도커와", "도커"],
  ["서비스입니다", "서비스"],
  ["Kubernetes는", "Kubernetes"],
  ["helm을", "helm"],
  ["쿠버", "쿠버"],
  ["쿠버네티스", "쿠버네티스"],
  ["결과", "결과"],
  ["포도", "포도"],
  ["kubectl", "kubectl"],
  ["", ""],
];
for (const [word, stem] of cases) {
  test(`stripParticle(${JSON.stringify(word)}) is ${JSON.stringify(stem)}`, () => assert.equal(stripParticle(word), stem));
}

test("normalizeQuery strips each word, collapses spaces and composes NFD input", () => {
  assert.equal(normalizeQuery("  쿠버네티스는   helm을 "), "쿠버네티스 helm");
  assert.equal(normalizeQuery("쿠버네티스는".normalize("NFD")), "쿠버네티스");
  assert.equal(normalizeQuery("Docker 이미지를 빌드하기"), "Docker 이미지 빌드하기");
});

test("a stem is always a non-empty prefix of its word, so prefix search never loses a match", () => {
  const hangulWord = fc.array(fc.integer({ min: 0xac00, max: 0xd7a3 }).map((cp) => String.fromCodePoint(cp)), { minLength: 1, maxLength: 8 }).map((a) => a.join(""));
  fc.assert(
    fc.property(fc.oneof(hangulWord, fc.string()), (word) => {
      const stem = stripParticle(word);
      assert.ok(word.startsWith(stem));
      if (word !== "") assert.ok(stem.length > 0);
    }),
  );
});
