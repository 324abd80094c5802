import { test } from "node:test";
import assert from "node:assert/strict";
import { CODE_LINES_PER_MINUTE, PROSE_EOJEOL_PER_MINUTE, readingStats } from "../../src/content/reading-time.ts";

const words = (count: number, word = "쿠버네티스는") => Array.from({ length: count }, () => word).join(" ");
const codeLines = (count: number) => Array.from({ length: count }, (_, i) => `key${i}: value`).join("\n");

const cases: [name: string, markdown: string, eojeol: number, code: number][] = [
  ["Korean eojeol are space-separated words", "쿠버네티스는 컨테이너를 관리하는 도구다.", 4, 0],
  ["particles stay attached to their word", "`Container`는 항상 관통하는 개념이다.", 4, 0],
  ["emphasis marks do not split an eojeol", '**"인그레스"**는 _정말_ 편하다', 3, 0],
  ["a hyphenated name is one word", "`kube-proxy`가 존재한다", 2, 0],
  ["table cells are separate words", "|이름|설명|\n|---|---|\n|Pod|최소 단위|", 5, 0],
  ["markdown markers are not words", "## 제목\n\n- 하나\n- 둘\n\n> 인용 문장", 5, 0],
  ["a link counts its text, not its URL", "[초보를 위한 도커 안내서](https://subicura.com/2017/01/19/docker-guide-for-beginners-1.html)", 4, 0],
  ["an image counts its alt text only", "![이미지](/assets/images/container_evolution.svg)", 1, 0],
  ["HTML tags are not words", "<details><summary>펼치기</summary>내용</details>", 2, 0],
  ["punctuation alone is not a word", "— … ! ?", 0, 0],
  ["code lines are counted apart from prose", "설명 문장\n\n```yaml\napiVersion: v1\nkind: Pod\n\nmetadata: {}\n```\n", 2, 3],
  ["tilde fences and longer fences count as code", "~~~\na\nb\n~~~\n\n````md\n```\nnested\n```\n````\n", 0, 5],
  ["words inside code are not prose", "```bash\nkubectl get pods -n kube-system\n```", 0, 1],
  ["CRLF line endings", "하나 둘\r\n```\r\ncode\r\n```\r\n", 2, 1],
  ["a fence in a blockquote is code", "> 설정 예시\n> ~~~yaml\n> a: 1\n> b: 2\n> ~~~\n{: .prompt-tip}\n", 2, 2],
  ["a fence in a list item is code", "- 단계 하나\n\n    ```sh\n    kubectl apply -f a.yaml\n    ```\n", 2, 1],
];

for (const [name, markdown, eojeol, code] of cases) {
  test(`readingStats: ${name}`, () => {
    const stats = readingStats(markdown);
    assert.equal(stats.eojeol, eojeol);
    assert.equal(stats.codeLines, code);
  });
}

const minuteCases: [name: string, markdown: string, minutes: number][] = [
  ["an empty body is still a 1-minute read", "", 1],
  ["a few words are a 1-minute read", "짧은 글", 1],
  [`${PROSE_EOJEOL_PER_MINUTE * 5} eojeol read in 5 minutes`, words(PROSE_EOJEOL_PER_MINUTE * 5), 5],
  [`${CODE_LINES_PER_MINUTE * 4} lines of code read in 4 minutes`, "```yaml\n" + codeLines(CODE_LINES_PER_MINUTE * 4) + "\n```", 4],
  [
    "prose and code add up",
    words(PROSE_EOJEOL_PER_MINUTE * 2) + "\n\n```yaml\n" + codeLines(CODE_LINES_PER_MINUTE * 3) + "\n```",
    5,
  ],
];

for (const [name, markdown, minutes] of minuteCases) {
  test(`readingStats: ${name}`, () => {
    assert.equal(readingStats(markdown).minutes, minutes);
  });
}
