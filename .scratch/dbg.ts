import { readFrontMatter } from "../src/content/front-matter.ts";
for (const t of ["", "\uFEFF", "a: 1\n---x"]) {
try { console.log(JSON.stringify(readFrontMatter(t, { filePath: "posts/x.md", fileText: `---\n${t}\n---\nbody\n` }))); } catch (e) { console.log((e as any).diagnostics ?? e); }
}
