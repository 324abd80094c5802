/**
 * Search documents kept between builds (src/search/document-cache.ts): what comes from the pack is
 * what htmlparser2 would make of the page now; a changed page, another URL or another salt (opsnote's
 * source, htmlparser2) is made again; a torn pack is a miss.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync, truncateSync } from "node:fs";
import path from "node:path";
import { createSearchDocumentCache, documentKey } from "../../src/search/document-cache.ts";
import { openCachePack } from "../../src/markdown/cache-pack.ts";
import { buildSearchDocument } from "../../src/search/search-document.ts";
import { makeTempDir } from "../helpers/paths.ts";

const page = (body: string) => `<!doctype html><html lang="ko"><head><title>헬름</title></head><body>
<nav>메뉴</nav><main data-pagefind-body><h1>헬름 차트</h1><h2 id="values">values 나누기</h2><p>${body}</p>
<ul class="term-list"><li class="tag">#helm</li></ul></main></body></html>`;
const LIST = "<!doctype html><html lang=\"ko\"><body><a href=\"/helm/\">헬름 차트</a></body></html>";

test("a second build reads the same documents from the pack, and a changed page or URL is made again", async () => {
  const file = path.join(await makeTempDir("document-cache"), "documents.pack");
  const first = createSearchDocumentCache({ file, salt: "a" });
  const made = first.documentOf(page("values 파일을 환경마다 나눕니다."), "/helm/");
  assert.deepEqual(made, buildSearchDocument(page("values 파일을 환경마다 나눕니다."), "/helm/"));
  assert.equal(first.documentOf(LIST, "/"), undefined, "a page without an indexed body has no document");
  first.save({ prune: true });
  assert.ok(existsSync(file));

  const second = createSearchDocumentCache({ file, salt: "a" });
  assert.deepEqual(second.documentOf(page("values 파일을 환경마다 나눕니다."), "/helm/"), made);
  const edited = second.documentOf(page("values 파일을 팀마다 나눕니다."), "/helm/");
  assert.match(edited!.html, /팀마다/);
  assert.deepEqual(edited, buildSearchDocument(page("values 파일을 팀마다 나눕니다."), "/helm/"));
  assert.equal(second.documentOf(page("values 파일을 환경마다 나눕니다."), "/helm-2/")!.url, "/helm-2/");
});

test("a build that made nothing new leaves the pack as it was", async () => {
  const file = path.join(await makeTempDir("document-cache"), "documents.pack");
  const writer = createSearchDocumentCache({ file, salt: "a" });
  writer.documentOf(page("원본"), "/helm/");
  writer.save({ prune: true });
  const written = statSync(file).mtimeMs;
  const warm = createSearchDocumentCache({ file, salt: "a" });
  warm.documentOf(page("원본"), "/helm/");
  warm.save({ prune: true });
  assert.equal(statSync(file).mtimeMs, written, "a warm build does not write the pack");
});

test("another salt (another opsnote or htmlparser2) or a torn pack is a miss, never a wrong document", async () => {
  const file = path.join(await makeTempDir("document-cache"), "documents.pack");
  // A planted entry under the page's key: whoever reads the pack gets "가짜" instead of "원본".
  const planted = openCachePack({ file, salt: "a" });
  planted.write(documentKey(page("원본"), "/helm/"), JSON.stringify({ ...buildSearchDocument(page("원본"), "/helm/"), html: "가짜" }));
  planted.save();
  assert.equal(createSearchDocumentCache({ file, salt: "a" }).documentOf(page("원본"), "/helm/")!.html, "가짜", "the pack is read with its own salt");
  assert.match(createSearchDocumentCache({ file, salt: "b" }).documentOf(page("원본"), "/helm/")!.html, /원본/);
  truncateSync(file, statSync(file).size - 10);
  assert.deepEqual(createSearchDocumentCache({ file, salt: "a" }).documentOf(page("원본"), "/helm/"), buildSearchDocument(page("원본"), "/helm/"));
});
