/**
 * Which generator built a folder: a table of the files each one leaves behind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { detectSite } from "../../src/import/detect-site.ts";

const CASES: [string, Record<string, string>, string, Record<string, unknown>?][] = [
  ["Jekyll _config.yml", { "_config.yml": "title: J\n" }, "jekyll", { title: "J" }],
  ["Jekyll with only _posts", { "_posts/2024-01-01-a.md": "x" }, "jekyll"],
  ["Hugo hugo.toml", { "hugo.toml": 'baseURL = "https://h.example/"\n' }, "hugo", { baseURL: "https://h.example/" }],
  ["Hugo config.toml with baseURL", { "config.toml": 'baseURL = "https://h.example/"\n' }, "hugo"],
  ["Hugo config.yaml with content/", { "config.yaml": "baseURL: https://h.example/\ntitle: H\n", "content/posts/a.md": "x" }, "hugo", { baseURL: "https://h.example/", title: "H" }],
  ["Zola config.toml with base_url", { "config.toml": 'base_url = "https://z.example"\n' }, "zola"],
  ["a bare folder of posts", { "2024-01-01-a.md": "x" }, "folder"],
];

for (const [name, files, family, config] of CASES) {
  test(name, async () => {
    const site = await detectSite(await writeTempFolder("detect", files));
    assert.equal(site.family, family);
    if (config) assert.deepEqual({ ...site.config }, config);
  });
}

test("a _posts folder given directly: its Jekyll site is the parent", async () => {
  const root = await writeTempFolder("detect", { "_config.yml": "title: J\n", "_posts/2024-01-01-a.md": "x" });
  const site = await detectSite(path.join(root, "_posts"));
  assert.deepEqual([site.family, site.root], ["jekyll", root]);
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
