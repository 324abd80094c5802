/**
 * A front-matter key one typo away from a known key is a warning with "did you mean" and its
 * file:line, in `check` and in the build alike; other themes' keys stay silent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { findMisspelledKeys, suggestFrontMatterKey } from "../../src/content/misspelled-keys.ts";
import { parsePostText } from "../../src/content/front-matter.ts";
import { buildPost } from "../../src/content/post.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

/** [written, meant]; undefined: silent. */
const SUGGESTIONS: [string, string | undefined][] = [
  ["categroies", "categories"],
  ["catagories", "categories"],
  ["toc_lable", "toc_label"],
  ["last_modifed_at", "last_modified_at"],
  ["Title", "title"],
  ["titel", "title"],
  ["draf", "draft"],
  ["publised", "published"],
  ["redirect_form", "redirect_from"],
  // Known keys; Hugo PaperMod's ShowToc in any case (Hugo lowercases keys).
  ["tags", undefined],
  ["tag", undefined], // Jekyll's singular form, read as tags (leewr9's Minima posts)
  ["ShowToc", undefined],
  ["showtoc", undefined],
  ["showToc", undefined],
  ["math", undefined],
  ["series", undefined],
  ["layout", undefined],
  // Other themes' keys, some of them one or two letters from a known key.
  ["sidebar", undefined],
  ["author_profile", undefined],
  ["author", undefined],
  ["comments", undefined],
  ["mermaid", undefined],
  ["link", undefined], // Minimal Mistakes; 2 from `pin`
  ["path", undefined], // Zola; 2 from `math`
  ["redirect_to", undefined], // jekyll-redirect-from; the opposite of `redirect_from`
  ["toc_levels", undefined],
  ["teaser", undefined],
  ["subtitle", undefined],
  ["image_path", undefined],
  ["완전히_다른_키", undefined],
  // Short keys two edits from a short known key are other tools' words, not typos.
  ["name", undefined], // 2 from `date`
  ["kind", undefined], // 2 from `pin`
  ["dte", "date"],
  ["tgas", "tags"],
];

test("suggestFrontMatterKey: typos of known keys, silence for the rest", () => {
  for (const [written, meant] of SUGGESTIONS) assert.equal(suggestFrontMatterKey(written), meant, written);
});

const POST = `---
title: 오타
tgas: k8s
categroies: [devops]
toc_lable: 차례
last_modifed_at: 2024-11-08
sidebar:
  nav: docs
---

본문
`;

test("buildPost warns once per misspelled key, naming its line; other keys are silent", () => {
  const { data } = parsePostText(POST, "posts/2024-11-07-x.md");
  const built = buildPost({
    inputPath: "posts/2024-11-07-x.md", frontMatter: data.frontMatter ?? {}, source: data.frontMatterSource, body: "본문",
    site: { timeZone: "Asia/Seoul", permalink: "/:title/" },
  });
  assert.ok(built.ok);
  assert.deepEqual(built.warnings.map(formatDiagnostic), [
    'posts/2024-11-07-x.md:3:1 warning tgas: unknown front-matter key; did you mean "tags"?',
    'posts/2024-11-07-x.md:4:1 warning categroies: unknown front-matter key; did you mean "categories"?',
    'posts/2024-11-07-x.md:5:1 warning toc_lable: unknown front-matter key; did you mean "toc_label"?',
    'posts/2024-11-07-x.md:6:1 warning last_modifed_at: unknown front-matter key; did you mean "last_modified_at"?',
  ]);
  // The misspelled values really are ignored: that is why it warns.
  assert.deepEqual(built.post.tags, []);
  assert.equal(built.post.toc.label, "목차");
});

test("the warning comes with the errors of a post that does not build", () => {
  const { data } = parsePostText("---\ntoc: maybe\ntgas: k8s\n---\n", "posts/2024-11-07-y.md");
  const built = buildPost({
    inputPath: "posts/2024-11-07-y.md", frontMatter: data.frontMatter ?? {}, source: data.frontMatterSource, body: "",
    site: { timeZone: "Asia/Seoul", permalink: "/:title/" },
  });
  assert.equal(built.ok, false);
  assert.deepEqual(built.warnings.map(formatDiagnostic), ['posts/2024-11-07-y.md:3:1 warning tgas: unknown front-matter key; did you mean "tags"?']);
});

test("findMisspelledKeys without a source has no line", () => {
  assert.deepEqual(findMisspelledKeys({ tgas: "x" }, undefined, "posts/z.md"), [
    { severity: "warning", file: "posts/z.md", line: undefined, column: undefined, field: "tgas", message: 'unknown front-matter key; did you mean "tags"?' },
  ]);
});

test("npm run check and npm run build print the same warning with file:line; check still passes", async (t) => {
  const root = await writeTempFolder("misspelled-keys", { "posts/2024-11-07-x.md": POST });
  const cache = await makeTempDir("misspelled-keys-cache");
  t.after(() => Promise.all([rm(root, { recursive: true, force: true }), rm(cache, { recursive: true, force: true })]));
  const posts = path.join(root, "posts");
  const expected = [
    /2024-11-07-x\.md:3:1 warning tgas: unknown front-matter key; did you mean "tags"\?/,
    /2024-11-07-x\.md:4:1 warning categroies: unknown front-matter key; did you mean "categories"\?/,
    /2024-11-07-x\.md:5:1 warning toc_lable: unknown front-matter key; did you mean "toc_label"\?/,
    /2024-11-07-x\.md:6:1 warning last_modifed_at: unknown front-matter key; did you mean "last_modified_at"\?/,
  ];

  const check = await runCli("src/cli/check.ts", ["--posts", posts]);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  for (const line of expected) assert.match(check.stdout, line);
  assert.doesNotMatch(check.stdout, /sidebar/);

  const build = buildInChild(posts, path.join(root, "out"), { OPSNOTE_CACHE_DIR: cache });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  for (const line of expected) {
    // Once each, however many times the build reads the post.
    assert.equal(build.stderr.split("\n").filter((text) => line.test(text)).length, 1, `${line}\n${build.stderr}`);
  }
  assert.doesNotMatch(build.stderr, /sidebar/);
});
