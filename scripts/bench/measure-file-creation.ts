/**
 * What creating a file costs on this disk, against overwriting one: N folders with one 30 KB
 * `index.html` each (a built site's shape), created, then written again in place, then removed. Why
 * builds overwrite a recycled folder (src/static/recycled-output.ts, docs/benchmarks.md).
 *
 *   node --import tsx scripts/bench/measure-file-creation.ts [FOLDER] [N=1557] [ROUNDS=3]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const [parent = os.tmpdir(), count = "1557", rounds = "3"] = process.argv.slice(2);
const data = "x".repeat(30_000);
const time = (run: () => void) => {
  const started = performance.now();
  run();
  return `${(performance.now() - started).toFixed(0)} ms`;
};
for (let round = 1; round <= Number(rounds); round++) {
  const dir = mkdtempSync(path.join(parent, "opsnote-file-creation-"));
  const pages = Array.from({ length: Number(count) }, (_, i) => path.join(dir, `p${i}`));
  const mkdir = time(() => pages.forEach((page) => mkdirSync(page)));
  const create = time(() => pages.forEach((page) => writeFileSync(path.join(page, "index.html"), data)));
  const overwrite = time(() => pages.forEach((page) => writeFileSync(path.join(page, "index.html"), data)));
  const remove = time(() => rmSync(dir, { recursive: true, force: true }));
  console.log(`round ${round}: ${count} folders: mkdir ${mkdir}, create ${create}, overwrite ${overwrite}, remove ${remove}`);
}
