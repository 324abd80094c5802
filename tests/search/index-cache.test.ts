/**
 * The search index cache: a build whose pages are unchanged gets Pagefind's earlier index back,
 * byte for byte; anything else (a changed page, another Pagefind or other options, a torn entry)
 * runs Pagefind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, rm, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { createSearchIndexCache, FORMAT, tempBeside } from "../../src/search/index-cache.ts";
import { createIndexCache, indexSite, readSiteDocuments } from "../../src/search/index-site.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><title>${title}</title></head><body>
<main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

/** A small site: two posts Pagefind indexes and a list page it skips. */
async function writeSite(dir: string, secondBody = "헬름 차트의 values 파일을 나눕니다."): Promise<void> {
  await mkdir(path.join(dir, "k8s"), { recursive: true });
  await mkdir(path.join(dir, "helm"), { recursive: true });
  await writeFile(path.join(dir, "k8s", "index.html"), page("쿠버네티스 첫걸음", "파드와 디플로이먼트를 배웁니다."));
  await writeFile(path.join(dir, "helm", "index.html"), page("헬름 차트", secondBody));
  await writeFile(path.join(dir, "index.html"), "<!doctype html><html lang=\"ko\"><body><a href=\"/k8s/\">목록</a></body></html>");
}

/** The text of every page Pagefind indexed, from its fragments (gzipped `pagefind_dcd` + JSON). */
function indexedContents(pagefindDir: string): string[] {
  const fragments = path.join(pagefindDir, "fragment");
  return readdirSync(fragments).map((name) => {
    const text = gunzipSync(readFileSync(path.join(fragments, name))).toString("utf8");
    assert.ok(text.startsWith("pagefind_dcd"), name);
    return (JSON.parse(text.slice("pagefind_dcd".length)) as { content: string }).content;
  });
}

/** Runs `run` in a new temp folder, removed afterwards whatever happens. */
async function inTempDir(run: (root: string) => Promise<void>): Promise<void> {
  const root = await makeTempDir("search-cache");
  try {
    await run(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function entriesIn(cacheDir: string): Promise<string[]> {
  return (await readdir(cacheDir)).filter((name) => name.endsWith(".search")).sort();
}

test("hit: the same pages get Pagefind's index back, byte for byte, without running it", async () => {
  await inTempDir(async (root) => {
    const cache = createIndexCache(path.join(root, "cache"));
    const first = path.join(root, "first");
    await writeSite(first);
    const made = await indexSite(first, { cache });
    assert.equal(made.reused, false);
    assert.equal(indexedContents(path.join(first, "pagefind")).length, 2);
    assert.equal((await entriesIn(cache.dir)).length, 1);

    // A second build of the same pages, in another folder (a build writes to a fresh staging folder).
    const second = path.join(root, "second");
    await writeSite(second);
    const reused = await indexSite(second, { cache });
    assert.equal(reused.reused, true);
    assert.equal(reused.pages, made.pages);
    const original = snapshotFolder(path.join(first, "pagefind"));
    assert.ok(original.size > 5, `only ${original.size} files in Pagefind's output`);
    assert.deepEqual(snapshotFolder(path.join(second, "pagefind")), original);
  });
});

test("miss: a changed page runs Pagefind again, and the index holds the new text", async () => {
  await inTempDir(async (root) => {
    const cache = createIndexCache(path.join(root, "cache"));
    const before = path.join(root, "before");
    await writeSite(before);
    await indexSite(before, { cache });

    const after = path.join(root, "after");
    await writeSite(after, "테라폼 상태 파일을 원격 백엔드에 둡니다.");
    assert.notEqual(cache.keyOf(await readSiteDocuments(after)), cache.keyOf(await readSiteDocuments(before)));
    const result = await indexSite(after, { cache });
    assert.equal(result.reused, false);
    const contents = indexedContents(path.join(after, "pagefind"));
    assert.ok(contents.some((text) => text.includes("테라폼 상태 파일")), contents.join("\n"));
    assert.ok(!contents.some((text) => text.includes("values 파일")), "the old text is gone from the index");
    assert.equal((await entriesIn(cache.dir)).length, 2);
  });
});

test("the key covers every search document's URL and HTML, and nothing under pagefind/ or outside the indexed bodies", async () => {
  await inTempDir(async (root) => {
    const cache = createSearchIndexCache({ dir: path.join(root, "cache"), salt: "s" });
    const site = path.join(root, "site");
    await writeSite(site);
    const key = cache.keyOf(await readSiteDocuments(site));
    assert.match(key, /^[0-9a-f]{64}$/);

    await mkdir(path.join(site, "pagefind"), { recursive: true });
    await writeFile(path.join(site, "pagefind", "stale.html"), "old output");
    await writeFile(path.join(site, "notes.txt"), "not a page");
    await writeFile(path.join(site, "index.html"), "<!doctype html><html lang=\"ko\"><body><a href=\"/helm/\">새 목록</a></body></html>");
    assert.equal(cache.keyOf(await readSiteDocuments(site)), key, "Pagefind's own output, non-HTML files and pages without an indexed body are not inputs");
    assert.equal(cache.keyOf([...(await readSiteDocuments(site))].reverse()), key, "the order documents arrive in does not matter");

    await cp(path.join(site, "helm"), path.join(site, "helm-2"), { recursive: true });
    await rm(path.join(site, "helm"), { recursive: true });
    assert.notEqual(cache.keyOf(await readSiteDocuments(site)), key, "a page that moved changes its URL in the index");
  });
});

test("version change: another Pagefind version or other options make another key", async () => {
  await inTempDir(async (root) => {
    const site = path.join(root, "site");
    await writeSite(site);
    const dir = path.join(root, "cache");
    const keys = await Promise.all(
      ['{"pagefind":"1.6.0"}', '{"pagefind":"1.7.0"}', '{"pagefind":"1.6.0","options":{"excludeSelectors":[".toc"]}}'].map(
        async (salt) => createSearchIndexCache({ dir, salt }).keyOf(await readSiteDocuments(site)),
      ),
    );
    assert.equal(new Set(keys).size, 3);

    // An entry stored under one salt is not found under the other's key.
    const old = createSearchIndexCache({ dir, salt: '{"pagefind":"1.6.0"}' });
    const pagefindDir = path.join(root, "index");
    await mkdir(pagefindDir);
    await writeFile(path.join(pagefindDir, "pagefind.js"), "// index");
    await old.store(keys[0]!, pagefindDir, { pages: 2 });
    assert.deepEqual(await old.restore(keys[0]!, path.join(root, "restored-old")), { pages: 2 });
    assert.equal(await createSearchIndexCache({ dir, salt: '{"pagefind":"1.7.0"}' }).restore(keys[1]!, path.join(root, "restored-new")), undefined);
  });
});

test("torn entry: a truncated or altered entry is a miss, leaves the target alone, and is replaced", async () => {
  await inTempDir(async (root) => {
    const cache = createSearchIndexCache({ dir: path.join(root, "cache"), salt: "s" });
    const source = path.join(root, "index");
    await mkdir(path.join(source, "fragment"), { recursive: true });
    await writeFile(path.join(source, "pagefind.js"), "export const x = 1;\n");
    await writeFile(path.join(source, "fragment", "ko_1.pf_fragment"), Buffer.from([0x1f, 0x8b, 0, 1, 2, 3]));
    const key = "a".repeat(64);
    await cache.store(key, source, { pages: 1 });
    const [entry] = await entriesIn(cache.dir);
    assert.ok(entry);
    const file = path.join(cache.dir, entry);
    const whole = readFileSync(file);

    const target = path.join(root, "site", "pagefind");
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "previous.js"), "kept");

    // A killed writer (the rename makes this impossible for our own writes, but a disk can still tear).
    await truncate(file, whole.byteLength - 3);
    assert.equal(await cache.restore(key, target), undefined);
    // The same length, one byte changed inside a file.
    const altered = Buffer.from(whole);
    altered[altered.byteLength - 2] = altered[altered.byteLength - 2]! ^ 0xff;
    await writeFile(file, altered);
    assert.equal(await cache.restore(key, target), undefined);
    // A whole entry under another key's name (a file copied by hand): its header names its own key.
    await writeFile(path.join(cache.dir, `${"b".repeat(64)}.search`), whole);
    assert.equal(await cache.restore("b".repeat(64), target), undefined);
    assert.deepEqual(snapshotFolder(target), new Map([["previous.js", Buffer.from("kept").toString("base64")]]));

    await cache.store(key, source, { pages: 1 });
    // Restored in place (a recycled staging folder has last time's index): a file at one of the index's
    // paths is overwritten, and files and folders of no index path go.
    const [listed] = snapshotFolder(source).keys();
    await mkdir(path.dirname(path.join(target, listed!)), { recursive: true });
    await writeFile(path.join(target, listed!), "stale bytes of an older index");
    await mkdir(path.join(target, "old-fragments"), { recursive: true });
    await writeFile(path.join(target, "old-fragments", "gone.pf_fragment"), "x");
    assert.deepEqual(await cache.restore(key, target), { pages: 1 });
    assert.deepEqual(snapshotFolder(target), snapshotFolder(source), "the restored folder replaces the old one");
    assert.equal(existsSync(path.join(target, "old-fragments")), false, "a folder left empty is removed");
  });
});

test("an entry whose checksum holds but whose paths leave the folder, or whose list is malformed, is refused", async () => {
  await inTempDir(async (root) => {
    const cache = createSearchIndexCache({ dir: path.join(root, "cache"), salt: "s" });
    await mkdir(cache.dir, { recursive: true });
    const key = "d".repeat(64);
    /** An entry as the format describes it, checksum and all, with whatever list it is given. */
    const forge = async (list: unknown, body: string) => {
      const rest = Buffer.from(`${JSON.stringify(list)}\n${body}`);
      const digest = createHash("sha256").update(rest).digest("hex");
      await writeFile(path.join(cache.dir, `${key}.search`), Buffer.concat([Buffer.from(`${FORMAT} ${key} ${rest.byteLength} ${digest}\n`), rest]));
    };
    const target = path.join(root, "site", "pagefind");

    await forge({ pages: 1, files: [["pagefind.js", 2]] }, "ok");
    assert.deepEqual(await cache.restore(key, target), { pages: 1 }, "the forger writes the format right");
    for (const list of [
      { pages: 1, files: [["../escape.js", 2]] },
      { pages: 1, files: [["fragment/../../escape.js", 2]] },
      { pages: 1, files: [[path.join(root, "escape.js"), 2]] },
      { pages: 1, files: [["a\\..\\..\\escape.js", 2]] },
      { pages: 1, files: [["pagefind.js", 3]] }, // sizes that do not add up
      { pages: 1, files: "pagefind.js" },
      { files: [["pagefind.js", 2]] },
      null,
    ]) {
      await forge(list, "ok");
      assert.equal(await cache.restore(key, target), undefined, JSON.stringify(list));
    }
    assert.equal(existsSync(path.join(root, "site", "escape.js")), false);
    assert.equal(existsSync(path.join(root, "escape.js")), false);
  });
});

test("concurrent stores of one key leave one whole entry and no temp files", async () => {
  await inTempDir(async (root) => {
    const dir = path.join(root, "cache");
    const source = path.join(root, "index");
    await mkdir(source);
    await writeFile(path.join(source, "pagefind.js"), "x".repeat(200_000));
    const key = "c".repeat(64);
    await Promise.all(Array.from({ length: 6 }, () => createSearchIndexCache({ dir, salt: "s" }).store(key, source, { pages: 3 })));
    assert.deepEqual(await readdir(dir), [`${key}.search`]);
    const cache = createSearchIndexCache({ dir, salt: "s" });
    assert.deepEqual(await cache.restore(key, path.join(root, "out")), { pages: 3 });
    assert.deepEqual(snapshotFolder(path.join(root, "out")), snapshotFolder(source));
  });
});

test("pruning keeps the entry just stored and the most recently used other, and removes old temp files", async () => {
  await inTempDir(async (root) => {
    const dir = path.join(root, "cache");
    const source = path.join(root, "index");
    await mkdir(source);
    await writeFile(path.join(source, "pagefind.js"), "//");
    const cache = createSearchIndexCache({ dir, salt: "s" });
    const keys = ["1", "2"].map((digit) => digit.repeat(64));
    for (const [i, key] of keys.entries()) {
      await cache.store(key, source, { pages: 1 });
      // Distinct modification times, oldest first, whatever the file system's resolution.
      const when = new Date(Date.UTC(2026, 0, 1 + i));
      await utimes(path.join(dir, `${key}.search`), when, when);
    }
    // Restoring the older one makes it the most recently used.
    assert.ok(await cache.restore(keys[0]!, path.join(root, "out")));
    const killed = path.join(dir, `${"9".repeat(64)}.search.1-1.tmp`);
    await writeFile(killed, "half");
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(killed, longAgo, longAgo);

    const newest = "4".repeat(64);
    await cache.store(newest, source, { pages: 1 });
    assert.deepEqual(await readdir(dir).then((names) => names.sort()), [`${keys[0]}.search`, `${newest}.search`]);
    assert.ok((await stat(path.join(dir, `${newest}.search`))).size > 0);
  });
});

test("temp folders beside one target never share a name in a process (a restore once wrote into Pagefind's)", () => {
  const target = path.join("site", "pagefind");
  const names = Array.from({ length: 3 }, () => tempBeside(target));
  assert.equal(new Set(names).size, names.length, names.join(", "));
  for (const name of names) assert.match(path.basename(name), new RegExp(`^pagefind\\.${process.pid}-\\d+\\.tmp$`));
});
