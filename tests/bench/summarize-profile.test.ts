import { test } from "node:test";
import assert from "node:assert/strict";
import { compareProfiles, selfTimes, type Profile } from "../../scripts/bench/summarize-profile.ts";

/** A profile whose samples give each function the self time asked for (one sample per entry, µs). */
function profile(functions: [name: string, url: string, line: number, micros: number][]): Profile {
  return {
    nodes: functions.map(([functionName, url, lineNumber], index) => ({ id: index + 1, callFrame: { functionName, url, lineNumber } })),
    samples: functions.map((_, index) => index + 1),
    timeDeltas: functions.map(([, , , micros]) => micros),
  };
}

const render = (line: number, micros: number): [string, string, number, number] => ["render", "file:///x/node_modules/markdown-it/index.mjs", line, micros];

test("selfTimes: by function (name, shortened path, line) and by package", () => {
  const times = selfTimes(profile([render(9, 2e6), ["buildPost", "file:///repo/src/content/post.ts", 4, 1e6], ["(garbage collector)", "", -1, 5e5]]));
  assert.equal(times.total, 3.5e6);
  assert.equal(times.byFunction.get("render markdown-it/index.mjs:10"), 2e6);
  assert.equal(times.byPackage.get("opsnote src/content"), 1e6);
  assert.equal(times.byPackage.get("(native/gc/idle)"), 5e5);
});

test("compareProfiles: means per side, largest change first, a moved line is the same function", () => {
  const before = [profile([render(9, 1e6)]), profile([render(9, 3e6)])];
  const after = [profile([render(40, 2e6), ["keepOut", "file:///repo/src/search/x.ts", 1, 1.5e6]])];
  const lines = compareProfiles(before, after).split("\n");
  const functionRows = lines.slice(lines.findIndex((line) => line.endsWith("| function |")) + 2);
  assert.deepEqual(functionRows, [
    "| 0.00 s | 1.50 s | +1.50 s | `keepOut src/search/x.ts` |",
    "| 2.00 s | 2.00 s | +0.00 s | `render markdown-it/index.mjs` |",
  ]);
  assert.match(lines[0]!, /2\.00 s before, 3\.50 s after \(means of 2 and 1 profiles\)/);
});
