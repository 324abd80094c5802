/**
 * recentLocalTargets (src/preview/fast-path.ts): the files a post's relative targets point to that
 * appeared after the last build listed the published files, which the fast path leaves to Eleventy.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makeTempDir } from "../helpers/paths.ts";
import { recentLocalTargets } from "../../src/preview/fast-path.ts";

test("a relative image or link target created after the list is found; older, absolute, remote and missing ones are not", async () => {
  const dir = await makeTempDir("recent-targets");
  mkdirSync(path.join(dir, "img"));
  writeFileSync(path.join(dir, "old.png"), "png");
  await sleep(30);
  const since = Date.now();
  await sleep(30);
  writeFileSync(path.join(dir, "새 그림.png"), "png");
  writeFileSync(path.join(dir, "img", "diagram.svg"), "<svg/>");
  writeFileSync(path.join(dir, "notes.pdf"), "pdf");
  const post = path.join(dir, "post.md");
  const text = [
    "![옛 그림](./old.png) ![새 그림](./%EC%83%88%20%EA%B7%B8%EB%A6%BC.png)",
    '<img src="img/diagram.svg" alt="">',
    "[자료](notes.pdf?v=2#p1) [없는 파일](./none.png) ![절대](/assets/a.png) [밖](https://example.org/x.png) [앵커](#위)",
  ].join("\n\n");
  assert.deepEqual(recentLocalTargets(text, post, since).sort(), [path.join(dir, "img", "diagram.svg"), path.join(dir, "notes.pdf"), path.join(dir, "새 그림.png")].sort());
  assert.deepEqual(recentLocalTargets(text, post, Date.now() + 1000), [], "nothing newer than a later list");
});
