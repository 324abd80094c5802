/**
 * The two interface tables: every Korean word has an English twin of the same kind (the type already
 * demands the key; this checks the words), no English word holds Hangul, and a word only stays the same
 * where both languages write it alike. Which table a site gets follows its `language`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { STRING_TABLES, interfaceLanguageOf, stringsFor } from "../../src/ui/strings.ts";
import { ogLocaleOf } from "../../src/seo/seo-head.tsx";
import { writeTempFolder } from "../helpers/temp-site.ts";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
/** Words both languages write alike. */
const SAME_IN_BOTH = new Set(["searchShortcut", "seriesPosition", "termFeedTitle", "client.searchFilterOption"]);
/** Rename tables: English keeps the checks' own (English) words, so it needs no entry. */
const RENAME_TABLES = new Set(["preview.field"]);
/** Arguments for words whose parameters are not all numbers. */
const SAMPLE_ARGUMENTS: Record<string, unknown[]> = {
  "preview.message": ["invalid YAML: the quote (\") opened here is never closed"],
  "preview.where": ["posts/a.md", 3, 1],
  feedImageLeftOut: ["a diagram"],
  pageTitle: ["Tags", 2],
  seriesPosition: ["Series", 1, 3],
};

type Leaf = { path: string; ko: unknown; en: unknown };

function leaves(ko: Record<string, unknown>, en: Record<string, unknown>, prefix = ""): Leaf[] {
  return Object.keys(ko).flatMap((key) => {
    const path = `${prefix}${key}`;
    const [k, e] = [ko[key], en[key]];
    if (k !== null && typeof k === "object" && !RENAME_TABLES.has(path)) {
      assert.ok(e !== null && typeof e === "object", `${path}: expected a table in English too`);
      return leaves(k as Record<string, unknown>, e as Record<string, unknown>, `${path}.`);
    }
    return [{ path, ko: k, en: e }];
  });
}

const words = leaves(STRING_TABLES.ko as unknown as Record<string, unknown>, STRING_TABLES.en as unknown as Record<string, unknown>);

test("the tables are compared word by word (guard: the walk found the words)", () => {
  assert.ok(words.length > 90, `${words.length} words`);
  assert.ok(words.some((w) => w.path === "client.searchNoResults") && words.some((w) => w.path === "callout.warning"));
});

for (const { path, ko, en } of words) {
  if (RENAME_TABLES.has(path)) continue;
  test(`English twin of ${path}`, () => {
    assert.equal(typeof en, typeof ko, "same kind of word");
    let [koText, enText] = [ko, en];
    if (typeof ko === "function" && typeof en === "function") {
      const args = SAMPLE_ARGUMENTS[path.split(".").at(-1)!] ?? SAMPLE_ARGUMENTS[path] ?? Array.from({ length: ko.length }, () => 2);
      [koText, enText] = [ko(...args), en(...args)];
    }
    assert.equal(typeof enText, "string");
    assert.notEqual((enText as string).trim(), "", "not empty");
    if (path !== "intlLocale") assert.doesNotMatch(enText as string, HANGUL, `no Hangul in "${String(enText)}"`);
    if (!SAME_IN_BOTH.has(path)) assert.notEqual(enText, koText, "translated");
  });
}

test("English words follow English grammar where numbers meet nouns", () => {
  const { en } = STRING_TABLES;
  assert.equal(en.readingTime(3), "3 min read");
  assert.deepEqual([en.postCount(1), en.postCount(2)], ["1 post", "2 posts"]);
  assert.deepEqual([en.archiveYear(2024), en.archiveMonth(2024, 5)], ["2024", "May 2024"]);
  assert.equal(en.pageOf(2, 5), "Page 2 of 5");
});

const LANGUAGES: [language: string, interfaceLanguage: "ko" | "en", intlLocale: string, ogLocale: string][] = [
  ["ko", "ko", "ko-KR", "ko_KR"],
  ["ko-KR", "ko", "ko-KR", "ko_KR"],
  ["en", "en", "en-US", "en_US"],
  ["en-GB", "en", "en-GB", "en_GB"],
  ["en-US", "en", "en-US", "en_US"],
  // Any other language gets the English interface (documented in README); its tag stays in <html lang>.
  ["ja", "en", "en-US", "ja_JP"],
  ["de-AT", "en", "en-US", "de_AT"],
];

for (const [language, ui, intl, og] of LANGUAGES) {
  test(`language: ${language} -> ${ui} interface, dates in ${intl}, og:locale ${og}`, () => {
    assert.equal(interfaceLanguageOf(language), ui);
    assert.equal(stringsFor(language).intlLocale, intl);
    assert.equal(stringsFor(language).home, STRING_TABLES[ui].home);
    assert.equal(ogLocaleOf(language), og);
  });
}

/** `strings` as a fresh process with `settings` as its settings file sees it (and whether it got that far). */
function wordsInProcess(settings: string): { status: number | null; out: string } {
  const script = "const { strings } = await import('./src/ui/strings.ts'); await import('./src/content/post.ts'); console.log(strings.readingTime(3));";
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8", env: { ...process.env, OPSNOTE_CONFIG: settings },
  });
  return { status: child.status, out: child.stdout.trim() };
}

test("strings follow the settings file's language, and a broken file does not stop code that only needs words", async () => {
  const folder = await writeTempFolder("strings-language", { "en.yaml": "language: en\n", "broken.yaml": "pageSize: many\nlanguage: en\n" });
  assert.deepEqual(wordsInProcess(path.join(folder, "en.yaml")), { status: 0, out: "3 min read" });
  // The importer reads posts through src/content (which imports these words) before any settings file is valid.
  assert.deepEqual(wordsInProcess(path.join(folder, "broken.yaml")), { status: 0, out: "3분 읽기" });
});
