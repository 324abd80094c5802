/**
 * The search section of `npm run bench -- --search`: what the Korean analysis adds to the search
 * index (issue 19's target: ≤ 20% more bytes and time). Each run is one
 * `scripts/search/measure-index.ts SITE plain|analyzed` over the site the bench built: the same
 * search documents indexed without analysis (plain Pagefind, as `OPSNOTE_SEARCH_ANALYSIS=0`
 * builds) and with it (stem and compound marks, the query vocabulary file).
 */
import { formatRatio, formatSpread, seconds, summarize } from "./summary.ts";

export const SEARCH_MODES = ["plain", "analyzed"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** The fields of measure-index.ts's JSON line the bench reads. */
export interface SearchIndexMeasurement {
  mode: SearchMode;
  pages: number;
  /** Bytes of the written `pagefind/` folder (the vocabulary file included when analysed). */
  indexBytes: number;
  /** Wall seconds from the documents in memory to the index written. */
  indexSeconds: number;
  /** CPU seconds of the same span: the Node process and the Pagefind binary. */
  indexCpuSeconds: number;
}

export interface SearchIndexRun extends SearchIndexMeasurement {
  size: number;
  round: number;
}

/** Highest ratio of analysed to plain the issue allows, for bytes and for time. */
export const SEARCH_INDEX_LIMIT = 1.2;

/** The measurement in one line of measure-index.ts's output; throws with the output when there is none. */
export function parseSearchIndexLine(stdout: string, mode: SearchMode): SearchIndexMeasurement {
  const line = stdout.trim().split("\n").find((text) => text.startsWith("{") && text.includes(`"mode":"${mode}"`));
  if (!line) throw new Error(`measure-index.ts printed no ${mode} measurement; its output ends: ${JSON.stringify(stdout.trim().split("\n").slice(-3).join(" / "))}`);
  const parsed = JSON.parse(line) as Partial<SearchIndexMeasurement>;
  for (const field of ["pages", "indexBytes", "indexSeconds", "indexCpuSeconds"] as const) {
    if (typeof parsed[field] !== "number") throw new Error(`measure-index.ts ${mode}: field ${field}: expected a number, got ${JSON.stringify(parsed[field])}`);
  }
  return parsed as SearchIndexMeasurement;
}

const percent = (value: number, base: number) => `${value >= base ? "+" : ""}${(((value - base) / base) * 100).toFixed(1)}%`;
const bytes = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * A markdown table (one row per size: bytes, wall and CPU seconds, plain → analysed, median
 * (min–max) of the rounds) and one line per size against the target.
 */
export function searchIndexReport(runs: readonly SearchIndexRun[]): string[] {
  const sizes = [...new Set(runs.map((run) => run.size))].sort((a, b) => a - b);
  const lines = [
    "| posts | pages indexed | index bytes, plain → analysed | index wall s, plain → analysed | index CPU s (Node + Pagefind), plain → analysed |",
    "|---:|---:|---:|---:|---:|",
  ];
  const verdicts: string[] = [];
  for (const size of sizes) {
    const of = (mode: SearchMode) => runs.filter((run) => run.size === size && run.mode === mode);
    const plain = of("plain");
    const analysed = of("analyzed");
    if (plain.length === 0 || analysed.length === 0) {
      verdicts.push(`${size} posts: search index not compared (${plain.length} plain and ${analysed.length} analysed runs).`);
      continue;
    }
    const spread = (list: SearchIndexRun[], field: "indexBytes" | "indexSeconds" | "indexCpuSeconds") => summarize(list.map((run) => run[field]));
    const [bytesPlain, bytesAnalysed] = [spread(plain, "indexBytes"), spread(analysed, "indexBytes")];
    const [wallPlain, wallAnalysed] = [spread(plain, "indexSeconds"), spread(analysed, "indexSeconds")];
    const [cpuPlain, cpuAnalysed] = [spread(plain, "indexCpuSeconds"), spread(analysed, "indexCpuSeconds")];
    const pages = [...new Set([...plain, ...analysed].map((run) => run.pages))].join(" / ");
    lines.push(
      `| ${size} | ${pages} | ${bytes(bytesPlain.median)} → ${bytes(bytesAnalysed.median)} (${percent(bytesAnalysed.median, bytesPlain.median)}) | ` +
        `${formatSpread(wallPlain, seconds)} → ${formatSpread(wallAnalysed, seconds)} (${formatRatio(wallAnalysed.median, wallPlain.median)}) | ` +
        `${formatSpread(cpuPlain, seconds)} → ${formatSpread(cpuAnalysed, seconds)} (${formatRatio(cpuAnalysed.median, cpuPlain.median)}) |`,
    );
    const ratios = { bytes: bytesAnalysed.median / bytesPlain.median, wall: wallAnalysed.median / wallPlain.median, cpu: cpuAnalysed.median / cpuPlain.median };
    const over = Object.entries(ratios).filter(([, ratio]) => ratio > SEARCH_INDEX_LIMIT).map(([name]) => name);
    verdicts.push(
      `${size} posts, medians: the Korean analysis adds ${percent(bytesAnalysed.median, bytesPlain.median)} index bytes, ` +
        `${formatRatio(wallAnalysed.median, wallPlain.median)} index wall time, ${formatRatio(cpuAnalysed.median, cpuPlain.median)} index CPU ` +
        `(target ≤ ${SEARCH_INDEX_LIMIT.toFixed(2)}×: ${over.length === 0 ? "met" : `NOT met for ${over.join(", ")}`})`,
    );
  }
  return [...lines, "", ...verdicts.map((line) => `- ${line}`)];
}
