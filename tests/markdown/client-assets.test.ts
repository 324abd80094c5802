/**
 * The built site serves what math and diagram pages need, and only they load it: a whole build of
 * tests/browser/math-and-diagrams (math, diagrams, neither, and a standalone page with both), read
 * with linkedom, plus a build with neither, which gets no vendor files at all.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildTempSite, writeTempFolder, type BuiltSite } from "../helpers/temp-site.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { crawlSite, readDocument } from "../helpers/crawl-site.ts";
import { KATEX_ASSETS_DIR, MERMAID_ASSETS_DIR, MERMAID_ENTRY, renameModuleSpecifiers, woff2OnlyStylesheet } from "../../src/markdown/client-assets.ts";
import { KATEX_STYLESHEET_URL, MERMAID_LOADER_URL } from "../../src/urls/site-urls.ts";

process.env.OPSNOTE_CACHE_DIR ??= mkdtempSync(path.join(os.tmpdir(), "opsnote-client-assets-cache-"));
const FIXTURES = path.join(import.meta.dirname, "..", "browser", "math-and-diagrams");

let site: BuiltSite;
let plainSite: BuiltSite;
let fixtureFolder: string;
const temporary: string[] = [];

before(async () => {
  const files: Record<string, string> = {};
  for (const name of await readdir(FIXTURES)) files[name] = await readFile(path.join(FIXTURES, name), "utf8");
  fixtureFolder = await writeTempFolder("client-assets", files);
  const plainFolder = await writeTempFolder("client-assets-plain", { "2024-06-03-plain.md": files["2024-06-03-plain.md"]! });
  temporary.push(fixtureFolder, `${fixtureFolder}-out`, `${fixtureFolder}-prefix`, plainFolder, `${plainFolder}-out`);
  site = await buildTempSite(fixtureFolder);
  plainSite = await buildTempSite(plainFolder);
});
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

const katexLinks = (document: Document) => document.querySelectorAll(`link[rel=stylesheet][href="${KATEX_STYLESHEET_URL}"]`).length;
const mermaidScripts = (document: Document) => document.querySelectorAll(`script[type=module][src="${MERMAID_LOADER_URL}"]`).length;

test("a page with math links the KaTeX stylesheet, and every font it names is in the output", async () => {
  const page = await site.page("/notes/math/");
  assert.equal(katexLinks(page), 1);
  assert.equal(mermaidScripts(page), 0);
  const css = await site.read(KATEX_STYLESHEET_URL.slice(1));
  const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
  assert.ok(fonts.length >= 20 && fonts.every((font) => font.endsWith(".woff2")), `fonts: ${fonts.join(", ")}`);
  assert.ok(fonts.includes("fonts/KaTeX_Main-Regular.woff2"));
  for (const font of fonts) assert.ok(existsSync(path.join(site.output, KATEX_ASSETS_DIR, font)), `missing ${font}`);
});

test("a page with a diagram loads the Mermaid loader, and Mermaid's modules are all there", async () => {
  const page = await site.page("/notes/diagram/");
  assert.equal(mermaidScripts(page), 1);
  assert.equal(katexLinks(page), 0);
  assert.ok(existsSync(path.join(site.output, MERMAID_LOADER_URL.slice(1))), "the loader is served");
  const loader = await site.read(MERMAID_LOADER_URL.slice(1));
  assert.ok(loader.includes(`"../vendor/mermaid/${MERMAID_ENTRY}"`), "the loader imports the entry the build writes");
  // Every relative import of every module resolves to a written file (the `.mjs` -> `.js` rename kept them whole).
  const dir = path.join(site.output, MERMAID_ASSETS_DIR);
  const modules = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(".js"));
  assert.ok(modules.includes(MERMAID_ENTRY) && modules.length > 50, `${modules.length} modules`);
  let imports = 0;
  for (const module of modules) {
    const code = await readFile(path.join(dir, module), "utf8");
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      imports++;
      assert.ok(existsSync(path.join(dir, path.dirname(module), specifier!)), `${module} imports missing ${specifier}`);
    }
  }
  assert.ok(imports > 100, `${imports} imports checked`);
});

test("a standalone page (layout: page) with math and a diagram links the KaTeX stylesheet and loads the Mermaid loader, as a post does", async () => {
  const page = await site.page("/availability/");
  assert.ok(page.querySelector("article.post--page"), "fixture guard: rendered with the page layout");
  assert.ok(page.querySelector(".math-display .katex") && page.querySelector("pre.mermaid"), "fixture guard: the page has math and a diagram");
  assert.equal(katexLinks(page), 1);
  assert.equal(mermaidScripts(page), 1);
});

test("a page with neither loads neither; no other page does", async () => {
  const withMath = ["/notes/math/index.html", "/availability/index.html"];
  const withDiagrams = ["/notes/diagram/index.html", "/notes/diagram-below/index.html", "/notes/broken-diagram/index.html", "/notes/sequence-links/index.html", "/availability/index.html"];
  for (const file of (await readdir(site.output, { recursive: true })).filter((f) => f.endsWith(".html"))) {
    const url = `/${file.split(path.sep).join("/")}`;
    const page = await site.page(url);
    const expected = { katex: withMath.includes(url) ? 1 : 0, mermaid: withDiagrams.includes(url) ? 1 : 0 };
    assert.deepEqual({ katex: katexLinks(page), mermaid: mermaidScripts(page) }, expected, url);
  }
});

test("a site with neither math nor diagrams gets no vendor files", async () => {
  assert.equal(katexLinks(await plainSite.page("/notes/plain/")), 0);
  assert.equal(existsSync(path.join(plainSite.output, "assets/vendor")), false);
  assert.ok(existsSync(path.join(plainSite.output, "assets/js/site.js")), "the site's own assets are there");
});

test("renameModuleSpecifiers: relative .mjs imports become .js, other text stays", () => {
  assert.equal(
    renameModuleSpecifiers('import{a}from"./chunk-AB.mjs";import("../x/y-1.mjs");const s="a.mjs";/*! dompurify/dist/purify.es.mjs */\n//# sourceMappingURL=x.mjs.map\n'),
    'import{a}from"./chunk-AB.js";import("../x/y-1.js");const s="a.mjs";/*! dompurify/dist/purify.es.mjs */\n',
  );
});

test("woff2OnlyStylesheet: drops the woff and ttf fallbacks", () => {
  assert.equal(
    woff2OnlyStylesheet('src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff"),url(fonts/A.ttf) format("truetype")}'),
    'src:url(fonts/A.woff2) format("woff2")}',
  );
});

test("under a path prefix the stylesheet and the loader resolve inside /blog/", async () => {
  const output = path.join(path.dirname(fixtureFolder), `${path.basename(fixtureFolder)}-prefix`);
  const build = buildInChild(fixtureFolder, output, { OPSNOTE_PATH_PREFIX: "blog", OPSNOTE_SITE_URL: "https://user.github.io" });
  assert.equal(build.status, 0, build.stderr);
  const math = readDocument(await readFile(path.join(output, "notes/math/index.html"), "utf8"));
  assert.ok(math.querySelector(`link[href="/blog${KATEX_STYLESHEET_URL}"]`), "the KaTeX stylesheet link carries the prefix");
  const diagram = readDocument(await readFile(path.join(output, "notes/diagram/index.html"), "utf8"));
  assert.ok(diagram.querySelector(`script[src="/blog${MERMAID_LOADER_URL}"]`), "the loader carries the prefix");
  // Every link and script resolves inside /blog/ (fonts and Mermaid's modules are relative to the
  // stylesheet and the loader, checked above, so they follow).
  const crawl = await crawlSite(output, { origin: "https://user.github.io", prefix: "/blog/" });
  assert.deepEqual(crawl.problems, []);
});
