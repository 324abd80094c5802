/**
 * The search plugin's bookkeeping, with a stand-in for Eleventy's config (real Pagefind): each build
 * indexes the documents of the pages it wrote; a full rebuild drops a page it no longer writes; an
 * incremental one keeps the pages it did not re-render while their files exist.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { searchPlugin } from "../../src/search/index.ts";
import type { IndexResult } from "../../src/search/index-site.ts";
import { compoundStems } from "../../src/search/korean-index.ts";
import type { PostAnalysis } from "../../src/check/analyse-post.ts";
import type { PostSources } from "../../src/check/post-sources.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

type Handler = (event: Record<string, unknown>) => unknown;
type Transform = (this: { page: { outputPath: string; url: string; inputPath: string } }, content: string) => string | Promise<string>;

function fakeConfig() {
  const handlers = new Map<string, Handler[]>();
  const transforms: Transform[] = [];
  const config = {
    on(name: string, handler: Handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    addTransform(_name: string, transform: Transform) {
      transforms.push(transform);
    },
  };
  return {
    config: config as unknown as UserConfig,
    async build(output: string, pages: Record<string, string>, incremental = false) {
      for (const handler of handlers.get("eleventy.before") ?? []) await handler({ outputMode: "fs", incremental, directories: { input: "posts", output } });
      for (const [url, html] of Object.entries(pages)) {
        const outputPath = path.join(output, url, "index.html");
        await mkdir(path.dirname(outputPath), { recursive: true });
        let content = html;
        // Eleventy awaits each transform: the search one returns a promise while it streams (index-stream.ts).
        for (const transform of transforms) content = await transform.call({ page: { outputPath, url, inputPath: `./posts${url}index.md` } }, content);
        await writeFile(outputPath, content);
      }
      for (const handler of handlers.get("eleventy.after") ?? []) await handler({ outputMode: "fs", incremental, directories: { output } });
    },
  };
}

/**
 * Stand-in for the posts' analyses (src/check/post-sources.ts) of the pages `pages()` gives: each
 * indexed page's URL, source file (as the fake build names it) and Korean stems. `change` alters
 * the list, as sources that foretell the pages wrongly would.
 */
function fakeSources(pages: () => Record<string, string>, change: (analyses: PostAnalysis[]) => PostAnalysis[] = (analyses) => analyses): PostSources {
  return {
    assets: "assets",
    async analyse() {
      const analyses = Object.entries(pages())
        .filter(([, html]) => html.includes("data-pagefind-body"))
        .map(([url, html]) => ({
          file: `posts${url}index.md`, relativePath: `${url.slice(1)}index.md`, diagnostics: [], headingIds: new Set<string>(), links: [],
          post: { url, draft: false, date: { instant: new Date("2024-01-01T00:00:00Z") } },
          stems: compoundStems(html.replace(/<[^>]*>/g, " ")),
          digest: createHash("sha256").update(html).digest("base64url"),
        }) as unknown as PostAnalysis);
      return change(analyses);
    },
  };
}

const post = (title: string) => `<html lang="ko"><body><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${title}를 설치했다.</p></article></body></html>`;

/** The titles in an index, from its fragments. */
function indexedTitles(pagefindDir: string): string[] {
  return readdirSync(path.join(pagefindDir, "fragment"))
    .map((name) => JSON.parse(gunzipSync(readFileSync(path.join(pagefindDir, "fragment", name))).toString("utf8").slice("pagefind_dcd".length)).meta.title as string)
    .sort();
}

test("a build indexes what it wrote; a full rebuild drops a deleted page; an incremental one keeps unchanged pages", async () => {
  const root = await makeTempDir("search-plugin");
  const previous = process.env.ELEVENTY_RUN_MODE;
  process.env.ELEVENTY_RUN_MODE = "build";
  try {
    const site = fakeConfig();
    searchPlugin(site.config, { synonyms: [["argocd", "아르고"]] });
    const output = path.join(root, "site");
    await site.build(output, { "/a/": post("도커"), "/b/": post("헬름"), "/tags/": "<html><body><a href='/a/'>도커</a></body></html>" });
    assert.deepEqual(indexedTitles(path.join(output, "pagefind")), ["도커", "헬름"]);
    const vocabulary = JSON.parse(readFileSync(path.join(output, "pagefind", "opsnote-search.json"), "utf8"));
    assert.deepEqual(vocabulary.synonyms, [["argocd", "아르고"]]);
    assert.ok(vocabulary.labels.includes("도커"));

    await rm(path.join(output, "b"), { recursive: true });
    await site.build(output, { "/a/": post("도커"), "/c/": post("테라폼") });
    assert.deepEqual(indexedTitles(path.join(output, "pagefind")), ["도커", "테라폼"], "b is gone, c is new");

    await site.build(output, { "/a/": post("도커 이미지") }, true);
    assert.deepEqual(indexedTitles(path.join(output, "pagefind")), ["도커 이미지", "테라폼"], "c kept: its file is still there");
  } finally {
    if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = previous;
    await rm(root, { recursive: true, force: true });
  }
});

test("the preview re-indexes in the background: the hook returns at once and the index follows the edit", async () => {
  const root = await makeTempDir("search-plugin-serve");
  const previous = process.env.ELEVENTY_RUN_MODE;
  process.env.ELEVENTY_RUN_MODE = "serve";
  const waitFor = async (check: () => boolean) => {
    for (let waited = 0; !check(); waited += 100) {
      if (waited > 120_000) throw new Error("the background index never came");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const titles = (dir: string) => {
    try {
      return indexedTitles(dir).join(",");
    } catch {
      return "";
    }
  };
  try {
    const site = fakeConfig();
    searchPlugin(site.config);
    const output = path.join(root, "site");
    await site.build(output, { "/a/": post("도커"), "/b/": post("헬름") });
    await waitFor(() => titles(path.join(output, "pagefind")) === "도커,헬름");
    await site.build(output, { "/a/": post("도커 컴포즈"), "/b/": post("헬름") });
    await waitFor(() => titles(path.join(output, "pagefind")) === "도커 컴포즈,헬름");
  } finally {
    if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = previous;
    await rm(root, { recursive: true, force: true });
  }
});

test("a build streams its documents to Pagefind as it writes the pages, the first one too, and writes the index Pagefind makes after the pages", async () => {
  const root = await makeTempDir("search-plugin-stream");
  const saved = { mode: process.env.ELEVENTY_RUN_MODE, cache: process.env.OPSNOTE_CACHE_DIR };
  process.env.ELEVENTY_RUN_MODE = "build";
  const pages = (edit: string) => ({
    "/a/": post("도커"),
    "/b/": post(`헬름 ${edit}`),
    "/c/": post("테라폼"),
    "/tags/": "<html><body><a href='/a/'>도커</a></body></html>",
  });
  let current = pages("차트");
  try {
    process.env.OPSNOTE_CACHE_DIR = path.join(root, "cache");
    const results: IndexResult[] = [];
    const site = fakeConfig();
    searchPlugin(site.config, { onIndexed: (result) => results.push(result), sources: fakeSources(() => current) });
    const output = path.join(root, "site");
    await site.build(output, current);
    const first = snapshotFolder(path.join(output, "pagefind"));
    current = pages("차트 저장소");
    await site.build(output, current);
    const streamed = snapshotFolder(path.join(output, "pagefind"));
    await site.build(output, current);
    assert.deepEqual(
      results.map(({ reused, streamed, prefed }) => ({ reused, streamed, prefed })),
      [
        { reused: false, streamed: true, prefed: 0 }, // first build: the sources foretold its pages
        { reused: false, streamed: true, prefed: 1 }, // /b/ edited: /a/, before it, went to Pagefind before the first page
        { reused: true, streamed: false, prefed: 0 }, // nothing changed: the cached index, no stream started
      ],
    );
    assert.notDeepEqual(first, streamed, "the edit is in the index");

    // The same pages built cold, with caches of its own, by sources that foretell one at another URL
    // (as a post that did not build would be): the stream is dropped and Pagefind indexes after the
    // last page, with the same vocabulary.
    process.env.OPSNOTE_CACHE_DIR = path.join(root, "cold-cache");
    const coldResults: IndexResult[] = [];
    const cold = fakeConfig();
    searchPlugin(cold.config, { onIndexed: (result) => coldResults.push(result), sources: fakeSources(() => current, (analyses) => analyses.map((analysis) => (analysis.post?.url === "/c/" ? { ...analysis, post: { ...analysis.post, url: "/c-before/" } } : analysis))) });
    await cold.build(path.join(root, "cold"), current);
    assert.deepEqual(coldResults.map(({ streamed }) => streamed), [false]);
    const expected = snapshotFolder(path.join(root, "cold", "pagefind"));
    assert.ok(expected.size > 5, `only ${expected.size} files in Pagefind's output`);
    assert.deepEqual(streamed, expected);
    assert.deepEqual(readdirSync(path.join(root, "cold")).sort(), ["a", "b", "c", "pagefind", "tags"], "no index written ahead left beside it");
  } finally {
    for (const [name, value] of [["ELEVENTY_RUN_MODE", saved.mode], ["OPSNOTE_CACHE_DIR", saved.cache]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(root, { recursive: true, force: true });
  }
});
