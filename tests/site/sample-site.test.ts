/**
 * Whole-site invariants over the built sample blog (`posts/`, samples included): every internal
 * URL resolves, every page passes the Nu HTML Checker, drafts appear nowhere, feeds and the
 * sitemap are valid and complete, and the Korean UI shows what the issue asks for.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { crawlSite, listFiles, parseXml, readDocument, urlOfFile } from "../helpers/crawl-site.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { readFrontMatter } from "../../src/content/front-matter.ts";
import { postSlugFromPath } from "../../src/content/permalink.ts";
import { ATOM_NAMESPACE } from "../../src/feeds/atom.ts";
import { JSON_FEED_VERSION } from "../../src/feeds/json-feed.ts";
import { SITEMAP_NAMESPACE } from "../../src/seo/sitemap.ts";
import { termSlug } from "../../src/slug/slugify.ts";
import { site } from "../../src/site.ts";

const ORIGIN = "https://opsnote.example.kr";
/** The shared build of `posts/` (tests/helpers/sample-site.ts): read only. */
let OUTPUT = "";
/** RFC 3339 date-time (with seconds and an offset or Z). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

interface SourcePost {
  file: string;
  title?: string;
  slug: string;
  draft: boolean;
  page: boolean;
  tags: string[];
}

let files: string[] = [];
let sources: SourcePost[] = [];
let published: SourcePost[] = [];
const read = (file: string) => readFile(path.join(OUTPUT, file), "utf8");
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/[,\s]+/) : []);

before(async () => {
  OUTPUT = await sampleSite();
  files = await listFiles(OUTPUT);
  for (const file of (await listFiles("posts")).filter((f) => f.endsWith(".md"))) {
    const text = await readFile(path.join("posts", file), "utf8");
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const { frontMatter } = readFrontMatter(yaml, file);
    sources.push({
      file,
      title: typeof frontMatter.title === "string" ? frontMatter.title : undefined,
      slug: postSlugFromPath(file),
      draft: frontMatter.draft === true || frontMatter.published === false,
      page: frontMatter.layout === "page",
      tags: asList(frontMatter.tags),
    });
  }
  // A standalone page (the sample about page, `layout: page`) is not a post: not listed, not in feeds.
  published = sources.filter((s) => !s.draft && !s.page);
});

test("the samples have a draft and at least five published posts", () => {
  assert.ok(sources.some((s) => s.draft), "a sample post is a draft");
  assert.ok(published.length >= 5, `published: ${published.map((s) => s.file).join(", ")}`);
});

test("every internal link, image and feed URL of every page and feed resolves to a file (and id)", async () => {
  const result = await crawlSite(OUTPUT, { origin: ORIGIN, prefix: "/" });
  assert.ok(result.references > 200, `only ${result.references} URLs found: is the crawler reading the pages?`);
  assert.deepEqual(result.problems, []);
});

test("every page passes the Nu HTML Checker with zero errors", (t) => {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) {
    // In CI (.ci/run installs Java) a missing checker is a failure, never a silent skip.
    assert.ok(!process.env.CI, "CI: java is not installed, so the Nu HTML Checker cannot run");
    t.skip("java is not installed: the Nu HTML Checker (vnu.jar) needs Java 8+");
    return;
  }
  const vnu = createRequire(import.meta.url)("vnu-jar") as string;
  const pages = files.filter((f) => f.endsWith(".html")).map((f) => path.join(OUTPUT, f));
  // A short run: the quick JIT alone and one GC thread take 1.5 s of CPU instead of 3.4. Its frames are
  // larger, so the HTML schema's deep recursion needs more than the default thread stack.
  const jvm = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
  const result = spawnSync("java", [...jvm, "-jar", vnu, "--errors-only", "--format", "json", ...pages], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const messages = (JSON.parse(result.stderr || "{\"messages\":[]}") as { messages: { type: string; url: string; message: string; lastLine?: number }[] }).messages;
  const errors = messages.filter((m) => m.type === "error" || m.type === "non-document-error");
  assert.deepEqual(errors.map((m) => `${path.relative(OUTPUT, new URL(m.url).pathname)}:${m.lastLine ?? "?"} ${m.message}`), []);
  assert.equal(result.status, 0);
});

test("no draft appears in pages, lists, taxonomies, feeds or the sitemap", async () => {
  const drafts = sources.filter((s) => s.draft);
  const publishedTags = new Set(published.flatMap((s) => s.tags.map((t) => termSlug(t))));
  const draftOnlyTags = drafts.flatMap((s) => s.tags.map((t) => termSlug(t))).filter((slug) => !publishedTags.has(slug));
  assert.ok(draftOnlyTags.length > 0, "the draft sample has a tag of its own, so this test can fail");
  for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
    const text = await read(file);
    for (const draft of drafts) {
      if (draft.title) assert.ok(!text.includes(draft.title), `${file} shows the draft "${draft.title}"`);
      assert.ok(!text.includes(`/${draft.slug}/`), `${file} links to the draft ${draft.file}`);
    }
  }
  for (const slug of draftOnlyTags) assert.ok(!existsSync(path.join(OUTPUT, "tags", slug)), `tag page of draft-only tag ${slug}`);
});

function textOf(parent: { children: ArrayLike<unknown> }, name: string): string | undefined {
  return Array.from(parent.children as ArrayLike<Element>).find((el) => el.localName === name)?.textContent?.trim();
}

function checkAtom(xml: string, where: string): { ids: string[] } {
  const doc = parseXml(xml);
  const feed = doc.documentElement!;
  assert.equal(feed.localName, "feed", where);
  assert.equal(feed.getAttribute("xmlns"), ATOM_NAMESPACE, where);
  for (const required of ["id", "title", "updated"]) assert.ok(textOf(feed, required), `${where}: feed <${required}>`);
  assert.match(textOf(feed, "updated")!, RFC3339, where);
  assert.ok(doc.querySelector("feed > author > name")?.textContent, `${where}: feed author name`);
  assert.ok([...feed.children].some((el) => el.localName === "link" && el.getAttribute("rel") === "self"), `${where}: rel=self`);
  const entries = [...feed.children].filter((el) => el.localName === "entry");
  const ids: string[] = [];
  for (const entry of entries) {
    for (const required of ["id", "title", "updated", "published", "content"]) assert.ok(textOf(entry, required), `${where}: entry <${required}>`);
    assert.match(textOf(entry, "updated")!, RFC3339, where);
    assert.match(textOf(entry, "published")!, RFC3339, where);
    assert.ok(Date.parse(textOf(entry, "updated")!) >= Date.parse(textOf(entry, "published")!), `${where}: updated before published`);
    const link = [...entry.children].find((el) => el.localName === "link")!.getAttribute("href")!;
    assert.ok(link.startsWith(`${ORIGIN}/`), `${where}: absolute entry link ${link}`);
    ids.push(textOf(entry, "id")!);
  }
  assert.equal(new Set(ids).size, ids.length, `${where}: entry ids are unique`);
  return { ids };
}

test("/feed.xml is Atom with every published post, full content and absolute URLs", async () => {
  const xml = await read("feed.xml");
  const { ids } = checkAtom(xml, "feed.xml");
  assert.equal(ids.length, published.length);
  const content = parseXml(xml).querySelector("entry content")!.textContent!;
  const body = readDocument(`<body>${content}</body>`);
  assert.ok(body.querySelectorAll("p").length > 3, "full content, not a summary");
  for (const a of body.querySelectorAll("a[href], img[src]")) {
    const url = a.getAttribute("href") ?? a.getAttribute("src")!;
    assert.match(url, /^https?:\/\//, `relative URL in feed content: ${url}`);
  }
});

test("the seed post's entry is updated from last_modified_at", async () => {
  const doc = parseXml(await read("feed.xml"));
  const entry = [...doc.querySelectorAll("entry")].find((e) => textOf(e, "id")!.endsWith("/kubernetes-intro/"))!;
  assert.equal(textOf(entry, "published"), "2021-04-13T00:00:00+09:00");
  assert.equal(textOf(entry, "updated"), "2021-04-13T13:00:00+09:00");
});

test("every tag and category has an Atom feed with exactly its posts", async () => {
  for (const kind of ["tags", "categories"]) {
    const index = readDocument(await read(`${kind}/index.html`));
    const terms = [...index.querySelectorAll(".term-index li")];
    assert.ok(terms.length > 0, kind);
    for (const li of terms) {
      const href = li.querySelector("a")!.getAttribute("href")!;
      const count = Number(/\d+/.exec(li.querySelector(".term-index__count")!.textContent!)![0]);
      const feedFile = `${decodeURIComponent(href).slice(1)}feed.xml`;
      const { ids } = checkAtom(await read(feedFile), feedFile);
      assert.equal(ids.length, count, feedFile);
    }
  }
});

test("/feed.json is a JSON Feed 1.1 with every published post", async () => {
  const feed = JSON.parse(await read("feed.json")) as Record<string, unknown> & { items: Record<string, string>[] };
  assert.equal(feed.version, JSON_FEED_VERSION);
  assert.ok(typeof feed.title === "string" && feed.title !== "");
  assert.equal(feed.feed_url, `${ORIGIN}/feed.json`);
  assert.equal(feed.items.length, published.length);
  assert.equal(new Set(feed.items.map((i) => i.id)).size, feed.items.length, "unique ids");
  for (const item of feed.items) {
    assert.ok(item.id && item.url!.startsWith(`${ORIGIN}/`) && item.content_html && item.title);
    assert.match(item.date_published!, RFC3339);
    assert.match(item.date_modified!, RFC3339);
  }
});

test("sitemap.xml lists every public page once, with lastmod, and nothing else", async () => {
  const doc = parseXml(await read("sitemap.xml"));
  assert.equal(doc.documentElement!.localName, "urlset");
  assert.equal(doc.documentElement!.getAttribute("xmlns"), SITEMAP_NAMESPACE);
  const locs = [...doc.querySelectorAll("url")].map((url) => {
    const lastmod = textOf(url, "lastmod");
    if (lastmod !== undefined) assert.match(lastmod, RFC3339);
    return textOf(url, "loc")!;
  });
  assert.equal(new Set(locs).size, locs.length, "no URL twice");
  const pages = files.filter((f) => f.endsWith(".html") && f !== "404.html").map((f) => new URL(urlOfFile(f), `${ORIGIN}/`).href);
  assert.deepEqual([...locs].sort(), [...pages].sort());
  const robots = await read("robots.txt");
  assert.match(robots, new RegExp(`^Sitemap: ${ORIGIN}/sitemap\\.xml$`, "m"));
});

test("the home page: pinned post first, then newest first, each with date, reading time, excerpt and tags", async () => {
  const home = readDocument(await read("index.html"));
  const summaries = [...home.querySelectorAll(".post-summary")];
  assert.equal(summaries.length, published.length);
  assert.ok(summaries[0]!.querySelector(".badge--pinned"), "the pinned sample comes first");
  const dates = summaries.slice(1).map((s) => Date.parse(s.querySelector("time")!.getAttribute("datetime")!));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
  for (const summary of summaries) {
    assert.match(summary.querySelector("time")!.textContent!, /^\d{4}년 \d{1,2}월 \d{1,2}일$/);
    assert.match(summary.querySelector(".post-summary__meta")!.textContent!, /\d+분 읽기/);
    assert.ok(summary.querySelector(".post-summary__excerpt")!.textContent!.length > 20);
    assert.ok(summary.querySelectorAll(".term").length > 0);
  }
  // `<!--more-->` in the GitHub Actions sample: the excerpt is the text before it, as plain text.
  const actions = summaries.find((s) => s.querySelector("a")!.textContent!.includes("GitHub Actions"))!;
  assert.match(actions.querySelector(".post-summary__excerpt")!.textContent!, /워크플로를 만들어 보자\.$/);
});

test("a series post shows 'name (n/m)' and links every part in order", async () => {
  const page = readDocument(await read("devops/kubectl-first-steps/index.html"));
  const series = page.querySelector(".series")!;
  assert.equal(series.querySelector(".series__title")!.textContent, "시리즈 쿠버네티스 첫걸음 (2/3)");
  const parts = [...series.querySelectorAll("li")].map((li) => li.querySelector("a")?.getAttribute("href") ?? "(current)");
  assert.deepEqual(parts, ["/devops/kubernetes-intro/", "(current)", "/devops/helm-chart-template/"]);
  const seed = readDocument(await read("devops/kubernetes-intro/index.html"));
  assert.equal(seed.querySelector(".series__title")!.textContent, "시리즈 쿠버네티스 첫걸음 (1/3)");
});

test("Kubernetes and kubernetes are one tag; the index sorts by count, then Korean collation", async () => {
  const index = readDocument(await read("tags/index.html"));
  const rows = [...index.querySelectorAll(".term-index li")].map((li) => ({
    name: li.querySelector("a")!.textContent!,
    count: Number(/\d+/.exec(li.querySelector(".term-index__count")!.textContent!)![0]),
  }));
  const kube = rows.filter((r) => r.name.toLowerCase() === "kubernetes");
  assert.equal(kube.length, 1);
  assert.equal(kube[0]!.count, 3);
  const collator = new Intl.Collator("ko");
  for (let i = 1; i < rows.length; i += 1) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    assert.ok(a.count > b.count || (a.count === b.count && collator.compare(a.name, b.name) <= 0), `${a.name} before ${b.name}`);
  }
  assert.ok(existsSync(path.join(OUTPUT, "tags/ci-cd/index.html")), "CI/CD -> ci-cd");
});

test("the archive lists every published post once, under its year, and names each year once", async () => {
  const archive = readDocument(await read("archive/index.html"));
  const links = [...archive.querySelectorAll(".archive-list a")].map((a) => a.getAttribute("href"));
  assert.equal(links.length, published.length);
  assert.equal(new Set(links).size, links.length);
  assert.deepEqual([...archive.querySelectorAll(".archive-year h2")].map((h) => h.firstChild!.textContent!.trim()), ["2021년"]);
  // The year is the heading's: no month heading or post date repeats it.
  const main = archive.querySelector("main")!.textContent!;
  assert.equal(main.split("2021").length - 1, 1, main);
  assert.deepEqual([...archive.querySelectorAll(".archive-list time")].map((t) => t.textContent), ["6월 5일", "5월 10일", "5월 2일", "4월 20일", "4월 13일"]);
  for (const time of archive.querySelectorAll(".archive-list time")) assert.match(time.getAttribute("datetime")!, RFC3339);
});

test("the tags index is a cloud: every tag with its count, sized by it; categories are a grid with counts", async () => {
  const tags = readDocument(await read("tags/index.html"));
  const items = [...tags.querySelectorAll("ul.term-index--cloud > li")];
  assert.ok(items.length > 5);
  const rows = items.map((li) => ({
    step: Number(/^cloud-(\d)$/.exec(li.className)![1]),
    count: Number(/\d+/.exec(li.querySelector(".term-index__count")!.textContent!)![0]),
  }));
  for (const a of rows) for (const b of rows) if (a.count > b.count) assert.ok(a.step > b.step, `count ${a.count} step ${a.step} vs count ${b.count} step ${b.step}`);
  assert.equal(Math.max(...rows.map((r) => r.step)), 5);
  assert.equal(Math.min(...rows.map((r) => r.step)), 1);
  const categories = readDocument(await read("categories/index.html"));
  assert.ok(categories.querySelectorAll("ul.term-index--grid > li .term-index__count").length >= 3);
});

test("credits show on the pages that use a credited image, and on no other page", async () => {
  const credited = new Set(site.credits.flatMap((credit) => credit.files));
  assert.ok(credited.size > 0, "the sample settings credit the seed post's diagrams");
  const pages = { with: [] as string[], without: [] as string[] };
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const doc = readDocument(await read(file));
    const uses = [...doc.querySelectorAll("img")].some((img) => credited.has(img.getAttribute("src")!));
    const credits = doc.querySelector("footer .credits");
    assert.equal(credits !== null, uses, `${file}: ${uses ? "uses a credited image but shows no credit" : "shows a credit for an image it does not use"}`);
    if (credits) assert.match(credits.textContent!, /The Kubernetes Authors.*CC BY 4\.0/);
    pages[uses ? "with" : "without"].push(file);
  }
  assert.ok(pages.with.includes("devops/kubernetes-intro/index.html"), pages.with.join(", "));
  assert.ok(pages.without.includes("index.html") && pages.without.includes("devops/kubectl-first-steps/index.html"));
});

test("a sample's 수정일 comes from its front matter only, never from this repository's git history", async () => {
  for (const source of published) {
    const slug = source.slug;
    const file = files.find((f) => f.endsWith(`/${slug}/index.html`) && !f.startsWith("tags/") && !f.startsWith("categories/"));
    if (!file) continue;
    const text = await readFile(path.join("posts", source.file), "utf8");
    const hasUpdated = /^last_modified_at:/m.test(text);
    const meta = readDocument(await read(file)).querySelector(".post__meta")!.textContent!;
    assert.equal(meta.includes("수정일"), hasUpdated, `${file}: ${meta}`);
  }
  const helm = readDocument(await read("devops/helm-chart-template/index.html"));
  assert.match(helm.querySelector(".post__meta")!.textContent!, /수정일 2021년 5월 12일/);
});

test("the about page is the blogger's markdown when there is one (posts/samples/about.md)", async () => {
  const about = readDocument(await read("about/index.html"));
  assert.ok(about.querySelector("article.post--page"));
  assert.match(about.querySelector(".post__content")!.textContent!, /현장에서 쓰며 배운 것을 적어 두는 데브옵스 노트/);
  assert.equal(about.querySelector(".profile"), null, "not the generated page");
});

test("the home page shows the author's profile from the settings and a tag cloud", async () => {
  const home = readDocument(await read("index.html"));
  assert.equal(home.querySelector(".profile .profile__name")!.textContent, site.author.name);
  assert.deepEqual([...home.querySelectorAll(".profile__links a")].map((a) => a.getAttribute("href")), site.author.links.map((l) => l.url));
  assert.ok(home.querySelectorAll(".home__tags .term-index--cloud li").length > 5);
});

test("post pages carry canonical, Open Graph, Twitter and parseable BlogPosting JSON-LD", async () => {
  const page = readDocument(await read("devops/helm-chart-template/index.html"));
  const canonical = page.querySelector('link[rel="canonical"]')!.getAttribute("href");
  assert.equal(canonical, `${ORIGIN}/devops/helm-chart-template/`);
  assert.equal(page.querySelector('meta[property="og:url"]')!.getAttribute("content"), canonical);
  assert.equal(page.querySelector('meta[property="og:type"]')!.getAttribute("content"), "article");
  assert.ok(page.querySelector('meta[name="twitter:card"]'));
  assert.ok(page.querySelector('link[rel="icon"]'));
  const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, string>;
  assert.equal(jsonLd["@type"], "BlogPosting");
  assert.equal(jsonLd.headline, "헬름 차트 템플릿, 값 하나로 환경 나누기");
  assert.equal(jsonLd.dateModified, "2021-05-12T18:20:00+09:00");
});

test("the 404 page exists, is not indexed, links home and has a search form", async () => {
  const page = readDocument(await read("404.html"));
  assert.ok(page.querySelector('meta[name="robots"][content="noindex"]'));
  assert.ok(page.querySelector('main a[href="/"]'));
  const form = page.querySelector('main form[role="search"][data-search-form]');
  assert.ok(form, "a search form the page's script sends to the search dialog");
  const input = form.querySelector('input[type="search"][name="q"]')!;
  assert.equal(form.querySelector(`label[for="${input.id}"]`)?.textContent, "찾는 글이 있다면 검색해 보세요");
  assert.ok(form.querySelector('button[type="submit"]'));
});
