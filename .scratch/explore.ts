import { mkdir, writeFile, rm, readdir } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../src/cli/build-site.ts";
import { describeBuildError } from "../src/cli/errors.ts";

const cases: Record<string, Record<string, string>> = JSON.parse(process.argv[2]!);
const root = "/tmp/hx/run";
await rm(root, { recursive: true, force: true });
for (const [name, files] of Object.entries(cases)) {
  const posts = path.join(root, name, "posts");
  for (const [f, t] of Object.entries(files)) { await mkdir(path.dirname(path.join(posts, f)), { recursive: true }); await writeFile(path.join(posts, f), t); }
  const warns: string[] = [];
  const orig = console.warn; console.warn = (...a: unknown[]) => warns.push(a.join(" "));
  const t0 = performance.now();
  try {
    const r = await buildSite({ posts, output: path.join(root, name, "out") });
    console.log(`== ${name}: OK ${r.pages} pages ${((performance.now()-t0)/1000).toFixed(2)}s`);
  } catch (e) {
    console.log(`== ${name}: FAIL\n   ${describeBuildError(e).join("\n   ")}`);
  } finally { console.warn = orig; }
  for (const w of warns) console.log("   W " + w);
  console.log("   parent:", (await readdir(path.join(root, name))).join(" "), "root:", (await readdir(root)).join(" "));
}
