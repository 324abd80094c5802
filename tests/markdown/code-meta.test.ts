import { test } from "node:test";
import assert from "node:assert/strict";
import { extractCodeNotation, parseCodeMeta, parseLineRanges } from "../../src/markdown/code-meta.ts";

const metaCases: [meta: string, expected: ReturnType<typeof parseCodeMeta>][] = [
  ["", { lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ['title="deployment.yaml"', { title: "deployment.yaml", lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ["title='배포 설정.yaml'", { title: "배포 설정.yaml", lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ["title=values.yaml {2}", { title: "values.yaml", lineNumbers: false, firstLine: 1, highlightLines: [2] }],
  ['file="main.tf"', { title: "main.tf", lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ["{1,3-5}", { lineNumbers: false, firstLine: 1, highlightLines: [1, 3, 4, 5] }],
  ["showLineNumbers", { lineNumbers: true, firstLine: 1, highlightLines: [] }],
  ["showLineNumbers{10} {11}", { lineNumbers: true, firstLine: 10, highlightLines: [11] }],
  ["linenos", { lineNumbers: true, firstLine: 1, highlightLines: [] }],
  ['{1} title="a b.yaml" linenos', { title: "a b.yaml", lineNumbers: true, firstLine: 1, highlightLines: [1] }],
  ["subtitle=x", { lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ['title=""', { lineNumbers: false, firstLine: 1, highlightLines: [] }],
];

for (const [meta, expected] of metaCases) {
  test(`parseCodeMeta(${JSON.stringify(meta)})`, () => {
    assert.deepEqual(parseCodeMeta(meta), expected);
  });
}

test("parseLineRanges expands, sorts and de-duplicates; junk and zero are ignored", () => {
  assert.deepEqual(parseLineRanges("5,1-3,2"), [1, 2, 3, 5]);
  assert.deepEqual(parseLineRanges("a,0,4-2, 7 - 8"), [7, 8]);
});

function marksOf(code: string): Record<number, string[]> {
  const { marks } = extractCodeNotation(code);
  return Object.fromEntries([...marks].map(([line, set]) => [line, [...set].sort()]));
}

test("notation comments are removed from the code and mark their line", () => {
  const code = [
    "const a = 1 // [!code --]",
    "const a = 2 // [!code ++]",
    "replicas: 3 # [!code highlight]",
    "<p>x</p> <!-- [!code hl] -->",
    "SELECT 1; -- [!code ++]",
    "plain # not a notation",
  ].join("\n");
  const result = extractCodeNotation(code);
  assert.equal(result.code, "const a = 1\nconst a = 2\nreplicas: 3\n<p>x</p>\nSELECT 1;\nplain # not a notation");
  assert.deepEqual(marksOf(code), { 0: ["remove"], 1: ["add"], 2: ["highlighted"], 3: ["highlighted"], 4: ["add"] });
});

test("a notation alone on its line marks the following line(s) and the line is dropped", () => {
  const code = "a: 1\n# [!code highlight:2]\nb: 2\nc: 3\nd: 4";
  assert.equal(extractCodeNotation(code).code, "a: 1\nb: 2\nc: 3\nd: 4");
  assert.deepEqual(marksOf(code), { 1: ["highlighted"], 2: ["highlighted"] });
});

test("a count on an inline notation marks its line and the next ones", () => {
  assert.deepEqual(marksOf("x // [!code ++:2]\ny\nz"), { 0: ["add"], 1: ["add"] });
});

test("code without notation comes back unchanged", () => {
  const code = 'echo "[!code]"\n  indented\n';
  assert.equal(extractCodeNotation(code).code, code);
  assert.equal(extractCodeNotation(code).marks.size, 0);
});
