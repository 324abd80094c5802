/**
 * setPermalink, as a table: a post's text in, the copy's text out. YAML and TOML front matter both get
 * the key the build reads; what cannot be edited safely comes back unchanged, for the caller to report.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { hexoFrontMatter, removeFrontMatterKeys, renameHugoKeys, replaceFrontMatterStrings, setPermalink } from "../../src/import/edit-front-matter.ts";
import { parsePostText } from "../../src/content/front-matter.ts";

const CASES: [name: string, input: string, expected: string][] = [
  ["YAML: added after the other keys", "---\ntitle: a\n# 메모\ntags: [x]\n---\n본문\n", '---\ntitle: a\n# 메모\ntags: [x]\npermalink: /a-2/\n---\n본문\n'],
  ["YAML: one that is there is replaced", "---\ntitle: a\npermalink: /a/\n---\n본문\n", "---\ntitle: a\npermalink: /a-2/\n---\n본문\n"],
  ["TOML: after the last top-level key, before a table", '+++\ntitle = "a"\ndate = 2024-01-01\n\n[taxonomies]\ntags = ["x"]\n+++\n본문\n', '+++\ntitle = "a"\ndate = 2024-01-01\npermalink = "/a-2/"\n\n[taxonomies]\ntags = ["x"]\n+++\n본문\n'],
  ["TOML: no table", '+++\ntitle = "a"\n+++\n본문\n', '+++\ntitle = "a"\npermalink = "/a-2/"\n+++\n본문\n'],
  ["TOML: a top-level one is replaced, a table's own is not the post's", '+++\npermalink = "/a/"\n[extra]\npermalink = "/x/"\n+++\n', '+++\npermalink = "/a-2/"\n[extra]\npermalink = "/x/"\n+++\n'],
  ["TOML: a permalink in a table only gets a top-level one", '+++\ntitle = "a"\n[extra]\npermalink = "/x/"\n+++\n', '+++\ntitle = "a"\npermalink = "/a-2/"\n[extra]\npermalink = "/x/"\n+++\n'],
  ["TOML: CRLF kept", '+++\r\ntitle = "a"\r\n+++\r\n본문\r\n', '+++\r\ntitle = "a"\r\npermalink = "/a-2/"\r\n+++\r\n본문\r\n'],
  ["TOML: an empty block", "+++\n+++\n본문\n", '+++\npermalink = "/a-2/"\n+++\n본문\n'],
  ["TOML that does not parse: unchanged", '+++\ntitle = = "a"\n+++\n', '+++\ntitle = = "a"\n+++\n'],
  // A line of a multi-line array that starts with `[` looks like a table: the edit would break the TOML.
  ["TOML whose layout would be broken: unchanged", '+++\ntitle = "a"\nweights = [\n[1, 2],\n]\n+++\n', '+++\ntitle = "a"\nweights = [\n[1, 2],\n]\n+++\n'],
  ["no front matter: unchanged", "본문만\n", "본문만\n"],
];

for (const [name, input, expected] of CASES) {
  test(`setPermalink: ${name}`, () => assert.equal(setPermalink(input, "/a-2/"), expected));
}

test("setPermalink: a URL with Hangul and quotes is read back as written, from TOML and YAML", () => {
  const url = '/쿠버네티스/"따옴표"-2/';
  for (const text of ['+++\ntitle = "a"\n+++\n', "---\ntitle: a\n---\n"]) {
    assert.equal(parsePostText(setPermalink(text, url), "p.md").data.frontMatter?.permalink, url);
  }
});

// Hugo reads front-matter keys in any case (hugo-book posts on smjune say `Tags:`) and shows `summary`
// in lists (Blowfish, 0AndWild): the copy says them as opsnote reads them.
const KEY_CASES: [name: string, input: string, expected: string, renamed: [string, string][]][] = [
  ["YAML Tags and Categories, comments and order kept",
    '---\ntitle: "글쓰기"\n\nCategories: "Posted"\nTags: ["coffee","글쓰기",]\n# bookToc: false\n---\n본문\n',
    '---\ntitle: "글쓰기"\n\ncategories: "Posted"\ntags: ["coffee", "글쓰기"]\n\n# bookToc: false\n---\n본문\n', [["Categories", "categories"], ["Tags", "tags"]]],
  ["TOML Tags, a key in a table left alone", '+++\nTitle = "a"\nTags = ["k8s"]\n[params]\n  Tags = "x"\n+++\n', '+++\ntitle = "a"\ntags = ["k8s"]\n[params]\n  Tags = "x"\n+++\n', [["Title", "title"], ["Tags", "tags"]]],
  ["TOML summary is the excerpt (Blowfish)", "+++\ntitle = 'a'\ndescription = \"\"\nsummary = \"웹소켓 이전\"\n+++\n", "+++\ntitle = 'a'\ndescription = \"\"\nexcerpt = \"웹소켓 이전\"\n+++\n", [["summary", "excerpt"]]],
  ["summary beside an excerpt: left as written", "---\nexcerpt: a\nsummary: b\n---\n", "---\nexcerpt: a\nsummary: b\n---\n", []],
  ["a key opsnote does not read stays (Hextra's linkTitle)", "---\nBookComments: true\nlinkTitle: 짧게\n---\n", "---\nBookComments: true\nlinkTitle: 짧게\n---\n", []],
  ["both spellings: left as written", "---\ntags: [a]\nTags: [b]\n---\n", "---\ntags: [a]\nTags: [b]\n---\n", []],
];
for (const [name, input, expected, renamed] of KEY_CASES) {
  test(`renameHugoKeys: ${name}`, () => {
    const result = renameHugoKeys(input);
    assert.equal(result.text, expected);
    assert.deepEqual(result.renamed, renamed);
  });
}

/** Hugo's front-matter image found in the content folder, written as its URL (import-site.ts planReferences). */
const IMAGES = new Map([["posts/images/mac.png", "/images/mac.png"]]);
const STRING_CASES: [name: string, input: string, expected: string][] = [
  ["YAML", "---\ntitle: a\nimage: posts/images/mac.png\n---\n본문\n", "---\ntitle: a\nimage: /images/mac.png\n---\n본문\n"],
  ["TOML, as hugo-book's posts have it", '+++\ntitle = "a"\nimage="posts/images/mac.png"\n+++\n본문\n', '+++\ntitle = "a"\nimage="/images/mac.png"\n+++\n본문\n'],
  ["TOML: a literal string, in an array and in a table", "+++\nimages = ['posts/images/mac.png']\n[cover]\nimage = \"posts/images/mac.png\"\n+++\n", '+++\nimages = ["/images/mac.png"]\n[cover]\nimage = "/images/mac.png"\n+++\n'],
  ["TOML: the same text inside a longer string is left alone", '+++\nimage = "posts/images/mac.png"\nnote = "see posts/images/mac.png"\n+++\n', '+++\nimage = "/images/mac.png"\nnote = "see posts/images/mac.png"\n+++\n'],
  ["TOML: a quoted key of that name would change too: unchanged", '+++\n"posts/images/mac.png" = "posts/images/mac.png"\n+++\n', '+++\n"posts/images/mac.png" = "posts/images/mac.png"\n+++\n'],
  ["TOML that does not parse: unchanged", '+++\nimage = = "posts/images/mac.png"\n+++\n', '+++\nimage = = "posts/images/mac.png"\n+++\n'],
];

for (const [name, input, expected] of STRING_CASES) {
  test(`replaceFrontMatterStrings: ${name}`, () => assert.equal(replaceFrontMatterStrings(input, IMAGES), expected));
}

const HEXO_CASES: [name: string, input: string, draft: boolean, expected: string][] = [
  ["a one-term tags string stays one term", "---\ntitle: A\ntags: Spring Boot\n---\nx", false, "---\ntitle: A\ntags: [Spring Boot]\n---\nx"],
  ["nested categories flattened, each once", "---\ncategories: [[DevOps, 배포], [회고, DevOps]]\n---\n", false, "---\ncategories: [DevOps, 배포, 회고]\n---\n"],
  ["a category branch (a plain list) is left", "---\ncategories:\n  - DevOps\n  - k8s\n---\n", false, "---\ncategories:\n  - DevOps\n  - k8s\n---\n"],
  ["a permalink gets its leading /", "---\npermalink: oncall/runbook/\n---\n", false, "---\npermalink: /oncall/runbook/\n---\n"],
  ["a draft says so", "---\ntitle: 초안\n---\n", true, "---\ntitle: 초안\ndraft: true\n---\n"],
  ["nothing to change", "---\ntags: [k8s]\n---\n", false, "---\ntags: [k8s]\n---\n"],
  ["Icarus' thumbnail is the post's image (hangack)", "---\nthumbnail: /thumbnails/CS/spark.svg\n---\n", false, "---\nthumbnail: /thumbnails/CS/spark.svg\nimage: /thumbnails/CS/spark.svg\n---\n"],
  ["Butterfly's cover before its top_img", "---\ntop_img: /img/top.png\ncover: /img/c.png\n---\n", false, "---\ntop_img: /img/top.png\ncover: /img/c.png\nimage: /img/c.png\n---\n"],
  ["Fluid's index_img", "---\nindex_img: /img/i.png\nbanner_img: /img/b.png\n---\n", false, "---\nindex_img: /img/i.png\nbanner_img: /img/b.png\nimage: /img/i.png\n---\n"],
  ["the post's own image wins", "---\nimage: /a.png\nthumbnail: /b.png\n---\n", false, "---\nimage: /a.png\nthumbnail: /b.png\n---\n"],
  ["Butterfly's cover: false is no image", "---\ncover: false\n---\n", false, "---\ncover: false\n---\n"],
];
for (const [name, input, draft, expected] of HEXO_CASES) {
  test(`hexoFrontMatter: ${name}`, () => assert.equal(hexoFrontMatter(input, { draft }).text, expected));
}

test("hexoFrontMatter: a cover whose file is not there (hangack's drafts: the scaffold's /thumbnails/CS/img.svg) is not the post's image", () => {
  const input = "---\nthumbnail: /thumbnails/CS/img.svg\n---\n";
  const result = hexoFrontMatter(input, { coverExists: (url) => url !== "/thumbnails/CS/img.svg" });
  assert.equal(result.text, input);
  assert.deepEqual(result.missingCovers, ["thumbnail: /thumbnails/CS/img.svg"]);
});

test("removeFrontMatterKeys takes keys out of YAML front matter and keeps the rest, comments too", () => {
  assert.equal(removeFrontMatterKeys("---\ntitle: A # 제목\nmedia_subpath: /img\ntags: [k8s]\n---\n본문\n", ["media_subpath", "img_path"]), "---\ntitle: A # 제목\ntags: [k8s]\n---\n본문\n");
  const untouched = "---\ntitle: A\n---\n본문\n";
  assert.equal(removeFrontMatterKeys(untouched, ["media_subpath"]), untouched);
  assert.equal(removeFrontMatterKeys("+++\ntitle = 'A'\n+++\n", ["title"]), "+++\ntitle = 'A'\n+++\n", "TOML is left alone");
});
