/**
 * The preview's fast path (src/preview/fast-path.ts) against the build it stands in for: a body
 * edit is written at once, and Eleventy's rebuild afterwards writes the very same bytes (with the
 * site at the root and under a path prefix, where Eleventy's HTML transform rewrites every URL).
 * Edits the fast path must leave alone go Eleventy's way, and open pages reload only when their
 * page changed. Real preview processes on loopback.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";

const SERIES = "series: 배포 입문\n";
const post = (title: string, extra: string, body: string) => `---\ntitle: ${title}\ncategories: [devops]\ntags: [kubernetes]\n${extra}---\n\n${body}\n`;

/** The post the tests edit: in a series, with neighbours, a TOC, highlighted code and Liquid. */
const middle = (more = "") => post("가운데 글", `${SERIES}toc: true\n`, [
  "첫 문단은 목록에 보이는 발췌문이다.",
  "## 설치",
  "```yaml\nkind: Deployment\n```",
  "이전 글: [입문]({% post_url 2024-01-01-first %})",
  more,
].join("\n\n"));

/** A body-only edit: a new section after the excerpt, a few words, the same reading time. */
const EDIT = "## 새 절\n\n고친 본문이다. ![구성 요소](/assets/images/components-of-kubernetes.svg)\n\n```shell\nkubectl get pods\n```";

async function writeCorpus(posts: string): Promise<void> {
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2024-01-01-first.md"), post("입문", SERIES, "첫 글의 본문."));
  await writeFile(path.join(posts, "2024-01-02-middle.md"), middle());
  await writeFile(path.join(posts, "2024-01-03-last.md"), post("마지막 글", "", "마지막 본문."));
  await writeFile(path.join(posts, "2024-01-04-draft.md"), post("쓰는 중", "draft: true\n", "초안."));
}

interface Site {
  root: string;
  posts: string;
  output: string;
  preview: PreviewProcess;
}

/** @param extra more post files (name to text) beside the corpus */
async function startSite(env: Record<string, string> = {}, extra: Record<string, string> = {}): Promise<Site> {
  const root = await makeTempDir("fast-path");
  const posts = path.join(root, "posts");
  const output = path.join(root, "out");
  await writeCorpus(posts);
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(posts, name), text);
  return { root, posts, output, preview: await startPreview({ posts, output, env: { OPSNOTE_DEBUG_PREVIEW: "1", ...env } }) };
}

async function stopSite(site: Site | undefined): Promise<void> {
  await site?.preview.stop();
  if (site) await rm(site.root, { recursive: true, force: true });
}

/** Splits a build event's data into its id and, when only some pages changed, their paths. */
function parseEvent(data: string): { id: string; pages?: string[] } {
  const space = data.indexOf(" ");
  return space === -1 ? { id: data } : { id: data.slice(0, space), pages: JSON.parse(data.slice(space + 1)) as string[] };
}

/**
 * Edits the middle post's body and checks what the fast path wrote against what Eleventy's rebuild
 * wrote afterwards, byte for byte. `builds` is the number of Eleventy builds so far.
 */
async function checkBodyEdit(site: Site, builds: number): Promise<Document> {
  const { preview } = site;
  const page = path.join(site.output, "devops/middle/index.html");
  const before = await readFile(page);
  preview.clearTerminal();
  await writeFile(path.join(site.posts, "2024-01-02-middle.md"), middle(EDIT));

  const event = parseEvent(await preview.nextBuild("the fast path"));
  assert.deepEqual(event.pages, ["/devops/middle/index.html"], `only the edited page reloads; the preview printed:\n${preview.terminal}`);
  assert.match(preview.terminal, /\/devops\/middle\/ updated in \d+ ms/);
  assert.doesNotMatch(preview.terminal, new RegExp(`built \\(${builds + 1}\\)`), "the fast path came before Eleventy's rebuild");
  const fast = await readFile(page);
  assert.notDeepEqual(fast, before);

  await preview.printed(new RegExp(`built \\(${builds + 1}\\)`), "Eleventy's rebuild");
  // Which of the two writes the file last depends on the machine's load: the preview compares the
  // rebuild's bytes with the fast path's itself (OPSNOTE_DEBUG_PREVIEW, set by startSite).
  assert.match(preview.terminal, /debug: the build rendered \/(blog\/)?devops\/middle\/index\.html as the fast path/, "Eleventy's rebuild rendered the page, with the fast path's bytes");
  const full = await readFile(page);
  assert.equal(full.toString("utf8"), fast.toString("utf8"), "the fast path wrote what the full build writes");
  assert.ok(full.equals(fast));

  // The rebuild changed no page an open page shows: nothing was announced after the fast path.
  const served = parseHTML(await (await fetch(new URL("/devops/middle/", preview.url))).text()).document;
  assert.equal(served.documentElement.getAttribute("data-opsnote-build"), event.id);
  return parseHTML(full.toString("utf8")).document;
}

let site: Site | undefined;
before(async () => {
  site = await startSite();
});
after(() => stopSite(site));

test("a body edit: the fast path writes the bytes Eleventy's rebuild writes, and only that page reloads", async () => {
  const document = await checkBodyEdit(site!, 1);
  assert.match(document.querySelector(".post__content")!.textContent!, /고친 본문이다/);
  assert.deepEqual([...document.querySelectorAll(".toc a")].map((a) => a.textContent), ["설치", "새 절"]);
  assert.ok(document.querySelector(".post__content pre.shiki, .post__content pre code"), "highlighted code");
  assert.equal(document.querySelector('.post__content a[href="/devops/first/"]')?.textContent, "입문", "Liquid post_url resolved");
  assert.equal(document.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href"), "/devops/first/");
  const parts = [...document.querySelectorAll(".series__list li")];
  assert.deepEqual(parts.map((li) => li.querySelector("a, [aria-current]")!.firstChild!.textContent!.trim()), ["입문", "가운데 글"]);
  assert.ok(parts[1]!.querySelector('[aria-current="page"]'));
});

test("a title edit goes Eleventy's way and reloads the pages that show the title, not the others", async () => {
  const { preview, posts } = site!;
  preview.clearTerminal();
  await writeFile(path.join(posts, "2024-01-01-first.md"), post("새 입문", SERIES, "첫 글의 본문."));
  const event = parseEvent(await preview.nextBuild("the rebuild after a title edit"));
  assert.doesNotMatch(preview.terminal, /updated in/, "no fast path for a changed title");
  assert.ok(event.pages, "only some pages reload");
  // The last post lists the first under its related posts.
  for (const shown of ["/devops/first/index.html", "/devops/middle/index.html", "/devops/last/index.html", "/index.html", "/archive/index.html"]) {
    assert.ok(event.pages.includes(shown), `${shown} shows the title: ${event.pages.join(" ")}`);
  }
  assert.ok(!event.pages.includes("/tags/index.html"), "the tag index does not show the first one's title");
  const middlePage = parseHTML(await readFile(path.join(site!.output, "devops/middle/index.html"), "utf8")).document;
  assert.match(middlePage.querySelector('.post-nav a[rel="prev"]')!.textContent!, /새 입문/);
});

test("a body edit with a broken link: the page at once, then check's warning in the terminal and no problems panel", async () => {
  const { preview, posts } = site!;
  preview.clearTerminal();
  await writeFile(path.join(posts, "2024-01-02-middle.md"), middle(`${EDIT}\n\n[없는 글](/devops/nope/)`));
  const fast = parseEvent(await preview.nextBuild("the fast path"));
  assert.deepEqual(fast.pages, ["/devops/middle/index.html"]);
  // A broken link leaves a page to publish: a warning in the preview as in a build, not an error panel.
  // The rebuild writes the bytes the fast path wrote: no page reloads again, and no panel is added.
  await preview.printed(/built \(\d+\)/, "the rebuild after the fast path");
  await preview.printed(/2024-01-02-middle\.md:\d+:\d+ warning link: \/devops\/nope\/: no post or page has this URL/, "check's warning");
  const document = parseHTML(await (await fetch(new URL("/devops/last/", preview.url))).text()).document;
  assert.equal(document.querySelector("#opsnote-build-error"), null);
});

test("under a path prefix the fast path applies Eleventy's HTML transforms too", async () => {
  let prefixed: Site | undefined;
  try {
    prefixed = await startSite({ OPSNOTE_PATH_PREFIX: "/blog/" });
    const document = await checkBodyEdit(prefixed, 1);
    assert.equal(document.querySelector('link[rel="stylesheet"]')?.getAttribute("href"), "/blog/assets/css/opsnote.css");
    assert.equal(document.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href"), "/blog/devops/first/");
  } finally {
    await stopSite(prefixed);
  }
});

test("a post that spells a tag unlike the site keeps the fast path, and shows the site's spelling as the build does", async () => {
  const spelled = (title: string, tag: string, body: string) => `---\ntitle: ${title}\ncategories: [devops]\ntags: [${tag}]\n---\n\n${body}\n`;
  let site2: Site | undefined;
  try {
    // Two posts say Docker, one docker: one tag, shown as Docker everywhere (collections/taxonomy.ts).
    site2 = await startSite({}, {
      "2024-02-01-docker-a.md": spelled("도커 하나", "Docker", "첫 도커 글."),
      "2024-02-02-docker-b.md": spelled("도커 둘", "Docker", "둘째 도커 글."),
      "2024-02-03-docker-c.md": spelled("도커 셋", "docker", "셋째 도커 글."),
    });
    const { preview, posts, output } = site2;
    preview.clearTerminal();
    await writeFile(path.join(posts, "2024-02-03-docker-c.md"), spelled("도커 셋", "docker", "셋째 도커 글.\n\n본문만 고쳤다."));
    const event = parseEvent(await preview.nextBuild("the fast path"));
    assert.deepEqual(event.pages, ["/devops/docker-c/index.html"], `the fast path, not a rebuild; the preview printed:\n${preview.terminal}`);
    await preview.printed(/built \(2\)/, "Eleventy's rebuild");
    assert.match(preview.terminal, /debug: the build rendered \/devops\/docker-c\/index\.html as the fast path/);
    const document = parseHTML(await readFile(path.join(output, "devops/docker-c/index.html"), "utf8")).document;
    assert.match(document.querySelector(".post__content")!.textContent!, /본문만 고쳤다/);
    assert.ok([...document.querySelectorAll("a")].some((a) => a.getAttribute("href") === "/tags/docker/" && a.textContent!.trim().replace(/^#/, "") === "Docker"), "the tag link says Docker");

    // Its own spelling changed: the site's may too, so Eleventy's rebuild decides.
    preview.clearTerminal();
    await writeFile(path.join(posts, "2024-02-03-docker-c.md"), spelled("도커 셋", "DOCKER", "셋째 도커 글.\n\n본문만 고쳤다."));
    await preview.printed(/built \(3\)/, "the rebuild after a spelling change");
    assert.doesNotMatch(preview.terminal, /updated in/);
  } finally {
    await stopSite(site2);
  }
});

test("a standalone page's body edit takes the fast path too", async () => {
  let paged: Site | undefined;
  try {
    const page = (body: string) => `---\ntitle: 소개\nlayout: page\npermalink: /about/\n---\n\n${body}\n`;
    paged = await startSite({}, { "about.md": page("이 블로그는 운영 노트다.") });
    const { preview, posts, output } = paged;
    preview.clearTerminal();
    await writeFile(path.join(posts, "about.md"), page("이 블로그는 운영 노트다.\n\n고친 소개 문단."));
    const event = parseEvent(await preview.nextBuild("the fast path"));
    assert.deepEqual(event.pages, ["/about/index.html"], "the fast path, not a rebuild");
    await preview.printed(/built \(2\)/, "Eleventy's rebuild");
    assert.match(preview.terminal, /debug: the build rendered \/about\/index\.html as the fast path/);
    const document = parseHTML(await readFile(path.join(output, "about/index.html"), "utf8")).document;
    assert.match(document.body.textContent!, /고친 소개 문단/);
  } finally {
    await stopSite(paged);
  }
});
