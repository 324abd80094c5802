/**
 * A draft at the URL of a published post (an imported Hugo blog had one): a production build leaves
 * the draft out; the preview, which shows drafts, leaves this one out too, with a warning, and serves
 * the site instead of failing it. A real preview process on loopback.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

let root: string | undefined;
let preview: PreviewProcess | undefined;
after(async () => {
  await preview?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

test("the preview leaves out a draft at a published post's URL, says so, and serves the site", async () => {
  root = await makeTempDir("draft-clash");
  const posts = path.join(root, "posts");
  await mkdir(path.join(posts, "intro"), { recursive: true });
  await mkdir(path.join(posts, "advanced"), { recursive: true });
  await writeFile(path.join(posts, "intro", "overview.md"), "---\ntitle: 입문 개요\ndate: 2024-01-01\npermalink: /post/overview/\n---\n\n입문 본문.\n");
  await writeFile(path.join(posts, "advanced", "overview.md"), "---\ntitle: 고급 개요\ndate: 2024-02-01\ndraft: true\npermalink: /post/overview/\n---\n\n고급 본문.\n");
  await writeFile(path.join(posts, "2024-03-01-other-draft.md"), "---\ntitle: 다른 초안\ndraft: true\n---\n\n초안 본문.\n");
  preview = await startPreview({ posts, output: path.join(root, "out"), env: { OPSNOTE_CACHE_DIR: path.join(root, "cache") } });

  assert.match(preview.terminal, /built \(1\)/);
  assert.doesNotMatch(preview.terminal, /build failed/);
  assert.match(preview.terminal, /advanced\/overview\.md warning url: \/post\/overview\/ is also the URL of .*intro\/overview\.md; this draft post is left out of the preview/);
  const response = await fetch(new URL("/post/overview/", preview.url));
  assert.equal(response.status, 200);
  const { document } = parseHTML(await response.text());
  assert.equal(document.querySelector("h1")?.textContent?.trim(), "입문 개요", "the published post has its URL");
  assert.equal(document.querySelector("#opsnote-build-error"), null);
  // Other drafts are still shown.
  const home = parseHTML(await (await fetch(new URL("/", preview.url))).text()).document;
  assert.match(home.body.textContent!, /다른 초안/);
  assert.doesNotMatch(home.body.textContent!, /고급 개요/);
});
