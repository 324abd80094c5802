import { test } from "node:test";
import assert from "node:assert/strict";
import { formatRatio, formatSpread, mebibytes, seconds, summarize } from "../../scripts/bench/summary.ts";

test("summarize: median of an odd count is the middle run, whatever the order measured", () => {
  const spread = summarize([12.5, 9.1, 30.2]);
  assert.deepEqual({ median: spread.median, min: spread.min, max: spread.max }, { median: 12.5, min: 9.1, max: 30.2 });
  assert.deepEqual(spread.values, [12.5, 9.1, 30.2], "every run is kept, in the order measured");
});

test("summarize: median of an even count is the mean of the two middle runs", () => {
  assert.equal(summarize([4, 1, 3, 2]).median, 2.5);
});

test("summarize: a slow run stays in min–max; only the median leaves it out", () => {
  const spread = summarize([10, 11, 95]);
  assert.equal(spread.median, 11);
  assert.equal(spread.max, 95);
});

test("summarize: no finite value is an error, not a zero", () => {
  assert.throws(() => summarize([]), /no measured values/);
  assert.throws(() => summarize([Number.NaN]), /no measured values/);
});

test("formatSpread prints median (min–max), and one run alone", () => {
  assert.equal(formatSpread(summarize([9.14, 12.46, 10.01]), seconds, "s"), "10.0 s (9.1–12.5)");
  assert.equal(formatSpread(summarize([512 * 2 ** 20]), mebibytes), "512");
});

test("formatRatio: value over comparator, a dash when the comparator was not measured", () => {
  assert.equal(formatRatio(30, 20), "1.50×");
  assert.equal(formatRatio(30, undefined), "–");
  assert.equal(formatRatio(30, 0), "–");
});
