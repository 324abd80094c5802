/**
 * shiki's regex engine is loaded from the WebAssembly file shiki ships (src/markdown/highlight.ts), not
 * from its inlined copy, whose unzipping through `new Response(...)` loaded Node's fetch implementation
 * (undici) into every process that highlights: 0.1 s of CPU in each build, preview and worker.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../helpers/paths.ts";

test("highlighting in a fresh process loads the engine without loading undici, and highlights", () => {
  // A process of its own: this one may have loaded undici for another reason.
  const script = [
    'const { getCodeHighlighter } = await import("./src/markdown/highlight.ts");',
    "const highlighter = await getCodeHighlighter();",
    'const html = highlighter.highlight("apiVersion: v1\\nkind: Pod", "yaml");',
    'console.log(JSON.stringify({ undici: process.moduleLoadList.filter((name) => name.includes("undici")), tokens: (html.match(/<span/g) ?? []).length }));',
  ].join("\n");
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  const seen = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { undici: string[]; tokens: number };
  assert.deepEqual(seen.undici, [], "undici was loaded");
  assert.ok(seen.tokens >= 4, `the YAML was not highlighted: ${child.stdout}`);
});
