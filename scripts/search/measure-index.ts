/**
 * What the search index costs, on a site already built (`npm run build`, or the bench's output):
 *
 *   node --import tsx scripts/search/measure-index.ts SITE_DIR [directory|plain|analyzed ...]
 *
 * - directory: Pagefind's `addDirectory` over the whole written site (how opsnote indexed before);
 * - plain: one search document per post (search-document.ts) through `addHTMLFile`, no analysis;
 * - analyzed: the same with the Korean stem and compound marks and the query vocabulary file.
 * Each mode writes into a temp folder and prints one JSON line: wall seconds, CPU seconds of this process
 * (and of its phases: documents, analysis, vocabulary) and of the Pagefind child, the index's bytes, and
 * the peak RSS (VmHWM) of this process and of the Pagefind child, polled from /proc. CPU seconds say
 * more than wall time on a loaded machine. `indexSeconds` and `indexCpuSeconds` (this process and
 * Pagefind) cover the index alone, from the documents in memory to the files written: what
 * `npm run bench -- --search` compares with the analysis on and off (scripts/bench/search-index.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { indexDocuments, readSiteDocuments } from "../../src/search/index-site.ts";
import { analyzeDocuments, writeQueryVocabulary } from "../../src/search/korean-index.ts";

const [site, ...modes] = process.argv.slice(2);
if (!site) {
  console.error("usage: measure-index.ts SITE_DIR [directory|plain|analyzed ...]");
  process.exit(2);
}

function peakKiB(pid: string): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Polls this process's children (the Pagefind binary) until stopped: their peak RSS, and their CPU
 * seconds (user + system, the last value seen of each: CPU time does not depend on the machine's load
 * the way wall time does).
 */
function watchChildren(): () => { peakKiB: number; cpuSeconds: number } {
  let peak = 0;
  const cpu = new Map<string, number>();
  const timer = setInterval(() => {
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (fields[1] !== String(process.pid)) continue;
        peak = Math.max(peak, peakKiB(pid));
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, USER_HZ 100
      } catch {
        // the process ended between the listing and the read
      }
    }
  }, 25);
  return () => {
    clearInterval(timer);
    return { peakKiB: peak, cpuSeconds: [...cpu.values()].reduce((a, b) => a + b, 0) };
  };
}

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const mib = (kib: number) => Math.round(kib / 1024);
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

for (const mode of modes.length > 0 ? modes : ["directory", "plain", "analyzed"]) {
  const out = mkdtempSync(path.join(os.tmpdir(), "opsnote-measure-index-"));
  const stop = watchChildren();
  const started = performance.now();
  let documentSeconds = 0;
  let analysisSeconds = 0;
  let vocabularySeconds = 0;
  let pages = 0;
  // From the documents in memory to the index written (what a build spends on search after its
  // pages): analysis, Pagefind and the vocabulary. Not for `directory`, which reads the site itself.
  let indexStarted = started;
  let indexCpuStart = cpuNow();
  if (mode === "directory") {
    const { index } = await pagefind.createIndex({ excludeSelectors: [".heading-anchor", ".term-list", ".post__meta", ".toc", ".series", ".post__footer", ".code-block__header"] });
    const added = await index!.addDirectory({ path: site });
    pages = added.page_count;
    await index!.writeFiles({ outputPath: out });
    await pagefind.close();
  } else {
    const read = cpuNow();
    const plain = await readSiteDocuments(site);
    documentSeconds = cpuNow() - read;
    indexStarted = performance.now();
    indexCpuStart = cpuNow();
    const analyzeStart = cpuNow();
    const documents = mode === "analyzed" ? analyzeDocuments(plain) : plain;
    analysisSeconds = cpuNow() - analyzeStart;
    const result = await indexDocuments(documents, out, {
      writeExtraFiles: mode === "analyzed"
        ? async (dir, docs) => {
            const vocabularyStart = cpuNow();
            await writeQueryVocabulary(dir, docs);
            vocabularySeconds = cpuNow() - vocabularyStart;
          }
        : undefined,
    });
    pages = result.pages;
  }
  const seconds = (performance.now() - started) / 1000;
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  const indexNodeCpuSeconds = cpuNow() - indexCpuStart;
  const child = stop();
  console.log(
    JSON.stringify({
      mode,
      pages,
      seconds: Number(seconds.toFixed(2)),
      indexSeconds: Number(indexSeconds.toFixed(2)),
      indexCpuSeconds: Number((indexNodeCpuSeconds + child.cpuSeconds).toFixed(2)),
      documentCpuSeconds: Number(documentSeconds.toFixed(2)),
      analysisCpuSeconds: Number(analysisSeconds.toFixed(2)),
      vocabularyCpuSeconds: Number(vocabularySeconds.toFixed(2)),
      cpuSeconds: Number(((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(2)),
      indexBytes: bytesUnder(out),
      pagefindPeakMiB: mib(child.peakKiB),
      pagefindCpuSeconds: Number(child.cpuSeconds.toFixed(2)),
      nodePeakMiB: mib(peakKiB("self")),
    }),
  );
  rmSync(out, { recursive: true, force: true });
}
