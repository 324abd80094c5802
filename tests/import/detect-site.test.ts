/**
 * Which generator built a folder: a table of the files each one leaves behind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { detectSite } from "../../src/import/detect-site.ts";
import { readSiteLayout } from "../../src/import/site-layout.ts";
import { writeFile } from "node:fs/promises";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.ts";

const CASES: [string, Record<string, string>, string, Record<string, unknown>?][] = [
  ["Jekyll _config.yml", { "_config.yml": "title: J\n" }, "jekyll", { title: "J" }],
  ["Jekyll with only _posts", { "_posts/2024-01-01-a.md": "x" }, "jekyll"],
  ["Hugo hugo.toml", { "hugo.toml": 'baseURL = "https://h.example/"\n' }, "hugo", { baseURL: "https://h.example/" }],
  ["Hugo config.toml with baseURL", { "config.toml": 'baseURL = "https://h.example/"\n' }, "hugo"],
  ["Hugo config.yaml with content/", { "config.yaml": "baseURL: https://h.example/\ntitle: H\n", "content/posts/a.md": "x" }, "hugo", { baseURL: "https://h.example/", title: "H" }],
  // dings-things/blog (PaperMod) and urfreein's Stack site keep their settings only in config/_default/, in YAML.
  ["Hugo config/_default/hugo.yaml alone", { "config/_default/hugo.yaml": "baseURL: https://h.example/\ntitle: H\n", "content/posts/a.md": "x" }, "hugo", { baseURL: "https://h.example/", title: "H" }],
  ["Hugo config/_default/config.yaml with params.yaml", { "config/_default/config.yaml": "title: H\n", "config/_default/params.yaml": "mainSections: [post]\n", "content/post/a.md": "x" }, "hugo", { title: "H", params: { mainSections: ["post"] } }],
  ["Hugo config/_default/ without a root file", { "config/_default/params.toml": "author = 'K'\n", "content/posts/a.md": "x" }, "hugo", { params: { author: "K" } }],
  ["Hugo root config.toml with config/_default/params.toml", { "config.toml": 'baseURL = "https://h.example/"\n', "config/_default/params.toml": "author = 'K'\n" }, "hugo", { baseURL: "https://h.example/", params: { author: "K" } }],
  ["Zola config.toml with base_url", { "config.toml": 'base_url = "https://z.example"\n' }, "zola"],
  ["Hexo _config.yml with Hexo's keys", { "_config.yml": "title: H\nnew_post_name: :title.md\npost_asset_folder: true\n" }, "hexo"],
  ["Hexo scaffolds/ and source/_posts/ (a _config.yml of a few keys)", { "_config.yml": "title: H\ntheme: next\n", "scaffolds/post.md": "x", "source/_posts/a.md": "x" }, "hexo"],
  ["Hexo package.json depending on hexo", { "_config.yml": "title: H\n", "package.json": '{"dependencies":{"hexo":"^7.0.0"}}', "source/_posts/a.md": "x" }, "hexo"],
  ["Hexo without a _config.yml: scaffolds/ and source/_posts/", { "scaffolds/post.md": "x", "source/_posts/a.md": "x" }, "hexo"],
  ["Jekyll with permalink, paginate, theme and a package.json of its own stays Jekyll", { "_config.yml": "title: J\npermalink: /:year/:month/:day/:title/\npaginate: 5\ntheme: minima\n", "package.json": '{"devDependencies":{"prettier":"3"}}', "_posts/2024-01-01-a.md": "x" }, "jekyll"],
  ["Jekyll Chirpy (a _config.yml with timezone, lang, url) stays Jekyll", { "_config.yml": "theme: jekyll-theme-chirpy\ntimezone: Asia/Seoul\nlang: ko-KR\nurl: https://x.github.io\npaginate: 10\n", "_posts/2024-01-01-a.md": "x" }, "jekyll"],
  ["Gatsby gatsby-config.js (its literal values read, process.env left out)", { "gatsby-config.js": "module.exports = { siteMetadata: { title: `G` }, pathPrefix: process.env.PREFIX }\n", "content/blog/a/index.md": "x" }, "gatsby", { siteMetadata: { title: "G" } }],
  ["Gatsby package.json depending on gatsby (no config file)", { "package.json": '{"dependencies":{"gatsby":"^5.0.0"}}', "content/blog/a.md": "x" }, "gatsby", {}],
  ["a package.json of another tool and a folder of posts stays a folder", { "package.json": '{"devDependencies":{"prettier":"3"}}', "2024-01-01-a.md": "x" }, "folder"],
  ["a bare folder of posts", { "2024-01-01-a.md": "x" }, "folder"],
];

for (const [name, files, family, config] of CASES) {
  test(name, async () => {
    const site = await detectSite(await writeTempFolder("detect", files));
    assert.equal(site.family, family);
    if (config) assert.deepEqual(JSON.parse(JSON.stringify(site.config)), config); // TOML tables have no prototype
  });
}

test("a _posts folder given directly: its Jekyll site is the parent", async () => {
  const root = await writeTempFolder("detect", { "_config.yml": "title: J\n", "_posts/2024-01-01-a.md": "x" });
  const site = await detectSite(path.join(root, "_posts"));
  assert.deepEqual([site.family, site.root], ["jekyll", root]);
});

test("a source/_posts folder given directly: its Hexo site is two levels up", async () => {
  const root = await writeTempFolder("detect", { "_config.yml": "new_post_name: :title.md\nsource_dir: source\n", "source/_posts/a.md": "x" });
  const site = await detectSite(path.join(root, "source", "_posts"));
  assert.deepEqual([site.family, site.root], ["hexo", root]);
});

test("Hugo's config folder (Blowfish, Congo): each file is the table its name says, a language in the name puts it under that language", async () => {
  const root = await writeTempFolder("detect", {
    "config/_default/hugo.toml": 'baseURL = "https://b.example/"\ntheme = "blowfish"\ndefaultContentLanguage = "ko"\n',
    "config/_default/params.toml": "[article]\n  showTableOfContents = true\n",
    "config/_default/languages.ko.toml": 'title = "운영 노트"\n[params.author]\n  name = "김데브"\n',
    "config/_default/menus.ko.toml": '[[main]]\n  name = "글"\n',
    "config/_default/markup.yaml": "tableOfContents:\n  endLevel: 3\n",
    "content/posts/a.md": "x",
  });
  const site = await detectSite(root);
  assert.equal(site.family, "hugo");
  // JSON: TOML tables come with a null prototype.
  assert.deepEqual(JSON.parse(JSON.stringify(site.config)), {
    baseURL: "https://b.example/", theme: "blowfish", defaultContentLanguage: "ko",
    params: { article: { showTableOfContents: true } },
    languages: { ko: { title: "운영 노트", params: { author: { name: "김데브" } }, menus: { main: [{ name: "글" }] } } },
    markup: { tableOfContents: { endLevel: 3 } },
  });
});

test("a YAML settings file js-yaml 5 refuses but Hexo's js-yaml read (Fluid's `- {` flow items at the dash's indentation) is read", async () => {
  const fluid = "title: F\nlinks:\n  items:\n    - {\n      title: \"Fluid Blog\",\n      link: \"https://hexo.fluid-dev.com/\"\n    }\n";
  const site = await detectSite(await writeTempFolder("detect", { "_config.yml": fluid, "source/_posts/a.md": "x", "scaffolds/post.md": "x" }));
  assert.deepEqual(JSON.parse(JSON.stringify(site.config)), { title: "F", links: { items: [{ title: "Fluid Blog", link: "https://hexo.fluid-dev.com/" }] } });
  await assert.rejects(detectSite(await writeTempFolder("detect", { "_config.yml": "title: [unclosed\n" })), /_config\.yml:2:1 error config: cannot read the site's settings/, "what neither reads is an error that names the line");
});

test("Hexo: the theme's own themes/<name>/_config.yml is read under the site's _config.<name>.yml, and a file neither reader reads is a note", async () => {
  const root = await writeTempFolder("detect-hexo-theme", {
    "_config.yml": "title: H\ntheme: icarus\nnew_post_name: :title.md\npost_asset_folder: false\n",
    "themes/icarus/_config.yml": "comment:\n  type: disqus\n  shortname: theme-default\n",
    "source/_posts/a.md": "---\ntitle: A\n---\n",
  });
  const layout = await readSiteLayout(await detectSite(root));
  assert.deepEqual(layout.settings.values.comments, { provider: "disqus", shortname: "theme-default" });
  await writeFile(path.join(root, "_config.icarus.yml"), "comment:\n  shortname: site-own\n");
  assert.deepEqual((await readSiteLayout(await detectSite(root))).settings.values.comments, { provider: "disqus", shortname: "site-own" }, "the site's file wins, key by key");
  await writeFile(path.join(root, "_config.icarus.yml"), "comment: [unclosed\n");
  const broken = await readSiteLayout(await detectSite(root));
  assert.ok(broken.settings.notes.some((note) => note.startsWith("_config.icarus.yml not read (") && note.includes("comments, analytics and author are not carried")), broken.settings.notes.join("\n"));
});

test("a comment glued to a quoted value (`\"x.jpeg\"# avatar`) is read as Jekyll's libyaml reads it: a comment", async () => {
  // ottersong's Minimal Mistakes _config.yml: js-yaml and `yaml` both refuse the line.
  const config = [
    'title: "블로그"',
    'author:',
    '  avatar: "/assets/images/profile.jpeg"# path of avatar image',
    "  bio: 'DevOps # 엔지니어'#bio",
    'links:',
    '  - "https://github.com/x"# GitHub',
    'plain: value# stays part of the value',
    '',
  ].join("\n");
  const site = await detectSite(await writeTempFolder("detect", { "_config.yml": config, "_posts/2024-01-01-a.md": "x" }));
  assert.deepEqual(site.config, {
    title: "블로그",
    author: { avatar: "/assets/images/profile.jpeg", bio: "DevOps # 엔지니어" },
    links: ["https://github.com/x"],
    plain: "value# stays part of the value",
  });
});

test("a key written twice in _config.yml takes its last value, as Jekyll's libyaml reads it", async () => {
  const config = 'title: 블로그\nkramdown:\n  input: GFM\nurl: https://k.example\nkramdown:\n  syntax_highlighter: rouge\n';
  const site = await detectSite(await writeTempFolder("detect", { "_config.yml": config, "_posts/2024-01-01-a.md": "x" }));
  assert.deepEqual(site.config, { title: "블로그", kramdown: { syntax_highlighter: "rouge" }, url: "https://k.example" });
});

test("settings no reader accepts stop the import with the file, line and column and what the parser expected, not a stack trace", async () => {
  for (const [name, text, line] of [
    ["_config.yml", "title: 블로그\nauthor:\n  name: K\n bio: x\n", 4],
    ["hugo.toml", 'baseURL = "https://h.example/"\ntitle = "H\n', 2],
  ] as const) {
    const root = await writeTempFolder("detect", { [name]: text, "content/posts/a.md": "x" });
    await assert.rejects(detectSite(root), (error: unknown) => {
      assert.ok(error instanceof DiagnosticError, String(error));
      const [d] = error.diagnostics;
      assert.equal(d?.file, path.join(root, name));
      assert.equal(d?.line, line, `${name}: ${d?.message}`);
      assert.equal(typeof d?.column, "number");
      assert.match(d?.message ?? "", /^cannot read the site's settings: .+; fix this line/);
      assert.doesNotMatch(d?.message ?? "", /\n|\s{2}at /);
      return true;
    });
  }
});
