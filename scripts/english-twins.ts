/**
 * Prints the English twins still missing from src/ui/strings.ts, taken from the `// en: "…"` comments
 * written beside new Korean words, as lines to paste into the `en` table:
 *
 *   relatedPosts: "관련 글", // en: "Related posts"      ->   relatedPosts: "Related posts",
 *   shareOn: (site: string) => `${site}에 공유`, // en: `Share on ${site}`   ->   shareOn: (site: string) => `Share on ${site}`,
 *
 * Usage: node --import tsx scripts/english-twins.ts   (typecheck then names any word still without a twin)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { STRING_TABLES } from "../src/ui/strings.ts";

const file = fileURLToPath(new URL("../src/ui/strings.ts", import.meta.url));
const source = readFileSync(file, "utf8");
/** Whether the English table has `key` at any depth (a new word may sit in `client` or `callout`). */
function hasTwin(table: Record<string, unknown>, key: string): boolean {
  return Object.entries(table).some(([k, v]) => k === key || (v !== null && typeof v === "object" && hasTwin(v as Record<string, unknown>, key)));
}
const en = STRING_TABLES.en as unknown as Record<string, unknown>;
let missing = 0;
for (const line of source.split("\n")) {
  const match = /^(\s*)([A-Za-z_$][\w$]*):\s*(.*?),?\s*\/\/\s*en:\s*(.+?)\s*$/.exec(line);
  if (!match) continue;
  const [, indent, key, korean, english] = match as unknown as [string, string, string, string, string];
  if (hasTwin(en, key)) continue;
  const parameters = /^(\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/.exec(korean)?.[1];
  console.log(`${indent}${key}: ${parameters === undefined ? english : `${parameters} => ${english}`},`);
  missing += 1;
}
if (missing === 0) console.error("every `// en:` word has its twin in the en table");
