/**
 * referencedFiles: what a post's text points to on its own site, as a table of post lines and the
 * URLs found in them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { referencedFiles } from "../../src/import/references.ts";

const TABLE: [string, string, string[]][] = [
  ["a markdown image", "![x](/assets/a.png)", ["/assets/a.png"]],
  ["an HTML image", `<img src="/img/b.png" alt="b">`, ["/img/b.png"]],
  // kjhov195/beautiful-jekyll writes every image so: the import copied none of 268, and they broke.
  ["an HTML image with spaces around = and single quotes", "<center><img src = '/post_img/180901/c.png'/></center>", ["/post_img/180901/c.png"]],
  // kjhov195: `image10.jfif` (a JPEG as Windows saves it) was not copied.
  ["a .jfif image", "<img src = '/post_img/200209/image10.jfif'/>", ["/post_img/200209/image10.jfif"]],
  ["a link to a file, spaces around =", `<a href = "/files/d.pdf">PDF</a>`, ["/files/d.pdf"]],
  ["a remote image and a page link are not files of the site", `<img src = "https://x.example/e.png"> <a href="/about/">about</a>`, []],
];

for (const [what, line, expected] of TABLE) {
  test(`referencedFiles: ${what}`, () => {
    assert.deepEqual(referencedFiles({}, `본문\n\n${line}\n`).map((ref) => ref.url), expected);
  });
}

test("referencedFiles gives the file line of each reference", () => {
  assert.deepEqual(referencedFiles({}, "a\n\n<img src = '/p/x.png'/>\n", 4), [{ url: "/p/x.png", line: 7 }]);
});
