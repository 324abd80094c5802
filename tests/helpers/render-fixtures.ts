/**
 * Markdown-in / HTML-out fixture pairs: `NAME.md` rendered must equal `NAME.html`; an optional
 * `NAME.warnings` lists the expected diagnostics, one formatted line each (`NAME.md:3:1 warning …`).
 * Code is "highlighted" by a stand-in that escapes it, so these files show structure, not colours
 * (shiki's own output is tested with the highlighter). OPSNOTE_UPDATE_FIXTURES=1 rewrites the
 * expected files from the current output: review the diff before committing.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CodeHighlighter } from "../../src/markdown/highlight.ts";
import { LANGUAGES, resolveLanguageName } from "../../src/markdown/highlight.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Knows the same language names as the real highlighter (every grammar shiki bundles) and escapes code. */
export const plainHighlighter: CodeHighlighter = {
  languages: [...LANGUAGES],
  resolveLanguage: resolveLanguageName,
  highlight: (code, language) => `<pre class="plain" data-language="${language}"><code>${escapeHtml(code)}</code></pre>`,
};

export type RenderFixture = (markdown: string, file: string) => { html: string; diagnostics: Diagnostic[] };

/** One test per `*.md` in `folder`. */
export async function testFixtures(folder: string, render: RenderFixture): Promise<void> {
  const update = process.env.OPSNOTE_UPDATE_FIXTURES === "1";
  const names = (await readdir(folder)).filter((name) => name.endsWith(".md")).sort();
  for (const name of names) {
    const base = path.join(folder, name.slice(0, -".md".length));
    test(`fixture ${name}`, async () => {
      const { html, diagnostics } = render(await readFile(`${base}.md`, "utf8"), name);
      const warnings = diagnostics.map(formatDiagnostic).join("\n");
      if (update) {
        await writeFile(`${base}.html`, html);
        if (warnings !== "" || existsSync(`${base}.warnings`)) await writeFile(`${base}.warnings`, warnings === "" ? "" : `${warnings}\n`);
        return;
      }
      assert.equal(html, await readFile(`${base}.html`, "utf8"));
      const expectedWarnings = existsSync(`${base}.warnings`) ? (await readFile(`${base}.warnings`, "utf8")).trim() : "";
      assert.equal(warnings, expectedWarnings);
    });
  }
}
