/**
 * One analysis of the posts per build, shared by `check` and the Jekyll post index, in whatever
 * order Eleventy runs their `eleventy.before` handlers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createAnalysisCache, type AnalysisCache } from "../../src/check/analysis-cache.ts";
import { createPostSources } from "../../src/check/post-sources.ts";
import { checkPlugin, CHECK_EVENT } from "../../src/check/index.ts";
import { jekyllPlugin } from "../../src/jekyll/index.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

/** A cache that counts the reads of the posts folder (one per analysis of it) and the analyses stored (one per post parsed). */
function countingStore(dir: string) {
  const counts = { reads: 0, stored: 0 };
  const cache = createAnalysisCache({ dir, version: "test" });
  const store: AnalysisCache = {
    ...cache,
    async open(posts) {
      counts.reads++;
      const manifest = await cache.open(posts);
      return { ...manifest, set: (...args) => { counts.stored++; manifest.set(...args); } };
    },
  };
  return { store, counts };
}

/** Just enough of Eleventy's config for the two plugins: handlers by event, the preprocessor. */
function fakeEleventy() {
  const handlers = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const preprocessors: ((data: unknown, content: string) => unknown)[] = [];
  const emitted: unknown[] = [];
  const config = {
    on(name: string, handler: (...args: unknown[]) => unknown) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    addPreprocessor(_name: string, _extensions: string, handler: (data: unknown, content: string) => unknown) {
      preprocessors.push(handler);
    },
    addGlobalData() {},
    async emit(name: string, ...args: unknown[]) {
      if (name === CHECK_EVENT) emitted.push(args[0]);
    },
  };
  return {
    config: config as unknown as UserConfig,
    emitted: emitted as Diagnostic[][],
    /** Runs every `eleventy.before` handler at once with one event, as Eleventy does. */
    before: (event: object, order: "registered" | "reversed" = "registered") => {
      const list = [...(handlers.get("eleventy.before") ?? [])];
      if (order === "reversed") list.reverse();
      return Promise.all(list.map((handler) => handler(event)));
    },
    preprocess: (inputPath: string, content: string) => preprocessors[0]!({ page: { inputPath }, frontMatter: {} }, content),
  };
}

test("check and the Jekyll post index analyse each post once per build, in either order", async () => {
  const root = await writeTempFolder("post-sources", {
    "posts/2024-01-01-a.md": "---\ntitle: a\ncategories: [k8s]\n---\n\n## 개요\n",
    "posts/2024-01-02-b.md": "---\ntitle: b\n---\n\n[a]({% post_url 2024-01-01-a %})\n",
    "posts/2099-01-01-later.md": "---\ntitle: later\n---\n",
  });
  const saved = process.env.ELEVENTY_RUN_MODE;
  process.env.ELEVENTY_RUN_MODE = "serve"; // errors are reported, not thrown
  try {
    const { store, counts } = countingStore(path.join(root, "cache"));
    const sources = createPostSources({ site, store, assets: path.join(root, "assets") });
    const eleventy = fakeEleventy();
    const report: Diagnostic[] = [];
    jekyllPlugin(eleventy.config, { site, report: (d) => report.push(d), sources });
    checkPlugin(eleventy.config, { site, report: (d) => report.push(d), sources });
    const event = { directories: { input: path.join(root, "posts"), output: path.join(root, "out") } };

    for (const order of ["registered", "reversed"] as const) {
      await eleventy.before({ ...event }, order);
      // Both got what they need from the one analysis.
      assert.equal(eleventy.preprocess(path.join(root, "posts/2024-01-02-b.md"), "[a]({% post_url 2024-01-01-a %})"), "[a](/k8s/a/)");
      assert.match(eleventy.emitted.at(-1)!.map((d) => d.message).join("\n"), /2099-01-01T00:00:00\+09:00 is in the future/);
    }
    assert.deepEqual(counts, { reads: 2, stored: 3 }, "one look at the folder per build; three posts, each parsed once");
  } finally {
    if (saved === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = saved;
    await rm(root, { recursive: true, force: true });
  }
});

test("calls with one build event share one analysis; another event looks at the files again", async () => {
  const root = await writeTempFolder("post-sources", { "2024-01-01-a.md": "---\ntitle: a\n---\n" });
  try {
    const sources = createPostSources({ site, store: false });
    const build = {};
    const first = sources.analyse(root, build);
    assert.equal(sources.analyse(root, build), first);
    const [analyses] = await Promise.all([first, sources.analyse(root, build)]);
    assert.notEqual(sources.analyse(root, {}), first);
    assert.notEqual(sources.analyse(root), first);
    // An unchanged file comes back from memory: the very same analysis.
    assert.equal((await sources.analyse(root, {}))[0], analyses[0]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
