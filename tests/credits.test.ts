import { test } from "node:test";
import assert from "node:assert/strict";
import { creditsForFiles, creditsUsedBy, type Credit } from "../src/credits.ts";

const credit = (work: string, files: string[]): Credit => ({
  work, author: "a", files,
  source: { label: "s", url: "https://example.com/s" },
  license: { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
});
const credits = [credit("diagram", ["/assets/images/a.svg"]), credit("photo", ["/assets/images/b.png", "/assets/images/c.png"])];

const cases: [name: string, html: string, works: string[]][] = [
  ["no image", "<p>text</p>", []],
  ["an image that is not credited", '<img src="/assets/images/mine.png" alt="">', []],
  ["one credited image", '<p><img src="/assets/images/a.svg" alt="x"></p>', ["diagram"]],
  ["a credit's second file", '<img src="/assets/images/c.png">', ["photo"]],
  ["a srcset entry", '<img srcset="/assets/images/b.png 1x, /x.png 2x">', ["photo"]],
  ["a longer file name sharing the prefix", '<img src="/assets/images/a.svg.bak">', []],
  ["both, in settings order", '<img src="/assets/images/b.png"><img src="/assets/images/a.svg">', ["diagram", "photo"]],
];
for (const [name, html, works] of cases) {
  test(`creditsUsedBy: ${name}`, () => assert.deepEqual(creditsUsedBy(credits, html).map((c) => c.work), works));
}

test("creditsForFiles: the credits of a list page's thumbnails", () => {
  assert.deepEqual(creditsForFiles(credits, [undefined, "/assets/images/c.png"]).map((c) => c.work), ["photo"]);
  assert.deepEqual(creditsForFiles(credits, [undefined]), []);
});
