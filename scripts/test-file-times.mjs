// A reporter for Node's test runner that prints, per test file, the summed duration of its top-level
// tests, slowest first: `npm test -- --test-reporter=spec --test-reporter-destination=stdout
// --test-reporter=./scripts/test-file-times.mjs --test-reporter-destination=stderr`.
// Node 20's own reporters do not say which file a test came from.
import { readFileSync } from "node:fs";
import path from "node:path";

export default async function* fileTimes(source) {
  const seconds = new Map();
  let failed = 0;
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    if (event.type === "test:fail") failed += 1;
    const { nesting, file, name, details } = event.data;
    if (nesting !== 0 || file === undefined) continue;
    // A file run in a shared process is one suite named after it (scripts/test-bundle.mjs).
    const key = /^tests\/.*\.test\.ts$/.test(name) ? name : sourceOf(file);
    seconds.set(key, (seconds.get(key) ?? 0) + (details?.duration_ms ?? 0) / 1000);
  }
  const rows = [...seconds].sort((a, b) => b[1] - a[1]);
  yield `${rows.length} files, ${rows.reduce((sum, [, s]) => sum + s, 0).toFixed(1)} s summed, ${failed} failed tests\n`;
  for (const [file, s] of rows) yield `${s.toFixed(1).padStart(7)} s  ${file}\n`;
}

/**
 * `tests/x/y.test.ts` for a file of `npm test`'s bundle, as for one run through tsx. The runner is given
 * one-line modules that import the bundled files in the order they should start
 * (`run/07-check-check-cli.test.mjs` imports `../tests/check/check-cli.test.mjs`): read which.
 */
const sources = new Map();
function sourceOf(file) {
  if (sources.has(file)) return sources.get(file); // one wrapper read per file, not per test
  let target = file;
  if (/\/run\/\d+-[^/]+\.test\.mjs$/.test(file)) {
    const imported = /import "([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1];
    if (imported) target = path.resolve(path.dirname(file), imported);
  }
  const source = target.replace(process.cwd() + "/", "").replace(/^\.cache\/test-bundle-[^/]+\/(.*)\.mjs$/, "$1.ts");
  sources.set(file, source);
  return source;
}
