/**
 * A Jekyll post through a real build: `{{ page.title }}` and friends in prose get the post's own
 * values (the adapter finds the post as built), and a kramdown link with spaces is a link in the page
 * and in `check`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";
import { checkPosts } from "../../src/check/check-posts.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site as settings } from "../../src/site.ts";

process.env.OPSNOTE_CACHE_DIR ??= await mkdtemp(path.join(tmpdir(), "opsnote-page-variables-cache-"));

const POST = [
  "---", "title: 첫 블로그", "date: 2020-05-17", "last_modified_at: 2020-06-01", "---", "",
  "이 글의 제목은 {{ page.title }}이고 {{ page.date }}에 썼고 {{ page.last_modified_at }}에 고쳤다.", "",
  "주소는 {{ page.url }}, 사이트는 {{ site.title }}.", "",
  "[발표 자료](slides 2020 final.pdf) `{{ page.title }}`", "",
  "```liquid", "{{ page.title }}", "```", "",
].join("\n");

const posts = await writeTempFolder("page-variables", {
  "notes/2020-05-17-my-first-blog.md": POST,
  "notes/slides 2020 final.pdf": "%PDF-1.4\n",
});
await mkdir(path.join(path.dirname(posts), "assets"), { recursive: true });
const site = await buildTempSite(posts);

test("page and site values replace the Liquid in prose, dates as the page shows them; code keeps it", async () => {
  const doc = await site.page("/my-first-blog/");
  const paragraphs = [...doc.querySelectorAll(".post__content p")].map((p) => p.textContent ?? "");
  assert.equal(paragraphs[0], "이 글의 제목은 첫 블로그이고 2020년 5월 17일에 썼고 2020년 6월 1일에 고쳤다.");
  assert.equal(paragraphs[1], `주소는 /my-first-blog/, 사이트는 ${settings.title}.`);
  assert.equal(doc.querySelector(".post__content p code")?.textContent, "{{ page.title }}");
  assert.equal(doc.querySelector(".post__content pre")?.textContent?.trim(), "{{ page.title }}");
});

test("a link whose destination has spaces is a link in the page", async () => {
  const doc = await site.page("/my-first-blog/");
  const link = [...doc.querySelectorAll(".post__content a")].find((a) => a.textContent === "발표 자료");
  // The file beside the post is published at its folder's URL, and the relative link is pointed there.
  assert.equal(link?.getAttribute("href"), "/notes/slides%202020%20final.pdf");
  assert.equal(await site.read("notes/slides 2020 final.pdf"), "%PDF-1.4\n");
});

test("check sees the spaced link: a missing file is reported by name, an existing one is fine", async () => {
  const root = await writeTempFolder("page-variables-check", {
    "posts/2020-05-17-my-first-blog.md": POST.replace("slides 2020 final.pdf", "missing deck.pdf"),
    "posts/2020-05-18-other.md": POST.replace("첫 블로그", "둘째"),
    "posts/slides 2020 final.pdf": "%PDF-1.4\n",
  });
  const report = await checkPosts({ posts: path.join(root, "posts"), assets: path.join(root, "assets"), site: settings });
  const linkProblems = report.diagnostics.filter((d) => d.field === "link").map(formatDiagnostic);
  assert.equal(linkProblems.length, 1, linkProblems.join("\n"));
  assert.match(linkProblems[0]!, /my-first-blog\.md:11:\d+ .*missing deck\.pdf/);
});
