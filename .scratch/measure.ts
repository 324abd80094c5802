import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { findFileQuirks, findUnclosedFrontMatter, frontMatterSourceOf } from "../src/content/front-matter.ts";
const files = (await readdir("posts", { recursive: true })).filter((f) => f.endsWith(".md")).map((f) => path.join("posts", f));
const rounds = 200;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const f of files) { const t = await readFile(f, "utf8"); findUnclosedFrontMatter(t, f); findFileQuirks(t, f); frontMatterSourceOf(t); }
console.log(`${files.length} posts, ${((performance.now() - t0) / (rounds * files.length)).toFixed(3)} ms per post`);
