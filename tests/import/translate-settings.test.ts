/**
 * Each generator's configuration keys -> opsnote's setting names: tables of config and expected settings.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { splitBaseUrl, translateHexo, translateHugo, translateJekyll, translateZola, translateGatsby } from "../../src/import/translate-settings.ts";
import { importSite } from "../../src/import/import-site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

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

test("Jekyll: Hydejack's my-comments.html blocks at the top level, with the widgets' dashed names", () => {
  // Jooyoung08/Jooyoung08.github.io: the giscus block was not read, and the import dropped the comments.
  const giscus = translateJekyll({
    comments: { provider: "giscus" },
    giscus: { repo: "me/me.github.io", "repo-id": "R_1", category: "Comments", "category-id": "DIC_1", mapping: "pathname", "reaction-enabled": "1" },
  });
  assert.deepEqual(giscus.values.comments, { provider: "giscus", repo: "me/me.github.io", repoId: "R_1", category: "Comments", categoryId: "DIC_1", mapping: "pathname" });
  const utterances = translateJekyll({ comments: { provider: "utterances" }, utterances: { repo: "me/blog", "issue-term": "title" } });
  assert.deepEqual(utterances.values.comments, { provider: "utterances", repo: "me/blog", issueTerm: "title" });
  assert.deepEqual(translateJekyll({ comments: { provider: "disqus" }, disqus: "mine" }).values.comments, { provider: "disqus", shortname: "mine" });
  // A block under comments: still wins (Chirpy, Minimal Mistakes).
  const both = translateJekyll({ comments: { provider: "utterances", utterances: { repo: "a/b", issue_term: "pathname" } }, utterances: { repo: "c/d" } });
  assert.deepEqual(both.values.comments, { provider: "utterances", repo: "a/b", issueTerm: "pathname" });
});

test("Jekyll: a theme's example comments account (Minimal Mistakes' your-disqus-shortname) is not carried, and a note says so", () => {
  const example = translateJekyll({ comments: { provider: "disqus", disqus: { shortname: "your-disqus-shortname" } } });
  assert.equal(example.values.comments, undefined);
  assert.deepEqual(example.notes, ['_config.yml comments: disqus "your-disqus-shortname" is the theme\'s example value, no account of the blog\'s: comments not carried']);
  assert.equal(translateJekyll({ comments: { provider: "utterances", utterances: { repo: "<github-id>/<repo>" } } }).values.comments, undefined);
  // A blogger's own name that merely starts with "your" is no example.
  assert.deepEqual(translateJekyll({ comments: { provider: "disqus", disqus: { shortname: "yourlog" } } }).values.comments, { provider: "disqus", shortname: "yourlog" });
});

test("Jekyll: Beautiful Jekyll's top-level disqus, giscus or utterances, and its social-network-links", () => {
  // kjhov195/beautiful-jekyll: `disqus: "kjhov195-github-io"` and its GitHub and Facebook ids were dropped.
  const { values } = translateJekyll({
    author: { name: "Jaehun Kang" }, disqus: "kjhov195-github-io",
    "social-network-links": { email: "me@example.kr", facebook: "ingtongtong", github: "kjhov195", rss: true },
  });
  assert.deepEqual(values.comments, { provider: "disqus", shortname: "kjhov195-github-io" });
  assert.deepEqual(values.author, {
    name: "Jaehun Kang", email: "me@example.kr",
    links: [{ label: "Facebook", url: "https://www.facebook.com/ingtongtong" }, { label: "GitHub", url: "https://github.com/kjhov195" }],
  });
  const giscus = translateJekyll({
    disqus: "old-forum",
    giscus: { hostname: "giscus.app", repository: "me/blog", "repository-id": "R_1", category: "Announcements", "category-id": "DIC_1", mapping: "pathname" },
  });
  assert.deepEqual(giscus.values.comments, { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Announcements", categoryId: "DIC_1", mapping: "pathname" });
  const utterances = translateJekyll({ utterances: { repository: "me/blog", "issue-term": "title" } });
  assert.deepEqual(utterances.values.comments, { provider: "utterances", repo: "me/blog", issueTerm: "title" });
  assert.equal(translateJekyll({ giscus: { hostname: "giscus.app" } }).values.comments, undefined, "an empty sample block turns nothing on");
});

test("Jekyll: Jekyll Now's `name` is the site's title and its `footer-links` the author's links", () => {
  // minwook-shin/jekyll-now: the imported blog was titled "opsnote", and the author had no links.
  const { values } = translateJekyll({
    name: "Minwook-Shin's Tech Blog", description: "기술 블로그", avatar: "/images/logo.jpg",
    "footer-links": { email: "me@example.kr", facebook: "minwook.book", github: "minwook-shin", instagram: null, rss: null },
  });
  assert.equal(values.title, "Minwook-Shin's Tech Blog");
  assert.deepEqual(values.author, {
    email: "me@example.kr", avatar: "/images/logo.jpg",
    links: [{ label: "Facebook", url: "https://www.facebook.com/minwook.book" }, { label: "GitHub", url: "https://github.com/minwook-shin" }],
  });
  // Minimal Mistakes' `name` is its author's: its `title` stays the title.
  assert.equal(translateJekyll({ title: "NAK 노트", name: "Nak" }).values.title, "NAK 노트");
});

// [what, config, expected toc setting and where it came from]: Chirpy shows a post's TOC when both the
// site's `toc` and the post's (from `defaults:`) are on; Minimal Mistakes has only the post's.
const JEKYLL_TOC: [string, Record<string, unknown>, [boolean, string] | undefined][] = [
  ["Chirpy: toc at the top and in the posts' defaults", { toc: true, defaults: [{ scope: { path: "", type: "posts" }, values: { layout: "post", toc: true } }] }, [true, "_config.yml defaults (type: posts) toc"]],
  ["Minimal Mistakes: in the posts' defaults only", { defaults: [{ scope: { path: "", type: "pages" }, values: { toc: false } }, { scope: { type: "posts" }, values: { toc: "yes" } }] }, [true, "_config.yml defaults (type: posts) toc"]],
  ["TeXt: aside.toc in the posts' defaults; its top-level toc is an object of selectors", { toc: { selectors: null }, defaults: [{ scope: { path: "", type: "posts" }, values: { layout: "article", aside: { toc: true } } }] }, [true, "_config.yml defaults (type: posts) aside.toc"]],
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
  const off = translateHugo({ baseURL: "https://b.example/", params: { comments: { enabled: false, provider: "giscus", giscus: { repo: "me/blog", repoID: "R_1", category: "C", categoryID: "C_1" } } } }, "hugo.toml", "post");
  assert.equal(off.values.comments, undefined, "Stack's enabled = false: the site showed none");
  assert.deepEqual(off.notes, ["hugo.toml params.comments.enabled is false: no comments carried"]);
});

// Jekyll's `url` with a path: [what, config, url, path prefix and where it came from, notes]
const jekyllUrlCases: [string, Record<string, unknown>, string, [string, string] | undefined, string[]][] = [
  ["a path and no baseurl: the path is the prefix", { url: "https://me.github.io/blog/" }, "https://me.github.io", ["/blog/", "_config.yml url (its path)"], []],
  ["a path and an empty baseurl (Minimal Mistakes' `baseurl:`)", { url: "https://me.github.io/blog", baseurl: "" }, "https://me.github.io", ["/blog/", "_config.yml url (its path)"], []],
  ["the same path in both", { url: "https://me.github.io/blog", baseurl: "/blog" }, "https://me.github.io", ["/blog/", "_config.yml baseurl"], []],
  ["baseurl wins over another path, with a note", { url: "https://me.github.io/old", baseurl: "/blog" }, "https://me.github.io", ["/blog/", "_config.yml baseurl"],
    ['_config.yml url "https://me.github.io/old" has the path /old/, baseurl says /blog/: the site is served under baseurl\'s']],
  ["no path: as before", { url: "https://ops.example.kr/" }, "https://ops.example.kr", undefined, []],
];
for (const [what, config, url, prefix, notes] of jekyllUrlCases) {
  test(`Jekyll url: ${what}`, () => {
    const { values, sources, notes: written } = translateJekyll(config);
    assert.equal(values.url, url);
    assert.deepEqual(values.pathPrefix === undefined ? undefined : [values.pathPrefix, sources.pathPrefix], prefix);
    assert.deepEqual(written, notes);
  });
}

test("Jekyll url with a path: the blog lands under that path, and its /blog/… references are found", async () => {
  const source = await writeTempFolder("old-url-path", {
    "_config.yml": "title: 경로\nurl: https://me.github.io/blog\npermalink: /:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\n---\n\n![x](/blog/images/x.png)\n",
    "images/x.png": "png",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const written = parse(await readFile(path.join(root, "opsnote.config.yaml"), "utf8")) as Record<string, unknown>;
  assert.deepEqual([written.url, written.pathPrefix], ["https://me.github.io", "/blog/"]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "missing-file"), []);
  assert.equal(await readFile(path.join(root, "images", "x.png"), "utf8"), "png");
});

// LoveIt's and DoIt's [params.page.comment]: [what, that table, expected comments, where from]
const loveItComment = (comment: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  translateHugo({ theme: "LoveIt", baseURL: "https://b.example/", ...extra, params: { page: { comment } } }, "hugo.toml", "posts");
const loveItCases: [string, Record<string, unknown>, unknown, string | undefined][] = [
  ["giscus on", { enable: true, giscus: { enable: true, repo: "me/blog", repoId: "R_1", category: "Announcements", categoryId: "C_1", mapping: "pathname" } },
    { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Announcements", categoryId: "C_1", mapping: "pathname" }, "hugo.toml params.page.comment.giscus"],
  ["utterances on, the example's giscus table left off", { enable: true, giscus: { enable: false, repo: "x/y", repoId: "R" }, utterances: { enable: true, repo: "me/blog", issueTerm: "pathname" } },
    { provider: "utterances", repo: "me/blog", issueTerm: "pathname" }, "hugo.toml params.page.comment.utterances"],
  ["disqus on", { Enable: true, Disqus: { Enable: true, Shortname: "mine" } }, { provider: "disqus", shortname: "mine" }, "hugo.toml params.page.comment.disqus"],
  ["the whole table off: no comments, whatever a service says", { enable: false, utterances: { enable: true, repo: "me/blog" } }, undefined, undefined],
  ["a service on without its repo", { enable: true, utterances: { enable: true, repo: "" } }, undefined, undefined],
];
for (const [what, comment, expected, from] of loveItCases) {
  test(`Hugo LoveIt comments: ${what}`, () => {
    const { values, sources } = loveItComment(comment);
    assert.deepEqual([values.comments, sources.comments], [expected, from]);
  });
}

test("Hugo LoveIt comments: the table decides over a disqus shortname elsewhere; a service opsnote lacks is named", () => {
  const off = loveItComment({ enable: false }, { services: { disqus: { shortname: "old-forum" } } });
  assert.equal(off.values.comments, undefined);
  const valine = loveItComment({ enable: true, valine: { enable: true, appId: "x" } });
  assert.equal(valine.values.comments, undefined);
  assert.deepEqual(valine.notes, ["hugo.toml params.page.comment: opsnote has no valine comments"]);
});

test("Hugo LoveIt: a blog whose hugo.toml turns on utterances gets it in opsnote.config.yaml", async () => {
  const source = await writeTempFolder("old-loveit", {
    "hugo.toml": [
      'baseURL = "https://me.github.io/"', 'title = "러브잇"', 'theme = "LoveIt"',
      "[params.page.comment]", "  enable = true",
      "  [params.page.comment.disqus]", "    enable = false", '    shortname = ""',
      "  [params.page.comment.utterances]", "    enable = true", '    repo = "me/me.github.io"', '    issueTerm = "pathname"', '    label = ""',
      "",
    ].join("\n"),
    "content/posts/first.md": '+++\ntitle = "첫 글"\ndate = 2024-01-05\n+++\n\n본문\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const written = parse(await readFile(path.join(root, "opsnote.config.yaml"), "utf8")) as Record<string, unknown>;
  assert.deepEqual(written.comments, { provider: "utterances", repo: "me/me.github.io", issueTerm: "pathname" });
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

test("Hexo: _config.yml's keys, root as the path prefix, the theme file's comments and verification ids", () => {
  const { values, sources, notes } = translateHexo(
    { title: "Mambo", subtitle: "Today I Learned", author: "Mambo", language: ["ko", "en"], timezone: "Asia/Seoul", url: "https://me.github.io/blog", root: "/blog/", permalink: ":title/", per_page: 0, index_generator: { per_page: 5 } },
    "_config.yml",
    { giscus: { enable: true, repo: "me/blog", repo_id: "R_1", category: "Announcements", category_id: "DIC_1", mapping: "pathname" }, naver_site_verification: "n-1" },
    "_config.next.yml",
  );
  assert.deepEqual(values, {
    title: "Mambo", description: "Today I Learned", author: { name: "Mambo" }, language: "ko", timeZone: "Asia/Seoul", url: "https://me.github.io", pathPrefix: "/blog/",
    pageSize: 5, permalink: "/:title/", comments: { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Announcements", categoryId: "DIC_1", mapping: "pathname" },
    verification: { naver: "n-1" },
  });
  assert.equal(sources.comments, "_config.next.yml giscus");
  assert.deepEqual(notes, []);
});

test("Hexo: Icarus' one comment block names its type and holds its settings (hangack's utterances)", () => {
  const icarus = { comment: { type: "utterances", repo: "hangack/hangack_blog_comment", issue_term: "pathname", theme: "github-light" } };
  const { values, sources } = translateHexo({}, "_config.yml", icarus, "_config.icarus.yml");
  assert.deepEqual(values.comments, { provider: "utterances", repo: "hangack/hangack_blog_comment", issueTerm: "pathname" });
  assert.match(String(sources.comments), /_config\.icarus\.yml comment/);
  assert.deepEqual(translateHexo({}, "_config.yml", { comment: { type: "disqus", shortname: "hg" } }).values.comments, { provider: "disqus", shortname: "hg" });
});

test("Hexo: Fluid's comments.type picks the one shown; a permalink token opsnote lacks is a note", () => {
  const { values, notes } = translateHexo({ permalink: "posts/:abbrlink/", theme_config: { comments: { enable: true, type: "utterances" }, utterances: { repo: "me/c", issue_term: "title" }, disqus: { shortname: "old" } } });
  assert.deepEqual(values.comments, { provider: "utterances", repo: "me/c", issueTerm: "title" });
  assert.deepEqual(notes, ['_config.yml permalink "posts/:abbrlink/": opsnote has no :abbrlink; old URLs get redirects']);
});

test("Hexo: Fluid 1.9's post.comments picks the one shown over a giscus block left as the theme shipped it, and its enable: false shows none", () => {
  const fluid = { post: { comments: { enable: true, type: "disqus" } }, giscus: { repo: "fluid/demo", "repo-id": "R_1" }, disqus: { shortname: "https-rokag3-example" } };
  assert.deepEqual(translateHexo({}, "_config.yml", fluid, "_config.fluid.yml").values.comments, { provider: "disqus", shortname: "https-rokag3-example" });
  assert.equal(translateHexo({}, "_config.yml", { ...fluid, post: { comments: { enable: false, type: "disqus" } } }, "_config.fluid.yml").values.comments, undefined);
});

test("Hexo: the author's profile from the theme: NexT's social and avatar, Fluid's about, Icarus' profile widget", () => {
  const next = { avatar: { url: "https://avatars.example/u/1", rounded: true }, social: { GitHub: "https://github.com/kdevkr || fab fa-github", "E-Mail": "mailto:kdevkr@example.com || fas fa-envelope" } };
  const fromNext = translateHexo({ author: "kdevkr" }, "_config.yml", next, "_config.next.yml");
  assert.deepEqual(fromNext.values.author, { name: "kdevkr", email: "kdevkr@example.com", avatar: "https://avatars.example/u/1", links: [{ label: "GitHub", url: "https://github.com/kdevkr" }] });
  assert.equal(fromNext.sources.author, "_config.yml author, _config.next.yml social");

  const fluid = {
    about: {
      enable: true, avatar: "/img/avatar_me.jpg", name: "Jayden", intro: "아저씨 Software Engineer",
      icons: [{ class: "iconfont icon-github-fill", link: "https://github.com/rokag3-gb", tip: "https://github.com/rokag3-gb" }, { class: "iconfont icon-wechat-fill", qrcode: "/img/qr.png" }],
    },
  };
  assert.deepEqual(translateHexo({}, "_config.yml", fluid, "_config.fluid.yml").values.author, {
    name: "Jayden", avatar: "/img/avatar_me.jpg", bio: "아저씨 Software Engineer", links: [{ label: "GitHub", url: "https://github.com/rokag3-gb" }],
  }, "a QR code is no link");
  assert.equal(translateHexo({ author: "김정우" }, "_config.yml", fluid, "_config.fluid.yml").values.author?.name, "김정우", "_config.yml's author wins");

  const icarus = { widgets: [{ type: "toc" }, { type: "profile", author: "Hangack", author_title: "Hanga(c)k", avatar: null, social_links: { Github: { icon: "fab fa-github", url: "https://github.com/hangack" }, RSS: { icon: "fas fa-rss", url: "/atom.xml" } } }] };
  assert.deepEqual(translateHexo({}, "_config.yml", icarus, "_config.icarus.yml").values.author, {
    name: "Hangack", bio: "Hanga(c)k", links: [{ label: "Github", url: "https://github.com/hangack" }],
  }, "the site's own feed is no profile link");
});

test("Gatsby: gatsby-starter-blog's siteMetadata (a summary, a Twitter user name), the gtag plugin's id", () => {
  const config = {
    plugins: [{ resolve: "gatsby-plugin-google-gtag", options: { trackingIds: ["G-BLOG1"] } }],
  };
  const meta = { title: "Gatsby Starter Blog", author: { name: "Kyle Mathews", summary: "who lives in San Francisco" }, description: "A starter", siteUrl: "https://gatsbystarterblogsource.gatsbyjs.io/", social: { twitter: "kylemathews" } };
  const { values, sources, notes } = translateGatsby(config, meta, "gatsby-config.js", "gatsby-config.js siteMetadata");
  assert.deepEqual(values, {
    title: "Gatsby Starter Blog", description: "A starter", url: "https://gatsbystarterblogsource.gatsbyjs.io", pathPrefix: "/",
    author: { name: "Kyle Mathews", bio: "who lives in San Francisco", links: [{ label: "Twitter", url: "https://twitter.com/kylemathews" }] },
    analytics: { google: "G-BLOG1" },
  });
  assert.equal(sources.analytics, "gatsby-config.js gatsby-plugin-google-gtag");
  assert.deepEqual(notes, []);
});

test("Gatsby: pathPrefix counts only where the site was (siteUrl), or with --prefix-paths when there is no siteUrl", () => {
  // logantect's hoodie fork: the template's pathPrefix, published at the root of its siteUrl.
  const fork = translateGatsby({ pathPrefix: "/jeongjaeeom.github.io" }, { siteUrl: "https://jeongjaeeom.github.io" }, "gatsby-config.js", "blog-config.js", { prefixPaths: true });
  assert.equal(fork.values.pathPrefix, "/");
  assert.deepEqual(fork.notes, ['gatsby-config.js pathPrefix "/jeongjaeeom.github.io" not carried: siteUrl says the site was at / (Gatsby applies pathPrefix only with gatsby build --prefix-paths)']);
  assert.equal(translateGatsby({ pathPrefix: "/blog" }, { siteUrl: "https://x.example/blog/" }, "c", "m").notes.length, 0);
  assert.equal(translateGatsby({ pathPrefix: "/blog" }, {}, "c", "m", { prefixPaths: true }).values.pathPrefix, "/blog/");
  assert.equal(translateGatsby({ pathPrefix: "/blog" }, {}, "c", "m").values.pathPrefix, undefined);
});

test("Gatsby: zoomkoding's ga: '0' and empty social links are no settings; its bio.thumbnail is a note", () => {
  const meta = { ga: "0", comments: { utterances: { repo: "" } }, author: { name: "정진혁", bio: { role: "개발자", thumbnail: "sample.png" }, social: { github: "", linkedIn: "", email: "" } } };
  const config = { plugins: [{ resolve: "gatsby-plugin-google-analytics", options: { trackingId: "0" } }] };
  const { values, notes } = translateGatsby(config, meta, "gatsby-config.js", "gatsby-meta-config.js");
  assert.deepEqual(values, { author: { name: "정진혁", bio: "개발자" } });
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /author\.bio\.thumbnail \(sample\.png/);
});
