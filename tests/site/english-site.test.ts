/**
 * `language: en` over a whole site: no Hangul anywhere in the interface of the home, a post, the tag,
 * category and archive pages, 404 and about, with the posts' own words (their bodies) masked, since
 * a Korean post stays Korean. Dates, reading time, archive headings, pagination, callout labels,
 * `lang` and og:locale follow. The same build has offline mode off (the default): no worker, no
 * offline page, no registration.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild } from "../helpers/build-in-child.ts";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/g;
let output = "";

const post = (title: string, date: string, extra: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n${body}\n`;

before(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "opsnote-english-site-"));
  const posts = path.join(root, "posts");
  await mkdir(posts);
  // English titles, terms and excerpts; Korean bodies (masked below) with a callout, headings and a TOC.
  const body = "쿠버네티스 본문입니다.\n\n## 설치\n\n> [!WARNING]\n> 운영 클러스터에서는 조심하세요.\n\n## 확인\n\n```sh\nkubectl get pods\n```\n";
  await writeFile(path.join(posts, "2024-05-03-first.md"), post("First steps", "2024-05-03", "tags: [kubernetes, helm]\ncategories: [devops]\ntoc: true\nexcerpt: The first post.\n", body));
  await writeFile(path.join(posts, "2024-05-20-second.md"), post("Second steps", "2024-05-20T10:00:00+09:00", "tags: [kubernetes]\ncategories: [devops]\nexcerpt: The second post.\nlast_modified_at: 2024-06-01\n", body));
  await writeFile(path.join(posts, "2023-11-02-older.md"), post("Older notes", "2023-11-02", "tags: [docker]\nexcerpt: An older post.\n", body));
  const settings = path.join(root, "opsnote.config.yaml");
  await writeFile(settings, "title: Ops Notes\ndescription: Notes on running things\nlanguage: en\npageSize: 2\n");
  output = path.join(root, "site");
  const build = buildInChild(posts, output, { OPSNOTE_CONFIG: settings });
  assert.equal(build.status, 0, build.stderr);
});

async function page(url: string): Promise<Document> {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return parseHTML(await readFile(path.join(output, file), "utf8")).document;
}

const PAGES = ["/", "/page/2/", "/devops/first/", "/devops/second/", "/tags/", "/tags/kubernetes/", "/categories/", "/categories/devops/", "/archive/", "/404.html", "/about/"];

for (const url of PAGES) {
  test(`language: en: no Hangul in the interface of ${url} (post bodies masked)`, async () => {
    const document = await page(url);
    assert.equal(document.documentElement.getAttribute("lang"), "en");
    assert.equal(document.querySelector('meta[property="og:locale"]')?.getAttribute("content"), "en_US");
    // The post's own words: its body, and its headings as the TOC lists them.
    for (const content of document.querySelectorAll(".post__content, .toc a")) content.remove();
    // Every text and every attribute (aria-labels, titles, the scripts' words in data-strings).
    const html = document.documentElement.outerHTML;
    assert.deepEqual(html.match(HANGUL) ?? [], [], `Hangul in ${url}`);
  });
}

test("language: en: a post's dates, reading time, TOC, callout and heading links are English", async () => {
  const document = await page("/devops/second/");
  const meta = [...document.querySelectorAll(".post__meta > span")].map((span) => span.textContent!.replace(/\s+/g, " ").trim());
  assert.deepEqual(meta, ["Published May 20, 2024", "Updated June 1, 2024", "1 min read"]);
  assert.equal(document.querySelector(".callout__title")?.textContent, "Warning");
  assert.equal(document.querySelector(".heading-anchor")?.getAttribute("aria-label"), "Link to the section ‘설치’");
  assert.equal((await page("/devops/first/")).querySelector(".toc__title")?.textContent, "Contents");
});

test("language: en: archive years with counts, English month-day dates, and pagination", async () => {
  const archive = await page("/archive/");
  const headings = [...archive.querySelectorAll(".archive-year h2")].map((h) => h.textContent!.replace(/\s+/g, " ").trim());
  assert.deepEqual(headings, ["2024 2 posts", "2023 1 post"]);
  assert.deepEqual([...archive.querySelectorAll(".archive-list time")].map((t) => t.textContent), ["May 20", "May 3", "Nov 2"]);
  const home = await page("/");
  assert.equal(home.querySelector(".pagination__status")?.textContent, "Page 1 of 2");
  assert.equal(home.querySelector(".pagination__next")?.textContent, "Next page");
  assert.equal((await page("/page/2/")).querySelector("title")?.textContent, "Recent posts (page 2) · Ops Notes");
});

test("language: en: feeds carry the language and English titles", async () => {
  const feed = JSON.parse(await readFile(path.join(output, "feed.json"), "utf8")) as { language: string };
  assert.equal(feed.language, "en");
  const atom = parseHTML(await readFile(path.join(output, "tags/kubernetes/feed.xml"), "utf8")).document;
  assert.equal(atom.querySelector("feed > title")?.textContent, "Ops Notes · Tag: kubernetes");
});

test("offline mode off (the default): no /sw.js, no offline page, no registration", async () => {
  assert.equal(existsSync(path.join(output, "sw.js")), false);
  assert.equal(existsSync(path.join(output, "offline")), false);
  const ui = (await page("/")).getElementById("opsnote-ui");
  assert.ok(ui?.hasAttribute("data-strings"), "guard: the scripts' words are there");
  assert.equal(ui!.hasAttribute("data-service-worker"), false);
});
