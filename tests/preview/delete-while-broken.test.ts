/**
 * A post deleted while another post is broken: once the broken post is fixed, the preview builds
 * again (it used to fail on every later rebuild with "no such file" for the deleted post until a
 * restart), and a failed build always names its reason.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

let root: string;
let posts: string;
let preview: PreviewProcess;

const post = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

before(async () => {
  root = await makeTempDir("preview-delete");
  posts = path.join(root, "posts");
  await mkdir(posts);
  await writeFile(path.join(posts, "2021-01-01-gone.md"), post("지울 글", "곧 지운다."));
  await writeFile(path.join(posts, "2021-01-02-broken.md"), post("고칠 글", "첫 본문."));
  await writeFile(path.join(posts, "2021-01-03-other.md"), post("다른 글", "지울 글을 가리키지 않는다."));
  preview = await startPreview({ posts, output: path.join(root, "out"), env: { OPSNOTE_CACHE_DIR: path.join(root, "cache") } });
});

after(async () => {
  await preview?.stop();
  await rm(root, { recursive: true, force: true });
});

async function page(urlPath: string) {
  const response = await fetch(new URL(urlPath, preview.url));
  return { status: response.status, document: parseHTML(await response.text()).document };
}

test("delete a post while another is broken, then fix it: the preview recovers", { timeout: 240_000 }, async () => {
  const broken = path.join(posts, "2021-01-02-broken.md");
  await writeFile(broken, "---\ntitle: 고칠 글\ntags: [a, b\n---\n본문\n");
  await preview.nextBuild("the failed rebuild after the broken save");
  let panel = (await page("/broken/")).document.querySelector("#opsnote-build-error");
  assert.match(panel?.textContent ?? "", /2021-01-02-broken\.md 3행 \d+열 · 오류 · 앞머리\(front matter\): YAML 문법 오류/);

  preview.clearTerminal();
  await unlink(path.join(posts, "2021-01-01-gone.md"));
  await preview.nextBuild("the rebuild after the deletion");
  panel = (await page("/broken/")).document.querySelector("#opsnote-build-error");
  assert.match(panel?.textContent ?? "", /2021-01-02-broken\.md 3행 \d+열 · 오류 · 앞머리\(front matter\): YAML 문법 오류/, "the build failed for another reason");

  preview.clearTerminal();
  await writeFile(broken, post("고칠 글", "고친 본문."));
  await preview.nextBuild("the rebuild after the fix");
  const fixed = await page("/broken/");
  assert.ok(fixed.document.querySelector("#opsnote-build-error") === null, preview.terminal);
  assert.match(fixed.document.querySelector(".post__content")?.textContent ?? "", /고친 본문/);
  assert.equal((await page("/gone/")).status, 404);
  assert.doesNotMatch(preview.terminal, /no such file|ENOENT/);
  assert.doesNotMatch(preview.terminal, /^\[opsnote\] build failed/m);

  // And it keeps working: the next save builds too.
  await writeFile(path.join(posts, "2021-01-03-other.md"), post("다른 글", "새 본문."));
  await preview.nextBuild("the rebuild after another save");
  assert.match((await page("/other/")).document.querySelector(".post__content")?.textContent ?? "", /새 본문/);
});

test("a save while a build runs never reports a failure without a reason", { timeout: 240_000 }, async () => {
  preview.clearTerminal();
  const other = path.join(posts, "2021-01-03-other.md");
  // Title changes: no fast path, each save needs Eleventy's rebuild; the later saves land while one runs.
  for (let i = 1; i <= 4; i++) {
    await writeFile(other, post(`다른 글 ${i}`, `본문 ${i}.`));
    await writeFile(path.join(posts, `2021-02-0${i}-more-${i}.md`), post(`더 ${i}`, `본문 ${i}.`));
    await new Promise((resolve) => setTimeout(resolve, 200 * i));
  }
  await preview.printed(/다른 글 4|built \(\d+\)[\s\S]*built \(\d+\)/, "two builds");
  for (let i = 0; i < 30 && !/다른 글 4/.test((await page("/other/")).document.querySelector("h1")?.textContent ?? ""); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal((await page("/other/")).document.querySelector("h1")?.textContent, "다른 글 4", preview.terminal);
  assert.doesNotMatch(preview.terminal, /build failed/, preview.terminal);
});
