/**
 * `npm run bench [-- --sizes 1000,4000 --seed 42 --runs 1 --preview-size 1000 --keep]`
 *
 * Generates a deterministic corpus of Korean DevOps posts in a temp folder (outside the repo),
 * builds it with opsnote cold (empty highlight cache), warm (cache present, nothing changed) and
 * after editing one post, and with plain Eleventy 3 as the reference, each build in its own
 * process (so peak RSS is that build's). Then times one-post saves in the preview (`npm start`,
 * scripts/bench/measure-reload.ts) until the page reloads. Prints a markdown table; numbers are the
 * best of `--runs` runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "./bench/corpus.ts";
import type { BuildMeasurement } from "./bench/measure-build.ts";
import type { ReloadMeasurement } from "./bench/measure-reload.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,4000" },
    seed: { type: "string", default: "42" },
    runs: { type: "string", default: "1" },
    "preview-size": { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));
const previewSize = Number(values["preview-size"]);

interface Measured extends BuildMeasurement {
  wallSeconds: number;
}

function runChild<T>(script: string, args: string[], env: Record<string, string> = {}): T & { wallSeconds: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench", script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    throw new Error(`${script} ${args.join(" ")} failed (${result.status}):\n${result.stderr || result.stdout}`);
  }
  return { ...(JSON.parse(last) as T), wallSeconds };
}

function best(measure: () => Measured): Measured {
  const all = Array.from({ length: runs }, measure);
  return all.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const ratio = (value: number, reference: number) => `${(value / reference).toFixed(2)}×`;

function editPost(file: string): void {
  // A writer's typical edit: a sentence changed and a line added to one code block.
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/\n```\n/, "\n# 수정: 한 줄 추가\n```\n").replace(/다\./, "다. 수정했다."));
}

const work = mkdtempSync(path.join(os.tmpdir(), "opsnote-bench-"));
console.error(`[bench] corpus and output in ${work}`);
const rows: string[] = [];
const notes: string[] = [];
try {
  for (const size of sizes) {
    const dir = path.join(work, String(size));
    const posts = path.join(dir, "posts");
    const names = writeCorpus(posts, size, seed);
    const env = { OPSNOTE_CACHE_DIR: path.join(dir, "cache") };
    const build = (kind: "opsnote" | "plain", output: string) => runChild<BuildMeasurement>("measure-build.ts", [kind, posts, path.join(dir, output)], env);

    console.error(`[bench] ${size} posts: plain Eleventy`);
    const plain = best(() => build("plain", "plain"));
    console.error(`[bench] ${size} posts: opsnote cold`);
    const cold = best(() => {
      rmSync(env.OPSNOTE_CACHE_DIR, { recursive: true, force: true });
      return build("opsnote", "site");
    });
    console.error(`[bench] ${size} posts: opsnote warm`);
    const warm = best(() => build("opsnote", "site"));
    console.error(`[bench] ${size} posts: opsnote after a one-post edit`);
    const edited = best(() => {
      editPost(path.join(posts, names[Math.floor(names.length / 2)]!));
      return build("opsnote", "site");
    });
    const cpu = (m: Measured) => m.cpuSeconds + m.childCpuSeconds; // Pagefind runs as a child process
    const row = (label: string, m: Measured, ref: Measured | undefined) =>
      `| ${size} | ${label} | ${m.wallSeconds.toFixed(2)} s | ${cpu(m).toFixed(2)} s | ${mib(m.peakRssBytes)} | ${Math.round(m.pages / m.wallSeconds)} | ${ref ? ratio(m.wallSeconds, ref.wallSeconds) : "1.00×"} | ${ref ? ratio(cpu(m), cpu(ref)) : "1.00×"} | ${ref ? ratio(m.peakRssBytes, ref.peakRssBytes) : "1.00×"} |`;
    rows.push(row("plain Eleventy 3 (reference)", plain, undefined), row("opsnote cold", cold, plain), row("opsnote warm", warm, plain), row("opsnote one post edited", edited, plain));

    if (size === previewSize) {
      console.error(`[bench] ${size} posts: one-post edits in the preview (npm start)`);
      const reload = runChild<ReloadMeasurement>("measure-reload.ts", ["--posts", posts, "--json", "5"], env);
      const list = (values: number[]) => values.map((ms) => Math.round(ms)).join(" / ");
      notes.push(
        `Preview (\`npm start\`, ${size} posts, cache warm): a body edit of one post reloaded the page after ${list(reload.reloadMs)} ms ` +
          `(median ${Math.round(reload.medianReloadMs)} ms, from the file write to the server's reload event); ` +
          `Eleventy's rebuild that follows it finished after ${list(reload.rebuildMs)} ms (median ${Math.round(reload.medianRebuildMs)} ms); ` +
          `first build ${reload.firstBuildSeconds.toFixed(2)} s.`,
      );
    }
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

const memory = mib(os.totalmem());
const header = [
  `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${memory} RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}.`,
  `Corpus seed ${seed}; best of ${runs} run(s); wall time includes process start-up (Node + tsx, both builds alike).`,
  "",
  "| posts | build | wall | CPU (user+sys, Pagefind included) | peak RSS | pages/s | wall vs reference | CPU vs reference | RSS vs reference |",
  "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
];
console.log([...header, ...rows, "", ...notes].join("\n"));
try {
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  console.log(`\nopsnote commit ${commit}.`);
} catch {
  // not a git checkout: the table stands without the commit
}
