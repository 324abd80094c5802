/**
 * The import's reading of fenced code blocks, line by line, as CommonMark reads them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import MarkdownIt from "markdown-it";
import { fenceTracker, type FenceLine } from "../../src/import/fences.ts";

const read = (text: string): FenceLine[] => {
  const fences = fenceTracker();
  return text.split("\n").map((line) => fences.read(line));
};

test("a backtick fence's info string has no backtick: ```x```로 at a line's start is inline code", () => {
  assert.deepEqual(read("```TargetActor```란 액터\n![a](a.png)"), ["text", "text"]);
});

test("only a bare run of the opening character, at least as long, closes a fence", () => {
  assert.deepEqual(read("```\n```python\nx\n```\ntext"), ["fence", "code", "code", "fence", "text"]);
  assert.deepEqual(read("````md\n```\n````\ntext"), ["fence", "code", "fence", "text"]);
  assert.deepEqual(read("~~~\n```\n~~~\ntext"), ["fence", "code", "fence", "text"]);
});

test("a fence inside a blockquote is a fence", () => {
  assert.deepEqual(read("> ```yaml\n> a: 1\n> ```\ntext"), ["fence", "code", "fence", "text"]);
});

test("the lines it calls code are the ones markdown-it puts in fences, on a mixed document", () => {
  const text = "```TargetActor```란\n\n```c++\nint a;\n```python\n```\n\n~~~~\n~~~\n~~~~\n\n글";
  const fenced = new Set<number>();
  for (const token of new MarkdownIt().parse(text, {})) {
    if (token.type === "fence" && token.map) for (let line = token.map[0] + 1; line < token.map[1] - 1; line++) fenced.add(line);
  }
  const code = read(text).flatMap((kind, line) => (kind === "code" ? [line] : []));
  assert.deepEqual(code, [...fenced].sort((a, b) => a - b));
});
