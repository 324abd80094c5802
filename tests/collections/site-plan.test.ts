import { test } from "node:test";
import assert from "node:assert/strict";
import { paginate } from "../../src/collections/paginate.ts";
import { RESPONSIVE_IMAGES_OUTPUT, SEARCH_INDEX_OUTPUT, findUrlConflicts, orderForHome, planSite, outputFileOf } from "../../src/collections/site-plan.ts";
import { groupByTerm } from "../../src/collections/taxonomy.ts";
import { groupSeries, findSeriesPosition } from "../../src/collections/series.ts";
import { groupByMonth } from "../../src/collections/archive.ts";
import { toTerms, type Post } from "../../src/content/post.ts";
import { makePost } from "../helpers/make-post.ts";

function post(name: string, date: string, extra: Partial<Post> & { tagNames?: string[] } = {}): Post {
  const { tagNames = [], ...rest } = extra;
  return makePost(name, date, { tags: toTerms(tagNames), ...rest });
}

const PAGINATION: [number, number, string, string[]][] = [
  [0, 10, "/", ["/"]],
  [10, 10, "/", ["/"]],
  [11, 10, "/", ["/", "/page/2/"]],
  [5, 2, "/tags/helm/", ["/tags/helm/", "/tags/helm/page/2/", "/tags/helm/page/3/"]],
];

for (const [count, size, first, urls] of PAGINATION) {
  test(`${count} items, ${size} a page from ${first}: ${urls.join(" ")}`, () => {
    const pages = paginate(Array.from({ length: count }, (_, i) => i), size, first);
    assert.deepEqual(pages.map((p) => p.url), urls);
    assert.equal(pages.flatMap((p) => p.items).length, count);
    assert.equal(pages[0]!.previousUrl, undefined);
    assert.equal(pages.at(-1)!.nextUrl, undefined);
    if (pages.length > 1) assert.equal(pages[1]!.previousUrl, first);
  });
}

test("a page size below 1 is refused", () => {
  assert.throws(() => paginate([1], 0, "/"), RangeError);
});

test("pinned posts come first on the home page, each group newest first", () => {
  const posts = [post("old-pin", "2020-01-01", { pin: true }), post("new", "2021-03-01"), post("older", "2021-01-01"), post("new-pin", "2020-06-01", { pin: true })];
  assert.deepEqual(orderForHome(posts).map((p) => p.slug), ["new-pin", "old-pin", "new", "older"]);
});

test("the archive groups by the written year and month, newest first", () => {
  // 00:30 on May 1st in Seoul is still April in UTC: the author's calendar wins.
  const years = groupByMonth([post("a", "2021-05-01T00:30:00+09:00"), post("b", "2021-04-30"), post("c", "2020-12-31")]);
  assert.deepEqual(years.map((y) => [y.year, y.months.map((m) => [m.month, m.posts.map((p) => p.slug)])]), [
    [2021, [[5, ["a"]], [4, ["b"]]]],
    [2020, [[12, ["c"]]]],
  ]);
});

test("a series is in publication order and members can join from the site settings", () => {
  const posts = [post("two", "2021-04-20", { series: "쿠버네티스 첫걸음" }), post("one", "2021-04-13"), post("three", "2021-05-10", { series: "쿠버네티스 첫걸음" })];
  const series = groupSeries(posts, (p) => (p.slug === "one" ? "쿠버네티스 첫걸음" : undefined));
  assert.equal(series.length, 1);
  assert.deepEqual(series[0]!.posts.map((p) => p.slug), ["one", "two", "three"]);
  assert.equal(findSeriesPosition(series, "/three/")!.part, 3);
  assert.equal(findSeriesPosition(series, "/nowhere/"), undefined);
});

test("/a/ and /a/index.html, or an encoded and a plain Hangul URL, are the same file", () => {
  assert.equal(outputFileOf("/a/"), outputFileOf("/a/index.html"));
  assert.equal(outputFileOf("/tags/%EB%8F%84%EC%BB%A4/"), outputFileOf("/tags/도커/"));
});

test("a post whose URL is a tag page fails, naming that post and the tag's first post", () => {
  const posts = [post("uses-helm", "2021-01-01", { tagNames: ["helm"] }), post("squatter", "2021-02-01", { url: "/tags/helm/" })];
  const plan = planSite({ posts, tags: groupByTerm(posts, (p) => p.tags), categories: [], pageSize: 10 });
  const conflicts = findUrlConflicts(plan.pages);
  assert.equal(conflicts.length, 1);
  const text = `${conflicts[0]!.file}: ${conflicts[0]!.message}`;
  assert.match(text, /tag page of "helm"/);
  assert.match(text, /posts\/squatter\.md/);
  assert.match(text, /posts\/uses-helm\.md/);
});

test("a post at /feed.xml or /page/2/ collides with the generated file", () => {
  const posts = [
    ...Array.from({ length: 3 }, (_, i) => post(`p${i}`, `2021-01-0${i + 1}`)),
    post("feed", "2021-02-01", { url: "/feed.xml" }),
    post("paged", "2021-02-02", { url: "/page/2/" }),
  ];
  const plan = planSite({ posts, tags: [], categories: [], pageSize: 2 });
  const messages = findUrlConflicts(plan.pages).map((d) => `${d.file}: ${d.message}`);
  assert.equal(messages.length, 2, messages.join("\n"));
  assert.ok(messages.some((m) => m.startsWith("posts/feed.md") && m.includes("Atom feed")));
  assert.ok(messages.some((m) => m.startsWith("posts/paged.md") && m.includes("page 2 of the home page")));
});

test("offline: true plans /sw.js and /offline/ (kept out of the sitemap), so a post or file there is a clash", () => {
  const posts = [post("a", "2021-01-01"), post("worker", "2021-01-02", { url: "/sw.js" })];
  const off = planSite({ posts: posts.slice(0, 1), tags: [], categories: [], pageSize: 10 });
  assert.ok(!off.pages.some((p) => p.url === "/sw.js" || p.url === "/offline/"), "nothing planned when offline mode is off");
  const on = planSite({ posts: posts.slice(0, 1), tags: [], categories: [], pageSize: 10, offline: true });
  assert.deepEqual(on.pages.filter((p) => p.url === "/sw.js" || p.url === "/offline/").map((p) => [p.url, p.inSitemap]), [["/sw.js", false], ["/offline/", false]]);
  const clash = planSite({ posts, tags: [], categories: [], pageSize: 10, offline: true });
  const messages = findUrlConflicts(clash.pages).map((d) => `${d.file}: ${d.message}`);
  assert.equal(messages.length, 1, messages.join("\n"));
  assert.match(messages[0]!, /^posts\/worker\.md: .*service worker/);
  const staticFile = { url: "/sw.js", file: "static/sw.js", what: "the file static/sw.js", copyOf: "static/sw.js" };
  assert.equal(findUrlConflicts([...on.pages, staticFile]).length, 1, "a published file at /sw.js clashes too");
});

test("a clean plan has no conflicts and lists only public HTML pages in the sitemap", () => {
  const posts = [post("a", "2021-01-01", { tagNames: ["helm"] }), post("b", "2021-01-02", { draft: true })];
  const plan = planSite({ posts, tags: groupByTerm(posts, (p) => p.tags), categories: [], pageSize: 10 });
  assert.deepEqual(findUrlConflicts(plan.pages), []);
  const inSitemap = plan.pages.filter((p) => p.inSitemap).map((p) => p.url);
  assert.ok(inSitemap.includes("/a/") && !inSitemap.includes("/b/"));
  assert.ok(!inSitemap.some((url) => url.endsWith(".xml") || url.endsWith(".json") || url === "/404.html"));
});

test("a standalone page at /about/ takes the generated about page's place; elsewhere it is one more page", () => {
  const about = post("about", "2021-01-01", { kind: "page", url: "/about/" });
  const withAbout = planSite({ posts: [], standalonePages: [about], tags: [], categories: [], pageSize: 10 });
  assert.deepEqual(findUrlConflicts(withAbout.pages), []);
  assert.deepEqual(withAbout.pages.filter((p) => p.url === "/about/").map((p) => p.what), ['the page "about"']);
  const uses = post("uses", "2021-01-01", { kind: "page", url: "/uses/" });
  const withUses = planSite({ posts: [], standalonePages: [uses], tags: [], categories: [], pageSize: 10 });
  assert.deepEqual(withUses.pages.filter((p) => p.url === "/about/").map((p) => p.what), ["the about page"]);
  assert.ok(withUses.pages.some((p) => p.url === "/uses/" && p.inSitemap));
});

test("a page of the blogger's at a category's URL is that category's page: no clash, no list pages, the feed kept", () => {
  // BlueHorn07's Minimal Mistakes blog: `_pages/categories/development/kubernetes.md`, a written list
  // of links at `permalink: /categories/kubernetes`. The build stopped on 21 such clashes.
  const posts = Array.from({ length: 12 }, (_, i) => post(`k${i}`, `2021-01-${String(i + 1).padStart(2, "0")}`, { categories: toTerms(["Kubernetes"]) }));
  const categories = groupByTerm(posts, (p) => p.categories);
  const page = post("kubernetes", "2021-01-01", { kind: "page", title: "Kubernetes", url: "/categories/Kubernetes/" });
  const plan = planSite({ posts, standalonePages: [page], tags: [], categories, pageSize: 10 });
  assert.deepEqual(findUrlConflicts(plan.pages), []);
  const at = (url: string) => plan.pages.filter((p) => p.url.toLowerCase() === url).map((p) => p.what);
  assert.deepEqual(at("/categories/kubernetes/"), ['the page "Kubernetes"']);
  assert.deepEqual(at("/categories/kubernetes/page/2/"), [], "its later list pages go too");
  assert.deepEqual(at("/categories/kubernetes/feed.xml"), ['the category feed of "Kubernetes"']);
  assert.deepEqual(plan.categoryPages.map((p) => [p.url, p.replacedBy?.title]), [["/categories/kubernetes/", "Kubernetes"], ["/categories/kubernetes/page/2/", "Kubernetes"]]);
  const elsewhere = planSite({ posts, standalonePages: [{ ...page, url: "/kubernetes/" }], tags: [], categories, pageSize: 10 });
  assert.deepEqual(elsewhere.categoryPages.map((p) => p.replacedBy), [undefined, undefined]);
  assert.equal(elsewhere.pages.filter((p) => p.url.startsWith("/categories/kubernetes/") && p.generated).length, 3);
});

test("a dated post at /about/ takes the generated about page's place too, with no clash", () => {
  const about = post("about", "2021-01-01", { url: "/about/" });
  const plan = planSite({ posts: [about], tags: [], categories: [], pageSize: 10 });
  assert.deepEqual(findUrlConflicts(plan.pages), []);
  assert.deepEqual(plan.pages.filter((p) => p.url === "/about/").map((p) => p.what), ['the post "about"']);
});

const FILE = (url: string, source: string) => ({ url, file: source, what: `the file ${source}`, copyOf: source });
const conflictCases: [name: string, outputs: Parameters<typeof findUrlConflicts>[0], expected: string[]][] = [
  ["a post over a published file", [FILE("/assets/css/opsnote.css", "assets/css/opsnote.css"), { url: "/assets/css/opsnote.css", file: "posts/a.md", what: "the post" }], ["error posts/a.md"]],
  ["a published file over a generated one (Hugo's static/robots.txt) gives way", [{ url: "/robots.txt", file: "(opsnote)", what: "robots.txt", generated: true }, FILE("/robots.txt", "static/robots.txt")], ["warning static/robots.txt"]],
  ["a published file at the tag index gives way, whichever comes first", [FILE("/tags/index.html", "posts/tags/index.html"), { url: "/tags/", file: "(opsnote)", what: "the tag index", generated: true }], ["warning posts/tags/index.html"]],
  ["a published file at a tag's feed gives way (letter case ignored)", [{ url: "/tags/helm/feed.xml", file: "posts/a.md", what: "the tag feed", generated: true }, FILE("/Tags/Helm/feed.xml", "posts/Tags/Helm/feed.xml")], ["warning posts/Tags/Helm/feed.xml"]],
  ["a published file in the way of a generated page's folder gives way", [FILE("/archive", "posts/archive"), { url: "/archive/", file: "(opsnote)", what: "the archive", generated: true }], ["warning posts/archive"]],
  ["a published file inside Pagefind's folder gives way", [SEARCH_INDEX_OUTPUT, FILE("/pagefind/pagefind.js", "static/pagefind/pagefind.js")], ["warning static/pagefind/pagefind.js"]],
  ["a post at a generated page's URL is still an error", [{ url: "/tags/", file: "(opsnote)", what: "the tag index", generated: true }, { url: "/tags/", file: "posts/a.md", what: "the post" }], ["error posts/a.md"]],
  ["two copies of one file at one URL are no clash", [FILE("/x/a.png", "posts/x/a.png"), FILE("/x/a.png", "posts/x/a.png")], []],
  ["two files at one URL", [FILE("/images/a.png", "images/a.png"), FILE("/images/a.png", "static/images/a.png")], ["error images/a.png"]],
  ["an output inside Pagefind's folder", [SEARCH_INDEX_OUTPUT, { url: "/pagefind/x/", file: "posts/a.md", what: "the post" }], ["error posts/a.md"]],
  ["a published file inside the responsive images' folder gives way", [RESPONSIVE_IMAGES_OUTPUT, FILE("/assets/responsive/a.png", "assets/responsive/a.png")], ["warning assets/responsive/a.png"]],
  ["a file where a page needs a folder", [FILE("/notes", "posts/notes"), { url: "/notes/x/", file: "posts/a.md", what: "the post" }], ["error posts/a.md"]],
  ["a redirect gives way to a page (the redirect writer warns)", [{ url: "/old/", file: "posts/b.md", what: "the redirect", isRedirect: true }, { url: "/old/", file: "posts/a.md", what: "the post" }], []],
  ["two redirects from one old URL warn", [{ url: "/old/", file: "posts/a.md", what: "a", isRedirect: true }, { url: "/old/index.html", file: "posts/b.md", what: "b", isRedirect: true }], ["warning posts/a.md"]],
];

for (const [name, outputs, expected] of conflictCases) {
  test(`collision check: ${name}`, () => {
    assert.deepEqual(findUrlConflicts(outputs).map((d) => `${d.severity} ${d.file}`), expected);
  });
}

test("collision check: the files that give way are named once each, with what opsnote writes there", () => {
  const plan = planSite({ posts: [post("a", "2021-01-01")], tags: [], categories: [], pageSize: 10 });
  const withheld: string[] = [];
  const conflicts = findUrlConflicts([...plan.pages, FILE("/tags/index.html", "posts/tags/index.html"), FILE("/page/2/index.html", "posts/page/2/index.html")], {
    onWithheld: (copy) => withheld.push(copy.url),
  });
  assert.deepEqual(withheld, ["/tags/index.html"], "no page 2 with one post: that file is no clash");
  assert.deepEqual(conflicts.map((d) => [d.severity, d.kind, d.message]), [
    ["warning", "generated-file", "/tags/index.html is the tag index, which opsnote writes itself; yours is not published"],
  ]);
});
