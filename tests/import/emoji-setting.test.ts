/**
 * The `emoji` setting carried by an import: Jekyll's jemoji plugin (`plugins:`, or `gems:` before
 * Jekyll 3.5) and Hugo's `enableEmoji` (in each configuration file form the importer reads) turn it
 * on in the written settings file; without them it stays out (opsnote's default is off, as theirs).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { importSite } from "../../src/import/import-site.ts";
import { translateHugo, translateJekyll } from "../../src/import/translate-settings.ts";

const JEKYLL_POST = { "_posts/2024-01-05-a.md": "---\ntitle: A\n---\n\n:memo: 메모\n" };
const HUGO_POST = { "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-05\n---\n\n:memo: 메모\n" };

// [site, its files, the settings file's emoji and the comment above it]
const SITES: [string, Record<string, string>, [boolean, string] | undefined][] = [
  ["Jekyll plugins: with jemoji", { "_config.yml": "title: t\nplugins:\n  - jekyll-feed\n  - jemoji\n", ...JEKYLL_POST }, [true, "from _config.yml plugins (jemoji)"]],
  ["Jekyll gems: (before 3.5) with jemoji", { "_config.yml": "title: t\ngems: [jemoji]\n", ...JEKYLL_POST }, [true, "from _config.yml gems (jemoji)"]],
  ["Jekyll plugins without jemoji", { "_config.yml": "title: t\nplugins: [jekyll-feed]\n", ...JEKYLL_POST }, undefined],
  ["Hugo hugo.yml", { "hugo.yml": "baseURL: https://h.example/\nenableEmoji: true\n", ...HUGO_POST }, [true, "from hugo.yml enableEmoji"]],
  ["Hugo hugo.toml", { "hugo.toml": 'baseURL = "https://h.example/"\nenableEmoji = true\n', ...HUGO_POST }, [true, "from hugo.toml enableEmoji"]],
  ["Hugo config.toml, lower case", { "config.toml": 'baseURL = "https://h.example/"\nenableemoji = true\n', ...HUGO_POST }, [true, "from config.toml enableEmoji"]],
  ["Hugo config/_default/hugo.toml", { "config/_default/hugo.toml": 'baseURL = "https://h.example/"\nenableEmoji = true\n', ...HUGO_POST }, [true, "from config/_default/hugo.toml enableEmoji"]],
  ["Hugo enableEmoji: false", { "hugo.yml": "baseURL: https://h.example/\nenableEmoji: false\n", ...HUGO_POST }, undefined],
  ["Hugo without enableEmoji", { "hugo.toml": 'baseURL = "https://h.example/"\n', ...HUGO_POST }, undefined],
];

for (const [what, files, expected] of SITES) {
  test(`import: ${what}`, async () => {
    const source = await writeTempFolder("old-site", files);
    const root = await writeTempFolder("project", {});
    const result = await importSite({ source, root });
    assert.deepEqual(result.conflicts, []);
    const text = await readFile(path.join(root, "opsnote.config.yaml"), "utf8");
    const settings = parseYaml(text) as { emoji?: boolean };
    if (expected === undefined) {
      assert.equal(settings.emoji, undefined, text);
      return;
    }
    assert.equal(settings.emoji, expected[0], text);
    assert.match(text, new RegExp(`# ${expected[1].replace(/[.()/]/g, "\\$&")}\nemoji: true\n`));
  });
}

test("translate: jemoji named anywhere in the list, or as the one plugin; Hugo's yes/on spellings", () => {
  assert.equal(translateJekyll({ plugins: ["jekyll-seo-tag", "jemoji", "jekyll-sitemap"] }).values.emoji, true);
  assert.equal(translateJekyll({ plugins: "jemoji" }).values.emoji, true);
  assert.equal(translateJekyll({ plugins: ["jemoji-extra"] }).values.emoji, undefined);
  assert.equal(translateHugo({ EnableEmoji: "yes" }, "hugo.yml", "posts").values.emoji, true);
});
