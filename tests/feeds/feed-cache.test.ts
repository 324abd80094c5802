/**
 * The feed cache (src/feeds/feed-cache.ts): a feed is made again when anything it shows changed, and
 * comes from the pack, as it was made, when nothing did.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFeedCache, sha256, type EntryKey } from "../../src/feeds/feed-cache.ts";
import type { FeedInfo } from "../../src/feeds/feed-entry.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "opsnote-feed-cache-"));

const info: FeedInfo = {
  title: "옵스 노트", description: "쿠버네티스 메모", feedUrl: "https://example.com/feed.xml", pageUrl: "https://example.com/",
  language: "ko", author: { name: "김옵스" },
};
const entry: EntryKey = {
  id: "https://example.com/k8s/", url: "https://example.com/k8s/", title: "쿠버네티스 입문", summary: "파드와 서비스",
  published: "2024-05-01T09:00:00+09:00", updated: "2024-05-01T09:00:00+09:00", tags: ["k8s"], categories: [],
  content: sha256("<p>본문</p>"),
};

/** The text `make` would give, and a record of each call. */
function maker(text: string) {
  const calls: string[] = [];
  return { calls, make: async () => (calls.push(text), text) };
}

test("the same feed comes from the cache; a change to any of its parts makes it again", async () => {
  const cache = createFeedCache({ file: path.join(root, "a", "feeds.pack"), salt: "s1" });
  const first = maker("<feed>1</feed>");
  assert.equal(await cache.text("atom", info, [entry], first.make), "<feed>1</feed>");
  const again = maker("<feed>other</feed>");
  assert.equal(await cache.text("atom", info, [entry], again.make), "<feed>1</feed>");
  assert.deepEqual(again.calls, [], "not made again");

  const changes: [string, () => Promise<string>][] = [
    ["an edited body", () => cache.text("atom", info, [{ ...entry, content: sha256("<p>고친 본문</p>") }], maker("x").make)],
    ["another title", () => cache.text("atom", info, [{ ...entry, title: "쿠버네티스 입문 (개정)" }], maker("x").make)],
    ["a new tag", () => cache.text("atom", info, [{ ...entry, tags: ["k8s", "helm"] }], maker("x").make)],
    ["a new entry", () => cache.text("atom", info, [{ ...entry, id: "https://example.com/helm/", url: "https://example.com/helm/" }, entry], maker("x").make)],
    ["another feed title", () => cache.text("atom", { ...info, title: "태그: k8s" }, [entry], maker("x").make)],
    ["the JSON Feed of the same entries", () => cache.text("json", info, [entry], maker("x").make)],
  ];
  for (const [label, run] of changes) assert.equal(await run(), "x", label);
  assert.deepEqual(cache.stats, { hits: 1, made: 7 });
});

test("a saved pack serves the next build; another salt, or a torn pack, is a miss", async () => {
  const file = path.join(root, "b", "feeds.pack");
  const cold = createFeedCache({ file, salt: "s1" });
  await cold.text("atom", info, [entry], maker("<feed>긴 본문</feed>").make);
  assert.equal(cold.pack.save(), true);

  const warm = createFeedCache({ file, salt: "s1" });
  assert.equal(await warm.text("atom", info, [entry], maker("x").make), "<feed>긴 본문</feed>");
  assert.equal(await createFeedCache({ file, salt: "s2" }).text("atom", info, [entry], maker("made").make), "made", "another opsnote, Eleventy or settings");

  const bytes = readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
  writeFileSync(file, bytes);
  assert.equal(await createFeedCache({ file, salt: "s1" }).text("atom", info, [entry], maker("made").make), "made", "a torn pack");
});
