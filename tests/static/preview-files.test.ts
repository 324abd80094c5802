/**
 * The preview follows published files: an image saved beside a post while `npm start` runs is
 * copied and the post's relative target points at it after the rebuild.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let root: string;
let posts: string;
let preview: PreviewProcess;

before(async () => {
  root = await makeTempDir("preview-files");
  posts = path.join(root, "posts");
  await mkdir(path.join(posts, "notes"), { recursive: true });
  await writeFile(path.join(posts, "notes", "2024-01-01-diagram.md"), "---\ntitle: 도표\ncategories: [notes]\n---\n\n![도표](diagram.png)\n");
  preview = await startPreview({ posts, output: path.join(root, "out"), env: { OPSNOTE_CACHE_DIR: path.join(root, ".cache") } });
});

after(async () => {
  await preview?.stop();
  await rm(root, { recursive: true, force: true });
});

test("an image saved beside a post while previewing is served, and the page points at it", async () => {
  const imageUrl = new URL("/notes/diagram.png", preview.url);
  assert.equal((await fetch(imageUrl)).status, 404);
  const built = preview.nextBuild("the rebuild after the image is saved");
  await writeFile(path.join(posts, "notes", "diagram.png"), PNG);
  await built;
  const response = await fetch(imageUrl);
  assert.equal(response.status, 200);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
  // The post's text did not change: the page may keep its render until it does (the render cache).
  await writeFile(path.join(posts, "notes", "2024-01-01-diagram.md"), "---\ntitle: 도표\ncategories: [notes]\n---\n\n![도표](diagram.png)\n\n고침.\n");
  await preview.nextBuild("the rebuild after the post is saved");
  const { document } = parseHTML(await (await fetch(new URL("/notes/diagram/", preview.url))).text());
  assert.equal(document.querySelector(".post__content img")?.getAttribute("src"), "/notes/diagram.png");
});

test("an image pasted just before the post is saved: the first page the preview shows points at it", async () => {
  preview.clearTerminal();
  const post = "---\ntitle: 도표\ncategories: [notes]\n---\n\n![도표](diagram.png)\n\n고침.\n\n![붙인 그림](pasted.png)\n";
  // As an editor's "paste image" does: the file, then the post, within a few milliseconds.
  await writeFile(path.join(posts, "notes", "pasted.png"), PNG);
  await writeFile(path.join(posts, "notes", "2024-01-01-diagram.md"), post);
  // Every page shown on the way (the image's rebuild may come first) points at the published file.
  for (let event = 1; ; event++) {
    await preview.nextBuild(`build event ${event} after the save`);
    const { document } = parseHTML(await (await fetch(new URL("/notes/diagram/", preview.url))).text());
    const sources = [...document.querySelectorAll(".post__content img")].map((img) => img.getAttribute("src"));
    if (sources.length < 2 && event < 5) continue; // the post's save not built yet
    assert.deepEqual(sources, ["/notes/diagram.png", "/notes/pasted.png"], `the page at build event ${event}`);
    break;
  }
  assert.doesNotMatch(preview.terminal, /updated in/, "the last build's list of files did not have it: Eleventy's way");
});
