/**
 * Indexes built at once in one process (src/search/index-site.ts): Pagefind's Node API drives one
 * backend process for all of them, and an index that finished first used to stop it under the other
 * ("Pagefind backend closed").
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { indexDocuments } from "../../src/search/index-site.ts";
import type { SearchDocument } from "../../src/search/search-document.ts";
import { makeTempDir } from "../helpers/paths.ts";

const root = await makeTempDir("index-site");
after(() => rm(root, { recursive: true, force: true }));

function documents(count: number, word: string): SearchDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `${word} ${i}번째 글: 쿠버네티스 파드와 디플로이먼트`;
    return { url: `/${word}/${i}/`, html: `<html lang="ko"><body><main data-pagefind-body><h1>${word} ${i}</h1><p>${text}</p></main></body></html>`, labels: [`${word} ${i}`], text };
  });
}

/** Pages per language in a written index, as Pagefind's entry file counts them. */
async function pageCount(pagefindDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(pagefindDir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

test("indexes built at once all finish, whichever ends first; a later one starts the backend again", { timeout: 60_000 }, async () => {
  const [small, large] = await Promise.all([
    indexDocuments(documents(1, "small"), path.join(root, "small", "pagefind")),
    indexDocuments(documents(400, "large"), path.join(root, "large", "pagefind")),
  ]);
  assert.deepEqual([small.pages, large.pages], [1, 400]);
  assert.equal(await pageCount(path.join(root, "small", "pagefind")), 1);
  assert.equal(await pageCount(path.join(root, "large", "pagefind")), 400);

  // Several of one size finish together: one that finished released its index in the backend while
  // the last one stopped the backend under it.
  for (let round = 0; round < 3; round++) {
    const names = Array.from({ length: 6 }, (_, i) => `same${round}-${i}`);
    const results = await Promise.all(names.map((name) => indexDocuments(documents(20, name), path.join(root, name, "pagefind"))));
    assert.deepEqual(results.map((result) => result.pages), names.map(() => 20));
  }

  const later = await indexDocuments(documents(3, "later"), path.join(root, "later", "pagefind"));
  assert.equal(later.pages, 3);
  assert.equal(await pageCount(path.join(root, "later", "pagefind")), 3);
});
