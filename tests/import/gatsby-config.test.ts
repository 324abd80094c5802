/**
 * A Gatsby config read without running it (src/import/gatsby-config.ts): what is written as a literal is
 * read, anything computed is left out, and nothing of the file is executed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { readExports, siteRelativePath } from "../../src/import/gatsby-config.ts";

test("module.exports with a required settings file, template strings, path.join and a spread", async () => {
  const dir = await writeTempFolder("gatsby-config", {
    "gatsby-config.js": [
      "const path = require('path');",
      "const meta = require('./meta');",
      "const shared = { lang: 'ko' };",
      "module.exports = {",
      "  siteMetadata: { ...shared, ...meta, 'site-url': `https://x.example`, count: -3, flags: [true, null, undefined] },",
      "  plugins: [",
      "    { resolve: `gatsby-source-filesystem`, options: { path: `${__dirname}/content/blog`, name: `blog` } },",
      "    { resolve: 'gatsby-source-filesystem', options: { path: path.join(__dirname, 'static', 'img') } },",
      "    { resolve: 'x', options: { id: process.env.GA, list: [1, foo()], [computed]: 1 } },",
      "  ],",
      "};",
    ].join("\n"),
    "meta.js": "exports.title = 'T';\nmodule.exports.author = { name: `김` };\n",
  });
  const config = readExports(path.join(dir, "gatsby-config.js")) as Record<string, any>;
  assert.deepEqual(config.siteMetadata, { lang: "ko", title: "T", author: { name: "김" }, "site-url": "https://x.example", count: -3, flags: [true, null] });
  assert.deepEqual(config.plugins.map((plugin: any) => siteRelativePath(plugin.options.path)), ["content/blog", "static/img", undefined]);
  assert.deepEqual(config.plugins[2].options, { list: [1] }, "process.env, a call and a computed key are left out");
});

test("export default of a typed constant in gatsby-config.ts (esbuild strips the types)", async () => {
  const dir = await writeTempFolder("gatsby-config-ts", {
    "gatsby-config.ts": 'import type { GatsbyConfig } from "gatsby";\nconst config: GatsbyConfig = { pathPrefix: "/blog", siteMetadata: { title: "T" as string } };\nexport default config;\n',
  });
  assert.deepEqual(readExports(path.join(dir, "gatsby-config.ts")), { pathPrefix: "/blog", siteMetadata: { title: "T" } });
});

test("nothing is run: a config that would write a file, exit or loop is only read", async () => {
  const dir = await writeTempFolder("gatsby-config-run", {
    "gatsby-config.js": "require('fs').writeFileSync(__dirname + '/ran', 'x');\nwhile (true) {}\nmodule.exports = { siteMetadata: { title: 'safe' } };\n",
  });
  assert.deepEqual(readExports(path.join(dir, "gatsby-config.js")), { siteMetadata: { title: "safe" } });
  assert.equal(existsSync(path.join(dir, "ran")), false);
});

test("a file that does not parse, or requires outside its folder's files, reads as nothing rather than throwing", async () => {
  const dir = await writeTempFolder("gatsby-config-bad", {
    "broken.js": "module.exports = {",
    "outside.js": "module.exports = { a: require('gatsby-theme-x'), b: require('./missing') };\n",
  });
  assert.equal(readExports(path.join(dir, "broken.js")), undefined);
  assert.deepEqual(readExports(path.join(dir, "outside.js")), {});
});

test("paths: only what lies under the site's folder", () => {
  assert.equal(siteRelativePath("\u0000root/content/"), "content");
  assert.equal(siteRelativePath("./posts"), "posts");
  assert.equal(siteRelativePath("\u0000root/../elsewhere"), undefined);
  assert.equal(siteRelativePath("/home/me/blog/content"), undefined);
  assert.equal(siteRelativePath(42), undefined);
});

test("constants naming each other and a require of a folder read as nothing, not as a crash", async () => {
  const dir = await writeTempFolder("gatsby-config-cycle", {
    "gatsby-config.js": "const a = b;\nconst b = a;\nmodule.exports = { siteMetadata: { title: a, folder: require('./lib'), ok: 'y' } };\n",
    "lib/readme.txt": "not a module",
  });
  assert.deepEqual(readExports(path.join(dir, "gatsby-config.js")), { siteMetadata: { ok: "y" } });
});
