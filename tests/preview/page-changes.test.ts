/**
 * The preview's record of the pages it has written (src/preview/page-changes.ts): which pages a
 * build really changed, and fast-path pages an older build must not overwrite.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createPageLedger, pagePath } from "../../src/preview/page-changes.ts";

const OUT = path.resolve("/tmp/opsnote-ledger/out");
const at = (relative: string) => path.join(OUT, relative);
const result = (name: string, content: string, rawInput = `${name} body`) => ({
  inputPath: `posts/${name}.md`, outputPath: at(`devops/${name}/index.html`), content, rawInput,
});

test("pagePath: the page's path in the output folder, as the reload client compares it", () => {
  assert.equal(pagePath(OUT, at("devops/쿠버네티스/index.html")), "/devops/쿠버네티스/index.html");
  assert.equal(pagePath(OUT, at("404.html")), "/404.html");
  // Eleventy gives output paths relative to the working directory.
  assert.equal(pagePath(OUT, path.relative(process.cwd(), at("a/index.html"))), "/a/index.html");
});

test("a build changes the pages whose bytes differ; other outputs are not pages", () => {
  const ledger = createPageLedger(OUT);
  assert.deepEqual(ledger.afterBuild([result("a", "A1"), result("b", "B1")]).changed, ["/devops/a/index.html", "/devops/b/index.html"]);
  const feed = { inputPath: "feed.11ty.js", outputPath: at("feed.xml"), content: "<feed/>" };
  const second = ledger.afterBuild([result("a", "A1"), result("b", "B2"), feed, { inputPath: "x.md", outputPath: false }]);
  assert.deepEqual(second, { changed: ["/devops/b/index.html"], restore: [], rebuilt: [] });
});

test("a page the fast path wrote is not announced again when the build writes the same bytes", () => {
  const ledger = createPageLedger(OUT);
  ledger.afterBuild([result("a", "A1")]);
  const fast = { inputPath: "posts/a.md", outputPath: at("devops/a/index.html"), html: "A2", rawInput: "a v2" };
  assert.equal(ledger.recordFast(fast), true);
  assert.equal(ledger.recordFast(fast), false, "the same bytes again: nothing to show");
  assert.deepEqual(ledger.afterBuild([result("a", "A2", "a v2")]), { changed: [], restore: [], rebuilt: [{ page: "/devops/a/index.html", same: true }] });
  // Had the build written other bytes for the same text, the page would reload.
  assert.equal(ledger.recordFast({ ...fast, html: "A3", rawInput: "a v3" }), true);
  assert.deepEqual(ledger.afterBuild([result("a", "A3 from Eleventy", "a v3")]), {
    changed: ["/devops/a/index.html"],
    restore: [],
    rebuilt: [{ page: "/devops/a/index.html", same: false }],
  });
});

test("a build that read an older text of a fast-path post gives the fast page back", () => {
  const ledger = createPageLedger(OUT);
  ledger.afterBuild([result("a", "A1", "a v1")]);
  const fast = { inputPath: path.resolve("posts/a.md"), outputPath: at("devops/a/index.html"), html: "A3", rawInput: "a v3" };
  ledger.recordFast(fast);
  assert.deepEqual(ledger.afterBuild([result("a", "A2", "a v2")]), { changed: [], restore: [fast], rebuilt: [] });
  // The build that read the new text settles it.
  assert.deepEqual(ledger.afterBuild([result("a", "A3", "a v3")]), { changed: [], restore: [], rebuilt: [{ page: "/devops/a/index.html", same: true }] });
  assert.deepEqual(ledger.afterBuild([result("a", "A4", "a v4")]).changed, ["/devops/a/index.html"]);
});

test("after a save the fast path could not take, the build's page stands", () => {
  const ledger = createPageLedger(OUT);
  ledger.recordFast({ inputPath: "posts/a.md", outputPath: at("devops/a/index.html"), html: "A2", rawInput: "a v2" });
  ledger.forget("posts/a.md");
  assert.deepEqual(ledger.afterBuild([result("a", "A3 with a new title", "a v3")]), { changed: ["/devops/a/index.html"], restore: [], rebuilt: [] });
});
