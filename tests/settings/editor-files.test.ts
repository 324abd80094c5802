/**
 * The editor files generated from the zod schemas (src/settings/editor-files.ts): the committed
 * copies in .vscode/ equal a fresh generation, the JSON Schemas agree with zod when a real JSON
 * Schema validator (ajv) reads them, and the front-matter snippets insert front matter that builds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import {
  editorFiles, frontMatterJsonSchema, frontMatterSnippets, refreshEditorFiles, settingsJsonSchema,
  FRONT_MATTER_SCHEMA_FILE, SETTINGS_SCHEMA_FILE, SNIPPETS_FILE,
} from "../../src/settings/editor-files.ts";
import { siteSettingsSchema } from "../../src/settings/schema.ts";
import { frontMatterSchema } from "../../src/content/schema.ts";
import { parsePostText } from "../../src/content/front-matter.ts";
import { buildPost } from "../../src/content/post.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validateSettings = ajv.compile(settingsJsonSchema());
const validateFrontMatter = ajv.compile(frontMatterJsonSchema());

test("the committed .vscode files equal a fresh generation (run `npm run schema` when this fails)", () => {
  for (const [relative, text] of Object.entries(editorFiles())) {
    const file = path.join(REPO_ROOT, relative);
    assert.ok(existsSync(file), `${relative} is missing: run npm run schema and commit it`);
    assert.equal(readFileSync(file, "utf8"), text, `${relative} is stale: run npm run schema and commit it`);
  }
});

test("refreshEditorFiles writes only what differs, and creates .vscode/ only when asked", async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), "opsnote-editor-files-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  assert.deepEqual(refreshEditorFiles({ root }), [], "no .vscode/: a blog that does not use VS Code keeps none");
  assert.equal(existsSync(path.join(root, ".vscode")), false);
  assert.deepEqual(refreshEditorFiles({ root, create: true }).sort(), [FRONT_MATTER_SCHEMA_FILE, SETTINGS_SCHEMA_FILE, SNIPPETS_FILE].sort());
  const before = statSync(path.join(root, SETTINGS_SCHEMA_FILE)).mtimeMs;
  assert.deepEqual(refreshEditorFiles({ root }), [], "a second run finds everything up to date");
  assert.equal(statSync(path.join(root, SETTINGS_SCHEMA_FILE)).mtimeMs, before);
  await writeFile(path.join(root, FRONT_MATTER_SCHEMA_FILE), "{}\n");
  assert.deepEqual(refreshEditorFiles({ root }), [FRONT_MATTER_SCHEMA_FILE], "a hand-edited file is put back");
  assert.equal(await readFile(path.join(root, FRONT_MATTER_SCHEMA_FILE), "utf8"), editorFiles()[FRONT_MATTER_SCHEMA_FILE]);
  assert.deepEqual(readdirSync(path.join(root, ".vscode")).filter((name) => name.endsWith(".tmp")), []);
});

test("settings schema: every key has a description, defaults are given", () => {
  const schema = settingsJsonSchema() as { properties: Record<string, { description?: string; default?: unknown; properties?: Record<string, { description?: string }> }> };
  for (const [key, property] of Object.entries(schema.properties)) {
    assert.ok(property.description && property.description.length > 10, `${key} has no description`);
    // Korean first, then English.
    assert.match(property.description, /[가-힣]/, `${key}: no Korean text`);
  }
  for (const [key, property] of Object.entries(schema.properties.author!.properties!)) assert.ok(property.description, `author.${key} has no description`);
  assert.equal(schema.properties.pageSize!.default, 10);
  // Keys whose value zod transforms keep their default and examples too.
  assert.equal(schema.properties.url!.default, "https://opsnote.example.kr");
  assert.equal(schema.properties.pathPrefix!.default, "/");
  assert.deepEqual((schema.properties.pathPrefix as { examples?: unknown }).examples, ["/blog/"]);
  assert.equal(schema.properties.timeZone!.default, "Asia/Seoul");
  assert.deepEqual(schema.properties.staticDirs!.default, ["images", "img", "files", "static"]);
});

test("settings schema accepts the repository's opsnote.config.yaml and an empty file", () => {
  const settings = parseYaml(readFileSync(path.join(REPO_ROOT, "opsnote.config.yaml"), "utf8"));
  assert.ok(validateSettings(settings), JSON.stringify(validateSettings.errors));
  assert.ok(validateSettings({}), JSON.stringify(validateSettings.errors));
});

/** [what, settings, valid]: ajv must say what zod says. */
const SETTINGS_CASES: [string, Record<string, unknown>, boolean][] = [
  ["pageSize: 0", { pageSize: 0 }, false],
  ["pageSize: 2.5", { pageSize: 2.5 }, false],
  ["pageSize: 5", { pageSize: 5 }, true],
  ["timeZone: 3", { timeZone: 3 }, false],
  ["an unknown key", { pageSzie: 10 }, false],
  ["an unknown key under author", { author: { nmae: "x" } }, false],
  ["url without a scheme", { url: "ops.example.kr" }, false],
  ["an author link without url", { author: { links: [{ label: "GitHub" }] } }, false],
  ["tocDepth: 7", { tocDepth: 7 }, false],
  ["toc: true", { toc: true }, true],
  ["toc: on", { toc: "on" }, false],
  ["language: Korean", { language: "Korean" }, false],
  ["twitter without @", { twitter: "opsnote" }, false],
  ["permalink without /", { permalink: ":title/" }, false],
  ["strict: yes", { strict: "yes" }, false],
  ["comments: giscus without ids", { comments: { provider: "giscus", repo: "a/b" } }, false],
  ["comments: utterances", { comments: { provider: "utterances", repo: "a/b" } }, true],
  ["analytics.google", { analytics: { google: "G-ABC123" } }, true],
  ["redirects", { redirects: { "/old/": "/new/" } }, true],
];

test("settings schema: ajv and zod agree", () => {
  for (const [what, settings, valid] of SETTINGS_CASES) {
    assert.equal(siteSettingsSchema.safeParse(settings).success, valid, `zod, ${what}`);
    assert.equal(validateSettings(settings), valid, `JSON Schema, ${what}: ${JSON.stringify(validateSettings.errors)}`);
  }
});

function postFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("front-matter schema accepts the front matter of every sample post", () => {
  const files = postFiles(path.join(REPO_ROOT, "posts"));
  assert.ok(files.length >= 5, `only ${files.length} posts found`);
  for (const file of files) {
    // gray-matter with opsnote's engines: dates stay text, as in the editor (YAML 1.2) and the build.
    const { data } = parsePostText(readFileSync(file, "utf8"), file);
    const frontMatter = data.frontMatter ?? {};
    assert.ok(Object.keys(frontMatter).length > 0, `${file}: no front matter read`);
    assert.ok(validateFrontMatter(frontMatter), `${path.relative(REPO_ROOT, file)}: ${JSON.stringify(validateFrontMatter.errors)}`);
  }
});

/**
 * [what, front matter, valid]: ajv must say what zod says. A number is a word (`tags: 2021`, Jekyll
 * reads it so), and a date is text that dates.ts reads later ("어제" fails there, with the file:line,
 * not in the schema): both schemas accept them alike.
 */
const FRONT_MATTER_CASES: [string, Record<string, unknown>, boolean][] = [
  ['toc: "maybe"', { toc: "maybe" }, false],
  ['draft: "nope"', { draft: "nope" }, false],
  ["toc: yes (YAML 1.1, as Jekyll reads it)", { toc: "yes" }, true],
  ["draft: Off", { draft: "Off" }, true],
  ["tags: a mapping", { tags: { a: 1 } }, false],
  ["tags: a list of lists", { tags: [["a"]] }, false],
  ["title: a list", { title: ["a"] }, false],
  ["image: 3", { image: 3 }, false],
  ["header.image: 3", { header: { image: 3 } }, false],
  ["redirect_from: a number", { redirect_from: 3 }, false],
  ["permalink: a number", { permalink: 3 }, false],
  ["tags: 3", { tags: 3 }, true],
  ["tags: a list", { tags: ["k8s", 2021] }, true],
  ['date: "어제"', { date: "어제" }, true],
  ["date: a Chirpy date", { date: "2024-11-07 10:00:00 +0900" }, true],
  ["layout: anything", { layout: "single" }, true],
  ["an unknown key", { sidebar: { nav: "docs" } }, true],
  ["image: { path, alt }", { image: { path: "/a.png", alt: "그림" } }, true],
  ["math: true", { math: true }, true],
  // Hugo LoveIt's and DoIt's switches, which the build reads as their `enable`.
  ["toc: { enable: true, auto: false } (LoveIt)", { toc: { enable: true, auto: false } }, true],
  ["toc: { enable: no }", { toc: { enable: "no" } }, true],
  ["toc: { auto: true } (the site decides)", { toc: { auto: true } }, true],
  ['toc: { enable: "maybe" }', { toc: { enable: "maybe" } }, false],
  ["toc: a list", { toc: [true] }, false],
  ["math: { enable: true } (LoveIt)", { math: { enable: true } }, true],
  ["use_math: { enable: false }", { use_math: { enable: false } }, true],
];

test("front-matter schema: ajv and zod agree, and typed mistakes are rejected", () => {
  for (const [what, frontMatter, valid] of FRONT_MATTER_CASES) {
    assert.equal(frontMatterSchema.safeParse(frontMatter).success, valid, `zod, ${what}`);
    assert.equal(validateFrontMatter(frontMatter), valid, `JSON Schema, ${what}: ${JSON.stringify(validateFrontMatter.errors)}`);
  }
});

test("front-matter schema: the common keys have a description", () => {
  const { properties } = frontMatterJsonSchema() as { properties: Record<string, { description?: string }> };
  for (const key of ["title", "date", "tags", "categories", "toc", "toc_label", "draft", "math", "last_modified_at"]) {
    assert.match(properties[key]?.description ?? "", /[가-힣].*\n\n[A-Za-z]/s, key);
  }
});

/** What VS Code inserts when every tab stop keeps its first value. */
function expandSnippet(body: readonly string[]): string {
  return body.join("\n")
    .replace(/\$CURRENT_YEAR/g, "2024").replace(/\$CURRENT_MONTH/g, "11").replace(/\$CURRENT_DATE/g, "07")
    .replace(/\$CURRENT_HOUR/g, "10").replace(/\$CURRENT_MINUTE/g, "05").replace(/\$CURRENT_SECOND/g, "09")
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, "$1")
    .replace(/\$\{\d+:([^}]*)\}/g, "$1")
    .replace(/\$\{\d+\}|\$0/g, "");
}

test("front-matter snippets: the new-post block builds as inserted, every key has a snippet with its description", async () => {
  const snippets = frontMatterSnippets();
  const block = snippets["opsnote: front matter"]!;
  assert.deepEqual(block.prefix, ["---", "frontmatter"]);
  const text = `${expandSnippet(block.body)}\n본문\n`;
  assert.match(text, /^---\ntitle: 제목\ndate: 2024-11-07 10:05:09\ntags: \[\]\ncategories: \[\]\ntoc: true\ndraft: false\n---\n/);
  const { data } = parsePostText(text, "posts/new.md");
  const built = buildPost({ inputPath: "posts/new.md", frontMatter: data.frontMatter ?? {}, source: data.frontMatterSource, body: "본문", site: { timeZone: "Asia/Seoul", permalink: "/:title/" } });
  assert.ok(built.ok, JSON.stringify(built));
  assert.deepEqual(built.warnings, []);
  assert.equal(built.post.date.iso, "2024-11-07T10:05:09+09:00");
  assert.equal(built.post.draft, false);

  const { properties } = frontMatterJsonSchema() as { properties: Record<string, { description?: string }> };
  for (const key of Object.keys(properties)) {
    const snippet = snippets[`opsnote: ${key}`];
    assert.ok(snippet, `no snippet for ${key}`);
    assert.equal(snippet.prefix, key);
    assert.equal(snippet.description, properties[key]!.description ?? key);
  }
  assert.deepEqual(snippets["opsnote: toc"]!.body, ["toc: ${1|true,false|}"]);
  assert.deepEqual(snippets["opsnote: math"]!.body, ["math: ${1|true,false|}"]);
  assert.deepEqual(snippets["opsnote: tags"]!.body, ["tags: [${1}]"]);
  // Each single-key snippet, expanded, passes the schema (a choice's first value, an empty list, now).
  for (const key of ["toc", "draft", "math", "tags", "categories", "date", "toc_sticky"]) {
    const value = parseYaml(expandSnippet(snippets[`opsnote: ${key}`]!.body), { version: "1.2" });
    assert.ok(frontMatterSchema.safeParse(value).success, `${key}: ${JSON.stringify(value)}`);
  }
});

test(".vscode/settings.json maps the settings schema to opsnote.config.yaml; the YAML extension is recommended", async () => {
  const readJsonc = async (file: string) => JSON.parse((await readFile(path.join(REPO_ROOT, file), "utf8")).replace(/^\s*\/\/.*$/gm, ""));
  const settings = await readJsonc(".vscode/settings.json");
  const [schemaPath, globs] = Object.entries(settings["yaml.schemas"] as Record<string, string[]>)[0]!;
  assert.equal(path.normalize(schemaPath), path.normalize(SETTINGS_SCHEMA_FILE));
  assert.deepEqual(globs, ["opsnote.config.yaml"]);
  assert.ok((await readJsonc(".vscode/extensions.json")).recommendations.includes("redhat.vscode-yaml"));
  // The snippets file VS Code reads is JSON with one leading comment.
  const snippets = await readJsonc(SNIPPETS_FILE);
  assert.ok(Object.values(snippets).every((s) => typeof s === "object" && s !== null && "body" in s));
});
