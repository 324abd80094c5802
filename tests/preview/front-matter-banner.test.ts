/**
 * A front-matter mistake in the preview: the error names the line the mistake is on (an unclosed
 * quote on line 2, not line 3 where YAML noticed it), shows the source with a caret under the
 * column in the terminal and in the banner, is printed once, and the banner speaks Korean.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";
import { sourceSnippet } from "../../src/preview/source-snippet.ts";

let root: string;
let posts: string;
let preview: PreviewProcess;
before(async () => {
  root = await makeTempDir("preview-front-matter");
  posts = path.join(root, "posts");
  await mkdir(posts);
  await writeFile(path.join(posts, "2021-01-01-post.md"), "---\ntitle: 글\n---\n\n본문\n");
  preview = await startPreview({ posts, output: path.join(root, "out"), env: { OPSNOTE_CACHE_DIR: path.join(root, "cache") } });
});
after(async () => {
  await preview?.stop();
  await rm(root, { recursive: true, force: true });
});

test("sourceSnippet shows the line with its neighbours and a caret under the column", () => {
  assert.deepEqual(sourceSnippet('---\ntitle: "글\ntags: [a]\n---\n', 2, 8), [
    "1 | ---",
    '2 | title: "글',
    "  |        ^",
    "3 | tags: [a]",
  ]);
  assert.deepEqual(sourceSnippet("a\n\tb: c\n", 2, 2), ["1 | a", "2 | \tb: c", "  | \t^", "3 |"]);
  assert.deepEqual(sourceSnippet("a\n", 9, 1), []);
});

test("an unclosed quote on line 2: line 2, a snippet with a caret, printed once, a Korean banner", { timeout: 120_000 }, async () => {
  preview.clearTerminal();
  await writeFile(path.join(posts, "2021-01-01-post.md"), '---\ntitle: "글\ntags: [a]\n---\n\n본문\n');
  await preview.nextBuild("the failed rebuild");
  await preview.printed(/build failed/, "the failure line");

  const terminal = preview.terminal.split("\n");
  const errorLines = terminal.filter((line) => / error /.test(line));
  assert.equal(errorLines.length, 1, preview.terminal);
  assert.match(errorLines[0]!, /2021-01-01-post\.md:2:8 error front matter: invalid YAML: the quote \("\) opened here is never closed$/);
  const at = terminal.indexOf(errorLines[0]!);
  assert.ok(terminal.indexOf('    2 | title: "글') > at, preview.terminal);
  assert.ok(terminal.includes("      |        ^"), preview.terminal);

  const response = await fetch(new URL("/post/", preview.url));
  const panel = parseHTML(await response.text()).document.querySelector("#opsnote-build-error");
  const lines = (panel?.textContent ?? "").split("\n");
  assert.match(lines[0]!, /빌드 실패/);
  assert.match(lines[1]!, /2021-01-01-post\.md 2행 8열 · 오류 · 앞머리\(front matter\): YAML 문법 오류: 여기서 연 따옴표\("\)가 닫히지 않았습니다$/);
  assert.deepEqual(lines.slice(2, 6), ["    1 | ---", '    2 | title: "글', "      |        ^", "    3 | tags: [a]"]);
  assert.equal(lines.filter((line) => /2021-01-01-post\.md/.test(line)).length, 1, "the error is in the banner twice");
  assert.doesNotMatch(panel?.textContent ?? "", /invalid YAML|error front matter/);
});

test("npm run build prints the same error once, with the snippet under it", { timeout: 120_000 }, async () => {
  const buildPosts = path.join(root, "build-posts");
  await mkdir(buildPosts);
  await writeFile(path.join(buildPosts, "2021-01-01-post.md"), '---\ntitle: "글\ntags: [a]\n---\n\n본문\n');
  const result = await runCli("src/cli/build.ts", ["--posts", buildPosts, "--output", path.join(root, "build-out")]);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const lines = result.stderr.split("\n");
  const at = lines.findIndex((line) => /2021-01-01-post\.md:2:8 error front matter: invalid YAML: the quote \("\) opened here is never closed$/.test(line));
  assert.ok(at >= 0, result.stderr);
  assert.equal(lines.filter((line) => / error /.test(line)).length, 1, result.stderr);
  assert.deepEqual(lines.slice(at + 1, at + 5).map((line) => line.replace(/^\[opsnote\] /, "")), ["    1 | ---", '    2 | title: "글', "      |        ^", "    3 | tags: [a]"]);
});
