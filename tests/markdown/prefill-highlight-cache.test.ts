import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os, { availableParallelism } from "node:os";
import path from "node:path";
import { getCodeHighlighter, getHighlightSalt } from "../../src/markdown/highlight.ts";
import { createHighlightCache } from "../../src/markdown/highlight-cache.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { collectCodeBlocks, defaultWorkerCount, prefillHighlightCache } from "../../src/markdown/prefill-highlight-cache.ts";
import { generatePost, writeCorpus } from "../../scripts/bench/corpus.ts";

const highlighter = await getCodeHighlighter();
const salt = await getHighlightSalt();
const md = createMarkdown({ highlighter });

test("collectCodeBlocks finds each fence with the renderer's code and resolved language", () => {
  const text = "---\ntitle: x\n---\n\n```sh\necho 1\n```\n\n- item\n\n  ```TF\n  a = 1\n  ```\n\n```kubectl\nget po\n```\n";
  assert.deepEqual(collectCodeBlocks(md, text, highlighter), [
    { code: "echo 1", language: "sh" },
    { code: "a = 1", language: "hcl" },
    { code: "get po", language: "text" },
  ]);
});

test("a worker fills the cache with the highlighter's HTML; a second run has nothing to do", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-prefill-"));
  writeCorpus(path.join(dir, "posts"), 40, 3);
  const cache = createHighlightCache({ dir: path.join(dir, "cache"), salt });
  const options = { inputDir: path.join(dir, "posts"), md, highlighter, cache, salt, workers: 1, minBlocksForWorkers: 0, highlightHere: false };
  const first = await prefillHighlightCache(options);
  assert.ok(first.blocks >= 120, `blocks: ${first.blocks}`);
  assert.equal(first.workers, 1);

  const blocks = Array.from({ length: 40 }, (_, i) => collectCodeBlocks(md, generatePost(3, i).text, highlighter)).flat();
  for (const block of blocks) {
    assert.equal(cache.read(cache.keyOf(block.code, block.language)), highlighter.highlight(block.code, block.language));
  }
  assert.deepEqual(await prefillHighlightCache(options), { blocks: first.blocks, misses: 0, workers: 0 });
});

test("workers: one per core besides the build's thread for an empty cache, none for a warm one, unless OPSNOTE_HIGHLIGHT_WORKERS says", () => {
  const auto = Math.max(0, availableParallelism() - 1);
  for (const unset of [undefined, "", "many", "-1", "1.5"]) {
    assert.equal(defaultWorkerCount(true, unset), auto, `cold, ${String(unset)}`);
    assert.equal(defaultWorkerCount(false, unset), 0, `warm, ${String(unset)}`);
  }
  for (const cold of [true, false]) {
    assert.equal(defaultWorkerCount(cold, "auto"), auto);
    assert.equal(defaultWorkerCount(cold, "0"), 0);
    assert.equal(defaultWorkerCount(cold, "3"), 3);
  }
});

test("an empty cache is one without entries, whatever other caches share its folder", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-prefill-"));
  const cache = createHighlightCache({ dir: path.join(dir, "cache"), salt });
  assert.equal(cache.isEmpty(), true, "no folder yet");
  mkdirSync(path.join(dir, "cache", "check"), { recursive: true });
  mkdirSync(path.join(dir, "cache", "search"));
  assert.equal(cache.isEmpty(), true, "only the other caches");
  cache.write(cache.keyOf("a: 1", "yaml"), "<pre>a: 1</pre>");
  assert.equal(cache.isEmpty(), false);
  rmSync(dir, { recursive: true, force: true });
});
