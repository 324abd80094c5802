/**
 * A post's summary (src/preview/post-summary.ts): the fast path renders a post's page alone only when
 * the summary is unchanged, so nothing outside the summary may show on another page. Checked on the
 * values, and on two real builds whose posts differ only outside the summary.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Post } from "../../src/content/post.ts";
import { parsePostDate } from "../../src/content/dates.ts";
import { postSummary, sameSummary } from "../../src/preview/post-summary.ts";
import { makePost } from "../helpers/make-post.ts";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";

test("the summary leaves out exactly the TOC settings and the Liquid switch (the image is the home page's thumbnail)", () => {
  const post = makePost("a", "2024-01-02", { image: "/a.png", series: "s" });
  assert.deepEqual(Object.keys(postSummary(post)).sort(), Object.keys(post).filter((k) => !["toc", "renderWithLiquid"].includes(k)).sort());
  assert.ok(sameSummary(post, { ...post, toc: { enabled: true, label: "차례", sticky: true }, renderWithLiquid: false }));
});

test("a change to anything another page shows changes the summary", () => {
  const post = makePost("a", "2024-01-02", { tags: [{ name: "k8s", slug: "k8s" }] });
  const later = parsePostDate("2024-01-03", "Asia/Seoul");
  assert.ok(later.ok);
  const changes: Partial<Post>[] = [
    { title: "b" }, { url: "/b/" }, { slug: "b" }, { date: later.date }, { updated: later.date }, { excerpt: "다른 발췌" },
    { readingMinutes: 2 }, { tags: [] }, { categories: [{ name: "ops", slug: "ops" }] }, { series: "s" }, { draft: true },
    { pin: true }, { redirectFrom: ["/old/"] }, { inputPath: "posts/b.md" }, { image: "/assets/images/a.png" },
  ];
  for (const change of changes) assert.ok(!sameSummary(post, { ...post, ...change }), `unnoticed: ${Object.keys(change)[0]}`);
});

const post = (title: string, extra: string, body: string) => `---\ntitle: ${title}\ncategories: [devops]\ntags: [kubernetes]\n${extra}---\n\n${body}\n`;

/** A series of two and a post after it; `middle` is the second part. */
async function buildWith(middle: string) {
  const posts = await writeTempFolder("summary", {
    "2024-01-01-first.md": post("입문", "series: 배포\n", "첫 글."),
    "2024-01-02-middle.md": middle,
    "2024-01-03-last.md": post("마지막", "", "마지막 글."),
  });
  const site = await buildTempSite(posts);
  const pages = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "pagefind") await walk(file);
      else if (entry.name.endsWith(".html")) pages.set(path.relative(site.output, file), await readFile(file, "utf8"));
    }
  };
  await walk(site.output);
  await rm(posts, { recursive: true, force: true });
  await rm(site.output, { recursive: true, force: true });
  return pages;
}

/** The pages of `b` that differ from those of `a`. */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  return [...a.keys()].filter((page) => a.get(page) !== b.get(page)).sort();
}

test("two builds differing only outside the summary differ only in the post's own page", async () => {
  const base = await buildWith(post("가운데", "series: 배포\n", "첫 문단.\n\n## 설치\n\n둘째 문단 {{ site.title }}."));
  const edited = await buildWith(post(
    "가운데", "series: 배포\ntoc: true\ntoc_label: 차례\nrender_with_liquid: false\n",
    "첫 문단.\n\n## 설치하기\n\n바뀐 둘째 문단 {{ site.title }}.",
  ));
  assert.deepEqual(differing(base, edited), ["devops/middle/index.html"]);
  // The control: a title is in the summary, and other pages show it.
  const retitled = await buildWith(post("새 가운데", "series: 배포\n", "첫 문단.\n\n## 설치\n\n둘째 문단 {{ site.title }}."));
  const changed = differing(base, retitled);
  assert.ok(changed.includes("index.html") && changed.includes("devops/first/index.html"), changed.join(" "));
});
