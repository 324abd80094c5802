/**
 * Grammars loaded on demand, through the real build (`npm run build` in a child process): a cold
 * build highlights the languages its posts name, and a warm rebuild (no highlight workers, every
 * other block from the cache) still loads the grammar of a language a post has just started using.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { buildInChild } from "../helpers/build-in-child.ts";

const POST = `---
title: 언어 테스트
date: 2024-03-01
---

\`\`\`C++
int main() { return 0; } // 끝
\`\`\`

\`\`\`kubectl
get pods
\`\`\`

\`\`\`kubectl
get svc
\`\`\`
`;

/** data-lang -> number of distinct token classes in that block of the built page. */
function blockColours(html: string): Record<string, number> {
  const { document } = parseHTML(html);
  return Object.fromEntries(
    [...document.querySelectorAll(".code-block")].map((block) => [
      block.getAttribute("data-lang"),
      new Set([...block.querySelectorAll("pre.shiki span.line span[class]")].map((span) => span.getAttribute("class"))).size,
    ]),
  );
}

test("a cold build and a warm rebuild highlight every language the posts name, with one warning per unknown one", async () => {
  const root = await writeTempFolder("languages-build", { "posts/2024-03-01-langs.md": POST });
  const cache = mkdtempSync(path.join(os.tmpdir(), "opsnote-languages-cache-"));
  const output = path.join(root, "out");
  const page = path.join(output, "langs", "index.html");
  try {
    const cold = buildInChild(path.join(root, "posts"), output, { OPSNOTE_CACHE_DIR: cache });
    assert.equal(cold.status, 0, cold.stderr + cold.stdout);
    const coldColours = blockColours(readFileSync(page, "utf8"));
    assert.ok(coldColours["c++"]! >= 3, `C++ is not highlighted: ${JSON.stringify(coldColours)}`);
    const unknown = `${cold.stdout}${cold.stderr}`.split("\n").filter((line) => line.includes('unknown code language "kubectl"'));
    assert.equal(unknown.length, 1, `one warning for two kubectl blocks:\n${unknown.join("\n")}`);
    assert.match(unknown[0]!, /2024-03-01-langs\.md:10:1 warning code: /);

    // The post now also uses Scala: the warm build has no workers, yet must load the grammar.
    writeFileSync(path.join(root, "posts", "2024-03-01-langs.md"), `${POST}\n\`\`\`scala\nobject A { val n: Int = 1 }\n\`\`\`\n`);
    const warm = buildInChild(path.join(root, "posts"), output, { OPSNOTE_CACHE_DIR: cache });
    assert.equal(warm.status, 0, warm.stderr + warm.stdout);
    assert.doesNotMatch(`${warm.stdout}${warm.stderr}`, /was not loaded/);
    const warmColours = blockColours(readFileSync(page, "utf8"));
    assert.ok(warmColours.scala! >= 3, `Scala is not highlighted: ${JSON.stringify(warmColours)}`);
    assert.equal(warmColours["c++"], coldColours["c++"], "the cached C++ block is unchanged");
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
