/**
 * The bench's `paged` row (posts as data in one paginated template) must publish what the `plain`
 * reference publishes, byte for byte, or the difference between the two rows would not be Eleventy's
 * cost per post template alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { makeTempDir, REPO_ROOT } from "../helpers/paths.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

async function build(config: string, posts: string, output: string): Promise<Map<string, string>> {
  const configPath = path.join(REPO_ROOT, "scripts", "bench", config);
  await new Eleventy(posts, output, { configPath, quietMode: true, source: "cli", runMode: "build" }).write();
  return snapshotFolder(output);
}

test("the paged build writes the plain build's pages, at the same paths, byte for byte", async () => {
  const dir = await makeTempDir("bench-paged");
  const posts = path.join(dir, "posts");
  writeCorpus(posts, 12, 7);
  const plain = await build("plain-eleventy.config.mjs", posts, path.join(dir, "plain"));
  const paged = await build("paged-eleventy.config.mjs", posts, path.join(dir, "paged"));
  assert.equal(plain.size, 12);
  assert.deepEqual([...paged.keys()].sort(), [...plain.keys()].sort());
  for (const [file, bytes] of plain) assert.equal(paged.get(file), bytes, file);
});
