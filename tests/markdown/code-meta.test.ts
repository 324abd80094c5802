import { test } from "node:test";
import assert from "node:assert/strict";
import { extractCodeNotation, parseCodeMeta, parseFenceInfo, parseLineRanges } from "../../src/markdown/code-meta.ts";

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

/** Whole info strings as Zola and Hugo blogs write them: language, then opsnote's meta. */
const foreignCases: [info: string, name: string, expected: ReturnType<typeof parseCodeMeta>][] = [
  // Zola: comma-separated after the language; hl_lines ranges separated by spaces, counted from the block's first line.
  ["bash,hl_lines=4-5", "bash", { lineNumbers: false, firstLine: 1, highlightLines: [4, 5] }],
  ["rust,linenos,hl_lines=1 3-5", "rust", { lineNumbers: true, firstLine: 1, highlightLines: [1, 3, 4, 5] }],
  ["rust,linenos,linenostart=20,hl_lines=2", "rust", { lineNumbers: true, firstLine: 20, highlightLines: [2] }],
  ["rust, linenos , hl_lines = 1 3", "rust", { lineNumbers: true, firstLine: 1, highlightLines: [1, 3] }],
  ["toml,name=config.toml", "toml", { title: "config.toml", lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ["yaml,hide_lines=2", "yaml", { lineNumbers: false, firstLine: 1, highlightLines: [] }],
  // Hugo: options in braces, space- or comma-separated, keys case-insensitive; Chroma counts
  // hl_lines as displayed, from linenostart on.
  ["go {hl_lines=[2]}", "go", { lineNumbers: false, firstLine: 1, highlightLines: [2] }],
  ['go {linenos=table,hl_lines=[2,"4-5"],linenostart=10}', "go", { lineNumbers: true, firstLine: 10, highlightLines: [] }],
  ['go {linenos=table,hl_lines=[11,"13-14"],linenostart=10}', "go", { lineNumbers: true, firstLine: 10, highlightLines: [2, 4, 5] }],
  ['go {linenos=inline hl_lines=[3,"6-8"] style=emacs}', "go", { lineNumbers: true, firstLine: 1, highlightLines: [3, 6, 7, 8] }],
  ['sh {hl_lines="2-3 5"}', "sh", { lineNumbers: false, firstLine: 1, highlightLines: [2, 3, 5] }],
  ["yaml {lineNos=true, lineNoStart=5}", "yaml", { lineNumbers: true, firstLine: 5, highlightLines: [] }],
  ["yaml {linenos=false}", "yaml", { lineNumbers: false, firstLine: 1, highlightLines: [] }],
  ['yaml {title="values.yaml" hl_lines=[1]}', "yaml", { title: "values.yaml", lineNumbers: false, firstLine: 1, highlightLines: [1] }],
  ["{linenos=true}", "", { lineNumbers: true, firstLine: 1, highlightLines: [] }],
  // opsnote's own forms are untouched by either reading.
  ['yaml title="a,b.yaml" {1,3}', "yaml", { title: "a,b.yaml", lineNumbers: false, firstLine: 1, highlightLines: [1, 3] }],
  ["bash linenos", "bash", { lineNumbers: true, firstLine: 1, highlightLines: [] }],
  ["bash {2} linenos{5}", "bash", { lineNumbers: true, firstLine: 5, highlightLines: [2] }],
];

for (const [info, name, expected] of foreignCases) {
  test(`fence info ${JSON.stringify(info)}`, () => {
    const fence = parseFenceInfo(info);
    assert.equal(fence.name, name);
    assert.deepEqual(parseCodeMeta(fence.meta), expected);
  });
}

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
