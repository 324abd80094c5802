import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { GNU_TIME, measureProcess, parseTimeOutput, splitPeakRss } from "../../scripts/bench/measure-process.ts";

const MiB = 2 ** 20;

test("parseTimeOutput reads user, system and max RSS (KiB), also after a failed command's line", () => {
  assert.deepEqual(parseTimeOutput("1.50 0.25 204800\n"), { cpuSeconds: 1.75, maxRssBytes: 200 * MiB });
  assert.deepEqual(parseTimeOutput("Command exited with non-zero status 1\n0.10 0.00 1024\n"), { cpuSeconds: 0.1, maxRssBytes: MiB });
  assert.throws(() => parseTimeOutput("garbage"), /expected "user system maxrssKiB"/);
});

test("splitPeakRss: a tree peak above the build's own belongs to the child, exactly", () => {
  const peaks = splitPeakRss({ exact: true, treePeakRssBytes: 900 * MiB, sampledOwnPeakRssBytes: 400 * MiB, sampledChildPeakRssBytes: 850 * MiB }, 420 * MiB);
  assert.deepEqual(peaks, { ownBytes: 420 * MiB, childBytes: 900 * MiB, childExact: true });
});

test("splitPeakRss: a child below the build is known from its samples only", () => {
  const peaks = splitPeakRss({ exact: true, treePeakRssBytes: 500 * MiB, sampledOwnPeakRssBytes: 480 * MiB, sampledChildPeakRssBytes: 40 * MiB }, 500 * MiB);
  assert.deepEqual(peaks, { ownBytes: 500 * MiB, childBytes: 40 * MiB, childExact: false });
});

test("splitPeakRss: with no child, the tree's exact peak is the build's own (Hugo reports nothing itself)", () => {
  const peaks = splitPeakRss({ exact: true, treePeakRssBytes: 300 * MiB, sampledOwnPeakRssBytes: 280 * MiB, sampledChildPeakRssBytes: 0 });
  assert.deepEqual(peaks, { ownBytes: 300 * MiB, childBytes: 0, childExact: true });
});

// One real process tree: a parent that holds ~60 MiB starts a child that holds ~160 MiB. The child's
// peak must be reported as the child's, and the CPU of both counted.
const script = `
const { spawnSync } = require("node:child_process");
const held = Buffer.alloc(60 * 2 ** 20, 1);
spawnSync(process.execPath, ["-e", "const b = Buffer.alloc(160 * 2 ** 20, 1); setTimeout(() => {}, 400)"], { stdio: "inherit" });
setTimeout(() => console.log(held.length), 200);
`;

test("measureProcess: the largest child's peak RSS and the whole tree's CPU", { skip: existsSync(GNU_TIME) ? false : `${GNU_TIME} is missing (Debian package time)` }, async () => {
  const measured = await measureProcess(process.execPath, ["-e", script]);
  assert.equal(measured.exact, true);
  assert.equal(measured.stdout.trim(), String(60 * MiB));
  const peaks = splitPeakRss(measured);
  assert.ok(peaks.childBytes >= 160 * MiB, `child peak ${peaks.childBytes / MiB} MiB`);
  assert.ok(peaks.ownBytes >= 60 * MiB && peaks.ownBytes < 160 * MiB, `own peak ${peaks.ownBytes / MiB} MiB`);
  assert.equal(measured.childName, "node");
  assert.ok(measured.cpuSeconds > 0);
  assert.ok(measured.wallSeconds > 0.4, "the child's 400 ms are inside the measured wall time");
});

test("measureProcess: a failing command is an error with its output", async () => {
  await assert.rejects(measureProcess(process.execPath, ["-e", "console.error('boom'); process.exit(3)"]), /exited with 3:\nboom/);
});
