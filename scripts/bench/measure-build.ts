/**
 * One measured build, run in its own process by `scripts/bench.ts` so that peak RSS belongs to this
 * build alone. Prints one JSON line: pages written, seconds inside the process, CPU seconds
 * (user + system, worker threads included) and peak RSS.
 *
 *   node --import tsx scripts/bench/measure-build.ts opsnote|plain POSTS OUTPUT
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../../src/cli/build-site.ts";
import { limitHeapGrowth } from "../../src/cli/heap.ts";

export interface BuildMeasurement {
  pages: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
}

async function buildPlain(posts: string, output: string): Promise<number> {
  const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "plain-eleventy.config.mjs");
  const eleventy = new Eleventy(posts, output, { configPath, quietMode: true, source: "cli", runMode: "build" });
  const [, templates] = (await eleventy.write()) as unknown as [unknown, unknown[]];
  return templates.length;
}

const [kind, posts, output] = process.argv.slice(2);
if ((kind !== "opsnote" && kind !== "plain") || !posts || !output) {
  console.error("usage: measure-build.ts opsnote|plain POSTS OUTPUT");
  process.exit(2);
}
// opsnote's commands bound the heap's growth (src/cli/heap.ts); measure the build as `npm run build` runs it.
if (kind === "opsnote") limitHeapGrowth();
const started = performance.now();
const pages = kind === "plain" ? await buildPlain(posts, output) : (await buildSite({ posts, output })).pages;
const usage = process.resourceUsage();
const measurement: BuildMeasurement = {
  pages,
  seconds: (performance.now() - started) / 1000,
  cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  peakRssBytes: usage.maxRSS * 1024,
};
console.log(JSON.stringify(measurement));
