import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSearchIndexLine, searchIndexReport, type SearchIndexRun } from "../../scripts/bench/search-index.ts";

const run = (size: number, round: number, mode: "plain" | "analyzed", indexBytes: number, indexSeconds: number, indexCpuSeconds: number): SearchIndexRun => ({
  size,
  round,
  mode,
  pages: size,
  indexBytes,
  indexSeconds,
  indexCpuSeconds,
});

test("parseSearchIndexLine reads measure-index.ts's JSON line for the mode asked, among other output", () => {
  const stdout = [
    "[pagefind] some progress",
    JSON.stringify({ mode: "analyzed", pages: 4000, seconds: 30.1, indexSeconds: 24.5, indexCpuSeconds: 40.2, indexBytes: 15315419, nodePeakMiB: 900 }),
  ].join("\n");
  assert.deepEqual(
    (({ mode, pages, indexBytes, indexSeconds, indexCpuSeconds }) => ({ mode, pages, indexBytes, indexSeconds, indexCpuSeconds }))(parseSearchIndexLine(stdout, "analyzed")),
    { mode: "analyzed", pages: 4000, indexBytes: 15315419, indexSeconds: 24.5, indexCpuSeconds: 40.2 },
  );
});

test("parseSearchIndexLine: no line for the mode, or a field that is not a number, is an error naming it", () => {
  assert.throws(() => parseSearchIndexLine("Error: ENOENT site\n", "plain"), /printed no plain measurement; its output ends: "Error: ENOENT site"/);
  const old = JSON.stringify({ mode: "plain", pages: 10, seconds: 1, indexBytes: 100 });
  assert.throws(() => parseSearchIndexLine(old, "plain"), /measure-index\.ts plain: field indexSeconds: expected a number, got undefined/);
});

test("searchIndexReport: one row per size, plain → analysed as median (min–max) of the rounds, with the ratio", () => {
  const lines = searchIndexReport([
    run(1000, 1, "plain", 4_000_000, 10.0, 12.0),
    run(1000, 1, "analyzed", 4_100_000, 11.0, 13.0),
    run(1000, 2, "analyzed", 4_100_000, 30.0, 14.0),
    run(1000, 2, "plain", 4_000_000, 9.0, 11.0),
    run(1000, 3, "plain", 4_000_000, 11.0, 13.0),
    run(1000, 3, "analyzed", 4_100_000, 11.5, 13.5),
  ]);
  assert.equal(
    lines[2],
    "| 1000 | 1000 | 4,000,000 → 4,100,000 (+2.5%) | 10.0 (9.0–11.0) → 11.5 (11.0–30.0) (1.15×) | 12.0 (11.0–13.0) → 13.5 (13.0–14.0) (1.13×) |",
    "a slow run shows in min–max, not in the median",
  );
  assert.equal(lines.at(-1), "- 1000 posts, medians: the Korean analysis adds +2.5% index bytes, 1.15× index wall time, 1.13× index CPU (target ≤ 1.20×: met)");
});

test("searchIndexReport names what is over the 20% target, sizes in order, and a size with one mode missing", () => {
  const lines = searchIndexReport([
    run(4000, 1, "plain", 10_000_000, 20, 30),
    run(4000, 1, "analyzed", 13_000_000, 21, 40),
    run(100, 1, "plain", 900_000, 0.4, 0.3),
  ]);
  assert.equal(lines.filter((line) => line.startsWith("| 4000 ")).length, 1);
  assert.deepEqual(lines.filter((line) => line.startsWith("- ")), [
    "- 100 posts: search index not compared (1 plain and 0 analysed runs).",
    "- 4000 posts, medians: the Korean analysis adds +30.0% index bytes, 1.05× index wall time, 1.33× index CPU (target ≤ 1.20×: NOT met for bytes, cpu)",
  ]);
});
