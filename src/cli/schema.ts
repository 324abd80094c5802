/**
 * `npm run schema [-- --check]`: writes the editor's JSON Schemas of `opsnote.config.yaml` and of post
 * front matter, and the front-matter snippets, into `.vscode/` from the zod schemas
 * (src/settings/editor-files.ts). `--check` writes nothing and fails when a file is out of date (CI).
 */
import { existsSync, readFileSync } from "node:fs";
import { runCommand } from "./args.ts";
import { editorFiles, refreshEditorFiles } from "../settings/editor-files.ts";

await runCommand({ usage: "usage: npm run schema -- [--check]", options: { check: { type: "boolean", default: false } } }, async ({ values }) => {
  if (values.check) {
    const stale = Object.entries(editorFiles()).filter(([file, text]) => !existsSync(file) || readFileSync(file, "utf8") !== text);
    for (const [file] of stale) console.error(`[opsnote] ${file} is out of date: run npm run schema`);
    return stale.length === 0 ? 0 : 1;
  }
  const written = refreshEditorFiles({ create: true });
  console.log(written.length === 0 ? "[opsnote] editor schemas are up to date" : `[opsnote] wrote ${written.join(", ")}`);
  return 0;
});
