import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { chooseWidths, sizesAttribute, srcsetOf, CANDIDATE_WIDTHS_PX } from "../../src/images/responsive-widths.ts";
import { isResponsiveRaster, variantBaseName } from "../../src/images/raster-files.ts";
import { displayWidth, isPlaceholderUrl, lqipStyle, pictureHtml } from "../../src/images/picture-images.ts";
import { wantsLqip } from "../../src/images/wants-lqip.ts";

const widthCases: [original: number, expected: number[]][] = [
  [4000, [360, 720, 1440]],
  [1440, [360, 720, 1440]],
  [1000, [360, 720, 1000]],
  [750, [360, 720]], // within 20% of 720: its own width adds nothing
  [500, [360, 500]],
  [400, [360]],
  [360, [360]],
  [300, [300]],
  [1, [1]],
  [0, []],
  [Number.NaN, []],
];
for (const [original, expected] of widthCases) {
  test(`chooseWidths(${original}) is ${JSON.stringify(expected)}`, () => assert.deepEqual(chooseWidths(original), expected));
}

test("chooseWidths never enlarges, is ascending and never empty for a real image", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 20_000 }), (original) => {
    const widths = chooseWidths(original);
    assert.ok(widths.length > 0 && widths.length <= CANDIDATE_WIDTHS_PX.length + 1);
    assert.ok(widths.every((w) => w <= original), `${widths} for ${original}`);
    assert.deepEqual(widths, [...widths].sort((a, b) => a - b));
    assert.equal(new Set(widths).size, widths.length);
  }));
});

const sizesCases: [shown: number, expected: string][] = [
  [1440, "(max-width: 672px) 100vw, 672px"],
  [672, "(max-width: 672px) 100vw, 672px"],
  [300, "(max-width: 300px) 100vw, 300px"],
];
for (const [shown, expected] of sizesCases) {
  test(`sizesAttribute(${shown})`, () => assert.equal(sizesAttribute(shown), expected));
}

test("srcsetOf sorts by width and escapes separators in URLs", () => {
  assert.equal(srcsetOf([{ url: "/a-720.webp", width: 720 }, { url: "/a b,c-360.webp", width: 360 }]), "/a%20b%2Cc-360.webp 360w, /a-720.webp 720w");
});

const displayCases: [author: string | null, own: number, expected: number][] = [
  [null, 1600, 1600],
  ["300", 1600, 300],
  ["300px", 1600, 300],
  ["50%", 1600, 1600],
  ["10em", 1600, 1600],
  ["abc", 1600, 1600],
];
for (const [author, own, expected] of displayCases) {
  test(`displayWidth(${JSON.stringify(author)}, ${own}) is ${expected}`, () => assert.equal(displayWidth(author, own), expected));
}

const rasterCases: [file: string, expected: boolean][] = [
  ["/x/a.png", true], ["/x/a.JPG", true], ["/x/a.jpeg", true], ["/x/a.webp", true],
  ["/x/a.svg", false], ["/x/a.gif", false], ["/x/a.avif", false], ["/x/a", false],
];
for (const [file, expected] of rasterCases) {
  test(`isResponsiveRaster(${file}) is ${expected}`, () => assert.equal(isResponsiveRaster(file), expected));
}

const baseNameCases: [file: string, expected: string][] = [
  ["/x/Cluster Diagram.png", "cluster-diagram"],
  ["/x/쿠버네티스.png", "image"],
  ["/x/k8s_구조-v2.png", "k8s-v2"],
];
for (const [file, expected] of baseNameCases) {
  test(`variantBaseName(${file}) is ${expected}`, () => assert.equal(variantBaseName(file), expected));
}

const lqipCases: [name: string, data: unknown, setting: boolean, expected: boolean][] = [
  ["the setting alone", { frontMatter: {} }, true, true],
  ["nothing asks", { frontMatter: { image: "/a.png" } }, false, false],
  ["Chirpy's data URI", { frontMatter: { image: { path: "/a.png", lqip: "data:image/webp;base64,AA" } } }, false, true],
  ["lqip: true", { frontMatter: { image: { lqip: true } } }, false, true],
  ["lqip: false declines the setting", { frontMatter: { image: { lqip: false } } }, true, false],
  ["bare front matter (tests)", { image: { lqip: true } }, false, true],
  ["no data", undefined, false, false],
];
for (const [name, data, setting, expected] of lqipCases) {
  test(`wantsLqip: ${name}`, () => assert.equal(wantsLqip(data, setting), expected));
}

test("pictureHtml puts one <source> a format before the <img>, best format first", () => {
  const html = pictureHtml('<img src="/a.png" alt="그림" width="1000" height="500">', {
    sources: [
      { format: "avif", type: "image/avif", variants: [{ url: "/r/a-720.avif", width: 720, height: 360, file: "a-720.avif" }, { url: "/r/a-360.avif", width: 360, height: 180, file: "a-360.avif" }] },
      { format: "webp", type: "image/webp", variants: [{ url: "/r/a-360.webp", width: 360, height: 180, file: "a-360.webp" }] },
    ],
  }, sizesAttribute(1000));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const picture = document.querySelector("picture")!;
  const children = [...picture.children].map((e) => e.tagName.toLowerCase());
  assert.deepEqual(children, ["source", "source", "img"]);
  const [avif, webp] = [...picture.querySelectorAll("source")];
  assert.equal(avif!.getAttribute("type"), "image/avif");
  assert.equal(avif!.getAttribute("srcset"), "/r/a-360.avif 360w, /r/a-720.avif 720w");
  assert.equal(avif!.getAttribute("sizes"), "(max-width: 672px) 100vw, 672px");
  assert.equal(webp!.getAttribute("type"), "image/webp");
  assert.equal(picture.querySelector("img")!.getAttribute("src"), "/a.png");
});

test("lqipStyle quotes the URL so a data URI cannot end the declaration", () => {
  assert.equal(lqipStyle("data:image/webp;base64,AB+/="), 'background:url("data:image/webp;base64,AB+/=") center/cover no-repeat');
  assert.equal(lqipStyle('/a".png'), 'background:url("/a%22.png") center/cover no-repeat');
});

const placeholderCases: [value: string, expected: boolean][] = [
  ["data:image/webp;base64,UklGRiIAAABX+/=", true],
  ["/assets/img/lqip/a.webp", true],
  ["lqip/a.webp", true],
  ["javascript:alert(1)", false],
  ["https://example.com/a.webp", false],
  ["//example.com/a.webp", false],
  ["data:text/html;base64,PHNjcmlwdD4=", false],
  ["", false],
];
for (const [value, expected] of placeholderCases) {
  test(`isPlaceholderUrl(${JSON.stringify(value)}) is ${expected}`, () => assert.equal(isPlaceholderUrl(value), expected));
}
