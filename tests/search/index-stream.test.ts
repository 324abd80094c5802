/**
 * The search index fed while the pages are written (src/search/index-stream.ts), with real Pagefind:
 * a stream is written only when Pagefind was given exactly the documents the full analysis makes, in
 * their order, and then its index is byte for byte the one Pagefind makes after the pages (the pages
 * carry filters: Pagefind's filter files number pages in the order they were added); any other stream
 * is dropped, with the index Pagefind wrote ahead for it.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { indexDocuments } from "../../src/search/index-site.ts";
import {
  createIndexStream, loadIndexedPages, oneTurnEach, prefeedDocuments, saveIndexedPages, stemMarker, type IndexedPage, type IndexStream, type StreamGuess,
} from "../../src/search/index-stream.ts";
import { analyzeDocuments, buildVocabulary } from "../../src/search/korean-index.ts";
import type { SearchDocument } from "../../src/search/search-document.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

const root = await makeTempDir("index-stream");
after(() => rm(root, { recursive: true, force: true }));

function post(url: string, title: string, body: string, tag: string): SearchDocument {
  return {
    url,
    html: `<html lang="ko"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p><span data-pagefind-filter="tag">${tag}</span></main></body></html>`,
    labels: [title, tag],
    text: `${title} ${body}`,
  };
}

/** In URL order, as a build hands its documents to Pagefind (src/search/index.ts). */
const byUrl = (documents: readonly SearchDocument[]) => [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

const POSTS = byUrl([
  post("/k8s/", "쿠버네티스클러스터 구성", "쿠버네티스클러스터를 kubeadm으로 만들었다. 노드는 세 대다.", "kubernetes"),
  post("/helm/", "헬름 차트", "헬름 차트의 values 파일을 나눠서 관리한다.", "helm"),
  post("/terraform/", "테라폼 모듈", "테라폼 모듈로 네트워크를 만든다.", "terraform"),
  post("/argo/", "아르고 배포", "아르고로 쿠버네티스에 배포 파이프라인을 만든다.", "kubernetes"),
]);
/** Makes 클러스터 a word of the corpus: with 쿠버네티스 (in /argo/), 쿠버네티스클러스터 is then marked as a compound in /k8s/. */
const CLUSTER_POST = post("/nodes/", "클러스터 노드", "클러스터에 노드를 더했다.", "kubernetes");
const ALL = byUrl([...POSTS, CLUSTER_POST]);
const K8S = ALL.findIndex((document) => document.url === "/k8s/");

/** The index Pagefind makes after the pages, from the final documents: what every stream must equal. */
async function indexAfterPages(name: string, documents: readonly SearchDocument[]): Promise<Map<string, string>> {
  const dir = path.join(root, name, "pagefind");
  const result = await indexDocuments(analyzeDocuments(documents), dir);
  assert.equal(result.streamed, false);
  return snapshotFolder(dir);
}

/** What the sources of `documents` tell a stream: their vocabulary, and their URLs in index order (src/search/corpus.ts). */
function guessFrom(documents: readonly SearchDocument[]): () => StreamGuess {
  const guess = { mark: stemMarker(buildVocabulary(documents)), order: documents.map((document) => document.url) };
  return () => guess;
}

/** Offers `documents` in the given order, as pages are written; `changed` lists the URLs whose document changed. */
function offerAll(stream: IndexStream, documents: readonly SearchDocument[], changed: readonly string[]): void {
  const written: SearchDocument[] = [];
  for (const document of documents) {
    stream.offer(document, changed.includes(document.url), () => written);
    written.push(document);
  }
}

test("a stream given exactly the final documents is written, and its index is the one Pagefind makes after the pages", async () => {
  const expected = await indexAfterPages("after-pages", ALL);
  assert.ok(expected.size > 5, `only ${expected.size} files in Pagefind's output`);

  // The pages come in another order than Pagefind's (Eleventy's), and the changed one is not the first.
  // Once the last is in, Pagefind writes the index ahead, beside where it goes.
  const dir = path.join(root, "streamed", "pagefind");
  const stream = createIndexStream({ guess: guessFrom(ALL), pagefindDir: dir });
  offerAll(stream, [...ALL].reverse(), ["/terraform/"]);
  assert.equal(stream.streaming, true);
  const result = await indexDocuments(analyzeDocuments(ALL), dir, { stream });
  assert.equal(result.streamed, true);
  assert.equal(result.pages, ALL.length);
  assert.deepEqual(snapshotFolder(dir), expected);
  assert.deepEqual(readdirSync(path.join(root, "streamed")), ["pagefind"], "nothing left beside it");
});

test("a stream marked with a vocabulary that splits a compound differently is dropped; the index is made after the pages", async () => {
  const expected = await indexAfterPages("after-pages-new-word", ALL);
  // Sources in which /nodes/ lacks 클러스터 as a word of its own: /k8s/ is streamed unmarked.
  const sources = ALL.map((document) => (document.url === "/nodes/" ? post("/nodes/", "노드 추가", "노드를 더했다.", "kubernetes") : document));
  const guess = guessFrom(sources);
  assert.notEqual(guess().mark(ALL[K8S]!.html), analyzeDocuments(ALL)[K8S]!.html, "the two vocabularies mark /k8s/ differently");
  const dir = path.join(root, "guessed-wrong", "pagefind");
  const stream = createIndexStream({ guess, pagefindDir: dir });
  offerAll(stream, ALL, ["/nodes/"]);
  const result = await indexDocuments(analyzeDocuments(ALL), dir, { stream });
  assert.equal(result.streamed, false);
  assert.deepEqual(snapshotFolder(dir), expected);
  assert.deepEqual(readdirSync(path.join(root, "guessed-wrong")), ["pagefind"], "the index written ahead is gone");
});

test("a stream is claimed only for exactly the documents it was given, in their order", async () => {
  const final = analyzeDocuments(POSTS);
  const start = (documents: readonly SearchDocument[], guess = guessFrom(POSTS)) => {
    const stream = createIndexStream({ guess });
    offerAll(stream, documents, [documents[0]!.url]);
    return stream;
  };
  // A page deleted after it was written, a page the stream never saw, a page given twice, a new page.
  assert.equal(await start(POSTS).claim(final.slice(1)), undefined);
  assert.equal(await start(POSTS.slice(1)).claim(final), undefined);
  const twice = start([...POSTS, POSTS[2]!]);
  assert.equal(twice.streaming, false, "dropped at once");
  assert.equal(await twice.claim(final), undefined);
  const added = start(POSTS, guessFrom(POSTS.slice(1)));
  assert.equal(added.streaming, false, "a page the sources did not foretell: dropped at once");
  // A page whose final text differs from what was streamed; the same pages in another order.
  const edited = final.map((document, i) => (i === 1 ? { ...document, html: document.html.replace("관리한다", "나눈다") } : document));
  assert.equal(await start(POSTS).claim(edited), undefined);
  assert.equal(await start(POSTS).claim([...final].reverse()), undefined);
  const claimed = await start([...POSTS].reverse()).claim(final);
  assert.ok(claimed, "the same documents are claimed, whatever order the pages came in");
  await claimed.drop();
});

test("no stream while no document changed, nor without a guess", async () => {
  let asked = 0;
  const guess = guessFrom(POSTS);
  const unchanged = createIndexStream({ guess: () => (asked++, guess()) });
  offerAll(unchanged, POSTS, []);
  assert.equal(unchanged.streaming, false);
  assert.equal(asked, 0, "the guess is not even asked for");
  assert.equal(await unchanged.claim(analyzeDocuments(POSTS)), undefined);

  const first = createIndexStream({ guess: () => undefined });
  offerAll(first, POSTS, [POSTS[0]!.url]);
  assert.equal(first.streaming, false);
  assert.equal(await first.claim(analyzeDocuments(POSTS)), undefined);
  await first.drop(); // a second end is harmless
});

test("an index written ahead is thrown away with a stream that is dropped; one for another place is not used", async () => {
  const parent = path.join(root, "ahead-dropped");
  await mkdir(parent, { recursive: true });
  const stream = createIndexStream({ guess: guessFrom(POSTS), pagefindDir: path.join(parent, "pagefind") });
  offerAll(stream, POSTS, [POSTS[0]!.url]);
  // A page after the last one foretold: the stream ends, and Pagefind's folder written ahead with it.
  stream.offer(CLUSTER_POST, true, () => POSTS);
  assert.equal(stream.streaming, false);
  await stream.drop();
  assert.deepEqual(readdirSync(parent, { recursive: true }), [], "nothing left where the index was written ahead");

  const elsewhere = path.join(root, "ahead-elsewhere");
  const moved = createIndexStream({ guess: guessFrom(POSTS), pagefindDir: path.join(elsewhere, "planned", "pagefind") });
  offerAll(moved, POSTS, [POSTS[0]!.url]);
  const dir = path.join(elsewhere, "actual", "pagefind");
  const result = await indexDocuments(analyzeDocuments(POSTS), dir, { stream: moved });
  assert.equal(result.streamed, true);
  assert.deepEqual(snapshotFolder(dir), await indexAfterPages("after-pages-posts", POSTS));
  assert.deepEqual(readdirSync(path.join(elsewhere, "planned")), [], "the folder written for the planned place is gone");
});

test("documents given before the first page are checked as their pages come: the same ones are claimed, another ends the stream", async () => {
  const expected = await indexAfterPages("after-pages-prefed", ALL);
  // The build before had the first two pages as they are now; the pages come in Eleventy's order.
  const dir = path.join(root, "prefed", "pagefind");
  const stream = createIndexStream({ guess: guessFrom(ALL), pagefindDir: dir });
  stream.prefeed(ALL.slice(0, 2));
  assert.equal(stream.streaming, true, "streaming before the first page");
  assert.equal(stream.prefed, 2);
  offerAll(stream, [...ALL].reverse(), [ALL[3]!.url]);
  const result = await indexDocuments(analyzeDocuments(ALL), dir, { stream });
  assert.deepEqual({ streamed: result.streamed, prefed: result.prefed }, { streamed: true, prefed: 2 });
  assert.deepEqual(snapshotFolder(dir), expected);

  // A page given ahead whose page then differs (its post changed after all): the stream ends.
  const stale = createIndexStream({ guess: guessFrom(ALL) });
  stale.prefeed([{ ...ALL[0]!, html: ALL[0]!.html.replace("</p>", " 예전 문장.</p>") }]);
  offerAll(stale, ALL, [ALL[1]!.url]);
  assert.equal(stale.streaming, false);
  assert.equal(await stale.claim(analyzeDocuments(ALL)), undefined);
  // A prefeed stops at the first document that is not next in the expected order.
  const skipping = createIndexStream({ guess: guessFrom(ALL) });
  skipping.prefeed([ALL[0]!, ALL[2]!]);
  assert.equal(skipping.prefed, 1);
  await skipping.drop();
});

test("prefeedDocuments: the build before's documents up to the first post that changed; none when no post changed", () => {
  const saved: IndexedPage[] = ALL.map((document, i) => ({ url: document.url, source: `digest-${i}`, key: `key-${i}` }));
  const stored = new Map(ALL.map((document, i) => [`key-${i}`, document]));
  const sources = new Map(saved.map((page) => [page.url, page.source]));
  const order = ALL.map((document) => document.url);
  const read = (key: string) => stored.get(key);
  assert.equal(prefeedDocuments(saved, { order, sources }, read), undefined, "nothing changed: no Pagefind to start");
  const edited = new Map(sources).set(ALL[2]!.url, "digest-edited");
  assert.deepEqual(prefeedDocuments(saved, { order, sources: edited }, read)?.map((document) => document.url), order.slice(0, 2));
  assert.deepEqual(prefeedDocuments(saved, { order: [...order, "/new/"], sources: new Map(sources).set("/new/", "x") }, read)?.map((document) => document.url), order, "a new post at the end");
  assert.deepEqual(prefeedDocuments(saved, { order: order.slice(1), sources }, read), [], "the first page moved");
  stored.delete("key-1");
  assert.deepEqual(prefeedDocuments(saved, { order, sources: edited }, read)?.map((document) => document.url), order.slice(0, 1), "a document the cache lost ends it");
});

test("indexed pages are read back with their salt only; a torn or foreign file reads as none", () => {
  const file = path.join(root, "cache", "indexed.json");
  const pages: IndexedPage[] = [{ url: "/k8s/", source: "s1", key: "k1" }, { url: "/helm/", source: "s2", key: "k2" }];
  saveIndexedPages(file, "salt", pages);
  assert.deepEqual(loadIndexedPages(file, "salt"), pages);
  assert.equal(loadIndexedPages(file, "another salt"), undefined);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.slice(0, text.length / 2));
  assert.equal(loadIndexedPages(file, "salt"), undefined, "torn");
  writeFileSync(file, JSON.stringify({ format: "opsnote-search-indexed/1", salt: "salt", pages: [["/k8s/", 1, "k1"]] }));
  assert.equal(loadIndexedPages(file, "salt"), undefined, "not strings");
});

test("oneTurnEach hands values back in order, each on a turn of the event loop of its own", async () => {
  // A clock of turns: an immediate set from inside an immediate runs on the next turn.
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const nextTurn = oneTurnEach();
  const seen: [string, number][] = [];
  await Promise.all(["a", "b", "c", "d"].map((value) => nextTurn(value).then((back) => seen.push([back, turn]))));
  ticking = false;
  assert.deepEqual(seen.map(([value]) => value), ["a", "b", "c", "d"]);
  const turns = seen.map(([, at]) => at);
  assert.ok(turns.every((at, i) => i === 0 || at > turns[i - 1]!), `turns ${turns.join(", ")}: one value per turn`);
});
