/**
 * `npm run bench [-- --sizes 1000,4000 --rounds 3 --seed 42 --tools plain,shiki,hugo,hugo-pagefind,opsnote
 *                    --preview-size 1000 --raw runs.json --hugo hugo --keep --search]`
 *
 * Builds one deterministic corpus of Korean DevOps posts (scripts/bench/corpus.ts, in a temp folder
 * outside the repo) with opsnote and with what a blogger would pick instead, in the same run:
 * - plain Eleventy 3 (the reference: no highlighting),
 * - naive Eleventy 3 + shiki (one theme, `codeToHtml` on every render, no cache),
 * - Hugo + Chroma, and Hugo + Chroma followed by `pagefind --site` (the same job as opsnote's build:
 *   highlighted pages and a search index), when `hugo` is on PATH; otherwise those rows are skipped
 *   and the reason is printed.
 * Each tool is built cold (its caches and output removed), warm (again, nothing changed) and after one
 * post was edited. Rounds are interleaved (each round builds every tool once, in a rotated order), so
 * the machine's drift falls on every tool alike. Every run is kept: the table prints medians with the
 * smallest and largest run. Wall, CPU (user + system of every process in the tree) and peak RSS are
 * measured from outside (scripts/bench/measure-process.ts). Then one-post saves in the preview
 * (`npm start`, scripts/bench/measure-reload.ts) are timed until the page reloads.
 * With `--search`, the search index of opsnote's site is written again at every size and round with
 * the Korean analysis off and on (scripts/search/measure-index.ts; scripts/bench/search-index.ts):
 * its bytes and its time. `--tools= --search` runs that section alone (one unmeasured build per size).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "./bench/corpus.ts";
import { hugoPost, hugoSiteFiles, writeHugoFiles } from "./bench/hugo-site.ts";
import type { BuildMeasurement } from "./bench/measure-build.ts";
import { BUILD_NODE_FLAGS } from "../src/cli/heap.ts";
import { COMMAND_ENTRIES, bundleCommands } from "../src/cli/bundle.mjs";
import { GNU_TIME, measureProcess, splitPeakRss, type ProcessMeasurement } from "./bench/measure-process.ts";
import type { ReloadMeasurement } from "./bench/measure-reload.ts";
import { SEARCH_MODES, parseSearchIndexLine, searchIndexReport, type SearchIndexRun } from "./bench/search-index.ts";
import { formatRatio, formatSpread, mebibytes, seconds, summarize } from "./bench/summary.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PAGEFIND = path.join(ROOT, "node_modules/.bin/pagefind");
const PREVIEW_TIMEOUT_MS = 15 * 60_000;

const TOOL_IDS = ["plain", "paged", "shiki", "hugo", "hugo-pagefind", "opsnote"] as const;
type ToolId = (typeof TOOL_IDS)[number];
const PHASES = ["cold", "warm", "edited"] as const;
type Phase = (typeof PHASES)[number];

const LABELS: Record<ToolId, string> = {
  plain: "plain Eleventy 3 (reference)",
  paged: "plain Eleventy 3, posts as data (one paginated template)",
  shiki: "naive Eleventy 3 + shiki",
  hugo: "Hugo + Chroma",
  "hugo-pagefind": "Hugo + Chroma, then Pagefind",
  opsnote: "opsnote",
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,4000" },
    seed: { type: "string", default: "42" },
    rounds: { type: "string", default: "3" },
    tools: { type: "string", default: TOOL_IDS.join(",") },
    "preview-size": { type: "string", default: "1000" },
    raw: { type: "string" },
    hugo: { type: "string", default: "hugo" },
    keep: { type: "boolean", default: false },
    search: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
const seed = Number(values.seed);
const rounds = Math.max(1, Number(values.rounds));
const previewSize = Number(values["preview-size"]);
const requested = values.tools.split(",").map((tool) => tool.trim()).filter(Boolean);
for (const tool of requested) {
  if (!(TOOL_IDS as readonly string[]).includes(tool)) throw new Error(`--tools: unknown tool "${tool}"; expected some of ${TOOL_IDS.join(", ")}`);
}

/** Why Hugo rows cannot run, or undefined when `hugo` answers. */
const HUGO = values.hugo;
function hugoMissing(): string | undefined {
  const probe = spawnSync(HUGO, ["version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return `${HUGO} did not run (${probe.error?.message ?? `exit ${probe.status}`}); install Hugo with \`apt-get install hugo\``;
  return undefined;
}
const hugoReason = requested.some((tool) => tool.startsWith("hugo")) ? hugoMissing() : undefined;
const hugoVersion = hugoReason === undefined && requested.some((tool) => tool.startsWith("hugo"))
  ? execFileSync(HUGO, ["version"], { encoding: "utf8" }).trim().split(" ").slice(0, 2).join(" ")
  : undefined;
const tools = requested.filter((tool): tool is ToolId => !(tool.startsWith("hugo") && hugoReason !== undefined));
const notes: string[] = [];
if (hugoReason !== undefined) {
  const line = `Hugo rows skipped: ${hugoReason}.`;
  console.error(`[bench] ${line}`);
  notes.push(line);
}
if (!existsSync(GNU_TIME)) {
  const line = `${GNU_TIME} is missing (Debian package \`time\`): CPU and peak RSS are samples of /proc every 50 ms, lower bounds.`;
  console.error(`[bench] ${line}`);
  notes.push(line);
}

interface Run {
  size: number;
  round: number;
  tool: ToolId;
  phase: Phase;
  wallSeconds: number;
  cpuSeconds: number;
  ownPeakRssBytes: number;
  childPeakRssBytes: number;
  /** False when the child's peak was only sampled (it stayed below the build's own). */
  childExact: boolean;
  childName?: string;
}

/** A writer's typical edit: a sentence changed and a line added to one code block. */
function editedText(text: string): string {
  return text.replace(/\n```\n/, "\n# 수정: 한 줄 추가\n```\n").replace(/다\./, "다. 수정했다.");
}

const commands = new Set<string>();
const shown = (command: string, args: readonly string[]) => [command, ...args].map((part) => part.replace(ROOT, ".").replace(os.tmpdir(), "$TMP")).join(" ");

/**
 * The measured builds run from an esbuild bundle, as `npm run build` does (src/cli/launch.mjs): no tsx
 * loader hooks at start-up, for opsnote and for the Eleventy builds alike. Made once, before the first
 * build, inside the repository (Node finds the packages from there).
 */
let measureScript: string | undefined;
async function bundledMeasureBuild(): Promise<string> {
  if (measureScript) return measureScript;
  mkdirSync(path.join(ROOT, ".cache"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".cache", "bench-bundle-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  await bundleCommands(dir, [...COMMAND_ENTRIES, "scripts/bench/measure-build.ts"], { root: ROOT });
  measureScript = path.join(dir, "scripts/bench/measure-build.mjs");
  return measureScript;
}

/** One measured opsnote or Eleventy build (scripts/bench/measure-build.ts). */
async function nodeBuild(kind: "opsnote" | "plain" | "paged" | "shiki", posts: string, output: string, env: NodeJS.ProcessEnv): Promise<Omit<Run, "size" | "round" | "tool" | "phase">> {
  // opsnote with the Node flags of `npm run build` (src/cli/heap.ts); the plain and naive Eleventy builds with Node's defaults.
  const flags = kind === "opsnote" ? [...BUILD_NODE_FLAGS] : [];
  const args = [...flags, await bundledMeasureBuild(), kind, posts, output];
  commands.add(`${env.OPSNOTE_CACHE_DIR ? "OPSNOTE_CACHE_DIR=<fresh or kept> " : ""}${shown("node", [...flags, path.join(ROOT, "scripts/bench/measure-build.ts (bundled)"), kind, posts, output])}`);
  // As src/cli/launch.mjs sets it for opsnote's commands (src/cli/skip-esm-resolver.ts): for every build here.
  const measured = await measureProcess(process.execPath, args, { cwd: ROOT, env: { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: "1", ...env } });
  const last = measured.stdout.trim().split("\n").at(-1) ?? "";
  const inside = JSON.parse(last) as BuildMeasurement;
  return fromMeasurement(measured, inside.peakRssBytes);
}

function fromMeasurement(measured: ProcessMeasurement, ownExactBytes?: number): Omit<Run, "size" | "round" | "tool" | "phase"> {
  const peaks = splitPeakRss(measured, ownExactBytes);
  return {
    wallSeconds: measured.wallSeconds,
    cpuSeconds: measured.cpuSeconds,
    ownPeakRssBytes: peaks.ownBytes,
    childPeakRssBytes: peaks.childBytes,
    childExact: peaks.childExact,
    childName: peaks.childBytes > 0 ? processLabel(measured.childName) : undefined,
  };
}

/** `/proc/PID/comm` keeps 15 characters: `pagefind_extended` reads `pagefind_extend`. */
function processLabel(name: string | undefined): string | undefined {
  return name?.startsWith("pagefind") ? "Pagefind" : name;
}

async function hugoBuild(site: string, cacheDir: string): Promise<ProcessMeasurement> {
  const args = ["--source", site, "--destination", path.join(site, "public"), "--cacheDir", cacheDir, "--quiet"];
  commands.add(shown(HUGO, args));
  return measureProcess(HUGO, args, { cwd: site });
}

async function pagefindRun(site: string): Promise<ProcessMeasurement> {
  const args = ["--site", path.join(site, "public")];
  commands.add(shown(PAGEFIND, args));
  return measureProcess(PAGEFIND, args, { cwd: site });
}

const work = mkdtempSync(path.join(os.tmpdir(), "opsnote-bench-"));
console.error(`[bench] corpus and output in ${work}; tools: ${tools.join(", ")}; ${rounds} round(s)`);
const runs: Run[] = [];
const searchRuns: SearchIndexRun[] = [];
const searchCommands = new Set<string>();
const previews: string[] = [];
const benchStarted = performance.now();
try {
  for (const size of sizes) {
    const dir = path.join(work, String(size));
    const posts = path.join(dir, "posts");
    const names = writeCorpus(posts, size, seed);
    const target = names[Math.floor(names.length / 2)]!;
    const original = readFileSync(path.join(posts, target), "utf8");
    const edited = editedText(original);
    const hugoSites = { hugo: path.join(dir, "hugo"), "hugo-pagefind": path.join(dir, "hugo-pagefind") };
    if (tools.some((tool) => tool.startsWith("hugo"))) {
      const corpus = names.map((fileName) => ({ fileName, text: readFileSync(path.join(posts, fileName), "utf8") }));
      for (const site of Object.values(hugoSites)) writeHugoFiles(site, hugoSiteFiles(corpus));
    }
    /** Puts `text` in the edited post of every tool's source (the posts folder and both Hugo sites). */
    const setTarget = (text: string) => {
      writeFileSync(path.join(posts, target), text);
      for (const site of Object.values(hugoSites)) if (existsSync(site)) writeHugoFiles(site, [hugoPost(target, text)]);
    };
    const opsnoteEnv = { OPSNOTE_CACHE_DIR: path.join(dir, "opsnote-cache") };

    const build = async (tool: ToolId, phase: Phase): Promise<Omit<Run, "size" | "round" | "tool" | "phase">> => {
      const output = path.join(dir, `${tool}-site`);
      switch (tool) {
        case "plain":
        case "paged":
        case "shiki":
          if (phase === "cold") rmSync(output, { recursive: true, force: true });
          return nodeBuild(tool, posts, output, {});
        case "opsnote":
          if (phase === "cold") {
            rmSync(output, { recursive: true, force: true });
            rmSync(opsnoteEnv.OPSNOTE_CACHE_DIR, { recursive: true, force: true });
          }
          return nodeBuild("opsnote", posts, output, opsnoteEnv);
        case "hugo":
        case "hugo-pagefind": {
          const site = hugoSites[tool];
          const cacheDir = path.join(dir, `${tool}-cache`);
          if (phase === "cold") {
            for (const folder of [path.join(site, "public"), path.join(site, "resources"), cacheDir]) rmSync(folder, { recursive: true, force: true });
            mkdirSync(cacheDir, { recursive: true });
          }
          const hugo = await hugoBuild(site, cacheDir);
          if (tool === "hugo") return fromMeasurement(hugo);
          // The pipeline's two steps, one after the other: times add up; Hugo is "the build" and
          // Pagefind (its Node launcher and binary) the other process.
          const pagefind = await pagefindRun(site);
          const hugoPeaks = splitPeakRss(hugo);
          return {
            wallSeconds: hugo.wallSeconds + pagefind.wallSeconds,
            cpuSeconds: hugo.cpuSeconds + pagefind.cpuSeconds,
            ownPeakRssBytes: hugoPeaks.ownBytes,
            childPeakRssBytes: pagefind.treePeakRssBytes,
            childExact: pagefind.exact,
            childName: "Pagefind",
          };
        }
      }
    };

    for (let round = 1; round <= rounds; round++) {
      const shift = (round - 1) % tools.length;
      const order = [...tools.slice(shift), ...tools.slice(0, shift)];
      for (const tool of order) {
        setTarget(original);
        for (const phase of PHASES) {
          if (phase === "edited") setTarget(edited);
          console.error(`[bench] ${size} posts, round ${round}/${rounds}: ${LABELS[tool]} ${phase}`);
          const run: Run = { size, round, tool, phase, ...(await build(tool, phase)) };
          runs.push(run);
          // Written after every run: a bench stopped halfway still leaves what it measured.
          if (values.raw) writeFileSync(values.raw, `${JSON.stringify(runs, null, 2)}\n`);
          console.error(`[bench]   ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${mebibytes(run.ownPeakRssBytes)} MiB` +
            (run.childPeakRssBytes > 0 ? ` + ${run.childName ?? "child"} ${mebibytes(run.childPeakRssBytes)} MiB` : ""));
        }
      }
    }
    setTarget(original);

    if (size === previewSize && tools.includes("opsnote")) {
      console.error(`[bench] ${size} posts: one-post edits in the preview (npm start)`);
      const args = ["--import", "tsx", path.join(ROOT, "scripts/bench/measure-reload.ts"), "--posts", posts, "--json", "5"];
      commands.add(`OPSNOTE_CACHE_DIR=<warm> ${shown("node", args)}`);
      // A preview that never reports the save (seen once on the loaded machine) must not hang the bench
      // nor lose the table: after PREVIEW_TIMEOUT_MS the measurement is reported as missing.
      const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opsnoteEnv }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: PREVIEW_TIMEOUT_MS, killSignal: "SIGINT" });
      const last = result.stdout.trim().split("\n").at(-1) ?? "";
      if (result.status !== 0 || !last.startsWith("{")) {
        const why = result.error ? `${result.error.message} (limit ${PREVIEW_TIMEOUT_MS / 60_000} min)` : `exit ${result.status}`;
        previews.push(`Preview (${size} posts): not measured: scripts/bench/measure-reload.ts ${why}; its output ends: ${JSON.stringify((result.stderr || result.stdout).trim().split("\n").slice(-3).join(" / "))}`);
        console.error(`[bench] ${previews.at(-1)}`);
      } else {
        const reload = JSON.parse(last) as ReloadMeasurement;
        const list = (ms: number[]) => ms.map((value) => Math.round(value)).join(" / ");
        previews.push(
          `Preview (\`npm start\`, ${size} posts, cache warm): a body edit of one post reloaded the page after ${list(reload.reloadMs)} ms ` +
            `(median ${Math.round(reload.medianReloadMs)} ms, target ≤ 200 ms); Eleventy's rebuild that follows it finished after ` +
            `${list(reload.rebuildMs)} ms (median ${Math.round(reload.medianRebuildMs)} ms); first build ${reload.firstBuildSeconds.toFixed(2)} s.`,
        );
      }
    }
    if (values.search) {
      const site = path.join(dir, "opsnote-site");
      if (!existsSync(site)) {
        console.error(`[bench] ${size} posts: building opsnote's site for the search index (not measured)`);
        await nodeBuild("opsnote", posts, site, opsnoteEnv);
      }
      for (let round = 1; round <= rounds; round++) {
        // Alternate which mode goes first, as the builds' rounds rotate their tools.
        for (const mode of round % 2 === 1 ? SEARCH_MODES : [...SEARCH_MODES].reverse()) {
          console.error(`[bench] ${size} posts, round ${round}/${rounds}: search index, ${mode}`);
          const args = ["--import", "tsx", path.join(ROOT, "scripts/search/measure-index.ts"), site, mode];
          searchCommands.add(shown("node", [...args.slice(0, -2), "<opsnote's site>", mode]));
          const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
          if (result.status !== 0) throw new Error(`measure-index.ts ${mode} (${size} posts): exit ${result.status}: ${result.stderr.trim().split("\n").slice(-3).join(" / ")}`);
          const run = { size, round, ...parseSearchIndexLine(result.stdout, mode) };
          searchRuns.push(run);
          console.error(`[bench]   ${run.indexSeconds.toFixed(1)} s wall, ${run.indexCpuSeconds.toFixed(1)} s CPU, ${run.indexBytes} bytes`);
        }
      }
    }
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  if (values.raw) writeFileSync(values.raw, `${JSON.stringify(runs, null, 2)}\n`);
}

// ---- report ----
const of = (size: number, tool: ToolId, phase: Phase) => runs.filter((run) => run.size === size && run.tool === tool && run.phase === phase);
const medianOf = (size: number, tool: ToolId, phase: Phase, field: "wallSeconds" | "cpuSeconds") => {
  const list = of(size, tool, phase);
  return list.length ? summarize(list.map((run) => run[field])).median : undefined;
};

const table = [
  "| posts | build | phase | wall s | CPU s (every process) | CPU / wall | peak RSS of the build, MiB | peak RSS of the largest other process, MiB | wall vs reference | CPU vs reference |",
  "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
];
const targets: string[] = [];
for (const size of sizes) {
  for (const tool of tools) {
    for (const phase of PHASES) {
      const list = of(size, tool, phase);
      if (list.length === 0) continue;
      const wall = summarize(list.map((run) => run.wallSeconds));
      const cpu = summarize(list.map((run) => run.cpuSeconds));
      const own = summarize(list.map((run) => run.ownPeakRssBytes));
      const children = list.filter((run) => run.childPeakRssBytes > 0);
      const child = children.length === list.length ? summarize(list.map((run) => run.childPeakRssBytes)) : undefined;
      const childCell = child
        ? `${formatSpread(child, mebibytes)} ${list[0]!.childName ?? ""}${list.every((run) => run.childExact) ? "" : " (sampled)"}`.trim()
        : children.length > 0 ? `${children.length} of ${list.length} runs: ${formatSpread(summarize(children.map((run) => run.childPeakRssBytes)), mebibytes)} ${children[0]!.childName ?? ""}`.trim() : "none";
      table.push(
        `| ${size} | ${LABELS[tool]} | ${phase} | ${formatSpread(wall, seconds)} | ${formatSpread(cpu, seconds)} | ${(cpu.median / wall.median).toFixed(2)} | ` +
          `${formatSpread(own, mebibytes)} | ${childCell} | ${formatRatio(wall.median, medianOf(size, "plain", phase, "wallSeconds"))} | ` +
          `${formatRatio(cpu.median, medianOf(size, "plain", phase, "cpuSeconds"))} |`,
      );
    }
  }
  if (tools.includes("opsnote")) {
    const o = (phase: Phase) => medianOf(size, "opsnote", phase, "wallSeconds");
    const oc = (phase: Phase) => medianOf(size, "opsnote", phase, "cpuSeconds");
    const warm = o("warm");
    const lines = [
      `cold vs Hugo + Chroma + Pagefind cold: wall ${formatRatio(o("cold")!, medianOf(size, "hugo-pagefind", "cold", "wallSeconds"))}, CPU ${formatRatio(oc("cold")!, medianOf(size, "hugo-pagefind", "cold", "cpuSeconds"))} (target ≤ 1.00×)`,
      `warm vs Hugo + Chroma warm: wall ${formatRatio(warm!, medianOf(size, "hugo", "warm", "wallSeconds"))}, CPU ${formatRatio(oc("warm")!, medianOf(size, "hugo", "warm", "cpuSeconds"))} (target ≤ 1.00×)`,
      `one post edited vs 1.5 × opsnote warm: wall ${formatRatio(o("edited")!, warm === undefined ? undefined : 1.5 * warm)} (target ≤ 1.00×)`,
    ];
    const opsnoteRuns = runs.filter((run) => run.size === size && run.tool === "opsnote");
    const peak = Math.max(...opsnoteRuns.map((run) => Math.max(run.ownPeakRssBytes, run.childPeakRssBytes)));
    const limit = size <= 1000 ? 600 : 1536;
    lines.push(`peak RSS of any opsnote process, largest of all ${opsnoteRuns.length} runs: ${mebibytes(peak)} MiB (target ≤ ${limit} MiB at ${size <= 1000 ? "1,000" : "4,000"} posts)`);
    targets.push(`${size} posts, medians: ${lines.map((line) => `\n- ${line}`).join("")}`);
  }
}

const minutes = (performance.now() - benchStarted) / 60_000;
let commit = "";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
} catch {
  // not a git checkout: the report stands without the commit
}
const report = [
  `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${mebibytes(os.totalmem())} MiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; ` +
    `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}.${hugoVersion ? ` ${hugoVersion}.` : ""}`,
  `opsnote ${commit || "(no git)"}; corpus seed ${seed}; ${rounds} interleaved round(s), ${minutes.toFixed(1)} min. ` +
    "Cells: median (min–max) of the rounds. Wall time includes process start-up (Node, and the modules of the Eleventy builds, from a bundle as `npm run build` runs).",
  ...(runs.length > 0 ? ["", ...table, "", ...targets] : []),
  "",
  ...previews,
  ...(searchRuns.length > 0
    ? [
        "",
        "Search index (`--search`), the same documents indexed with the Korean analysis off (`OPSNOTE_SEARCH_ANALYSIS=0`) and on; " +
          "index time is from the documents in memory to the files written (analysis, Pagefind, vocabulary), each run in its own process:",
        "",
        ...searchIndexReport(searchRuns),
        "",
        "Commands (stdout: one JSON line):",
        ...[...searchCommands].map((command) => `- \`${command}\``),
      ]
    : []),
  ...notes,
  "",
  "Commands measured (each under `/usr/bin/time -f '%U %S %M'`, its process tree sampled from /proc):",
  ...[...commands].map((command) => `- \`${command}\``),
];
console.log(report.join("\n"));
