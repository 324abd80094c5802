/**
 * `npm start` previews `posts/`, a folder inside the project. There Eleventy's incremental mode
 * matches a saved post to the pages it knows depend on it, and it does not know that the archive and
 * every post's previous/next links show other posts' titles: after a title edit they kept the old
 * title until a restart. The preview now rebuilds in full (src/cli/preview.ts, `--incremental` to opt
 * in); this runs it the way `npm start` does, on a posts folder inside the project.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

const post = (title: string, day: string) =>
  `---\ntitle: ${title}\ndate: 2024-01-${day}\ncategories: [devops]\ntags: [kubernetes]\n---\n\n${title}의 본문.\n`;

// Inside the project, as `posts/` is; removed afterwards.
const posts = path.join(REPO_ROOT, `preview-posts-${process.pid}`);
let output: string;
let preview: PreviewProcess | undefined;

before(async () => {
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2024-01-01-first.md"), post("입문", "01"));
  await writeFile(path.join(posts, "2024-01-02-second.md"), post("둘째 글", "02"));
  await writeFile(path.join(posts, "2024-01-03-third.md"), post("셋째 글", "03"));
  output = await makeTempDir("posts-in-project");
  preview = await startPreview({ posts: path.relative(REPO_ROOT, posts), output });
});

after(async () => {
  await preview?.stop();
  await rm(posts, { recursive: true, force: true });
  await rm(output, { recursive: true, force: true });
});

async function page(url: string) {
  return parseHTML(await readFile(path.join(output, url, "index.html"), "utf8")).document;
}

test("a title edit reaches every page that shows the title: neighbours' previous/next links and the archive", async () => {
  await writeFile(path.join(posts, "2024-01-02-second.md"), post("고친 제목", "02"));
  await preview!.nextBuild("the rebuild after a title edit");
  const links = (document: Document) => [...document.querySelectorAll(".post-nav a")].map((a) => a.textContent ?? "").join(" | ");
  assert.match(links(await page("devops/first")), /고친 제목/, "the older neighbour's next link");
  assert.match(links(await page("devops/third")), /고친 제목/, "the newer neighbour's previous link");
  const archive = (await page("archive")).querySelector("main")!.textContent!;
  assert.match(archive, /고친 제목/);
  assert.doesNotMatch(archive, /둘째 글/);
});
