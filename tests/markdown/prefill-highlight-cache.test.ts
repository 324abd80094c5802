// test-process: own. Its first tests ask which grammars the highlighter of this process has not loaded yet,
// which another file sharing the process would have loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import os, { availableParallelism } from "node:os";
import path from "node:path";
import { getCodeHighlighter, getHighlightSalt } from "../../src/markdown/highlight.ts";
import { createHighlightCache } from "../../src/markdown/highlight-cache.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { fenceLanguages } from "../../src/markdown/highlight-languages.ts";
import { collectCodeBlocks, defaultWorkerCount, prefillHighlightCache } from "../../src/markdown/prefill-highlight-cache.ts";
import { generatePost, writeCorpus } from "../../scripts/bench/corpus.ts";

const highlighter = await getCodeHighlighter();
const salt = await getHighlightSalt();
const md = createMarkdown({ highlighter });

test("collectCodeBlocks finds each fence with the renderer's code and resolved language", async () => {
  const text = "---\ntitle: x\n---\n\n```sh\necho 1\n```\n\n- item\n\n  ```TF\n  a = 1\n  ```\n\n```kubectl\nget po\n```\n\n```rust,hl_lines=1\nfn f() {}\n```\n";
  assert.deepEqual(collectCodeBlocks(md, text, highlighter).map((b) => b.language), ["shellscript", "text", "text", "rust"], "terraform is not loaded yet: plain, as the renderer shows it");
  await highlighter.loadLanguages(fenceLanguages(text));
  assert.deepEqual(collectCodeBlocks(md, text, highlighter), [
    { code: "echo 1", language: "shellscript" },
    { code: "a = 1", language: "terraform" },
    { code: "get po", language: "text" },
    { code: "fn f() {}", language: "rust" },
  ]);
});

test("the scan loads the grammars the posts' fences need before it keys their blocks", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-prefill-"));
  mkdirSync(path.join(dir, "posts", "notes"), { recursive: true });
  writeFileSync(path.join(dir, "posts", "notes", "a.md"), "# A\n\n```Scala\nval x = 1 // one\n```\n\n> ```c++\n> int main() { return 0; }\n> ```\n");
  const cache = createHighlightCache({ dir: path.join(dir, "cache"), salt });
  assert.equal(highlighter.isLoaded("scala"), false);
  const result = await prefillHighlightCache({ inputDir: path.join(dir, "posts"), md, highlighter, cache, workers: 1, minBlocksForWorkers: 10 });
  assert.deepEqual(result.loadedLanguages.sort(), ["cpp", "scala"]);
  assert.equal(result.misses, 2);
  assert.ok(highlighter.isLoaded("scala") && highlighter.isLoaded("cpp"));
  const warnings: string[] = [];
  const html = createMarkdown({ highlighter, report: (d) => warnings.push(d.message) }).render("```scala\nval x = 1 // one\n```\n");
  assert.deepEqual(warnings, []);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const classes = new Set([...document.querySelectorAll("pre.shiki span.line span")].map((span) => span.getAttribute("class")));
  assert.ok(classes.size >= 2, `scala came out in one colour: ${html}`);
  rmSync(dir, { recursive: true, force: true });
});

test("a worker loads the same grammars as the build's thread: on-demand and embedding grammars come out the same", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-prefill-"));
  mkdirSync(path.join(dir, "posts"));
  const ruby = 'def hi(name) = puts "hi #{name}" # greet';
  const markdown = "# Title\n\n```ruby\nputs 1 # one\n```";
  writeFileSync(path.join(dir, "posts", "r.md"), `\`\`\`rb\n${ruby}\n\`\`\`\n\n\`\`\`\`md\n${markdown}\n\`\`\`\`\n`);
  const cache = createHighlightCache({ dir: path.join(dir, "cache"), salt });
  const result = await prefillHighlightCache({ inputDir: path.join(dir, "posts"), md, highlighter, cache, workers: 1, minBlocksForWorkers: 0, highlightHere: false });
  assert.equal(result.workers, 1);
  assert.equal(result.misses, 2);
  for (const [code, language] of [[ruby, "ruby"], [markdown, "markdown"]] as const) {
    const stored = cache.read(cache.keyOf(code, highlighter.cacheKeyOf(language)));
    assert.equal(stored, highlighter.highlight(code, language), `${language} from the worker`);
  }
  rmSync(dir, { recursive: true, force: true });
});

test("a worker fills the cache with the highlighter's HTML; a second run has nothing to do", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-prefill-"));
  writeCorpus(path.join(dir, "posts"), 40, 3);
  const cache = createHighlightCache({ dir: path.join(dir, "cache"), salt });
  const options = { inputDir: path.join(dir, "posts"), md, highlighter, cache, workers: 1, minBlocksForWorkers: 0, highlightHere: false };
  const first = await prefillHighlightCache(options);
  assert.ok(first.blocks >= 120, `blocks: ${first.blocks}`);
  assert.equal(first.workers, 1);

  const blocks = Array.from({ length: 40 }, (_, i) => collectCodeBlocks(md, generatePost(3, i).text, highlighter)).flat();
  for (const block of blocks) {
    assert.equal(cache.read(cache.keyOf(block.code, highlighter.cacheKeyOf(block.language))), highlighter.highlight(block.code, block.language));
  }
  assert.deepEqual(await prefillHighlightCache(options), { blocks: first.blocks, misses: 0, workers: 0, loadedLanguages: [] });
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
  cache.save();
  assert.equal(createHighlightCache({ dir: path.join(dir, "cache"), salt }).isEmpty(), false, "the next build's cache, from the pack's header");
  assert.equal(createHighlightCache({ dir: path.join(dir, "cache"), salt: "another shiki" }).isEmpty(), true, "a pack of another salt holds nothing");
  rmSync(dir, { recursive: true, force: true });
});
