import { test } from "node:test";
import assert from "node:assert/strict";
import { buildPost, toTerms, type BuildPostInput, type Post } from "../../src/content/post.ts";
import { expandPermalink, postSlugFromPath } from "../../src/content/permalink.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";

const SITE = { timeZone: "Asia/Seoul", permalink: "/:categories/:title/" };
const SEED_PATH = "posts/2021-04-13-kubernetes-intro.md";

function build(frontMatter: Record<string, unknown>, input: Partial<BuildPostInput> = {}) {
  return buildPost({ inputPath: SEED_PATH, frontMatter, body: "본문", site: SITE, ...input });
}

function post(frontMatter: Record<string, unknown>, input: Partial<BuildPostInput> = {}): Post {
  const result = build(frontMatter, input);
  assert.ok(result.ok, `expected a post, got ${JSON.stringify(result.ok ? null : result.errors)}`);
  return result.post;
}

function errors(frontMatter: Record<string, unknown>, input: Partial<BuildPostInput> = {}): Diagnostic[] {
  const result = build(frontMatter, input);
  assert.equal(result.ok, false, "expected the post to be rejected");
  return result.ok ? [] : result.errors;
}

const NFD = (text: string) => text.normalize("NFD");

// Terms: NFC, trimmed, zero-width characters removed, case-insensitive duplicates dropped.
const termCases: [name: string, input: string[], expected: { name: string; slug: string }[]][] = [
  ["trimmed", ["  kubernetes  "], [{ name: "kubernetes", slug: "kubernetes" }]],
  ["NFD becomes NFC", [NFD("쿠버네티스")], [{ name: "쿠버네티스", slug: "쿠버네티스" }]],
  ["NFD and NFC spellings are one term", ["쿠버네티스", NFD("쿠버네티스")], [{ name: "쿠버네티스", slug: "쿠버네티스" }]],
  ["zero-width characters removed", ["쿠\u200B버네티스"], [{ name: "쿠버네티스", slug: "쿠버네티스" }]],
  ["case-insensitive duplicates keep the first spelling", ["Kubernetes", "kubernetes"], [{ name: "Kubernetes", slug: "kubernetes" }]],
  ["empty and blank terms dropped", ["", "  ", "\u200B", "helm"], [{ name: "helm", slug: "helm" }]],
  ["CI/CD keeps its name, gets a safe slug", ["CI/CD"], [{ name: "CI/CD", slug: "ci-cd" }]],
  ["inner whitespace collapsed", ["GitHub   Actions"], [{ name: "GitHub Actions", slug: "github-actions" }]],
  ["spellings with one slug are one term, the first kept", ["KV Cache", "kv-cache"], [{ name: "KV Cache", slug: "kv-cache" }]],
];

for (const [name, input, expected] of termCases) {
  test(`toTerms: ${name}`, () => {
    assert.deepEqual(toTerms(input), expected);
  });
}

test("buildPost: the seed front matter gives the seed post", () => {
  const p = post({
    title: "Kubernetes intro",
    tags: ["kubernetes", "devops"],
    categories: ["devops"],
    last_modified_at: "2021-04-13T13:00:00+18:00",
    toc: true,
  });
  assert.equal(p.title, "Kubernetes intro");
  assert.equal(p.slug, "kubernetes-intro");
  assert.equal(p.url, "/devops/kubernetes-intro/");
  assert.equal(p.date.iso, "2021-04-13T00:00:00+09:00", "date from the file name, in Seoul");
  assert.equal(p.updated?.iso, "2021-04-13T13:00:00+09:00");
  assert.deepEqual(p.tags.map((t) => t.slug), ["kubernetes", "devops"]);
  assert.deepEqual(p.categories, [{ name: "devops", slug: "devops" }]);
  assert.deepEqual(p.toc, { enabled: true, label: "목차", sticky: false, icon: undefined });
});

test("buildPost: the +18:00 last_modified_at is a warning naming file, line and field", () => {
  const result = build(
    { last_modified_at: "2021-04-13T13:00:00+18:00" },
    { source: { bodyLineOffset: 10, keyLines: { last_modified_at: 8 } } },
  );
  assert.ok(result.ok);
  assert.equal(result.warnings.length, 1);
  assert.deepEqual(
    { ...result.warnings[0], message: undefined },
    { severity: "warning", file: SEED_PATH, line: 8, field: "last_modified_at", message: undefined },
  );
});

const tagCases: [name: string, tags: unknown, expected: string[]][] = [
  ["a list", ["kubernetes", "devops"], ["kubernetes", "devops"]],
  ["a single string", "kubernetes", ["kubernetes"]],
  ["a whitespace string", "kubernetes devops", ["kubernetes", "devops"]],
  ["a comma string, trimmed", "helm, 쿠버네티스 ,GitHub Actions", ["helm", "쿠버네티스", "GitHub Actions"]],
  ["an NFD comma string", NFD("helm, 쿠버네티스"), ["helm", "쿠버네티스"]],
];

for (const [name, tags, expected] of tagCases) {
  test(`buildPost: tags as ${name}`, () => {
    const names = post({ tags }).tags.map((t) => t.name);
    assert.deepEqual(names, expected);
    for (const n of names) assert.equal(n, n.normalize("NFC"));
  });
}

test("buildPost: category and categories are merged, categories first", () => {
  assert.deepEqual(post({ categories: "devops", category: "kubernetes" }).categories.map((c) => c.slug), ["devops", "kubernetes"]);
});

test("buildPost: Jekyll's singular tag is read as tags and merged with them (leewr9's Minima posts: tag: [Spark SQL, Spark])", () => {
  assert.deepEqual(post({ tag: ["Spark SQL", "Spark"] }).tags.map((t) => t.name), ["Spark SQL", "Spark"]);
  assert.deepEqual(post({ tags: ["helm"], tag: "Spark SQL" }).tags.map((t) => t.name), ["helm", "Spark SQL"]);
});

test("buildPost: schema errors name the file, the key's line and the field", () => {
  const [error, ...rest] = errors(
    { title: "x", tags: { a: 1 } },
    { source: { bodyLineOffset: 6, keyLines: { title: 2, tags: 3 } } },
  );
  assert.deepEqual(rest, []);
  assert.equal(error!.severity, "error");
  assert.equal(error!.file, SEED_PATH);
  assert.equal(error!.line, 3);
  assert.equal(error!.field, "tags");
  assert.match(error!.message, /expected a list of strings or one string, got a mapping/);
});

test("buildPost: a bad date is an error on the date field", () => {
  const [error] = errors({ date: "2021-02-30" }, { source: { bodyLineOffset: 4, keyLines: { date: 2 } } });
  assert.equal(error!.field, "date");
  assert.equal(error!.line, 2);
  assert.match(error!.message, /2021-02-30.*not a real date/);
});

test("buildPost: the date comes from the file name when absent", () => {
  const p = post({}, { inputPath: "posts/2020-01-02-helm.md" });
  assert.equal(p.date.iso, "2020-01-02T00:00:00+09:00");
  assert.equal(p.date.instant.toISOString(), "2020-01-01T15:00:00.000Z");
});

test("buildPost: a front-matter date wins over the file name", () => {
  assert.equal(post({ date: "2022-05-06" }, { inputPath: "posts/2020-01-02-helm.md" }).date.iso, "2022-05-06T00:00:00+09:00");
});

test("buildPost: no date and no dated file name is an error naming the field", () => {
  const [error] = errors({ title: "x" }, { inputPath: "posts/helm.md" });
  assert.equal(error!.file, "posts/helm.md");
  assert.equal(error!.field, "date");
  assert.match(error!.message, /expected a `date` field or a file name starting with YYYY-MM-DD-/);
});

test("buildPost: with a fallback date, a post with no date builds with a warning saying where the date came from", () => {
  const result = buildPost({
    inputPath: "posts/helm.md", frontMatter: { title: "x" }, body: "", site: { timeZone: "Asia/Seoul", permalink: "/:year/:title/" },
    undatedFallback: { instant: new Date("2020-02-02T20:00:00Z"), source: "the first git commit of the file" },
  });
  assert.ok(result.ok);
  assert.equal(result.post.date.iso, "2020-02-03T05:00:00+09:00");
  assert.equal(result.post.url, "/2020/helm/");
  assert.deepEqual(result.warnings.map((w) => [w.kind, w.line, w.field]), [["undated", 1, "date"]]);
  assert.match(result.warnings[0]!.message, /^no date: dated 2020-02-03T05:00:00\+09:00 from the first git commit of the file; add date:/);
  // Without one, the caller learns that only the date is missing.
  const bare = buildPost({ inputPath: "posts/helm.md", frontMatter: { title: "x" }, body: "", site: { timeZone: "Asia/Seoul", permalink: "/:title/" } });
  assert.ok(!bare.ok && bare.undated);
});

test("buildPost: the title falls back to the slug, then to 제목 없음", () => {
  assert.equal(post({}, { inputPath: "posts/2021-04-13-helm-chart_basics.md" }).title, "helm chart basics");
  assert.equal(post({ title: `  ${NFD("쿠버네티스")}  ` }).title, "쿠버네티스");
});

test("buildPost: draft from `draft: true` or `published: false`", () => {
  assert.equal(post({}).draft, false);
  assert.equal(post({ draft: true }).draft, true);
  assert.equal(post({ published: false }).draft, true);
});

// The table of contents: the post's own word (`toc`, Hugo PaperMod's `ShowToc` in any case, Jekyll Hux's `catalog`), else the site's for posts.
const tocCases: [name: string, frontMatter: Record<string, unknown>, siteToc: boolean | undefined, enabled: boolean][] = [
  ["no word anywhere", {}, undefined, false],
  ["the site's toc: true", {}, true, true],
  ["the post's toc: false wins over the site's", { toc: false }, true, false],
  ["the post's toc: no (YAML 1.1) wins over the site's", { toc: "no" }, true, false],
  ["the post's toc: true without the site's", { toc: true }, false, true],
  ["Hugo PaperMod's ShowToc: true", { ShowToc: true }, undefined, true],
  ["showtoc, as Hugo lowercases keys", { showtoc: true }, undefined, true],
  ["showToc", { showToc: "yes" }, undefined, true],
  ["ShowToc: false wins over the site's", { ShowToc: false }, true, false],
  ["toc wins over ShowToc", { toc: false, ShowToc: true }, undefined, false],
  ["Jekyll Hux's catalog: true", { catalog: true }, undefined, true],
  ["Hux's catalog: false wins over the site's", { catalog: false }, true, false],
  ["toc wins over catalog", { toc: false, catalog: true }, undefined, false],
  ["Hugo LoveIt's toc: { enable: true, auto: false }", { toc: { enable: true, auto: false } }, false, true],
  ["LoveIt's toc: { enable: false } wins over the site's", { toc: { enable: false } }, true, false],
  ["LoveIt's toc without enable: the site decides", { toc: { auto: true } }, true, true],
  ["a standalone page ignores the site's", { layout: "page" }, true, false],
  ["a standalone page with its own toc: true", { layout: "page", toc: true }, false, true],
];
for (const [name, frontMatter, siteToc, enabled] of tocCases) {
  test(`buildPost toc: ${name} -> ${enabled}`, () => {
    assert.equal(post(frontMatter, { site: { ...SITE, toc: siteToc } }).toc.enabled, enabled);
  });
}

test("buildPost: a ShowToc of the wrong type is an error naming the key as written, on its line", () => {
  const [error] = errors({ showtoc: "maybe" }, { source: { bodyLineOffset: 5, keyLines: { showtoc: 3 } } });
  assert.deepEqual([error!.field, error!.line, error!.message], ["showtoc", 3, 'expected true or false, got string "maybe"']);
});

test("buildPost: a ShowToc of the wrong type under params is an error on the params line", () => {
  const [error] = errors({ params: { ShowToc: "maybe" } }, { source: { bodyLineOffset: 6, keyLines: { params: 3 } } });
  assert.deepEqual([error!.field, error!.line, error!.message], ["params.ShowToc", 3, 'expected true or false, got string "maybe"']);
});

// URLs.
const urlCases: [name: string, frontMatter: Record<string, unknown>, site: typeof SITE, url: string][] = [
  ["site pattern /:categories/:title/", { categories: ["devops"] }, SITE, "/devops/kubernetes-intro/"],
  ["nested categories", { categories: ["DevOps", "Kubernetes"] }, SITE, "/devops/kubernetes/kubernetes-intro/"],
  ["no category", {}, SITE, "/kubernetes-intro/"],
  ["a Korean category", { categories: ["쿠버네티스"] }, SITE, "/쿠버네티스/kubernetes-intro/"],
  ["a date pattern", {}, { ...SITE, permalink: "/:year/:month/:day/:title/" }, "/2021/04/13/kubernetes-intro/"],
  ["a date pattern uses the Seoul wall date", { date: "2021-04-13T00:30:00" }, { ...SITE, permalink: "/:year/:month/:day/:title/" }, "/2021/04/13/kubernetes-intro/"],
  ["a post's permalink overrides the site's", { categories: ["devops"], permalink: "/k8s/intro/" }, SITE, "/k8s/intro/"],
  ["a post's permalink may use tokens", { categories: ["devops"], permalink: "/notes/:title/" }, SITE, "/notes/kubernetes-intro/"],
  ["a permalink with .html stays a file", { permalink: "/old/intro.html" }, SITE, "/old/intro.html"],
  ["a permalink without slashes gets them", { permalink: "k8s/intro" }, SITE, "/k8s/intro/"],
];

for (const [name, frontMatter, site, url] of urlCases) {
  test(`buildPost url: ${name} -> ${url}`, () => {
    assert.equal(post(frontMatter, { site }).url, url);
  });
}

// Whatever a post says, its URL stays inside the site.
const escapeCases: [name: string, frontMatter: Record<string, unknown>][] = [
  ["permalink with ..", { permalink: "/../../etc/passwd/" }],
  ["permalink of only ..", { permalink: "../.." }],
  ["permalink with backslashes", { permalink: "\\..\\..\\windows\\" }],
  ["permalink with encoded ..", { permalink: "/%2e%2e/%2e%2e/etc/" }],
  ["permalink with an encoded slash", { permalink: "/a%2F..%2F..%2Fb/" }],
  ["a category named ..", { categories: [".."] }],
  ["a category climbing up", { categories: ["../../etc"] }],
];

for (const [name, frontMatter] of escapeCases) {
  test(`buildPost url cannot escape the site: ${name}`, () => {
    const url = post(frontMatter).url;
    assert.ok(url.startsWith("/"), url);
    const segments = url.split("/").slice(1, -1);
    for (const segment of segments) {
      assert.notEqual(segment, "", `empty segment in ${url}`);
      assert.ok(![".", ".."].includes(segment), `${url} has a dot segment`);
      assert.ok(![".", ".."].includes(decodeURIComponent(segment)), `${url} decodes to a dot segment`);
      assert.ok(!segment.includes("\\"), `${url} has a backslash`);
    }
    // A browser resolving the URL keeps it as is: nothing to collapse.
    assert.equal(decodeURI(new URL(url, "https://example.kr/base/").pathname), url);
  });
}

test("expandPermalink: an all-dots permalink collapses to the root, never above it", () => {
  const date = { year: 2021, month: 4, day: 13, hour: 0, minute: 0, second: 0 };
  assert.equal(expandPermalink("/../../", { categories: [], date, title: "x" }), "/");
  assert.equal(expandPermalink("/:i_month/:i_day/:short_year/:slug/", { categories: [], date, title: "x" }), "/4/13/21/x/");
});

const slugPathCases: [inputPath: string, slug: string][] = [
  ["posts/2021-04-13-kubernetes-intro.md", "kubernetes-intro"],
  ["posts/2021-04-13-쿠버네티스-입문.md", "쿠버네티스-입문"],
  ["posts/helm/index.md", "helm"],
  ["posts\\windows\\2021-04-13-x.markdown", "x"],
  ["posts/2021-04-13-CI.CD.md", "ci-cd"],
  ["posts/2023-6-11-자료구조1.md", "자료구조1"],
];

for (const [inputPath, slug] of slugPathCases) {
  test(`postSlugFromPath(${JSON.stringify(inputPath)}) is "${slug}"`, () => {
    assert.equal(postSlugFromPath(inputPath), slug);
  });
}

// Standalone pages: `layout: page`, or Minimal Mistakes' `layout: single` with a permalink and no date.
const pageCases: [name: string, frontMatter: Record<string, unknown>, inputPath: string, kind: Post["kind"], url: string][] = [
  ["layout: page with a permalink (Jekyll, Chirpy's _tabs)", { layout: "page", title: "소개", permalink: "/about/" }, "posts/about.md", "page", "/about/"],
  ["layout: page without a permalink is at /<name>/", { layout: "page", title: "소개" }, "posts/about.md", "page", "/about/"],
  ["layout: page keeps a date it has", { layout: "page", date: "2024-01-01" }, "posts/uses.md", "page", "/uses/"],
  ["layout: single + permalink, no date (Minimal Mistakes' _pages)", { layout: "single", permalink: "/about/" }, "posts/about.md", "page", "/about/"],
  ["layout: single with a date is a post", { layout: "single", permalink: "/x/", date: "2024-01-01" }, "posts/x.md", "post", "/x/"],
  ["layout: single dated by its file name is a post", { layout: "single", permalink: "/x/" }, "posts/2024-01-01-x.md", "post", "/x/"],
  ["any other layout is a post", { layout: "post" }, "posts/2024-01-01-x.md", "post", "/x/"],
  ["an undated file at url: /about/ is the about page (Hugo's content/about.md)", { title: "About", url: "/about/", layout: "about" }, "posts/about.md", "page", "/about/"],
  ["an undated file at permalink /about (no slashes)", { permalink: "about" }, "posts/소개.md", "page", "/about/"],
  ["an undated file at /about/index.html", { permalink: "/about/index.html" }, "posts/me.md", "page", "/about/index.html"],
  ["a dated file at /about/ stays a post", { url: "/about/", date: "2024-01-01" }, "posts/about.md", "post", "/about/"],
];

for (const [name, frontMatter, inputPath, kind, url] of pageCases) {
  test(`standalone page: ${name}`, () => {
    const built = post(frontMatter, { inputPath });
    assert.equal(built.kind, kind);
    assert.equal(built.url, url);
    assert.equal(built.undated === true, kind === "page" && frontMatter.date === undefined);
  });
}

test("a dateless file that is not a page is still refused", () => {
  const [error] = errors({ layout: "single" }, { inputPath: "posts/about.md" });
  assert.equal(error!.field, "date");
});

// `series`: one name, or Hugo's taxonomy list; a post shows one series box, the first name.
const seriesCases: [name: string, value: unknown, series: string | undefined, warned: RegExp | undefined][] = [
  ["a string", "내 기술 블로그 구축기", "내 기술 블로그 구축기", undefined],
  ["a one-item list (Hugo)", ["내 기술 블로그 구축기"], "내 기술 블로그 구축기", undefined],
  ["a number", 2024, "2024", undefined],
  ["an empty list", [], undefined, undefined],
  ["null", null, undefined, undefined],
  ["a list with blank items", ["  ", "쿠버네티스 첫걸음"], "쿠버네티스 첫걸음", undefined],
  ["several names: the first, with a warning naming the others", ["구축기", "운영기", "회고"], "구축기",
    /^a post is in one series: shown in "구축기", not in "운영기", "회고"/],
];

for (const [name, value, series, warned] of seriesCases) {
  test(`buildPost series: ${name}`, () => {
    const result = build({ series: value }, { source: { keyLines: { series: 4 } } as unknown as BuildPostInput["source"] });
    assert.ok(result.ok, JSON.stringify(result.ok ? null : result.errors));
    assert.equal(result.post.series, series);
    const warnings = result.warnings.filter((w) => w.field === "series");
    if (warned === undefined) {
      assert.deepEqual(warnings, []);
    } else {
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]!.severity, "warning");
      assert.equal(warnings[0]!.line, 4);
      assert.match(warnings[0]!.message, warned);
    }
  });
}

test("buildPost series: a mapping is still an error naming the field", () => {
  const [error] = errors({ series: { name: "x" } });
  assert.equal(error!.field, "series");
  assert.match(error!.message, /^expected a string or a list of strings, got a mapping$/);
});

test("a dated post at /about/ gets an info line saying it replaces the generated about page", () => {
  const result = build({ title: "소개", url: "/about/" }, { inputPath: "posts/2024-01-01-about.md", source: { keyLines: { url: 3 } } as unknown as BuildPostInput["source"] });
  assert.ok(result.ok);
  assert.equal(result.post.kind, "post");
  const [note, ...rest] = result.warnings;
  assert.deepEqual(rest, []);
  assert.equal(note!.severity, "info");
  assert.equal(note!.line, 3);
  assert.match(note!.message, /^this dated post is at \/about\/, so it replaces the generated about page/);
  assert.deepEqual(build({ url: "/about-me/" }, { inputPath: "posts/2024-01-01-about.md" }).warnings, []);
});

// `:path`: the file's folders inside the posts folder, one slug each (Hugo/Zola sections).
const pathCases: [relativePath: string | undefined, permalink: string, url: string][] = [
  ["rust/chapter3/1_Variables and Mutability.md", "/:path/:title/", "/rust/chapter3/1_variables-and-mutability/"],
  ["Rust Notes/장 3/2024-01-01-x.md", "/:path/:title/", "/rust-notes/장-3/x/"],
  ["notes/helm-intro/index.md", "/:path/:title/", "/notes/helm-intro/"],
  ["x.md", "/:path/:title/", "/x/"],
  ["rust/chapter3/x.md", "/:sections/:title/", "/rust/chapter3/x/"],
  ["../../etc/x.md", "/:path/:title/", "/etc/x/"],
  [undefined, "/:path/:title/", "/x/"],
  ["rust/chapter3/x.md", "/:categories/:title/", "/x/"],
];

for (const [relativePath, permalink, url] of pathCases) {
  test(`:path: ${relativePath} with ${permalink} -> ${url}`, () => {
    const inputPath = `posts/${relativePath ?? "x.md"}`;
    assert.equal(post({ date: "2024-01-01" }, { inputPath, relativePath, site: { ...SITE, permalink } }).url, url);
  });
}

// Hugo's `:filename` (the name, its date kept) and `:slugorfilename` (the front matter's slug first): Hugo's default URL.
const fileNameCases: [inputPath: string, frontMatter: Record<string, unknown>, permalink: string, url: string][] = [
  ["posts/2025-03-23-istio-delta_xds.md", {}, "/posts/:slugorfilename/", "/posts/2025-03-23-istio-delta_xds/"],
  ["posts/2025-03-23-istio-delta_xds.md", { slug: "delta" }, "/posts/:slugorfilename/", "/posts/delta/"],
  ["posts/2025-03-23-istio-delta_xds.md", { slug: "delta" }, "/posts/:filename/", "/posts/2025-03-23-istio-delta_xds/"],
  ["posts/2025-03-23-Istio Delta.md", {}, "/:filename/", "/2025-03-23-istio-delta/"],
  ["posts/2025-11-04-helm/index.md", {}, "/:slugorfilename/", "/2025-11-04-helm/"],
  ["posts/2025-03-23-istio.md", {}, "/:slug/", "/istio/"],
];

for (const [inputPath, frontMatter, permalink, url] of fileNameCases) {
  test(`:filename: ${inputPath} ${JSON.stringify(frontMatter)} with ${permalink} -> ${url}`, () => {
    assert.equal(post({ date: "2025-03-23", ...frontMatter }, { inputPath, site: { ...SITE, permalink } }).url, url);
  });
}

test("buildPost: a file name with a one-digit month or day is dated, titled and slugged as Jekyll does", () => {
  // taeyeonkim2's YAT blog: `2023-6-11-ALGORITHM1.md` and 51 more were dated the day of the build.
  const built = post({}, { inputPath: "posts/2023-6-1-ALGORITHM1.md" });
  assert.equal(built.date.iso, "2023-06-01T00:00:00+09:00");
  assert.equal(built.title, "ALGORITHM1");
  assert.equal(built.slug, "algorithm1");
});

test("excerpt: the front matter's excerpt or description, but an empty one (Hugo's archetype description = \"\") gives the body's", () => {
  assert.equal(post({ title: "a", description: "요약" }).excerpt, "요약");
  assert.equal(post({ title: "a", excerpt: "발췌", description: "요약" }).excerpt, "발췌");
  assert.equal(post({ title: "a", description: "" }).excerpt, "본문");
  assert.equal(post({ title: "a", excerpt: "  ", description: "요약" }).excerpt, "요약");
});
