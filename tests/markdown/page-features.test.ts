/**
 * The page flags (src/markdown/page-features.ts) through the preview, where pages are rendered
 * again and again from the same data and from the render cache: a body edit that adds math and a
 * diagram links KaTeX and loads Mermaid at once (fast path) and after Eleventy's rebuild; a page
 * re-rendered from the cache keeps its flags; an edit that removes them drops both. A real preview.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";
import { KATEX_STYLESHEET_URL, MERMAID_LOADER_URL } from "../../src/urls/site-urls.ts";
import { KATEX_ASSETS_DIR, MERMAID_ASSETS_DIR, MERMAID_ENTRY } from "../../src/markdown/client-assets.ts";

const post = (title: string, body: string) => `---\ntitle: ${title}\ncategories: [notes]\n---\n\n${body}\n`;
const WITH_BOTH = "가용성:\n\n$$\nA = \\frac{MTBF}{MTBF + MTTR}\n$$\n\n```mermaid\nflowchart LR\n  A --> B\n```";

let root: string;
let posts: string;
let output: string;
let preview: PreviewProcess | undefined;

before(async () => {
  root = await makeTempDir("page-features");
  posts = path.join(root, "posts");
  output = path.join(root, "out");
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2024-01-01-first.md"), post("첫 글", "본문."));
  await writeFile(path.join(posts, "2024-01-02-second.md"), post("둘째 글", "본문."));
  preview = await startPreview({ posts, output, env: { OPSNOTE_CACHE_DIR: path.join(root, "cache") } });
});
after(async () => {
  await preview?.stop();
  await rm(root, { recursive: true, force: true });
});

async function waitFor(condition: () => boolean, what: string, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > deadline) assert.fail(`${what}: not there after ${ms} ms`);
  }
}

async function features(url: string) {
  const document = parseHTML(await readFile(path.join(output, url, "index.html"), "utf8")).document;
  return {
    katex: document.querySelector(`link[href="${KATEX_STYLESHEET_URL}"]`) !== null,
    mermaid: document.querySelector(`script[src="${MERMAID_LOADER_URL}"]`) !== null,
  };
}

test("preview: adding math and a diagram links both at once, the rebuild writes the vendor files, the cache keeps the flags", async () => {
  const neither = { katex: false, mermaid: false };
  const both = { katex: true, mermaid: true };
  assert.deepEqual(await features("notes/second"), neither);
  assert.equal(existsSync(path.join(output, "assets/vendor")), false, "no vendor files before any page needs them");

  await writeFile(path.join(posts, "2024-01-02-second.md"), post("둘째 글", WITH_BOTH));
  await preview!.nextBuild("the fast path");
  assert.deepEqual(await features("notes/second"), both, "the fast path's page");
  await preview!.printed(/built \(2\)/, "Eleventy's rebuild");
  assert.deepEqual(await features("notes/second"), both, "the rebuilt page");
  // Written from the first render that needed them; the preview announces its build without waiting
  // for the other `eleventy.after` handlers, so give the last writes a moment.
  await waitFor(() => existsSync(path.join(output, MERMAID_ASSETS_DIR, MERMAID_ENTRY)), "Mermaid's files", 2000);
  assert.ok(existsSync(path.join(output, KATEX_ASSETS_DIR, "katex.min.css")), "KaTeX's files");
  assert.deepEqual(await features("notes/first"), neither);

  // An edit to the other post: the second is rendered again from the render cache, flags included.
  await writeFile(path.join(posts, "2024-01-01-first.md"), post("첫 글", "고친 본문."));
  await preview!.printed(/built \(3\)/, "the rebuild after editing the first post");
  assert.deepEqual(await features("notes/second"), both, "a cached render keeps its flags");
  assert.deepEqual(await features("notes/first"), neither);

  await writeFile(path.join(posts, "2024-01-02-second.md"), post("둘째 글", "수식도 그림도 없다."));
  await preview!.printed(/built \(4\)/, "the rebuild after removing them");
  assert.deepEqual(await features("notes/second"), neither, "a removed formula and diagram leave no flag behind");
});
