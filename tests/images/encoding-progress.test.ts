/**
 * The progress line of a first build that encodes many images (encoding-progress.ts) and the store's
 * `encoding()` count it reads: a cold build of a real blog (170 screenshots) printed nothing for
 * minutes; a warm build, which only reads manifests, must print nothing.
 */
import { after, before, mock, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { ENCODING_NOTE, encodingProgressLine, startEncodingProgress } from "../../src/images/encoding-progress.ts";
import { createImageVariants, type ImageVariants } from "../../src/images/image-variants.ts";

let dir: string;
const photos: string[] = [];
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "opsnote-encoding-progress-"));
  for (const [i, name] of ["그림1.png", "그림2.png", "그림3.png"].entries()) {
    const file = path.join(dir, name);
    await sharp({ create: { width: 400 + i, height: 100, channels: 3, background: { r: 40 * i, g: 90, b: 160 } } }).png().toFile(file);
    photos.push(file);
  }
});
after(() => rm(dir, { recursive: true, force: true }));

test("the line says how many images are done and how many are under way (no total: Eleventy reads posts in batches)", () => {
  assert.equal(encodingProgressLine({ encoded: 40, cached: 3, failed: 0 }, 2), "images: 40 encoded, 2 in progress");
  assert.equal(encodingProgressLine({ encoded: 40, cached: 3, failed: 1 }, 2), "images: 40 encoded, 2 in progress, 1 failed");
});

test("no line when nothing is being encoded (a warm build)", () => {
  assert.equal(encodingProgressLine({ encoded: 0, cached: 170, failed: 0 }, 0), undefined);
  assert.equal(encodingProgressLine({ encoded: 170, cached: 0, failed: 0 }, 0), undefined);
});

/** The distinct values of `encoding()` at every turn of the event loop while `files` are prepared, ascending. */
async function sampleEncoding(variants: ImageVariants, files: string[]): Promise<number[]> {
  const seen = new Set<number>([variants.encoding()]);
  let done = false;
  const all = Promise.all(files.map((file) => variants.prepare(file))).then(() => (done = true));
  while (!done) {
    seen.add(variants.encoding());
    await new Promise((resolve) => setImmediate(resolve));
  }
  await all;
  return [...seen].sort((a, b) => a - b);
}

test("encoding() counts images being encoded or waiting, never a cache hit", async () => {
  const cacheDir = path.join(dir, "cache");
  const cold = createImageVariants({ cacheDir, concurrency: 1 });
  const seen = await sampleEncoding(cold, photos);
  assert.equal(Math.max(...seen), 3, `every queued image is counted until it is done (saw ${seen.join(", ")})`);
  assert.equal(cold.encoding(), 0);
  assert.deepEqual(cold.counts(), { encoded: 3, cached: 0, failed: 0 });

  const warm = createImageVariants({ cacheDir });
  assert.deepEqual(await sampleEncoding(warm, photos), [0]);
  assert.deepEqual(warm.counts(), { encoded: 0, cached: 3, failed: 0 });
});

test("startEncodingProgress prints every interval while encoding, nothing once done, and stops when told", () => {
  mock.timers.enable({ apis: ["setInterval"] });
  try {
    const state = { counts: { encoded: 0, cached: 0, failed: 0 }, encoding: 3 };
    const lines: string[] = [];
    const stop = startEncodingProgress({ counts: () => state.counts, encoding: () => state.encoding }, (line) => lines.push(line), 1000);
    mock.timers.tick(999);
    assert.equal(lines.length, 0);
    mock.timers.tick(1);
    state.counts = { encoded: 2, cached: 0, failed: 0 };
    state.encoding = 1;
    mock.timers.tick(1000);
    state.counts = { encoded: 3, cached: 0, failed: 0 };
    state.encoding = 0;
    mock.timers.tick(1000);
    assert.deepEqual(lines, [`images: 0 encoded, 3 in progress (${ENCODING_NOTE})`, "images: 2 encoded, 1 in progress"], "the note is said once");
    state.encoding = 5;
    stop();
    mock.timers.tick(5000);
    assert.equal(lines.length, 2);
  } finally {
    mock.timers.reset();
  }
});
