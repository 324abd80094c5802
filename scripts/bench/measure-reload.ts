/**
 * Measures save-to-reload time of the preview: starts `src/cli/preview.ts` on a posts folder,
 * listens to its event stream like a browser page does, rewrites one post's body and times how long
 * it takes until the server announces the new build (the moment an open page reloads: the fast
 * path, src/preview/fast-path.ts), then until Eleventy's own rebuild after it has finished
 * (`[opsnote] built (N)`; it announces nothing when the pages it wrote were already up to date).
 *
 *   node --import tsx scripts/bench/measure-reload.ts [COUNT=1000] [ROUNDS=5] [-- extra preview flags]
 *   node --import tsx scripts/bench/measure-reload.ts --posts DIR --json [ROUNDS]   (from scripts/bench.ts)
 *
 * Without `--posts`, COUNT posts are generated in a temporary folder. With `--json`, the last line
 * printed is a ReloadMeasurement.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generatePosts } from "../generate-posts.ts";
import { BUILD_NODE_FLAGS } from "../../src/cli/heap.ts";

export interface ReloadMeasurement {
  posts: number;
  firstBuildSeconds: number;
  /** Save to build event, each round (ms). */
  reloadMs: number[];
  medianReloadMs: number;
  /** Save to the end of Eleventy's rebuild after it, each round (ms). */
  rebuildMs: number[];
  medianRebuildMs: number;
}

const { values, positionals } = parseArgs({
  options: { posts: { type: "string" }, json: { type: "boolean", default: false } },
  allowPositionals: true,
});
// With --posts there is no COUNT (an empty one stands in): the positionals start at ROUNDS.
const [countText = "1000", roundsText = "5", ...extra] = values.posts === undefined ? positionals : ["", ...positionals];
const log = values.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
const root = await mkdtemp(path.join(os.tmpdir(), "opsnote-reload-"));
const posts = values.posts === undefined ? path.join(root, "posts") : path.resolve(values.posts);
const names = values.posts === undefined
  ? await generatePosts(posts, Number(countText))
  : (await readdir(posts)).filter((name) => name.endsWith(".md")).sort();

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
// With the Node flags `npm start` gives the preview (src/cli/start.ts).
const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, "src/cli/launch.mjs", "preview", "--port", String(port), "--posts", posts, "--output", path.join(root, "out"), ...extra], {
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
});
child.stderr.resume();
// The preview runs in its own process group: stopped from outside (the bench's time limit), end it too.
process.once("SIGINT", () => {
  process.kill(-child.pid!, "SIGTERM");
  process.exit(130);
});
let output = "";
/** Resolves once the preview has printed `built (n)`: Eleventy's `n`-th build finished. */
const built = (n: number) => new Promise<void>((resolve, reject) => {
  const look = () => {
    if (output.includes(`built (${n})`)) resolve();
    else if (child.exitCode !== null) reject(new Error(`preview exited:\n${output}`));
    else setTimeout(look, 5);
  };
  look();
});
const listening = new Promise<void>((resolve, reject) => {
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    if (output.includes("preview at ")) resolve();
  });
  child.once("exit", () => reject(new Error(`preview exited:\n${output}`)));
});

try {
  const started = performance.now();
  await listening;
  const events = await fetch(`http://127.0.0.1:${port}/__opsnote/events`);
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const nextBuild = async (): Promise<string> => {
    for (;;) {
      const match = /event: build\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return match[1]!;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("event stream closed");
      buffer += value;
    }
  };
  await nextBuild();
  const firstBuildSeconds = (performance.now() - started) / 1000;
  log(`first build of ${names.length} posts: ${firstBuildSeconds.toFixed(1)} s`);
  const file = path.join(posts, names[Math.floor(names.length / 2)]!);
  const original = await readFile(file, "utf8");
  const times: number[] = [];
  const rebuilds: number[] = [];
  for (let round = 1; round <= Number(roundsText); round++) {
    await new Promise((r) => setTimeout(r, 500));
    const saved = performance.now();
    await writeFile(file, `${original}\n수정 ${round}\n`);
    const event = await nextBuild();
    times.push(performance.now() - saved);
    // Each save is one more Eleventy build; the next round starts once it is done.
    await built(round + 1);
    rebuilds.push(performance.now() - saved);
    const pages = event.includes(" ") ? ` (reload of ${event.slice(event.indexOf(" ") + 1)})` : " (every page reloads)";
    log(`save ${round}: ${times.at(-1)!.toFixed(0)} ms to the build event${pages}; Eleventy's rebuild done after ${rebuilds.at(-1)!.toFixed(0)} ms`);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  log(`build event: median ${median(times).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms`);
  log(`Eleventy's rebuild: median ${median(rebuilds).toFixed(0)} ms, best ${Math.min(...rebuilds).toFixed(0)} ms`);
  const leftover = /event: build\ndata: .*\n\n/.exec(buffer);
  if (leftover) log(`unexpected extra build event after the rebuilds: ${leftover[0].trim()}`);
  await writeFile(file, original);
  if (values.json) {
    const measurement: ReloadMeasurement = {
      posts: names.length, firstBuildSeconds, reloadMs: times, medianReloadMs: median(times), rebuildMs: rebuilds, medianRebuildMs: median(rebuilds),
    };
    console.log(JSON.stringify(measurement));
  }
  await reader.cancel();
} finally {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  // The preview's background search index may still be renaming its temp folder (ENOTEMPTY): retry.
  await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
