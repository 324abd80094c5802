/**
 * Gatsby plugins' syntax in opsnote's words (src/import/convert-gatsby.ts): fixture pairs of text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { convertGatsbyToc, renameGatsbyUpdate } from "../../src/import/convert-gatsby.ts";

test("a top-level ```toc block, with or without options, goes; examples in code and indented stay", () => {
  const cases: [string, string, number[]][] = [
    ["---\nt: 1\n---\n## A\n\n```toc\n\n```\n", "---\nt: 1\n---\n## A\n\n", [6]],
    ["---\nt: 1\n---\n```toc\nfromHeading: 2\n```\n## A\n", "---\nt: 1\n---\n## A\n", [4]],
    ["---\nt: 1\n---\n~~~toc\n~~~\n", "---\nt: 1\n---\n", [4]],
    // Inside another fence it is the text of a code block.
    ["---\nt: 1\n---\n~~~md\n```toc\n```\n~~~\n", "---\nt: 1\n---\n~~~md\n```toc\n```\n~~~\n", []],
    ["---\nt: 1\n---\n````md\n```toc\n```\n````\n", "---\nt: 1\n---\n````md\n```toc\n```\n````\n", []],
    // Indented: an example in a list or an indented code block.
    ["---\nt: 1\n---\ntext\n\n    ```toc\n    ```\n", "---\nt: 1\n---\ntext\n\n    ```toc\n    ```\n", []],
    // Another language, and a block never closed (CommonMark runs it to the end): left as written.
    ["---\nt: 1\n---\n```tocs\n```\n", "---\nt: 1\n---\n```tocs\n```\n", []],
    ["---\nt: 1\n---\n```toc\n## A\n", "---\nt: 1\n---\n```toc\n## A\n", []],
    // In the front matter it is not a block at all.
    ["---\nx: |\n  ```toc\n  ```\n---\n", "---\nx: |\n  ```toc\n  ```\n---\n", []],
  ];
  for (const [input, expected, lines] of cases) {
    const bodyLineOffset = input.indexOf("\n---\n") === -1 ? 0 : input.slice(0, input.indexOf("\n---\n") + 5).split("\n").length - 1;
    const result = convertGatsbyToc(input, bodyLineOffset);
    assert.deepEqual([result.text, result.lines], [expected, lines], input);
  }
});

test("hoodie's update: becomes updated:, unless the post says its last change already", () => {
  assert.equal(renameGatsbyUpdate("---\ntitle: A\nupdate: 2024-04-20\ntags: [x]\n---\nbody\n", { update: "2024-04-20" }), "---\ntitle: A\ntags: [x]\nupdated: 2024-04-20\n---\nbody\n");
  const kept = "---\nupdate: 2024-04-20\nupdated: 2024-05-01\n---\n";
  assert.equal(renameGatsbyUpdate(kept, { update: "2024-04-20", updated: "2024-05-01" }), kept);
  assert.equal(renameGatsbyUpdate("---\ntitle: A\n---\n", { title: "A" }), "---\ntitle: A\n---\n");
});
