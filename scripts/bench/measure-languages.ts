/**
 * What it costs to make every shiki grammar available: creating the highlighter with the 28 grammars
 * opsnote used to load, with every bundled grammar, and with the 28 plus a few loaded afterwards
 * (what loading on demand does for a blog that uses a few more languages). Each mode runs in a fresh
 * process, so module caches and the heap start empty; prints one JSON line per run.
 *
 *   node --expose-gc --import tsx scripts/bench/measure-languages.ts [base|all|base+5] [RUNS]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundledLanguages, createHighlighter, type BundledLanguage } from "shiki";
import { THEMES } from "../../src/markdown/highlight.ts";

const BASE = [
  "shellscript", "shellsession", "yaml", "json", "jsonc", "docker", "hcl", "toml", "ini", "nginx",
  "go", "python", "javascript", "typescript", "diff", "sql", "make", "xml", "powershell", "rust",
  "java", "html", "css", "markdown", "jinja", "groovy", "dotenv", "log",
] as BundledLanguage[];
const EXTRA = ["cpp", "scala", "ruby", "viml", "tsx"] as BundledLanguage[];

const [modeArg, runsArg] = process.argv.slice(2);
const mode = modeArg === "" ? undefined : modeArg;
const gc = (globalThis as { gc?: () => void }).gc;

if (mode === undefined) {
  const runs = Number(runsArg ?? 3);
  for (const m of ["base", "all", "base+5"]) {
    for (let i = 0; i < runs; i++) {
      process.stdout.write(execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), m], { encoding: "utf8" }));
    }
  }
} else {
  gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const langs = mode === "all" ? (Object.keys(bundledLanguages) as BundledLanguage[]) : BASE;
  const shiki = await createHighlighter({ themes: Object.values(THEMES), langs });
  const created = performance.now() - started;
  let loadedLater = 0;
  if (mode === "base+5") {
    const t = performance.now();
    await shiki.loadLanguage(...EXTRA);
    loadedLater = performance.now() - t;
  }
  // First use of a grammar compiles its regular expressions: the same for every mode.
  let firstCpp: number | null = null;
  if (mode !== "base") {
    const t = performance.now();
    shiki.codeToHtml("int main() { return 0; }", { lang: "cpp", theme: THEMES.light });
    firstCpp = performance.now() - t;
  }
  gc?.();
  const after = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  console.log(JSON.stringify({
    mode,
    grammars: shiki.getLoadedLanguages().length,
    createMs: Math.round(created),
    loadLaterMs: Math.round(loadedLater),
    firstCppMs: firstCpp === null ? null : Math.round(firstCpp),
    heapMB: mb(after.heapUsed - before.heapUsed),
    rssMB: mb(after.rss - before.rss),
  }));
}
