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

import { MAX_QUERIES, WEIGHTS, expandQuery, preloadQuery, searchPosts, withoutStemMarks } from "../../assets/js/korean-query.js";

const vocabulary = { version: 1, labels: ["쿠버네티스", "클러스터", "헬름", "차트", "카프카"], words: ["컨슈머", "엘라스틱서치"], synonyms: [["argocd", "아르고"]] };
const terms = (query: string) => expandQuery(query, vocabulary).map((q) => q.text);

test("expandQuery: stems, synonyms (built-in and the setting's), initials, one-jamo typos", () => {
  assert.deepEqual(terms("설치했다"), ["설치"]);
  assert.deepEqual(terms("늘렸다"), ["늘렸다", "늘리"], "a contracted past form also asks for its stem");
  assert.deepEqual(terms("k8s"), ["k8s", "kubernetes", "쿠버네티스", "쿠베"]);
  assert.deepEqual(terms("아르고를"), ["아르고", "argocd", "아르고cd"], "the built-in group and the setting's, after the particle is cut");
  assert.deepEqual(expandQuery("젠킨스", { ...vocabulary, synonyms: [["젠킨스", "jenkins ci"]] }).map((q) => q.text), ["젠킨스", "jenkins", "jenkins ci"]);
  assert.deepEqual(terms("ㅋㅂㄴㅌㅅ"), ["쿠버네티스", "kubernetes", "k8s", "쿠베"].slice(0, 1), "initials become the title word");
  assert.deepEqual(terms("ㅎㄹ ㅊㅌ"), ["헬름 차트"]);
  assert.ok(terms("쿠버네티수").includes("쿠버네티스"), terms("쿠버네티수").join(","));
  assert.ok(terms("엘라스틱써치").includes("엘라스틱서치"));
  assert.deepEqual(terms("쿠버"), ["쿠버"], "a prefix of a known word is no typo");
  assert.deepEqual(terms("도크"), ["도크"], "two-syllable words get no typo fix");
  const typo = expandQuery("컨슈며", vocabulary).find((q) => q.text === "컨슈머");
  assert.equal(typo?.weight, WEIGHTS.typo);
  assert.ok(expandQuery("k8s docker terraform helm", vocabulary).length <= MAX_QUERIES);
});

test("searchPosts: every expanded query, merged by page with its best weighted score, marks removed", async () => {
  const asked: { text: string; options: unknown }[] = [];
  const page = (id: string, score: number) => ({
    id,
    score,
    data: async () => ({ url: `/${id}/`, excerpt: "<mark>설치^했다</mark> 2^10", meta: { title: "쿠버네티스^클러스터" }, sub_results: [{ title: "설치^하기", url: `/${id}/#x`, excerpt: "x^y 배포^했다" }] }),
  });
  const fake = {
    async search(text: string, options: unknown) {
      asked.push({ text, options });
      if (text === "k8s") return { results: [page("a", 1), page("b", 0.5)] };
      if (text === "kubernetes") return { results: [page("b", 2), page("c", 0.1)] };
      return { results: [] };
    },
  };
  const results = await searchPosts(fake, "k8s", { vocabulary, filters: { tag: ["devops"] } });
  assert.deepEqual(asked.map((a) => a.text), ["k8s", "kubernetes", "쿠버네티스", "쿠베"]);
  assert.ok(asked.every((a) => JSON.stringify(a.options) === JSON.stringify({ filters: { tag: ["devops"] } })));
  assert.deepEqual(results.map((r) => [r.id, Number(r.score.toFixed(2))]), [["b", 1.8], ["a", 1], ["c", 0.09]]);
  const data = await results[0]!.data();
  assert.equal(data.excerpt, "<mark>설치했다</mark> 2^10");
  assert.equal(data.meta.title, "쿠버네티스클러스터");
  assert.deepEqual(data.sub_results.map((s: { title: string; excerpt: string }) => [s.title, s.excerpt]), [["설치하기", "x^y 배포했다"]]);
  assert.deepEqual(await searchPosts(fake, "   "), []);
});

test("withoutStemMarks removes only a ^ between two Hangul syllables (code and math keep theirs)", () => {
  const data = withoutStemMarks({ excerpt: "x ^ y, 2^10, a^b, ^가, 설치^했다", content: "", meta: {}, sub_results: [] });
  assert.equal(data.excerpt, "x ^ y, 2^10, a^b, ^가, 설치했다");
});

test("searchPosts asks for typo fixes only when the query as typed finds fewer than TYPO_BELOW pages", async () => {
  const asked: string[] = [];
  const many = Array.from({ length: 5 }, (_, i) => ({ id: String(i), score: 1, data: async () => ({}) }));
  const fake = (found: number) => ({
    async search(text: string) {
      asked.push(text);
      return { results: text === "컨슈며" ? many.slice(0, found) : [] };
    },
  });
  await searchPosts(fake(5), "컨슈며", { vocabulary });
  assert.deepEqual(asked, ["컨슈며"], "enough found: no typo search");
  asked.length = 0;
  await searchPosts(fake(0), "컨슈며", { vocabulary });
  assert.deepEqual(asked, ["컨슈며", "컨슈머"]);
});

test("expandQuery: a synonym missing from the index is not searched; a typed word missing from it is asked for through its synonyms", () => {
  const known = { ...vocabulary, missing: ["k8s", "쿠베"] };
  assert.deepEqual(expandQuery("쿠버네티스", known).map((q) => q.text), ["쿠버네티스", "kubernetes"]);
  assert.deepEqual(expandQuery("k8s 롤링", known).map((q) => q.text), ["kubernetes 롤링", "쿠버네티스 롤링"], "not '롤링' alone, which Pagefind would search for 'k8s 롤링'");
  assert.deepEqual(expandQuery("노드풀", { ...known, missing: ["노드풀"] }).map((q) => q.text), ["노드풀"], "a missing word without synonyms is still asked for");
  assert.deepEqual(expandQuery("k8s", vocabulary).map((q) => q.text), ["k8s", "kubernetes", "쿠버네티스", "쿠베"], "a vocabulary without the list drops nothing");
});

test("searchPosts asks Pagefind once for a search it already answered on the same client, and again after a failure", async () => {
  const asked: string[] = [];
  let fail = true;
  const client = {
    async search(text: string) {
      asked.push(text);
      if (text === "헬름" && fail) {
        fail = false;
        throw new Error("chunk not loaded");
      }
      return { results: [{ id: text, score: 1, data: async () => ({}) }] };
    },
  };
  const known = { ...vocabulary, missing: ["k8s", "쿠베", "kubernetes"] };
  await searchPosts(client, "쿠버네티스", { vocabulary: known });
  await searchPosts(client, "ㅋㅂㄴㅌㅅ", { vocabulary: known });
  assert.deepEqual(asked, ["쿠버네티스"], "the initials' rewrite is the search already answered");
  await searchPosts(client, "쿠버네티스", { vocabulary: known, filters: { tags: ["helm"] } });
  assert.deepEqual(asked, ["쿠버네티스", "쿠버네티스"], "other filters are another search");
  await assert.rejects(searchPosts(client, "헬름", { vocabulary: known }));
  const [again] = await searchPosts(client, "헬름", { vocabulary: known });
  assert.equal(again?.id, "헬름");
  await searchPosts({ search: client.search }, "쿠버네티스", { vocabulary: known });
  assert.equal(asked.filter((text) => text === "쿠버네티스").length, 3, "another client has its own cache");
});

test("preloadQuery asks Pagefind once for the chunks of every word the query would search, and never throws", async () => {
  const preloaded: string[] = [];
  await preloadQuery({ preload: async (text: string) => void preloaded.push(text) }, "k8s 헬름을", { vocabulary });
  assert.deepEqual(preloaded.map((text) => text.split(" ").sort()), [["helm", "k8s", "kubernetes", "쿠버네티스", "쿠베", "헬름"]], "stems and every rewrite, each word once, in one call");
  await preloadQuery({ preload: async () => Promise.reject(new Error("offline")) }, "헬름", { vocabulary });
  await preloadQuery({}, "헬름", { vocabulary });
  await preloadQuery({ preload: async (text: string) => void preloaded.push(text) }, "   ", { vocabulary });
  assert.equal(preloaded.length, 1, "nothing to preload for an empty query");
});
