/**
 * The preview's one-post edit, measured in its own process by `scripts/bench.ts`: Eleventy in
 * watch + incremental mode builds the site once, then one post is edited and the rebuild timed.
 * Prints one JSON line. Reports two spans: from the file write to the end of the rebuild (what a
 * writer waits for before the browser reloads; it includes chokidar's `awaitWriteFinish` delay of
 * 150 ms that Eleventy sets by default) and Eleventy's rebuild alone (beforeWatch -> afterwatch).
 *
 *   node --import tsx scripts/bench/measure-incremental.ts POSTS OUTPUT FILE_TO_EDIT
 */
import { appendFileSync } from "node:fs";
import Eleventy from "@11ty/eleventy";

export interface IncrementalMeasurement {
  initialSeconds: number;
  editToDoneMs: number;
  rebuildMs: number;
  peakRssBytes: number;
}

interface EventBus {
  on(name: string, listener: () => void): void;
}

const [posts, output, edited] = process.argv.slice(2);
if (!posts || !output || !edited) {
  console.error("usage: measure-incremental.ts POSTS OUTPUT FILE_TO_EDIT");
  process.exit(2);
}
const eleventy = new Eleventy(posts, output, { configPath: ".eleventy.ts", quietMode: true, source: "cli", runMode: "watch" });
eleventy.setIncrementalBuild(true);
const started = performance.now();
await eleventy.init();
await eleventy.watch();
const initialSeconds = (performance.now() - started) / 1000;
const events = (eleventy as unknown as { config: { events: EventBus } }).config.events;

let rebuildStart = 0;
events.on("eleventy.beforeWatch", () => (rebuildStart = performance.now()));
const done = new Promise<number>((resolve) => events.on("eleventy.afterwatch", () => resolve(performance.now())));
// Let chokidar settle before the edit, as a writer's first save comes well after the server starts.
await new Promise((resolve) => setTimeout(resolve, 1000));
const editedAt = performance.now();
appendFileSync(edited, "\n추가한 문단: 미리보기에서 바로 보여야 한다.\n");
const finishedAt = await done;
const measurement: IncrementalMeasurement = {
  initialSeconds,
  editToDoneMs: finishedAt - editedAt,
  rebuildMs: finishedAt - rebuildStart,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(measurement));
await eleventy.stopWatch();
process.exit(0);
