/**
 * Which folders are served where, the URL of a file, and where a post's relative target points.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { createSiteFileLookup, staticFolders, urlOfFile } from "../../src/static/static-files.ts";
import { resolveLocalTarget, rewriteHtmlTargets } from "../../src/static/local-references.ts";

const root = await writeTempFolder("static-files", {
  "posts/notes/2024-01-01-x.md": "# x\n",
  "posts/notes/a b.png": "png",
  "posts/notes/deep/c.pdf": "pdf",
  "posts/.obsidian/app.json": "{}",
  "posts/page.11ty.js": "export default 1",
  "images/x.png": "png",
  "files/docs/guide.pdf": "pdf",
  "static/favicon.ico": "ico",
  "static/images/y.png": "png",
  "assets/site.css": "css",
  "outside.png": "png",
  [`posts/notes/${"맥 이름.png".normalize("NFD")}`]: "png",
});
after(() => rm(root, { recursive: true, force: true }));
const posts = path.join(root, "posts");
const folders = staticFolders({ postsDir: posts, staticDirs: ["images", "img", "files", "static"], assetsDir: path.join(root, "assets") });
const lookup = createSiteFileLookup(folders);

test("assets/ at /assets/, each existing static folder at its path, static/ from the root, then the posts folder", () => {
  assert.deepEqual(folders.map((f) => [path.relative(root, f.dir), f.url]), [
    ["assets", "/assets/"],
    ["images", "/images/"],
    ["files", "/files/"],
    ["static", "/"],
    ["posts", "/"],
  ]);
});

test("every file but posts, templates and dot folders is listed with its URL", () => {
  assert.deepEqual(lookup.files.map((f) => f.url).sort(), [
    "/assets/site.css", "/favicon.ico", "/files/docs/guide.pdf", "/images/x.png", "/images/y.png", "/notes/a b.png", "/notes/deep/c.pdf", "/notes/맥 이름.png",
  ]);
});

const targets: [href: string, expected: string | undefined][] = [
  ["a%20b.png", "/notes/a%20b.png"],
  ["./deep/c.pdf#page=2", "/notes/deep/c.pdf#page=2"],
  ["../../images/x.png", "/images/x.png"],
  ["/images/x.png", "/images/x.png"],
  ["missing.png", undefined],
  // Saved on macOS (NFD), written NFC in the post: the same file, published under its NFC name.
  [encodeURIComponent("맥 이름.png"), `/notes/${encodeURIComponent("맥 이름.png")}`],
  [encodeURIComponent("맥 이름.png".normalize("NFD")), `/notes/${encodeURIComponent("맥 이름.png")}`],
  ["../../outside.png", undefined],
  ["2024-01-01-x.md", undefined],
  ["../other/", undefined],
  ["https://example.com/x.png", undefined],
  ["#x.png", undefined],
];

for (const [href, expected] of targets) {
  test(`relative target ${href} -> ${expected ?? "left as written"}`, () => {
    assert.equal(resolveLocalTarget(href, path.join(posts, "notes", "2024-01-01-x.md"), lookup)?.href, expected);
  });
}

test("a root target names the file it shows, for the image size", () => {
  assert.equal(resolveLocalTarget("/images/y.png", path.join(posts, "x.md"), lookup)?.file, path.join(root, "static", "images", "y.png"));
});

test("a file's URL comes from the innermost served folder; posts and files outside have none", () => {
  assert.equal(urlOfFile(path.join(root, "static", "images", "y.png"), folders), "/images/y.png");
  assert.equal(urlOfFile(path.join(posts, "notes", "2024-01-01-x.md"), folders), undefined);
  assert.equal(urlOfFile(path.join(root, "outside.png"), folders), undefined);
});

const htmlCases: [html: string, expected: string][] = [
  ['<img src="a.png" width="300">', '<img src="/n/a.png" width="300">'],
  ["<p><a href='a.png'>a</a> <img alt=\"x\" src=\"b.png\"></p>", "<p><a href='/n/a.png'>a</a> <img alt=\"x\" src=\"/n/b.png\"></p>"],
  ['<video poster="a.png" src="keep.mp4"></video>', '<video poster="/n/a.png" src="keep.mp4"></video>'],
  ['<div src="a.png">text src="a.png"</div>', '<div src="a.png">text src="a.png"</div>'],
  ['<img src="a.png?x=1&amp;y=2">', '<img src="/n/a.png?x=1&amp;y=2">'],
];

for (const [html, expected] of htmlCases) {
  test(`raw HTML targets: ${html}`, () => {
    const rewrite = (href: string) => (href.startsWith("keep") ? undefined : `/n/${href}`);
    assert.equal(rewriteHtmlTargets(html, rewrite), expected);
  });
}
