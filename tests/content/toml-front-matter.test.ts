/**
 * Zola and Hugo posts with TOML front matter between `+++` fences: read like YAML front matter,
 * with the file's line numbers in errors, and built unchanged.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readTomlFrontMatter, splitTomlFrontMatter } from "../../src/content/toml-front-matter.ts";
import { parsePostText } from "../../src/content/read-post.ts";
import { DiagnosticError, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";

const ZOLA_POST = [
  "+++",
  'title = "인그레스 정리"',
  "date = 2024-11-07",
  "updated = 2024-11-20T10:00:00+09:00",
  'description = "Zola로 쓴 글"',
  "",
  "[taxonomies]",
  'tags = ["kubernetes", "인그레스"]',
  'categories = ["devops"]',
  "+++",
  "",
  "## 인그레스란",
  "",
  "```yaml",
  "host: {{ .Values.host }}",
  "```",
  "",
].join("\n");

function diagnosticOf(run: () => unknown): Diagnostic {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DiagnosticError, String(error));
    return error.diagnostics[0]!;
  }
  assert.fail("expected a DiagnosticError");
}

test("a +++ block is split off with the file's line count before the body", () => {
  const block = splitTomlFrontMatter(ZOLA_POST, "p.md")!;
  assert.equal(block.bodyLineOffset, 10);
  assert.ok(block.body.startsWith("\n## 인그레스란"));
  assert.equal(splitTomlFrontMatter("---\ntitle: x\n---\n", "p.md"), undefined);
});

test("TOML values: dates as written, Zola taxonomies as tags and categories, key lines", () => {
  const { frontMatter, frontMatterSource } = readTomlFrontMatter(splitTomlFrontMatter(ZOLA_POST, "p.md")!, "p.md");
  assert.equal(frontMatter.date, "2024-11-07");
  assert.match(String(frontMatter.updated), /^2024-11-20T10:00:00(\.000)?\+09:00$/);
  assert.deepEqual(frontMatter.tags, ["kubernetes", "인그레스"]);
  assert.deepEqual(frontMatter.categories, ["devops"]);
  assert.equal(frontMatterSource.keyLines.title, 2);
  assert.equal(frontMatterSource.keyLines.tags, 8);
});

test("Zola's [extra] toc is read as toc, on its line; a top-level toc wins", () => {
  const zola = '+++\ntitle = "x"\n\n[taxonomies]\ntags = ["a"]\n\n[extra]\ntoc = true\n+++\n\n## 본문\n';
  const { frontMatter, frontMatterSource } = readTomlFrontMatter(splitTomlFrontMatter(zola, "p.md")!, "p.md");
  assert.equal(frontMatter.toc, true);
  assert.equal(frontMatterSource.keyLines.toc, 8);
  const both = '+++\ntitle = "x"\ntoc = false\n[extra]\ntoc = true\n+++\n';
  assert.equal(readTomlFrontMatter(splitTomlFrontMatter(both, "p.md")!, "p.md").frontMatter.toc, false);
  const other = '+++\ntitle = "x"\n[extra]\ncomment = true\n+++\n';
  assert.equal(readTomlFrontMatter(splitTomlFrontMatter(other, "p.md")!, "p.md").frontMatter.toc, undefined);
});

test("a TOML syntax error names the file line; an unclosed block is its own error", () => {
  const syntax = diagnosticOf(() => parsePostText('+++\ntitle = "x"\ndate = = 1\n+++\n', "posts/bad.md"));
  assert.equal(syntax.file, "posts/bad.md");
  assert.equal(syntax.line, 3);
  assert.match(syntax.message, /invalid TOML/);
  const unclosed = diagnosticOf(() => parsePostText('+++\ntitle = "x"\n', "posts/open.md"));
  assert.equal(unclosed.line, 1);
  assert.match(unclosed.message, /never closed/);
});

test("a Zola post builds: title, dates, tags and category pages, code kept literal", async () => {
  const posts = await writeTempFolder("toml", { "ingress/index.md": ZOLA_POST });
  const site = await buildTempSite(posts);
  const page = await site.page("/devops/ingress/");
  assert.equal(page.querySelector("h1")!.textContent!.trim(), "인그레스 정리");
  const times = [...page.querySelectorAll(".post__meta time")].map((t) => t.getAttribute("datetime"));
  assert.deepEqual(times, ["2024-11-07T00:00:00+09:00", "2024-11-20T10:00:00+09:00"]);
  assert.ok(page.querySelector("pre")!.textContent!.includes("{{ .Values.host }}"));
  assert.ok(!page.body.textContent!.includes("+++"), "the TOML block leaked into the page");
  const tagPage = await site.page("/tags/인그레스/");
  assert.ok(tagPage.querySelector('a[href="/devops/ingress/"]'));
});

test("Hugo's slug and url keys set the URL", async () => {
  const posts = await writeTempFolder("hugo-url", {
    "2024-01-02-first.md": '+++\ntitle = "a"\nslug = "쿠버네티스 입문"\ncategories = ["k8s"]\n+++\n본문\n',
    "2024-01-03-second.md": "---\ntitle: b\nurl: /notes/second-post/\n---\n본문\n",
  });
  const site = await buildTempSite(posts);
  assert.equal((await site.page("/k8s/쿠버네티스-입문/")).querySelector("h1")!.textContent!.trim(), "a");
  assert.equal((await site.page("/notes/second-post/")).querySelector("h1")!.textContent!.trim(), "b");
});
