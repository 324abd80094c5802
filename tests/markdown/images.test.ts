import { before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";
import { resolveImageFile } from "../../src/markdown/images.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";

const assetsDir = "/site/assets";
const resolveCases: [src: string, postFile: string | undefined, expected: string | undefined][] = [
  ["/assets/images/a.png", undefined, "/site/assets/images/a.png"],
  ["/assets/images/%EC%BF%A0%EB%B2%84.png?v=2#x", undefined, "/site/assets/images/쿠버.png"],
  ["diagram.svg", "posts/2024/x.md", path.resolve("posts/2024/diagram.svg")],
  ["./img/b.webp", "posts/x.md", path.resolve("posts/img/b.webp")],
  ["https://example.com/a.png", "posts/x.md", undefined],
  ["//cdn.example.com/a.png", "posts/x.md", undefined],
  ["data:image/png;base64,AAAA", "posts/x.md", undefined],
  ["/images/elsewhere.png", "posts/x.md", undefined],
  ["%E0%A4%A", "posts/x.md", undefined],
];
for (const [src, postFile, expected] of resolveCases) {
  test(`resolveImageFile(${JSON.stringify(src)})`, () => assert.equal(resolveImageFile(src, { assetsDir, postFile }), expected));
}

let md: MarkdownIt;
const warnings: Diagnostic[] = [];
before(async () => {
  md = createMarkdown({ highlighter: await getCodeHighlighter(), report: (d) => warnings.push(d) });
});

function render(markdown: string) {
  return parseHTML(`<!doctype html><html><body>${md.render(markdown, { page: { inputPath: "posts/x.md" } })}</body></html>`).document;
}

const SVG = "/assets/images/container_evolution.svg";

test("width and height come from the file; the first image loads eagerly, the rest lazily", () => {
  const document = render(`![첫 그림](${SVG})\n\n본문\n\n![둘째 그림](${SVG})`);
  const [first, second] = [...document.querySelectorAll("img")];
  assert.deepEqual([first!.getAttribute("width"), first!.getAttribute("height")], ["1498", "552"]);
  assert.equal(first!.getAttribute("loading"), null);
  assert.equal(second!.getAttribute("loading"), "lazy");
  assert.equal(second!.getAttribute("decoding"), "async");
  assert.equal(second!.getAttribute("alt"), "둘째 그림");
});

const captionCases: [name: string, markdown: string, caption: string | undefined][] = [
  ["title", `![alt](${SVG} "제목 캡션")`, "제목 캡션"],
  ["italic line under the image", `![alt](${SVG})\n*기울임 캡션*`, "기울임 캡션"],
  ["underscore italics", `![alt](${SVG})\n_밑줄 캡션_`, "밑줄 캡션"],
  ["no caption", `![alt](${SVG})`, undefined],
  ["italic with trailing text is not a caption", `![alt](${SVG})\n*반쯤* 기울임`, undefined],
  ["two italic runs are not a caption", `![alt](${SVG})\n*하나* *둘*`, undefined],
  ["image inside a sentence keeps its title", `문장 ![alt](${SVG} "제목") 중간`, undefined],
];
for (const [name, markdown, caption] of captionCases) {
  test(`caption: ${name}`, () => {
    const document = render(markdown);
    const figure = document.querySelector("figure");
    assert.equal(figure?.querySelector("figcaption")?.textContent, caption);
    if (caption !== undefined) {
      assert.ok(figure!.querySelector(":scope > img"), "the image sits in the figure");
      assert.equal(document.querySelector("p"), null, "no paragraph left around the figure");
      assert.equal(figure!.querySelector("img")!.getAttribute("title"), null, "no duplicate tooltip");
    }
  });
}

test("a missing local image is reported with file and line; a remote one is not", () => {
  warnings.length = 0;
  render("본문\n\n![없음](/assets/images/nope.png)\n\n![원격](https://example.com/a.png)");
  assert.deepEqual(warnings.map(formatDiagnostic), ["posts/x.md:3:1 warning image: image file not found: /assets/images/nope.png"]);
});

test("a width the author set is kept, not replaced by the file's", () => {
  const document = render(`![a](${SVG})\n\n<p>x</p>\n\n![b](${SVG}){: width="700"}`);
  const [first, second] = [...document.querySelectorAll("img")];
  assert.equal(first!.getAttribute("width"), "1498");
  assert.equal(second!.getAttribute("width"), "700");
  assert.equal(second!.getAttribute("height"), null);
});
