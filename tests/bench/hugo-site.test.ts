import { test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import { parse as parseToml } from "smol-toml";
import { generatePost } from "../../scripts/bench/corpus.ts";
import { hugoPost, hugoSiteFiles, jekyllSlug } from "../../scripts/bench/hugo-site.ts";

const corpus = Array.from({ length: 40 }, (_, index) => generatePost(42, index));
const files = hugoSiteFiles(corpus);
const contentFiles = files.filter((file) => file.path.startsWith("content/posts/"));

/** Fence info strings of a markdown body, in order (the corpus writes ``` fences only). */
function fences(body: string): string[] {
  const found: string[] = [];
  let open = false;
  for (const line of body.split("\n")) {
    if (!line.startsWith("```")) continue;
    if (!open) found.push(line.slice(3).trim());
    open = !open;
  }
  assert.equal(open, false, "every fence is closed");
  return found;
}

const frontMatter = (text: string) => matter(text, {}); // an options object: gray-matter caches by input otherwise

test("one Hugo content file per corpus post, named after it", () => {
  assert.equal(contentFiles.length, corpus.length);
  assert.deepEqual(contentFiles.map((file) => file.path), corpus.map((post) => `content/posts/${post.fileName}`));
});

test("each Hugo post has the corpus post's title, date, tags, categories, toc, body and code fences", () => {
  for (const [index, post] of corpus.entries()) {
    const source = frontMatter(post.text);
    const hugo = frontMatter(contentFiles[index]!.text);
    for (const key of ["title", "date", "tags", "categories", "toc"]) {
      assert.deepEqual(hugo.data[key], source.data[key], `${post.fileName}: ${key}`);
    }
    assert.equal(hugo.content, source.content, `${post.fileName}: body`);
    const languages = fences(hugo.content);
    assert.ok(languages.length >= 3, `${post.fileName}: the corpus writes 3–5 code blocks`);
    assert.deepEqual(languages, fences(source.content));
  }
});

test("the date keeps its +09:00 offset as written (Hugo reads the same instant)", () => {
  const line = contentFiles[0]!.text.split("\n").find((text) => text.startsWith("date: "));
  assert.match(line!, /^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+09:00$/);
});

test("slug: the Jekyll file name without its date prefix", () => {
  assert.equal(jekyllSlug("2018-01-03-note-12.md"), "note-12");
  assert.equal(frontMatter(hugoPost("2018-01-03-note-12.md", corpus[0]!.text).text).data.slug, "note-12");
  assert.throws(() => hugoPost("x.md", "no front matter"), /x\.md:1:1 error front matter/);
});

test("config: Chroma highlights fences with classes; tags and categories are taxonomies", () => {
  const config = parseToml(files.find((file) => file.path === "hugo.toml")!.text) as Record<string, any>;
  assert.equal(config.markup.highlight.codeFences, true);
  assert.equal(config.markup.highlight.noClasses, false);
  assert.deepEqual({ ...config.taxonomies }, { tag: "tags", category: "categories" });
  assert.equal(config.defaultContentLanguage, "ko");
});

test("layouts: posts are inside data-pagefind-body (Pagefind indexes posts only); the list has no such mark", () => {
  const layout = (name: string) => parseHTML(files.find((file) => file.path === `layouts/_default/${name}.html`)!.text).document;
  const single = layout("single");
  assert.equal(single.documentElement.getAttribute("lang"), "ko");
  const body = single.querySelector("[data-pagefind-body]");
  assert.equal(body?.tagName, "ARTICLE");
  assert.ok(body?.textContent?.includes("{{ .Content }}"), "the post body is inside the indexed element");
  assert.equal(layout("list").querySelector("[data-pagefind-body]"), null);
});
