/**
 * The highlighting phase of a cold build alone: every fenced block of a posts folder highlighted into
 * an empty highlight cache, on this thread only (as the renderer does with `OPSNOTE_HIGHLIGHT_WORKERS=0`)
 * or by `prefillHighlightCache` with N workers besides this thread (a cold build's default). Whole
 * builds vary too much on a shared machine to show a few seconds; this phase can be timed on its own.
 * Prints one JSON line. Run the two modes alternately:
 *
 *   node --import tsx scripts/bench/measure-highlight.ts POSTS 0
 *   node --import tsx scripts/bench/measure-highlight.ts POSTS 1
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getCodeHighlighter, getHighlightSalt } from "../../src/markdown/highlight.ts";
import { createHighlightCache } from "../../src/markdown/highlight-cache.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { collectCodeBlocks, prefillHighlightCache } from "../../src/markdown/prefill-highlight-cache.ts";

const [posts, workersArg] = process.argv.slice(2);
const workers = Number(workersArg);
if (!posts || !Number.isInteger(workers) || workers < 0) {
  console.error("usage: node --import tsx scripts/bench/measure-highlight.ts POSTS WORKERS");
  process.exit(2);
}

const highlighter = await getCodeHighlighter();
const salt = await getHighlightSalt();
const md = createMarkdown({ highlighter });
const dir = mkdtempSync(path.join(os.tmpdir(), "opsnote-highlight-bench-"));
const cache = createHighlightCache({ dir, salt });
const started = performance.now();
const cpu = process.cpuUsage();
let blocks = 0;
try {
  if (workers === 0) {
    for (const file of readdirSync(posts, { recursive: true, encoding: "utf8" }).filter((name) => /\.(md|markdown)$/i.test(name))) {
      for (const block of collectCodeBlocks(md, readFileSync(path.join(posts, file), "utf8"), highlighter)) {
        const key = cache.keyOf(block.code, block.language);
        if (cache.has(key)) continue;
        cache.write(key, highlighter.highlight(block.code, block.language));
        blocks++;
      }
    }
  } else {
    blocks = (await prefillHighlightCache({ inputDir: posts, md, highlighter, cache, workers, minBlocksForWorkers: 0 })).misses;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({
  workers,
  blocks,
  seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
}));
