/**
 * Tags and categories written several ways that share a slug (`KV Cache` / `kv-cache`) are one term
 * on a real build: one page listing every post, the most used spelling shown, one warning naming the
 * spellings and files, never an error; `npm run check` prints the same line (issue 15, X7).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";
import { runCli } from "../helpers/run-cli.ts";

const posts = await writeTempFolder("merged-terms", {
  "2024-01-01-first.md": "---\ntitle: 첫 글\ntags: [KV Cache, GPU]\ncategories: [Service Mesh]\n---\n\n본문\n",
  "2024-02-01-second.md": "---\ntitle: 둘째 글\ntags: [kv-cache]\ncategories: [service-mesh]\n---\n\n본문\n",
  "2024-03-01-third.md": "---\ntitle: 셋째 글\ntags: [KV Cache, kv-cache]\ncategories: [service-mesh]\n---\n\n[태그](/tags/kv-cache/)\n",
});

const warnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
const site = await buildTempSite(posts).finally(() => {
  console.warn = warn;
});
const spellingLines = (lines: readonly string[]) => lines.filter((line) => / are one (tag|category) at /.test(line));

test("one tag page at the shared slug lists every post, under the most used spelling", async () => {
  const doc = await site.page("/tags/kv-cache/");
  assert.match(doc.querySelector("h1")?.textContent ?? "", /KV Cache/);
  const titles = [...doc.querySelectorAll("main a")].map((a) => a.textContent?.trim()).filter((t) => /글$/.test(t ?? ""));
  assert.deepEqual(titles.sort(), ["둘째 글", "셋째 글", "첫 글"]);
  // Each post shows the tag once, spelt as the site spells it.
  const third = await site.page("/service-mesh/third/");
  const tagLinks = [...third.querySelectorAll('a[href="/tags/kv-cache/"]')].filter((a) => !a.closest(".post__content"));
  assert.deepEqual(tagLinks.map((a) => a.textContent?.replace(/^#/, "").trim()), ["KV Cache"]);
});

test("a tie goes to the spelling of the oldest post: the category is shown as \"service-mesh\" (2) over \"Service Mesh\" (1)", async () => {
  const doc = await site.page("/categories/service-mesh/");
  assert.match(doc.querySelector("h1")?.textContent ?? "", /service-mesh/);
});

test("the build warns once per merged term, naming spellings and files, and `check` prints the same lines with exit 0", async () => {
  const built = spellingLines(warnings);
  assert.equal(built.length, 2, warnings.join("\n"));
  const tag = built.find((line) => line.includes("/tags/kv-cache/"))!;
  assert.match(tag, / warning tags: "KV Cache" \(.*2024-01-01-first\.md, .*2024-03-01-third\.md\), "kv-cache" \(.*2024-02-01-second\.md\) are one tag at \/tags\/kv-cache\/, shown as "KV Cache"/);
  const check = await runCli("src/cli/check.ts", ["--posts", posts]);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  const strip = (line: string) => line.replace(/^\[opsnote\] /, "").replace(posts + path.sep, "");
  assert.deepEqual(spellingLines(check.stdout.split("\n")).map(strip).sort(), built.map(strip).sort());
});
