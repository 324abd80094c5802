/**
 * One measured build, run in its own process by `scripts/bench.ts` so that peak RSS belongs to this
 * build alone. Prints one JSON line: pages written, seconds inside the process, CPU seconds
 * (user + system, worker threads included), CPU seconds of child processes (the Pagefind binary;
 * Linux only, 0 elsewhere) and peak RSS.
 *
 *   node --import tsx scripts/bench/measure-build.ts opsnote|plain|paged|shiki POSTS OUTPUT
 *
 * `plain` is Eleventy 3 as it comes (plain-eleventy.config.mjs), `paged` the same pages from the posts
 * as data in one paginated template (paged-eleventy.config.mjs), `shiki` the naive Eleventy + shiki
 * setup (naive-shiki.config.mjs), `opsnote` the repo's own build.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../../src/cli/build-site.ts";
import { limitHeapGrowth } from "../../src/cli/heap.ts";

export interface BuildMeasurement {
  pages: number;
  seconds: number;
  cpuSeconds: number;
  /** Child processes that ended (Pagefind): not in `cpuSeconds`. */
  childCpuSeconds: number;
  peakRssBytes: number;
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces): state is [0], ppid [1]. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of this process's children that ended and were reaped (cutime + cstime). Waits up to
 * 2 s for a Pagefind child still present (a stopped Pagefind is reaped on a later turn of the event
 * loop), but not for tsx's esbuild service, which lives as long as this process: waiting for it added
 * 2 s to the wall time of every build measured from outside.
 */
async function childCpuSeconds(): Promise<number> {
  if (!procStat("self")) return 0;
  const pagefindChildren = () => readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid) || procStat(pid)?.[1] !== String(process.pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("pagefind");
    } catch {
      return false;
    }
  });
  for (let waited = 0; pagefindChildren().length > 0 && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const fields = procStat("self")!;
  return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks: USER_HZ is 100 on Linux
}

const COMPARATOR_CONFIGS = { plain: "plain-eleventy.config.mjs", paged: "paged-eleventy.config.mjs", shiki: "naive-shiki.config.mjs" } as const;

async function buildComparator(kind: keyof typeof COMPARATOR_CONFIGS, posts: string, output: string): Promise<number> {
  const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), COMPARATOR_CONFIGS[kind]);
  const eleventy = new Eleventy(posts, output, { configPath, quietMode: true, source: "cli", runMode: "build" });
  const [, templates] = (await eleventy.write()) as unknown as [unknown, unknown[]];
  return templates.length;
}

const [kind, posts, output] = process.argv.slice(2);
const isComparator = (name: string | undefined): name is keyof typeof COMPARATOR_CONFIGS => name !== undefined && Object.hasOwn(COMPARATOR_CONFIGS, name);
if ((kind !== "opsnote" && !isComparator(kind)) || !posts || !output) {
  console.error(`usage: measure-build.ts opsnote|${Object.keys(COMPARATOR_CONFIGS).join("|")} POSTS OUTPUT`);
  process.exit(2);
}
// opsnote's commands bound the heap's growth (src/cli/heap.ts); measure the build as `npm run build` runs it.
if (kind === "opsnote") limitHeapGrowth();
const started = performance.now();
const pages = kind === "opsnote" ? (await buildSite({ posts, output })).pages : await buildComparator(kind, posts, output);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
const measurement: BuildMeasurement = {
  pages,
  seconds,
  cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  childCpuSeconds: await childCpuSeconds(),
  peakRssBytes: usage.maxRSS * 1024,
};
console.log(JSON.stringify(measurement));
