import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { parseHTML } from "linkedom";
import { createCachedHighlighter, createHighlightCache, type HighlightCache } from "../../src/markdown/highlight-cache.ts";
import type { CodeHighlighter } from "../../src/markdown/highlight.ts";

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "opsnote-hl-cache-"));

/** A highlighter that records its calls, so a test can tell a hit from a miss. */
function countingHighlighter(): CodeHighlighter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    languages: ["yaml"],
    resolveLanguage: (name) => name,
    highlight(code, language) {
      calls.push(`${language}:${code}`);
      return `<pre data-lang="${language}">${code}</pre>`;
    },
  };
}

function entryFile(cache: HighlightCache, key: string): string {
  return path.join(cache.dir, key.slice(0, 2), `${key}.html`);
}

test("a miss highlights and stores; the same block again is a hit, also in a new process's cache object", () => {
  const dir = tempDir();
  const inner = countingHighlighter();
  const first = createCachedHighlighter(inner, createHighlightCache({ dir, salt: "s1" }));
  assert.equal(first.highlight("a: 1", "yaml"), `<pre data-lang="yaml">a: 1</pre>`);
  assert.equal(first.highlight("a: 1", "yaml"), `<pre data-lang="yaml">a: 1</pre>`);
  assert.deepEqual(inner.calls, ["yaml:a: 1"]);
  const again = createCachedHighlighter(inner, createHighlightCache({ dir, salt: "s1" }));
  assert.equal(again.highlight("a: 1", "yaml"), `<pre data-lang="yaml">a: 1</pre>`);
  assert.deepEqual(inner.calls, ["yaml:a: 1"]);
});

test("code, language and salt (shiki version, themes, options) each change the key", () => {
  const cache = createHighlightCache({ dir: tempDir(), salt: JSON.stringify({ shiki: "4.6.0", themes: ["github-light", "github-dark"] }) });
  const key = cache.keyOf("a: 1", "yaml");
  assert.notEqual(cache.keyOf("a: 2", "yaml"), key);
  assert.notEqual(cache.keyOf("a: 1", "json"), key);
  for (const salt of [{ shiki: "4.7.0", themes: ["github-light", "github-dark"] }, { shiki: "4.6.0", themes: ["github-light", "nord"] }]) {
    assert.notEqual(createHighlightCache({ dir: cache.dir, salt: JSON.stringify(salt) }).keyOf("a: 1", "yaml"), key);
  }
});

test("an entry written under another salt is a miss, not served", () => {
  const dir = tempDir();
  const inner = countingHighlighter();
  createCachedHighlighter(inner, createHighlightCache({ dir, salt: "shiki@4.6.0" })).highlight("x", "yaml");
  createCachedHighlighter(inner, createHighlightCache({ dir, salt: "shiki@4.7.0" })).highlight("x", "yaml");
  assert.equal(inner.calls.length, 2);
});

test("a truncated, corrupted or misplaced entry is ignored and rewritten", () => {
  const dir = tempDir();
  const cache = createHighlightCache({ dir, salt: "s" });
  const inner = countingHighlighter();
  const cached = createCachedHighlighter(inner, cache);
  const html = cached.highlight("key: value", "yaml");
  const key = cache.keyOf("key: value", "yaml");
  const file = entryFile(cache, key);
  const good = readFileSync(file, "utf8");

  const damages: [string, string][] = [
    ["truncated", good.slice(0, good.length - 5)],
    ["header only", good.slice(0, good.indexOf("\n") + 1)],
    ["empty", ""],
    ["same length, one byte changed", good.replace("value", "valuE")],
    ["another key's entry", good.replace(key, "0".repeat(64))],
  ];
  for (const [label, damaged] of damages) {
    writeFileSync(file, damaged);
    assert.equal(cache.read(key), undefined, `${label}: read must refuse it`);
    const before = inner.calls.length;
    assert.equal(cached.highlight("key: value", "yaml"), html, `${label}: highlighted again`);
    assert.equal(inner.calls.length, before + 1, `${label}: was a miss`);
    assert.equal(readFileSync(file, "utf8"), good, `${label}: rewritten`);
  }
});

test("concurrent writers (4 threads, same and different keys) leave only whole entries and no temp files", async () => {
  const dir = tempDir();
  const salt = "concurrent";
  const script = `
    const { workerData, parentPort } = require("node:worker_threads");
    // Node 20 workers do not inherit tsx's hooks in time: register them for this thread.
    import("tsx/esm/api").then(({ register }) => { register(); return import(workerData.module); }).then(({ createHighlightCache }) => {
    const cache = createHighlightCache({ dir: workerData.dir, salt: workerData.salt });
    let torn = 0;
    for (let round = 0; round < 150; round++) {
      for (const code of ["shared-a", "shared-b", "own-" + workerData.id + "-" + round]) {
        const key = cache.keyOf(code, "yaml");
        const html = "<pre>" + code.repeat(200) + "</pre>";
        cache.write(key, html);
        const read = cache.read(key);
        if (read !== undefined && read !== html) torn++;
      }
    }
    parentPort.postMessage(torn);
    });
  `;
  const module = new URL("../../src/markdown/highlight-cache.ts", import.meta.url).href;
  const results = await Promise.all(
    [0, 1, 2, 3].map(
      (id) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(script, { eval: true, workerData: { dir, salt, id, module } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  assert.deepEqual(results, [0, 0, 0, 0], "no reader ever saw a partial entry");
  const cache = createHighlightCache({ dir, salt });
  for (const code of ["shared-a", "shared-b", "own-3-149"]) {
    assert.equal(cache.read(cache.keyOf(code, "yaml")), `<pre>${code.repeat(200)}</pre>`);
  }
  const files = readdirSync(dir, { recursive: true }).map(String);
  assert.equal(files.filter((f) => f.endsWith(".tmp")).length, 0);
  assert.equal(files.filter((f) => f.endsWith(".html")).length, 2 + 4 * 150);
});

test("a fence language that was plain text and has a grammar now is never served from the cache as plain", async () => {
  const { getCodeHighlighter } = await import("../../src/markdown/highlight.ts");
  const { createMarkdown } = await import("../../src/markdown/create-markdown.ts");
  const highlighter = await getCodeHighlighter();
  const dir = tempDir();
  const render = (markdown: string) => {
    const cached = createCachedHighlighter(highlighter, createHighlightCache({ dir, salt: "same build settings" }));
    return createMarkdown({ highlighter: cached }).render(markdown);
  };
  const colouredSpans = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelectorAll("pre.shiki span.line span[class]").length;

  // A build before the grammar was loaded (opsnote without it, or a grammar the scan missed) stores plain text.
  const scala = "```scala\nobject Main { val n: Int = 3 }\n```\n";
  assert.equal(highlighter.isLoaded("scala"), false);
  assert.equal(colouredSpans(render(scala)), 0);
  await highlighter.loadLanguages(["scala"]);
  assert.ok(colouredSpans(render(scala)) >= 3, "served the plain entry from the cache");

  // A markdown block colours its fenced code only with grammars loaded: loading one is a new key too.
  const markdown = "````markdown\n```dart\nvoid main() { print('hi'); } // one\n```\n````\n";
  const before = render(markdown);
  assert.equal(highlighter.isLoaded("dart"), false);
  await highlighter.loadLanguages(["dart"]);
  const after = render(markdown);
  assert.notEqual(after, before, "served the markdown block highlighted without dart");
  assert.equal(after, createMarkdown({ highlighter }).render(markdown), "the same as without a cache");
});
