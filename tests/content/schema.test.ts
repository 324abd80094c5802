import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFrontMatter, type FrontMatter } from "../../src/content/schema.ts";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";

function valid(raw: Record<string, unknown>): FrontMatter {
  const result = parseFrontMatter(raw);
  assert.ok(result.ok, `expected valid front matter, got ${JSON.stringify(result.ok ? null : result.problems)}`);
  return result.value;
}

const termCases: [name: string, value: unknown, expected: string[] | undefined][] = [
  ["a list", ["kubernetes", "devops"], ["kubernetes", "devops"]],
  ["a single word", "kubernetes", ["kubernetes"]],
  ["a single string split on whitespace, as Jekyll does", "kubernetes devops", ["kubernetes", "devops"]],
  ["a comma string (spaces inside a term kept)", "helm, 쿠버네티스, GitHub Actions", ["helm", " 쿠버네티스", " GitHub Actions"]],
  ["numbers in a list become strings", [2021, "k8s"], ["2021", "k8s"]],
  ["a single number", 2021, ["2021"]],
  ["null (a key with no value) is as if not written: no terms", null, undefined],
  ["an empty list", [], []],
];

for (const field of ["tags", "categories", "category", "tag"] as const) {
  for (const [name, value, expected] of termCases) {
    // Jekyll's singular `category` and `tag` are one term, spaces and all (kjhov195: `category: Deep Learning`).
    const whole = (field === "category" || field === "tag") && name.includes("split on whitespace");
    test(`schema: ${field} as ${name}${whole ? ` (${field}: kept whole)` : ""}`, () => {
      assert.deepEqual(valid({ [field]: value })[field], whole ? [value] : expected);
    });
  }
}

test("schema: unknown Jekyll keys are kept and ignored", () => {
  const fm = valid({ title: "x", sidebar: { nav: "docs" }, author_profile: true });
  assert.equal(fm.title, "x");
  assert.deepEqual((fm as Record<string, unknown>).sidebar, { nav: "docs" });
});

test("schema: dates stay strings (no YAML timestamps)", () => {
  assert.equal(valid({ date: "2021-04-13 10:00:00 +0900" }).date, "2021-04-13 10:00:00 +0900");
});

test("schema: a numeric title is read as text", () => {
  assert.equal(valid({ title: 2021 }).title, "2021");
});

const problemCases: [name: string, raw: Record<string, unknown>, field: string, message: RegExp][] = [
  ["tags as a mapping", { tags: { a: 1 } }, "tags", /^expected a list of strings or one string, got a mapping$/],
  ["tags with a nested list", { tags: [["a"]] }, "tags", /^expected a list of strings or one string, got a list$/],
  ["categories as true", { categories: true }, "categories", /^expected a list of strings or one string, got boolean true$/],
  ["toc as a string", { toc: "maybe" }, "toc", /^expected true or false, got string "maybe"$/],
  ["title as a list", { title: ["a", "b"] }, "title", /^expected a string, got a list$/],
  ["date as a number", { date: 20210413 }, "date", /^expected a date, got number 20210413$/],
  ["permalink as a number", { permalink: 5 }, "permalink", /^expected a string such as \/kubernetes\/intro\/, got number 5$/],
  ["draft as null", { draft: null }, "draft", /^expected true or false, got null$/],
  ["published as null", { published: null }, "published", /^expected true or false, got null$/],
];

test("schema: YAML 1.1's yes/no/on/off (Jekyll's reader) are booleans, in its three casings", () => {
  // Every post of a real Jekyll blog says `comments: yes`; js-yaml (YAML 1.2) hands over the string.
  const value = valid({ comments: "yes", published: "no", toc: "On", toc_sticky: "OFF", pin: "Yes", draft: "NO", render_with_liquid: "off" });
  assert.deepEqual(
    [value.comments, value.published, value.toc, value.toc_sticky, value.pin, value.draft, value.render_with_liquid],
    [true, false, true, false, true, false, false],
  );
  const wrong = parseFrontMatter({ comments: "yEs" });
  assert.equal(wrong.ok, false, "not a YAML 1.1 spelling");
  assert.match(wrong.ok ? "" : wrong.problems[0]!.message, /^expected true or false, got string "yEs"$/);
});

test("schema: a key written with no value (YAML null) is read as not written, as Jekyll reads it", () => {
  // A Chirpy post of a real blog had `title:` with nothing after it; Jekyll took the title from the file name.
  const value = valid({ title: null, date: null, excerpt: null, description: null, permalink: null, toc: null, pin: null, lastmod: null, images: null });
  for (const key of ["title", "date", "excerpt", "description", "permalink", "toc", "pin", "lastmod", "images"]) {
    assert.equal(key in value, false, key);
  }
});

for (const [name, raw, field, message] of problemCases) {
  test(`schema problem names the field and the expectation: ${name}`, () => {
    const result = parseFrontMatter(raw);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, field);
    assert.match(problems[0]!.message, message);
  });
}

test("schema: every bad field is reported once, in one pass", () => {
  const result = parseFrontMatter({ title: ["a"], tags: { a: 1 }, toc: "maybe", pin: "nope" });
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.field).sort(), ["pin", "tags", "title", "toc"]);
});

// Theme keys kept in a table of the post's own: Hugo ≥ 0.123's `params`, Zola's `extra` (YAML front matter).
const nestedTocCases: [name: string, raw: Record<string, unknown>, toc: boolean | undefined, showToc: boolean | undefined][] = [
  ["Hugo PaperMod: params: { ShowToc: true }", { params: { ShowToc: true } }, undefined, true],
  ["in any case, as Hugo reads keys", { Params: { showtoc: "yes" } }, undefined, true],
  ["Hugo Stack: params: { toc: false }", { params: { toc: false } }, false, undefined],
  ["Hugo LoveIt: params: { toc: { enable: true } }", { params: { toc: { enable: true } } }, true, undefined],
  ["Zola: extra: { toc: true }", { extra: { toc: true } }, true, undefined],
  ["a top-level key wins over the table's", { toc: false, extra: { toc: true }, ShowToc: false, params: { ShowToc: true } }, false, false],
  ["an empty value in the table is as if not written", { extra: { toc: null } }, undefined, undefined],
  ["a table that is no mapping is ignored", { params: "x", extra: [1] }, undefined, undefined],
];
for (const [name, raw, toc, showToc] of nestedTocCases) {
  test(`schema: ${name}`, () => {
    const value = valid(raw);
    assert.deepEqual([value.toc, value.ShowToc], [toc, showToc]);
  });
}

test("schema: a bad value in a table is named by its path, as written", () => {
  const result = parseFrontMatter({ Params: { ShowToc: "maybe" } });
  assert.deepEqual(result.ok ? [] : result.problems, [{ field: "Params.ShowToc", message: 'expected true or false, got string "maybe"' }]);
});

test("a Hugo blog with params: { ShowToc: true } (YAML and TOML) and a Zola one with extra: { toc: true } (YAML) show their TOC", async () => {
  const headings = "\n## 하나\n\n## 둘\n";
  const posts = await writeTempFolder("nested-toc", {
    "2024-01-01-papermod-yaml.md": `---\ntitle: a\nparams:\n  ShowToc: true\n---\n${headings}`,
    "2024-01-02-papermod-toml.md": `+++\ntitle = "b"\n[params]\nShowToc = true\n+++\n${headings}`,
    "2024-01-03-zola-yaml.md": `---\ntitle: c\nextra:\n  toc: true\n---\n${headings}`,
    "2024-01-04-none.md": `---\ntitle: d\nextra:\n  math: true\n---\n${headings}`,
  });
  const site = await buildTempSite(posts);
  const tocOf = async (url: string) => [...(await site.page(url)).querySelectorAll("nav.toc a")].map((a) => a.textContent);
  for (const url of ["/papermod-yaml/", "/papermod-toml/", "/zola-yaml/"]) assert.deepEqual(await tocOf(url), ["하나", "둘"], url);
  assert.deepEqual(await tocOf("/none/"), []);
});
