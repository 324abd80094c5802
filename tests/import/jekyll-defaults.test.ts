/**
 * Jekyll's `defaults:` per file, as Jekyll 4 applies them, and what the import does with a scope
 * narrower than every post (`path: _posts/k8s`): the posts it covers say it in their copies.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { jekyllDefaults } from "../../src/import/jekyll-defaults.ts";
import { importSite } from "../../src/import/import-site.ts";
import { parsePostText } from "../../src/content/front-matter.ts";
import { buildPost } from "../../src/content/post.ts";
import { siteSettingsSchema } from "../../src/settings/schema.ts";

const scoped = (path: string | undefined, values: Record<string, unknown>, type?: string) =>
  ({ scope: { ...(path !== undefined && { path }), ...(type && { type }) }, values });

// [what, defaults, file path, type, expected toc and where it came from]
const cases: [string, unknown[], string, string, [unknown, string] | undefined][] = [
  ["a path covers the files under it", [scoped("_posts/k8s", { toc: true })], "_posts/k8s/2024-01-05-a.md", "posts", [true, 'defaults (path: "_posts/k8s") toc']],
  ["and no other", [scoped("_posts/k8s", { toc: true })], "_posts/2024-01-05-a.md", "posts", undefined],
  ["\"\" is every file", [scoped("", { toc: true })], "dev/_posts/a.md", "posts", [true, 'defaults (path: "") toc']],
  ["a leading slash and a trailing one are Jekyll's sanitize_path", [scoped("/_posts/k8s/", { toc: true })], "_posts/k8s/a.md", "posts", [true, 'defaults (path: "_posts/k8s") toc']],
  ["a type other than the file's", [scoped("", { toc: true }, "pages")], "_posts/a.md", "posts", undefined],
  ["Jekyll 3's singular type", [scoped(undefined, { toc: true }, "post")], "_posts/a.md", "posts", [true, "defaults (type: posts) toc"]],
  ["a longer path wins over a shorter one, whatever the order", [scoped("_posts/k8s", { toc: true }), scoped("", { toc: false }, "posts")], "_posts/k8s/a.md", "posts", [true, 'defaults (path: "_posts/k8s") toc']],
  ["on one path, a typed scope wins over an untyped later one", [scoped("", { toc: true }, "posts"), scoped("", { toc: false })], "_posts/a.md", "posts", [true, "defaults (type: posts) toc"]],
  ["alike, the later one wins", [scoped("", { toc: true }), scoped("", { toc: false })], "_posts/a.md", "posts", [false, 'defaults (path: "") toc']],
  ["a glob matches one folder name", [scoped("*/_posts", { toc: true })], "dev/_posts/a.md", "posts", [true, 'defaults (path: "*/_posts") toc']],
  ["a collection's type", [scoped("", { toc: true }, "docs")], "_docs/guide.md", "docs", [true, "defaults (type: docs) toc"]],
];
for (const [what, defaults, file, type, expected] of cases) {
  test(`jekyllDefaults: ${what}`, () => {
    const found = jekyllDefaults({ defaults })(file, type).get("toc");
    assert.deepEqual(found && [found.value, found.from], expected);
  });
}

test("jekyllDefaults: a scope naming collections_dir in front covers the posts inside it", () => {
  const found = jekyllDefaults({ collections_dir: "my_collections", defaults: [scoped("my_collections/_posts/k8s", { toc: true })] })("_posts/k8s/a.md", "posts");
  assert.equal(found.get("toc")?.value, true);
});

/** A Minimal Mistakes blog whose Kubernetes posts (only) showed a TOC and whose drafts folder had no comments. */
const oldSite = () =>
  writeTempFolder("old-mm-defaults", {
    "_config.yml": [
      "title: 경로별 기본값",
      "permalink: /:categories/:title/",
      "comments:",
      "  provider: utterances",
      "  utterances:",
      "    issue_term: pathname",
      "repository: me/me.github.io",
      "defaults:",
      "  - scope: { path: \"\", type: posts }",
      "    values: { layout: single, comments: true }",
      "  - scope: { path: \"_posts/k8s\" }",
      "    values: { toc: true, toc_sticky: true, permalink: \"/k8s/:title/\" }",
      "  - scope: { path: \"_posts/notes\" }",
      "    values: { comments: false }",
      "",
    ].join("\n"),
    "_posts/k8s/2024-01-05-pod.md": "---\ntitle: 파드\n---\n\n## 하나\n\n## 둘\n",
    "_posts/k8s/2024-01-06-own.md": "---\ntitle: 직접\ntoc: false\n---\n\n## 하나\n",
    "_posts/notes/2024-01-07-memo.md": "---\ntitle: 메모\n---\n\n## 하나\n",
    "_posts/2024-01-08-plain.md": "---\ntitle: 보통\n---\n\n## 하나\n",
  });

test("import: a `defaults:` scope with a path only (no type) gives the posts under it their TOC and takes comments away where it did", async () => {
  const source = await oldSite();
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.equal(result.settings.values.toc, undefined, "a narrower scope is not every post's setting");
  const site = { ...siteSettingsSchema.parse({}), toc: result.settings.values.toc };
  const post = async (file: string) => {
    const text = await readFile(path.join(root, "posts", file), "utf8");
    const parsed = parsePostText(text, file);
    const built = buildPost({ inputPath: file, frontMatter: parsed.data.frontMatter ?? {}, body: parsed.content, site });
    assert.ok(built.ok, file);
    return { text, post: built.post };
  };
  const pod = await post("k8s/2024-01-05-pod.md");
  assert.equal(pod.post.toc.enabled, true, pod.text);
  assert.match(pod.text, /^---\ntitle: 파드\ntoc: true\n---\n/);
  assert.equal((await post("k8s/2024-01-06-own.md")).post.toc.enabled, false, "the post's own toc: false stays");
  assert.equal((await post("2024-01-08-plain.md")).post.toc.enabled, false, "outside the path, no TOC, as before");
  const memo = await post("notes/2024-01-07-memo.md");
  assert.equal(memo.post.toc.enabled, false);
  assert.match(memo.text, /^---\ntitle: 메모\ncomments: false\n---\n/);
  assert.deepEqual(
    result.warnings.filter((w) => w.kind === "defaults").map((w) => w.line.replace(source, "<old>")),
    [
      '<old>/_posts/k8s/2024-01-05-pod.md:1:1 warning defaults: toc: true from _config.yml defaults (path: "_posts/k8s") toc, written in the copy',
      '<old>/_posts/notes/2024-01-07-memo.md:1:1 warning defaults: comments: false from _config.yml defaults (path: "_posts/notes") comments, written in the copy',
    ],
  );
  // The scope's permalink made the old URL; the carried pattern does not reproduce it, so a redirect does.
  const pod_ = result.oldUrls.find((u) => u.file === "k8s/2024-01-05-pod.md");
  assert.equal(pod_?.oldUrl, "/k8s/pod/");
  assert.equal(result.redirects["/k8s/pod/"], pod_?.newUrl);
});

test("import: a collection document the posts' toc does not cover gets toc: false (the setting is the posts'), as on the old site", async () => {
  const source = await writeTempFolder("old-docs-toc", {
    "_config.yml": "permalink: /:title/\ncollections:\n  docs:\n    output: true\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { toc: true }\n",
    "_posts/2024-01-05-pod.md": "---\ntitle: 파드\n---\n",
    "_docs/guide.md": "---\ntitle: 안내\ndate: 2024-01-06\n---\n",
    "_docs/own.md": "---\ntitle: 직접\ndate: 2024-01-07\ntoc: true\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.equal(result.settings.values.toc, true);
  assert.doesNotMatch(await readFile(path.join(root, "posts", "2024-01-05-pod.md"), "utf8"), /toc/);
  assert.match(await readFile(path.join(root, "posts", "docs", "guide.md"), "utf8"), /^---\ntitle: 안내\ndate: 2024-01-06\ntoc: false\n---\n/);
  assert.match(await readFile(path.join(root, "posts", "docs", "own.md"), "utf8"), /^---\ntitle: 직접\ndate: 2024-01-07\ntoc: true\n---\n$/);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "defaults").map((w) => w.line.replace(source, "<old>")),
    ["<old>/_docs/guide.md:1:1 warning defaults: toc: false from _config.yml defaults (none gives it toc), written in the copy"]);
});

test("import: a scope of `type: posts` under a narrower path is that path's, not every post's", async () => {
  const source = await writeTempFolder("old-typed-path", {
    "_config.yml": "permalink: /:title/\ndefaults:\n  - scope: { path: _posts/k8s, type: posts }\n    values: { toc: true }\n",
    "_posts/k8s/2024-01-05-pod.md": "---\ntitle: 파드\n---\n",
    "_posts/2024-01-08-plain.md": "---\ntitle: 보통\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.equal(result.settings.values.toc, undefined);
  assert.match(await readFile(path.join(root, "posts", "k8s", "2024-01-05-pod.md"), "utf8"), /\ntoc: true\n/);
  assert.doesNotMatch(await readFile(path.join(root, "posts", "2024-01-08-plain.md"), "utf8"), /toc/);
});

test("import: on a site whose defaults give no post comments, a post shows them only where it said comments: true, as the theme did", async () => {
  // Minimal Mistakes' own _config.yml leaves `comments: # true` commented out in the posts' defaults.
  const source = await writeTempFolder("old-mm-opt-in", {
    "_config.yml": "permalink: /:title/\ncomments:\n  provider: utterances\n  utterances:\n    issue_term: pathname\nrepository: me/me.github.io\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { layout: single }\n",
    "_posts/2024-01-05-asked.md": "---\ntitle: 물어봄\ncomments: true\n---\n",
    "_posts/2024-01-06-quiet.md": "---\ntitle: 조용\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.equal((result.settings.values.comments as { provider?: string } | undefined)?.provider, "utterances");
  assert.equal(await readFile(path.join(root, "posts", "2024-01-05-asked.md"), "utf8"), "---\ntitle: 물어봄\ncomments: true\n---\n");
  assert.equal(await readFile(path.join(root, "posts", "2024-01-06-quiet.md"), "utf8"), "---\ntitle: 조용\ncomments: false\n---\n");
  assert.deepEqual(result.warnings.filter((w) => w.kind === "defaults").map((w) => w.line.replace(source, "<old>")),
    ["<old>/_posts/2024-01-06-quiet.md:1:1 warning defaults: comments: false from _config.yml defaults (none gives it comments; the theme showed comments only where comments: true), written in the copy"]);
});

test("import: on a TeXt site comments stay on every post but one that says `comment: false` (TeXt's opt-out)", async () => {
  // ParkDongho/ParkDongho.github.io: TeXt shows Disqus under every article; the copies got `comments: false` (13 posts).
  const source = await writeTempFolder("old-text-comments", {
    "_config.yml": "text_skin: dark\npermalink: date\ncomments:\n  provider: disqus\n  disqus:\n    shortname: me-github-io\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { layout: article, aside: { toc: true } }\n",
    "_posts/2021-11-27-hello.md": "---\ntitle: 안녕\n---\n",
    "_posts/2021-11-28-quiet.md": "---\ntitle: 조용\ncomment: false\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.settings.values.comments, { provider: "disqus", shortname: "me-github-io" });
  assert.equal(await readFile(path.join(root, "posts", "2021-11-27-hello.md"), "utf8"), "---\ntitle: 안녕\n---\n");
  assert.match(await readFile(path.join(root, "posts", "2021-11-28-quiet.md"), "utf8"), /\ncomments: false\n/);
});

test("import: a site with a top-level `disqus:` and no `comments:` block (Jekyll Now) keeps comments on every post", async () => {
  // minwook-shin/jekyll-now: Jekyll Now shows Disqus under every post; all 741 copies got `comments: false`.
  const source = await writeTempFolder("old-jekyll-now", {
    "_config.yml": "permalink: /:title/\ndisqus: minwook-blog\nfooter-links:\n  github: me\n",
    "_posts/2018-1-10-meltdown-patch.md": "---\nlayout: post\ntitle: 멜트다운 패치\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.settings.values.comments, { provider: "disqus", shortname: "minwook-blog" });
  assert.equal(await readFile(path.join(root, "posts", "2018-1-10-meltdown-patch.md"), "utf8"), "---\nlayout: post\ntitle: 멜트다운 패치\n---\n");
  assert.deepEqual(result.warnings.filter((w) => w.kind === "defaults"), []);
});

test("import: a post author the defaults give, other than the site author's, is written in each copy that names none", async () => {
  // leewr9/leewr9.github.io (Minima): `author: { name: leewr9 }`, and the posts' defaults `author: Rooam Lee`,
  // the name Minima showed on every post.
  const source = await writeTempFolder("old-minima-author", {
    "_config.yml": "title: Rooam Lee's Blog\nauthor:\n  name: leewr9\n  email: leewr9@naver.com\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { layout: post, author: Rooam Lee }\n",
    "_posts/2024-01-05-a.md": "---\ntitle: 하나\n---\n",
    "_posts/2024-01-06-b.md": "---\ntitle: 둘\nauthor: 다른 사람\n---\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.equal((result.settings.values.author as { name?: string } | undefined)?.name, "leewr9");
  const copy = await readFile(path.join(root, "posts", "2024-01-05-a.md"), "utf8");
  assert.equal(copy, "---\ntitle: 하나\nauthor: Rooam Lee\n---\n");
  const parsed = parsePostText(copy, "posts/2024-01-05-a.md");
  const built = buildPost({ inputPath: "posts/2024-01-05-a.md", frontMatter: parsed.data.frontMatter ?? {}, body: parsed.content, site: siteSettingsSchema.parse({}) });
  assert.equal(built.ok && built.post.author?.name, "Rooam Lee");
  assert.equal(await readFile(path.join(root, "posts", "2024-01-06-b.md"), "utf8"), "---\ntitle: 둘\nauthor: 다른 사람\n---\n", "a post's own author stays");

  // The same name as the site's author: nothing to write.
  const same = await writeTempFolder("old-minima-same-author", {
    "_config.yml": "author: Rooam Lee\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { author: Rooam Lee }\n",
    "_posts/2024-01-05-a.md": "---\ntitle: 하나\n---\n",
  });
  const sameRoot = await writeTempFolder("project", {});
  await importSite({ source: same, root: sameRoot });
  assert.equal(await readFile(path.join(sameRoot, "posts", "2024-01-05-a.md"), "utf8"), "---\ntitle: 하나\n---\n");
});
