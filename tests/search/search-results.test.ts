import { test } from "node:test";
import assert from "node:assert/strict";
import { rankTerms, withoutLead } from "../../assets/js/search.js";

const plain = (text: string) => ({ text, mark: false });
const marked = (text: string) => ({ text, mark: true });

test("withoutLead: the heading shown above is left out of the excerpt, marked or not, only as a whole", () => {
  const cases: [string, ReturnType<typeof plain>[], string | undefined, ReturnType<typeof plain>[]][] = [
    ["a heading", [plain("릴리스 관리 릴리스는 helm")], "릴리스 관리", [plain("릴리스는 helm")]],
    ["a title ends with a full stop", [plain("글 B. 공통단어")], "글 B", [plain("공통단어")]],
    ["a marked word in the heading", [marked("경보"), plain(" 규칙 설정 "), marked("경보"), plain("는")], "경보 규칙 설정", [marked("경보"), plain("는")]],
    ["only the heading", [plain("경보 규칙")], "경보 규칙", []],
    ["not the whole word", [plain("경보 규칙들은")], "경보 규칙", [plain("경보 규칙들은")]],
    ["an excerpt cut after the heading", [plain("다른 문장")], "경보 규칙", [plain("다른 문장")]],
    ["no heading", [plain("제목 없음")], undefined, [plain("제목 없음")]],
  ];
  for (const [name, segments, lead, expected] of cases) assert.deepEqual(withoutLead(segments, lead), expected, name);
});

test("rankTerms: most used first, then by name in the page's language; unused terms left out", () => {
  assert.deepEqual(rankTerms({ helm: 2, 쿠버네티스: 5, docker: 2, 도커: 2, empty: 0 }, "ko"), [
    ["쿠버네티스", 5], ["도커", 2], ["docker", 2], ["helm", 2], // Korean order puts Hangul first
  ]);
  assert.deepEqual(rankTerms(undefined, "ko"), []);
});
