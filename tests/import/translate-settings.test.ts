/**
 * Each generator's configuration keys -> opsnote's setting names: tables of config and expected settings.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitBaseUrl, translateHugo, translateJekyll, translateZola } from "../../src/import/translate-settings.ts";

test("Jekyll: top-level keys, Chirpy's defaults permalink, MM author links, older Chirpy comments", () => {
  const { values, sources } = translateJekyll({
    title: "T", tagline: "tag", timezone: "Asia/Seoul", locale: "ko-KR", url: "https://a.example/", baseurl: "blog", paginate: 4,
    defaults: [{ scope: { path: "", type: "posts" }, values: { permalink: "/posts/:title/" } }],
    author: { name: "A", links: [{ label: "GitHub", icon: "x", url: "https://github.com/a" }] },
    comments: { active: "disqus", disqus: { shortname: "ops" } },
    google_analytics: "UA-1",
  });
  assert.deepEqual(values, {
    title: "T", description: "tag", timeZone: "Asia/Seoul", language: "ko-KR", url: "https://a.example", pathPrefix: "/blog/", pageSize: 4,
    permalink: "/posts/:title/", author: { name: "A", links: [{ label: "GitHub", url: "https://github.com/a" }] },
    comments: { provider: "disqus", shortname: "ops" }, analytics: { google: "UA-1" },
  });
  assert.equal(sources.permalink, "_config.yml defaults (type: posts) permalink");
  assert.equal(sources.language, "_config.yml locale");
});

// [what, config, expected toc setting and where it came from]: Chirpy shows a post's TOC when both the
// site's `toc` and the post's (from `defaults:`) are on; Minimal Mistakes has only the post's.
const JEKYLL_TOC: [string, Record<string, unknown>, [boolean, string] | undefined][] = [
  ["Chirpy: toc at the top and in the posts' defaults", { toc: true, defaults: [{ scope: { path: "", type: "posts" }, values: { layout: "post", toc: true } }] }, [true, "_config.yml defaults (type: posts) toc"]],
  ["Minimal Mistakes: in the posts' defaults only", { defaults: [{ scope: { path: "", type: "pages" }, values: { toc: false } }, { scope: { type: "posts" }, values: { toc: "yes" } }] }, [true, "_config.yml defaults (type: posts) toc"]],
  ["Chirpy with its switch off", { toc: false, defaults: [{ scope: { type: "posts" }, values: { toc: true } }] }, [false, "_config.yml toc (off for every post)"]],
  ["the posts' defaults say false", { defaults: [{ scope: { type: "posts" }, values: { toc: false } }] }, [false, "_config.yml defaults (type: posts) toc"]],
  ["only the top-level switch: Chirpy then shows a TOC only where a post asks", { toc: true }, undefined],
  ["nothing", {}, undefined],
];
for (const [what, config, expected] of JEKYLL_TOC) {
  test(`Jekyll toc: ${what}`, () => {
    const { values, sources } = translateJekyll(config);
    assert.deepEqual(values.toc === undefined ? undefined : [values.toc, sources.toc], expected);
  });
}

test("Hugo: PaperMod's params.ShowToc, in any case, is the posts' toc", () => {
  assert.equal(translateHugo({ params: { ShowToc: true } }, "hugo.toml", "posts").values.toc, true);
  assert.equal(translateHugo({ Params: { showtoc: false } }, "hugo.toml", "posts").sources.toc, "hugo.toml params.ShowToc");
  assert.equal(translateHugo({ params: {} }, "hugo.toml", "posts").values.toc, undefined);
});

test("Hugo: Stack's params.article.toc and LoveIt's params.page.toc.enable are the posts' toc; those themes' own default is on", () => {
  const toc = (config: Record<string, unknown>) => {
    const { values, sources } = translateHugo(config, "hugo.toml", "post");
    return values.toc === undefined ? undefined : [values.toc, sources.toc];
  };
  assert.deepEqual(toc({ theme: "hugo-theme-stack", params: { article: { toc: false } } }), [false, "hugo.toml params.article.toc"]);
  assert.deepEqual(toc({ Params: { Page: { TOC: { Enable: true } } } }), [true, "hugo.toml params.page.toc.enable"]);
  assert.deepEqual(toc({ theme: "LoveIt", params: {} }), [true, "hugo.toml (the LoveIt theme's default)"]);
  assert.deepEqual(toc({ theme: ["hugo-theme-stack"] }), [true, "hugo.toml (the hugo-theme-stack theme's default)"]);
  assert.equal(toc({ theme: "PaperMod", params: {} }), undefined, "PaperMod shows none unless asked");
});

test("Hugo: Blowfish's and Congo's params.article.showTableOfContents and hugo-book's params.BookToC are the posts' toc; hugo-book and Hextra (a module) show one by default", () => {
  const toc = (config: Record<string, unknown>) => {
    const { values, sources } = translateHugo(config, "hugo.toml", "posts");
    return values.toc === undefined ? undefined : [values.toc, sources.toc];
  };
  assert.deepEqual(toc({ theme: "blowfish", params: { article: { showTableOfContents: true } } }), [true, "hugo.toml params.article.showTableOfContents"]);
  assert.equal(toc({ theme: "blowfish", params: { article: {} } }), undefined, "Blowfish shows none unless asked");
  assert.deepEqual(toc({ theme: "hugo-book", params: { BookToC: false } }), [false, "hugo.toml params.BookToC"]);
  assert.deepEqual(toc({ theme: "hugo-book", params: {} }), [true, "hugo.toml (the hugo-book theme's default)"]);
  assert.deepEqual(toc({ module: { imports: [{ path: "github.com/imfing/hextra" }] } }), [true, "hugo.toml (the hextra theme's default)"]);
});

test("Hugo: LoveIt's [params.social] user ids become profile links; a value that is no URL is left out, not the whole author", () => {
  const { values } = translateHugo({ params: { author: { name: "나" }, social: { GitHub: "me", Linkedin: "me-kr", Mastodon: "@me@x", Blog: "https://b.example/" } } }, "hugo.toml", "posts");
  assert.deepEqual(values.author, { name: "나", links: [
    { label: "github", url: "https://github.com/me" },
    { label: "linkedin", url: "https://www.linkedin.com/in/me-kr" },
    { label: "blog", url: "https://b.example/" },
  ] });
});

test("Hugo: Stack's [params.comments] provider decides; its example disqusShortname does not win over giscus", () => {
  const stack = translateHugo({
    disqusShortname: "hugo-theme-stack",
    params: { comments: { enabled: true, provider: "giscus", giscus: { repo: "me/blog", repoID: "R_1", category: "Comments", categoryID: "C_1", mapping: "pathname" } } },
  }, "hugo.toml", "post");
  assert.deepEqual(stack.values.comments, { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Comments", categoryId: "C_1", mapping: "pathname" });
  assert.equal(stack.sources.comments, "hugo.toml params.comments.giscus");
  const disqus = translateHugo({ disqusShortname: "mine", params: { comments: { provider: "disqus" } } }, "hugo.toml", "post");
  assert.deepEqual(disqus.values.comments, { provider: "disqus", shortname: "mine" });
  const utterances = translateHugo({ disqusShortname: "x", params: { comments: { provider: "utterances", utterances: { repo: "me/blog", issueTerm: "title" } } } }, "hugo.toml", "post");
  assert.deepEqual(utterances.values.comments, { provider: "utterances", repo: "me/blog", issueTerm: "title" });
  assert.equal(translateHugo({ disqusShortname: "x", params: { comments: { provider: "twikoo" } } }, "hugo.toml", "post").values.comments, undefined, "a provider opsnote does not have: none, rather than another forum");
});

test("Hugo: the default language's [languages.<code>] title is the site's title", () => {
  const both = translateHugo({ title: "Seorim Log", defaultContentLanguage: "ko", languages: { ko: { title: "서림록" }, en: { title: "Seorim Log" } } }, "hugo.toml", "post");
  assert.deepEqual([both.values.title, both.sources.title], ["서림록", "hugo.toml languages.ko.title"]);
  assert.equal(translateHugo({ title: "Top", languages: { ko: { title: "하나뿐" } } }, "hugo.toml", "post").values.title, "하나뿐", "one language configured");
  assert.equal(translateHugo({ title: "Top", languages: { ko: {}, en: { title: "E" } } }, "hugo.toml", "post").values.title, "Top", "two languages, no default named");
});

test("Jekyll with no permalink: Jekyll's default `date` style", () => {
  assert.equal(translateJekyll({}).values.permalink, "/:categories/:year/:month/:day/:title.html");
});

test("Hugo: keys in any case, baseURL split into url and path prefix, paginate or pagination.pagerSize", () => {
  const { values } = translateHugo({
    baseURL: "https://u.github.io/blog/", Title: "H", languageCode: "ko-kr", timeZone: "Asia/Seoul", paginate: 9,
    Params: { description: "d", author: "나", social: { GitHub: "https://github.com/n" } },
    services: { disqus: { shortname: "dq" } },
    permalinks: { posts: "/:year/:slug/" },
  }, "config.toml", "posts");
  assert.deepEqual(values, {
    title: "H", description: "d", url: "https://u.github.io", pathPrefix: "/blog/", timeZone: "Asia/Seoul", language: "ko-kr", pageSize: 9,
    permalink: "/:year/:slug/", author: { name: "나", links: [{ label: "github", url: "https://github.com/n" }] },
    comments: { provider: "disqus", shortname: "dq" },
  });
});

test("Zola: base_url, default_language, paginate_by from the section, the section as the URL prefix", () => {
  const { values } = translateZola({ base_url: "https://z.example/notes", title: "Z", default_language: "ko", extra: { author: "제로" } }, "config.toml", "blog", { paginate_by: 3 });
  assert.deepEqual(values, {
    title: "Z", url: "https://z.example", pathPrefix: "/notes/", language: "ko", pageSize: 3, permalink: "/blog/:slug/", author: { name: "제로" },
  });
});

test("base URLs", () => {
  assert.deepEqual(splitBaseUrl("https://x.example/"), { url: "https://x.example", pathPrefix: "/" });
  assert.deepEqual(splitBaseUrl("/blog"), { pathPrefix: "/blog/" });
});

test("Zola: tabi's Isso comments (roray-dev-site) are named in the notes, not dropped without a word", () => {
  const { values, notes } = translateZola({ base_url: "https://www.roray.dev", extra: { isso: { enabled_for_all_posts: false, endpoint_url: "https://isso.roray.dev/" } } }, "config.toml", "blog");
  assert.equal(values.comments, undefined);
  assert.deepEqual(notes, ["config.toml [extra.isso]: opsnote's comments are giscus, utterances or disqus, not Isso; the posts' comments are not carried"]);
  assert.deepEqual(translateZola({ base_url: "https://z.example", extra: { isso: { endpoint_url: "" } } }, "config.toml", "blog").notes, []);
});
