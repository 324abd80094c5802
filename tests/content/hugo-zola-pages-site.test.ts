/**
 * What Hugo and Zola blogs bring, on real builds (issue 15, X5 and X7): `series:` as a list, an
 * undated `about.md` at `url: /about/` (no `layout: page`) that replaces the generated about page, a
 * dated post there doing the same, and undated Zola book pages in section folders that keep their
 * folder path under the `:path` permalink token. And a written page at a category's URL (Minimal
 * Mistakes' `_pages/categories/kubernetes.md`), which is that category's page.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { runCli } from "../helpers/run-cli.ts";

const root = await writeTempFolder("hugo-zola-pages", {
  "opsnote.config.yaml": "title: 테스트\npermalink: /:path/:title/\n",
  "posts/about.md": '---\ntitle: "About"\nurl: "/about/"\nlayout: "about"\n---\n\n블로그 주인 소개입니다.\n',
  "posts/posts/2024-01-01-first.md":
    '---\ntitle: 첫 글\nseries: ["블로그 구축기"]\n---\n\n| 장 | 링크 |\n|---|---|\n| 3 | [변수](/rust/chapter3/1_variables-and-mutability/) |\n',
  "posts/posts/2024-02-01-second.md": '---\ntitle: 둘째 글\nseries: ["블로그 구축기", "다른 시리즈"]\n---\n\n본문\n',
  "posts/posts/2024-03-01-pods.md": '---\ntitle: 파드 정리\ncategories: [Kubernetes]\n---\n\n파드 이야기\n',
  "posts/posts/2024-03-02-nodes.md": '---\ntitle: 노드 정리\ncategories: [Kubernetes]\n---\n\n노드 이야기\n',
  "posts/pages/categories/kubernetes.md":
    '---\nlayout: page\ntitle: "Kubernetes"\npermalink: /categories/kubernetes\n---\n\n- [파드부터 읽으세요](../../posts/2024-03-01-pods.md)\n- [노드](/posts/nodes/)\n',
  "posts/rust/chapter3/1_Variables and Mutability.md": '+++\ntitle = "Variables and Mutability"\nweight = 1\n+++\n\n변수 이야기\n',
  "posts/rust/chapter4/1_Variables and Mutability.md": '+++\ntitle = "Ownership first"\nweight = 1\n+++\n\n소유권 이야기\n',
});
const config = { OPSNOTE_CONFIG: path.join(root, "opsnote.config.yaml") };
const output = path.join(root, "_site");
const build = buildInChild(path.join(root, "posts"), output, config);
const page = async (url: string) => parseHTML(await readFile(path.join(output, url, "index.html"), "utf8")).document;
const printed = (build.stdout + build.stderr).split("\n");

test("the site builds with exit 0", () => {
  assert.equal(build.status, 0, build.stdout + build.stderr);
});

test("an undated about.md at url: /about/ is the about page (a standalone page), not a clash", async () => {
  const doc = await page("about");
  assert.match(doc.querySelector("main")?.textContent ?? "", /블로그 주인 소개입니다/);
  assert.equal(doc.querySelector("time"), null, "a standalone page shows no date");
  assert.ok(!printed.some((line) => /about/.test(line) && / (error|warning) /.test(line)), printed.join("\n"));
});

test("a written page at a category's URL is that category's page; the category's feed is still written", async () => {
  const doc = await page("categories/kubernetes");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "Kubernetes");
  const links = [...doc.querySelectorAll("main a")].map((a) => [a.textContent, a.getAttribute("href")]);
  assert.deepEqual(links.filter(([text]) => text === "파드부터 읽으세요" || text === "노드"), [["파드부터 읽으세요", "/posts/pods/"], ["노드", "/posts/nodes/"]]);
  assert.ok(!printed.some((line) => /categories\/kubernetes/.test(line) && / (error|warning) /.test(line)), printed.join("\n"));
  const feed = parseHTML(await readFile(path.join(output, "categories/kubernetes/feed.xml"), "utf8")).document;
  assert.deepEqual([...feed.querySelectorAll("entry > title")].map((t) => t.textContent).sort(), ["노드 정리", "파드 정리"]);
  const index = await page("categories");
  assert.ok([...index.querySelectorAll("a")].some((a) => a.getAttribute("href") === "/categories/kubernetes/"), "the category index links to it");
});

test("series as a Hugo list: the first name is the series, a warning names the others", async () => {
  const doc = await page("posts/second");
  assert.match(doc.querySelector("nav.series")?.textContent ?? "", /블로그 구축기 \(2\/2\)/);
  assert.doesNotMatch(doc.querySelector("nav.series")?.textContent ?? "", /다른 시리즈/);
  const warned = printed.filter((line) => / warning series: /.test(line));
  assert.equal(warned.length, 1, printed.join("\n"));
  assert.match(warned[0]!, /2024-02-01-second\.md:3:1 warning series: a post is in one series: shown in "블로그 구축기", not in "다른 시리즈"/);
});

test("undated Zola book pages keep their section folders under :path, so same-named chapters do not clash", async () => {
  assert.match((await page("rust/chapter3/1_variables-and-mutability")).querySelector("h1")?.textContent ?? "", /Variables and Mutability/);
  assert.match((await page("rust/chapter4/1_variables-and-mutability")).querySelector("h1")?.textContent ?? "", /Ownership first/);
  assert.equal(printed.filter((line) => / warning date: no date: dated /.test(line)).length, 2, printed.join("\n"));
});

test("`check` agrees: the link in the table cell to the :path URL resolves, no error", async () => {
  process.env.OPSNOTE_CONFIG = config.OPSNOTE_CONFIG;
  const check = await runCli("src/cli/check.ts", ["--posts", path.join(root, "posts")]);
  delete process.env.OPSNOTE_CONFIG;
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /8 posts, 0 errors/);
  assert.doesNotMatch(check.stdout, / link: /);
});

test("a dated post at /about/ replaces the generated about page, with an info line", async () => {
  const other = await writeTempFolder("dated-about", {
    "posts/2024-01-01-about.md": "---\ntitle: 소개 글\nurl: /about/\n---\n\n날짜 있는 소개\n",
    "posts/2024-02-01-x.md": "---\ntitle: 다른 글\n---\n\n본문\n",
  });
  await writeFile(path.join(other, "opsnote.config.yaml"), "title: 테스트\n");
  const out = path.join(other, "_site");
  const result = buildInChild(path.join(other, "posts"), out, { OPSNOTE_CONFIG: path.join(other, "opsnote.config.yaml") });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const doc = parseHTML(await readFile(path.join(out, "about", "index.html"), "utf8")).document;
  assert.match(doc.querySelector("main")?.textContent ?? "", /날짜 있는 소개/);
  assert.match(result.stdout + result.stderr, /2024-01-01-about\.md:3:1 info permalink: this dated post is at \/about\/, so it replaces the generated about page/);
});
