import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { parseHTML } from "linkedom";
import { createCachedHighlighter, createHighlightCache, removeFileEntries } from "../../src/markdown/highlight-cache.ts";
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

test("a miss highlights and stores; the same block again is a hit, also in a new process's cache object after the save", () => {
  const dir = tempDir();
  const inner = countingHighlighter();
  const cache = createHighlightCache({ dir, salt: "s1" });
  const first = createCachedHighlighter(inner, cache);
  assert.equal(first.highlight("a: 1", "yaml"), `<pre data-lang="yaml">a: 1</pre>`);
  assert.equal(first.highlight("a: 1", "yaml"), `<pre data-lang="yaml">a: 1</pre>`);
  assert.deepEqual(inner.calls, ["yaml:a: 1"]);
  assert.equal(cache.save(), true);
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

test("a pack written under another salt (shiki, theme or renderer version) is a miss, not served", () => {
  const dir = tempDir();
  const old = createHighlightCache({ dir, salt: "shiki@4.6.0" });
  old.write("k", "<pre>old</pre>");
  old.save();
  const newer = createHighlightCache({ dir, salt: "shiki@4.7.0" });
  assert.equal(newer.read("k"), undefined, "same key, other salt");
  assert.equal(newer.isEmpty(), true, "a cold build for the workers");
  assert.equal(createHighlightCache({ dir, salt: "shiki@4.6.0" }).read("k"), "<pre>old</pre>");
});

test("one file for the whole cache, written once; a build that added nothing writes nothing", () => {
  const dir = tempDir();
  const cache = createHighlightCache({ dir, salt: "s" });
  const inner = createCachedHighlighter(countingHighlighter(), cache);
  for (let i = 0; i < 50; i++) inner.highlight(`n: ${i}`, "yaml");
  assert.deepEqual(readdirSync(dir), [], "nothing written during the build");
  cache.save();
  assert.deepEqual(readdirSync(dir), ["highlight.pack"]);
  const warm = createHighlightCache({ dir, salt: "s" });
  const before = statSync(cache.file).mtimeMs;
  for (let i = 0; i < 50; i++) assert.ok(warm.read(warm.keyOf(`n: ${i}`, "yaml")));
  assert.equal(warm.save(), false);
  assert.equal(statSync(cache.file).mtimeMs, before);
});

test("a save keeps the entries this build used (read, written or marked used) and drops the others", () => {
  const dir = tempDir();
  const first = createHighlightCache({ dir, salt: "s" });
  for (const key of ["read", "marked", "unused"]) first.write(key, `<pre>${key}</pre>`);
  first.save();
  const second = createHighlightCache({ dir, salt: "s" });
  second.read("read");
  second.markUsed("marked");
  second.write("new", "<pre>new</pre>");
  second.save();
  const third = createHighlightCache({ dir, salt: "s" });
  assert.deepEqual(["read", "marked", "unused", "new"].map((key) => third.read(key)), ["<pre>read</pre>", "<pre>marked</pre>", undefined, "<pre>new</pre>"]);
});

test("a truncated, torn, corrupted or foreign pack is a miss for every entry, never a wrong value, and rewritten whole", () => {
  const dir = tempDir();
  const salt = "s";
  const cache = createHighlightCache({ dir, salt });
  const values = new Map(Array.from({ length: 20 }, (_, i) => [cache.keyOf(`k: ${i}`, "yaml"), `<pre>값 ${i} ${"x".repeat(i * 10)}</pre>`]));
  for (const [key, html] of values) cache.write(key, html);
  cache.save();
  const good = readFileSync(cache.file);
  const other = createHighlightCache({ dir: tempDir(), salt: "another shiki" });
  for (const [key, html] of values) other.write(key, html.replace("값", "틀린 값"));
  other.save();

  const headerEnd = good.indexOf(0x0a) + 1;
  const lastValue = [...values.values()].at(-1)!;
  const flipped = Buffer.from(good);
  flipped[good.length - 10] = flipped[good.length - 10]! ^ 0x01; // same length, one bit of the last value changed
  const damages: [string, Buffer][] = [
    ["truncated", good.subarray(0, good.length - 7)],
    ["torn mid-write: the first half", good.subarray(0, Math.floor(good.length / 2))],
    ["header only", good.subarray(0, headerEnd)],
    ["empty", Buffer.alloc(0)],
    ["one bit changed", flipped],
    ["bytes appended", Buffer.concat([good, Buffer.from(lastValue)])],
    ["another salt's pack", readFileSync(other.file)],
    ["another format", Buffer.concat([Buffer.from("opsnote-cache-pack/0"), good.subarray(good.indexOf(0x20))])],
    ["not a pack", Buffer.from("<pre>hello</pre>\n")],
  ];
  for (const [label, damaged] of damages) {
    writeFileSync(cache.file, damaged);
    const reader = createHighlightCache({ dir, salt });
    for (const key of values.keys()) assert.equal(reader.read(key), undefined, `${label}: must be a miss`);
    const inner = countingHighlighter();
    const cached = createCachedHighlighter(inner, reader);
    assert.equal(cached.highlight("k: 3", "yaml"), `<pre data-lang="yaml">k: 3</pre>`, `${label}: highlighted again`);
    assert.equal(inner.calls.length, 1, `${label}: was a miss`);
    reader.save();
    assert.equal(createHighlightCache({ dir, salt }).read(reader.keyOf("k: 3", "yaml")), `<pre data-lang="yaml">k: 3</pre>`, `${label}: rewritten whole`);
  }
});

test("a temp file left by a killed build is never read, and the next save removes it", () => {
  const dir = tempDir();
  const cache = createHighlightCache({ dir, salt: "s" });
  cache.write("k", "<pre>whole</pre>");
  cache.save();
  // A build (a process that is gone) killed after writing half of its new pack.
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  const temp = `${cache.file}.${dead.stdout}-0.tmp`;
  writeFileSync(temp, readFileSync(cache.file).subarray(0, 40));
  const next = createHighlightCache({ dir, salt: "s" });
  assert.equal(next.read("k"), "<pre>whole</pre>");
  next.write("k2", "<pre>2</pre>");
  next.save();
  assert.deepEqual(readdirSync(dir), ["highlight.pack"]);
});

test("builds saving the same pack at once (4 threads, same and different keys) leave one whole pack and no temp files", async () => {
  const dir = tempDir();
  const salt = "concurrent";
  const script = `
    const { workerData, parentPort } = require("node:worker_threads");
    // Node 20 workers do not inherit tsx's hooks in time: register them for this thread.
    import("tsx/esm/api").then(({ register }) => { register(); return import(workerData.module); }).then(({ createHighlightCache }) => {
    let wrong = 0;
    for (let round = 0; round < 30; round++) {
      const cache = createHighlightCache({ dir: workerData.dir, salt: workerData.salt });
      for (const code of ["shared-a", "shared-b", "own-" + workerData.id + "-" + round]) {
        const key = cache.keyOf(code, "yaml");
        const read = cache.read(key);
        if (read !== undefined && read !== "<pre>" + code.repeat(200) + "</pre>") wrong++;
        cache.write(key, "<pre>" + code.repeat(200) + "</pre>");
      }
      cache.save();
    }
    parentPort.postMessage(wrong);
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
  assert.deepEqual(results, [0, 0, 0, 0], "no reader ever got a wrong value");
  const cache = createHighlightCache({ dir, salt });
  for (const code of ["shared-a", "shared-b"]) assert.equal(cache.read(cache.keyOf(code, "yaml")), `<pre>${code.repeat(200)}</pre>`);
  assert.deepEqual(readdirSync(dir), ["highlight.pack"]);
});

test("the entry files of the cache before the pack are removed; other folders stay", () => {
  const dir = tempDir();
  const key = "a".repeat(64);
  mkdirSync(path.join(dir, "aa"));
  writeFileSync(path.join(dir, "aa", `${key}.html`), "old entry");
  mkdirSync(path.join(dir, "bb"));
  writeFileSync(path.join(dir, "bb", "notes.txt"), "someone else's");
  mkdirSync(path.join(dir, "check"));
  removeFileEntries([dir, path.join(dir, "missing")]);
  assert.deepEqual(readdirSync(dir).sort(), ["bb", "check"]);
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
