import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBodySummaryCache } from "../../src/content/body-summary.ts";
import { summariseBody } from "../../src/content/post.ts";

const BODY = "# 제목\n\n첫 문단 `kubectl` 입니다.\n\n```yaml\na: 1\n```\n\n둘째 문단.\n";

test("a body's excerpt and reading time come from the last build's pack, and a damaged pack is computed again", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "opsnote-summary-")), "summary.pack");
  const first = createBodySummaryCache(file);
  assert.deepEqual(first.summarise(BODY), summariseBody(BODY));
  assert.equal(first.pack.save(), true);

  const second = createBodySummaryCache(file);
  assert.equal(second.pack.read(createHash("sha256").update(BODY).digest("hex")), JSON.stringify(summariseBody(BODY)), "stored by the body's hash");
  assert.deepEqual(second.summarise(BODY), { excerpt: "첫 문단 kubectl 입니다.", readingMinutes: summariseBody(BODY).readingMinutes });
  assert.equal(second.pack.save(), false, "a hit adds nothing: nothing written");
  assert.deepEqual(second.summarise(`${BODY}\n셋째.`).excerpt, "첫 문단 kubectl 입니다.", "another body is computed");

  writeFileSync(file, "not a pack");
  assert.deepEqual(createBodySummaryCache(file).summarise(BODY), summariseBody(BODY));
});

test("turning emoji on summarises the bodies again: the setting is part of the pack's salt", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "opsnote-summary-")), "summary.pack");
  const excerptWith = (emoji: boolean) => {
    const cache = createBodySummaryCache(file, { emoji });
    const { excerpt } = cache.summarise(":memo: 메모\n");
    cache.pack.save();
    return excerpt;
  };
  assert.equal(excerptWith(false), ":memo: 메모");
  assert.equal(excerptWith(true), "📝 메모");
  assert.equal(excerptWith(false), ":memo: 메모");
});
