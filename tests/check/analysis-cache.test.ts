/**
 * The on-disk cache of post analyses: what a warm build reads instead of parsing. Each "build" here
 * gets a fresh memory cache and a fresh cache object, as a new process would.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { analysePost, type PostAnalysis } from "../../src/check/analyse-post.ts";
import {
  analysisCodeVersion, createAnalysisCache, defaultAnalysisCacheDir, fromStoredAnalysis, toStoredAnalysis,
  type AnalysisCache, type AnalysisSite,
} from "../../src/check/analysis-cache.ts";
import { analysePosts, checkAnalyses, createCheckCache } from "../../src/check/check-posts.ts";
import { indexAnalyses } from "../../src/jekyll/post-index.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { makeTempDir, REPO_ROOT } from "../helpers/paths.ts";

/** Every markdown file the repository has: the sample posts and the test fixtures. */
function realPostFiles(): string[] {
  const found: string[] = [];
  for (const root of ["posts", "tests"]) {
    for (const entry of readdirSync(path.join(REPO_ROOT, root), { recursive: true, encoding: "utf8" })) {
      const file = path.join(REPO_ROOT, root, entry);
      if (/\.(md|markdown)$/i.test(entry) && lstatSync(file).isFile()) found.push(file);
    }
  }
  return found.sort();
}

/** `undefined` properties dropped, as JSON drops them: the one difference a round trip may make. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value instanceof Set) return new Set([...value].map(withoutUndefined));
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
}

test("an analysis survives JSON: every post and fixture in the repository", async () => {
  const { md } = createCheckCache();
  const files = realPostFiles();
  assert.ok(files.length > 50, `only ${files.length} files found`);
  let withPost = 0;
  let withUpdated = 0;
  for (const file of files) {
    const analysis = analysePost({ file, relativePath: path.basename(file), text: await readFile(file, "utf8"), md, site });
    const revived = fromStoredAnalysis(JSON.parse(JSON.stringify(toStoredAnalysis(analysis))));
    assert.deepStrictEqual(revived, withoutUndefined(analysis), file);
    assert.ok(revived.headingIds instanceof Set);
    if (revived.post) {
      withPost++;
      assert.ok(revived.post.date.instant instanceof Date);
      assert.equal(revived.post.date.instant.getTime(), analysis.post!.date.instant.getTime());
      if (revived.post.updated) {
        withUpdated++;
        assert.ok(revived.post.updated.instant instanceof Date);
      }
    }
  }
  assert.ok(withPost > 20, "most files build a post");
  assert.ok(withUpdated > 0, "some post has an updated date");
});

/** A cache whose manifests count hits, misses and stores. */
function counting(cache: AnalysisCache) {
  const counts = { hits: 0, misses: 0, stored: 0 };
  const wrapped: AnalysisCache = {
    ...cache,
    async open(posts) {
      const manifest = await cache.open(posts);
      return {
        ...manifest,
        get(relativePath, key) {
          const found = manifest.get(relativePath, key);
          counts[found ? "hits" : "misses"]++;
          return found;
        },
        set(relativePath, key, analysis) {
          counts.stored++;
          manifest.set(relativePath, key, analysis);
        },
      };
    },
  };
  return { cache: wrapped, counts };
}

/** A memory cache whose markdown parser must not be called: proof that nothing was parsed. */
function noParsing() {
  const cache = createCheckCache();
  cache.md.parse = () => assert.fail("a post was parsed");
  return cache;
}

interface Build {
  analyses: PostAnalysis[];
  counts: { hits: number; misses: number; stored: number };
}

async function setUp(files: Record<string, string>) {
  const root = await makeTempDir("analysis-cache");
  const posts = path.join(root, "posts");
  const dir = path.join(root, "cache");
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(posts, name)), { recursive: true });
    await writeFile(path.join(posts, name), text);
  }
  /** One build as a new process does it: a new cache object, a new memory cache. */
  const build = async (options: { version?: string; site?: AnalysisSite; parse?: boolean } = {}): Promise<Build> => {
    const { cache, counts } = counting(createAnalysisCache({ dir, version: options.version ?? "test-1" }));
    const memory = options.parse === false ? noParsing() : createCheckCache();
    const analyses = await analysePosts({ posts, assets: path.join(root, "assets"), site: options.site ?? site, cache: memory, store: cache });
    return { analyses, counts };
  };
  return { root, posts, dir, build, done: () => rm(root, { recursive: true, force: true }) };
}

const post = (frontMatter: string, body = "\n## 개요\n\n본문.\n") => `---\n${frontMatter}\n---\n${body}`;

const FILES = {
  "2024-01-01-a.md": post("title: 에이\ncategories: [k8s]\nredirect_from: [/old-a/]", "\n## 개요\n\n[비](./2024-01-02-b.md#설치)\n"),
  "2024-01-02-b.md": post("title: 비\nlast_modified_at: 2024-02-01", "\n## 설치\n\n본문.\n"),
  "sub/2024-01-03-c.md": post("title: 씨\ndate: 2024-01-03 10:00:00 +0900"),
  "2024-01-04-broken.md": post("title: [unclosed"),
};

test("a warm build reads every analysis from the cache and parses nothing", async () => {
  const t = await setUp(FILES);
  try {
    const cold = await t.build();
    assert.deepEqual(cold.counts, { hits: 0, misses: 4, stored: 4 });
    const warm = await t.build({ parse: false });
    assert.deepEqual(warm.counts, { hits: 4, misses: 0, stored: 0 });
    assert.deepStrictEqual(warm.analyses, withoutUndefined(cold.analyses));
    // The same report and index, to the letter.
    const now = new Date("2024-06-01T00:00:00Z");
    const report = (analyses: PostAnalysis[]) => checkAnalyses(analyses, { now, assets: path.join(t.root, "assets") }).diagnostics.map(formatDiagnostic);
    assert.deepEqual(report(warm.analyses), report(cold.analyses));
    assert.ok(report(cold.analyses).some((line) => line.includes("2024-01-04-broken.md")), "the broken post is reported from the cache too");
    assert.deepEqual(indexAnalyses(warm.analyses, now).posts, indexAnalyses(cold.analyses, now).posts);
    const entries = await readdir(t.dir);
    assert.equal(entries.length, 1, `one manifest, no temp files: ${entries.join(", ")}`);
  } finally {
    await t.done();
  }
});

test("changed bytes miss; the others still hit; a deleted post leaves the manifest", async () => {
  const t = await setUp(FILES);
  try {
    await t.build();
    const file = path.join(t.posts, "2024-01-01-a.md");
    // Same size and modification time: only the bytes tell.
    const before = statSync(file);
    await writeFile(file, (await readFile(file, "utf8")).replace("[k8s]", "[k9s]"));
    await utimes(file, before.atime, before.mtime);
    await rm(path.join(t.posts, "sub/2024-01-03-c.md"));
    const second = await t.build();
    assert.deepEqual(second.counts, { hits: 2, misses: 1, stored: 1 });
    assert.equal(second.analyses.find((a) => a.relativePath === "2024-01-01-a.md")?.post?.url, "/k9s/a/");
    const third = await t.build({ parse: false });
    assert.deepEqual(third.counts, { hits: 3, misses: 0, stored: 0 });
    const manifest = await readFile(createAnalysisCache({ dir: t.dir, version: "test-1" }).fileOf(t.posts), "utf8");
    assert.ok(!manifest.includes("2024-01-03-c.md"), "the deleted post's entry is gone");
  } finally {
    await t.done();
  }
});

test("another code version, time zone or permalink misses, and gives that setting's result", async () => {
  const t = await setUp(FILES);
  try {
    await t.build();
    assert.deepEqual((await t.build({ version: "test-2" })).counts, { hits: 0, misses: 4, stored: 4 });
    const permalink = await t.build({ version: "test-2", site: { ...site, permalink: "/:year/:title/" } });
    assert.deepEqual(permalink.counts, { hits: 0, misses: 4, stored: 4 });
    assert.equal(permalink.analyses[0]!.post?.url, "/2024/a/");
    const zone = await t.build({ version: "test-2", site: { ...site, permalink: "/:year/:title/", timeZone: "UTC" } });
    assert.deepEqual(zone.counts, { hits: 0, misses: 4, stored: 4 });
    assert.notEqual(zone.analyses[0]!.post?.date.iso, permalink.analyses[0]!.post?.date.iso);
    assert.equal(zone.analyses[0]!.post?.date.instant.toISOString(), "2024-01-01T00:00:00.000Z");
  } finally {
    await t.done();
  }
});

test("a torn or corrupted manifest is a miss, never served, and is rewritten", async () => {
  const t = await setUp(FILES);
  try {
    await t.build();
    const file = createAnalysisCache({ dir: t.dir, version: "test-1" }).fileOf(t.posts);
    const good = await readFile(file);
    const body = good.subarray(good.indexOf(0x0a) + 1);
    const flipped = Buffer.from(good);
    const at = flipped.indexOf(Buffer.from('"/k8s/a/"'));
    assert.ok(at > 0);
    flipped[at + 2] = "9".charCodeAt(0); // "/k9s/a/": well-formed JSON, wrong content
    const damaged: [string, Buffer][] = [
      ["truncated", good.subarray(0, Math.floor(good.length / 2))],
      ["a byte changed", flipped],
      ["no header", body],
      ["empty", Buffer.alloc(0)],
      ["another format", Buffer.concat([Buffer.from("opsnote-analysis-cache/0 x 1 y\n"), body])],
    ];
    for (const [what, bytes] of damaged) {
      await writeFile(file, bytes);
      const read = await t.build();
      assert.deepEqual(read.counts, { hits: 0, misses: 4, stored: 4 }, what);
      assert.equal(read.analyses[0]!.post?.url, "/k8s/a/", what);
      assert.deepEqual((await t.build({ parse: false })).counts, { hits: 4, misses: 0, stored: 0 }, `${what}: rewritten`);
    }
    // A corrupt manifest is repaired even when every post was already known in memory.
    const memory = createCheckCache();
    const store = () => createAnalysisCache({ dir: t.dir, version: "test-1" });
    await analysePosts({ posts: t.posts, site, cache: memory, store: store() });
    await writeFile(file, "garbage");
    await analysePosts({ posts: t.posts, site, cache: memory, store: store() });
    assert.deepEqual((await t.build({ parse: false })).counts, { hits: 4, misses: 0, stored: 0 });
  } finally {
    await t.done();
  }
});

test("two builds saving at once leave a whole manifest", async () => {
  const t = await setUp(FILES);
  try {
    await Promise.all([t.build(), t.build(), t.build()]);
    assert.deepEqual((await t.build({ parse: false })).counts, { hits: 4, misses: 0, stored: 0 });
    assert.deepEqual(await readdir(t.dir), [path.basename(createAnalysisCache({ dir: t.dir, version: "x" }).fileOf(t.posts))]);
  } finally {
    await t.done();
  }
});

test("published or scheduled is decided at every build, also from a cached entry", async () => {
  const t = await setUp({
    "2024-01-01-now.md": post("title: 지금"),
    "2030-01-01-later.md": post("title: 나중"),
    "2024-01-02-link.md": post("title: 링크", "\n[나중](./2030-01-01-later.md)\n"),
  });
  try {
    const assets = path.join(t.root, "assets");
    const cold = await t.build();
    const before = new Date("2029-12-31T00:00:00Z");
    const scheduled = checkAnalyses(cold.analyses, { now: before, assets }).diagnostics.map((d) => d.message);
    assert.ok(scheduled.some((m) => m.includes("is in the future: scheduled")));
    assert.ok(scheduled.some((m) => m.includes("is a scheduled post")));
    assert.deepEqual(indexAnalyses(cold.analyses, before).posts.map((p) => [p.relativePath, p.published]),
      [["2024-01-01-now.md", true], ["2024-01-02-link.md", true], ["2030-01-01-later.md", false]]);

    const warm = await t.build({ parse: false });
    assert.equal(warm.counts.hits, 3);
    const after = new Date("2030-06-01T00:00:00Z");
    assert.deepEqual(checkAnalyses(warm.analyses, { now: after, assets }).diagnostics, []);
    assert.deepEqual(indexAnalyses(warm.analyses, after).posts.map((p) => p.published), [true, true, true]);
    // And the cached entry still knows it is scheduled before its date.
    assert.deepEqual(checkAnalyses(warm.analyses, { now: before, assets }).diagnostics.map((d) => d.message), scheduled);
  } finally {
    await t.done();
  }
});

test("other manifests are removed when one is written if their folder is gone or they were untouched for a month", async () => {
  const t = await setUp(FILES);
  try {
    await mkdir(t.dir, { recursive: true });
    const header = (folder: string) => `opsnote-analysis-cache/1 key 2 hash ${JSON.stringify(folder)}\n{}`;
    const files = {
      "analyses-old.json": header(t.root),
      "analyses-recent.json": header(t.root),
      "analyses-gone.json": header(path.join(t.root, "deleted-posts")),
      "analyses-garbage.json": "garbage",
      "analyses-killed.json.123-0-1.tmp": "half",
      "notes.txt": "x",
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(t.dir, name), text);
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const name of ["analyses-old.json", "analyses-killed.json.123-0-1.tmp", "notes.txt"]) await utimes(path.join(t.dir, name), longAgo, longAgo);
    await t.build();
    const left = (await readdir(t.dir)).sort();
    const manifest = path.basename(createAnalysisCache({ dir: t.dir }).fileOf(t.posts));
    assert.deepEqual(left, ["analyses-garbage.json", "analyses-recent.json", manifest, "notes.txt"].sort());
  } finally {
    await t.done();
  }
});

test("the cache lives in .cache/check, or in check/ under OPSNOTE_CACHE_DIR; the code version is stable", () => {
  const saved = process.env.OPSNOTE_CACHE_DIR;
  try {
    delete process.env.OPSNOTE_CACHE_DIR;
    assert.equal(defaultAnalysisCacheDir(), path.resolve(".cache/check"));
    process.env.OPSNOTE_CACHE_DIR = "/tmp/somewhere";
    assert.equal(defaultAnalysisCacheDir(), "/tmp/somewhere/check");
  } finally {
    if (saved === undefined) delete process.env.OPSNOTE_CACHE_DIR;
    else process.env.OPSNOTE_CACHE_DIR = saved;
  }
  assert.match(analysisCodeVersion(), /^\d+\.\d+\.\d+\+\d+\+[0-9a-f]{16}$/);
  assert.equal(analysisCodeVersion(), analysisCodeVersion());
});
