/**
 * The image pipeline on a built site: two PNGs generated here (one opaque and wide, one small and
 * transparent), a JPEG, a GIF and the repository's SVG, built cold and then warm with one cache.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { imageSize } from "image-size";
import { buildTempSite, writeTempFolder, type BuiltSite } from "../helpers/temp-site.ts";
import { cacheDir } from "../../src/cache-dir.ts";
import { minifyCss } from "../../src/static/minify-css.ts";

const solid = (width: number, height: number, format: "png" | "jpeg" | "gif", alpha = false) =>
  sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 200, g: 40, b: 40, alpha: 0.5 } : { r: 30, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();

const GIVEN_LQIP = "data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

let root: string;
let cold: BuiltSite;
let photos: Document;
let plain: Document;
let changed: BuiltSite;
/** Every cache file's modification time after the cold build. */
let coldCache: Map<string, number>;
let warmCache: Map<string, number>;

async function modificationTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    times.set(file, (await stat(file)).mtimeMs);
  }
  return times;
}

before(async () => {
  root = await writeTempFolder("images", {
    "posts/notes/photos.md": [
      "---", "title: 사진", "date: 2024-01-02", "image:", "  path: /images/logo.png", "  lqip: true", "---", "",
      "![넓은 사진](wide.png)", "",
      "![어두운 테마 로고](/images/logo.png){: .dark }", "",
      "![밝은 테마 로고](/images/logo.png){: .light }", "",
      "![작은 사진](/assets/images/small.jpg)", "",
      "![움직이는 그림](anim.gif)", "",
      "![도표](/assets/images/container_evolution.svg)", "",
      "![바깥 그림](https://example.com/x.png)", "",
      "![인라인](data:image/png;base64,iVBORw0KGgo=)", "",
      "![없는 그림](missing.png)", "",
    ].join("\n"),
    "posts/notes/plain.md": [
      "---", "title: 평범", "date: 2024-01-01", "---", "",
      "![넓은 사진](wide.png)", "",
      `![주어진 미리보기](wide.png){: lqip="${GIVEN_LQIP}" }`, "",
      // Raw HTML images, as Minimal Mistakes posts write them (a real blog had 121 of them, none encoded).
      '<img src="wide.png" alt="HTML 그림">', "",
      '<p align="center"><img src="/assets/images/small.jpg" alt="가운데 HTML" width="150"></p>', "",
      '글 속 <img src="그림 1.png" alt="인라인 HTML" height="20"> 그림', "",
      '<picture><img src="/assets/images/small.jpg" alt="작성자의 picture"></picture>', "",
      '<img src="https://example.com/y.png" alt="바깥 HTML">', "",
    ].join("\n"),
    "posts/notes/그림 1.png": await solid(500, 100, "png"),
    "posts/notes/wide.png": await solid(1600, 800, "png"),
    "posts/notes/anim.gif": await solid(40, 20, "gif"),
    "images/logo.png": await solid(500, 300, "png", true),
    "assets/images/small.jpg": await solid(300, 200, "jpeg"),
  });
  cold = await buildTempSite(path.join(root, "posts"));
  coldCache = await modificationTimes(cacheDir("images"));
  // The warm build writes the same output folder again, from the same cache.
  const warm = await buildTempSite(path.join(root, "posts"));
  warmCache = await modificationTimes(cacheDir("images"));
  photos = await warm.page("/photos/");
  plain = await warm.page("/plain/");
  // The raw HTML image's file replaced under the same name: the cached render must not keep its old variants.
  await writeFile(path.join(root, "posts", "notes", "그림 1.png"), await solid(600, 100, "png"));
  changed = await buildTempSite(path.join(root, "posts"));
});

after(() => rm(root, { recursive: true, force: true }));

const pictureOf = (document: Document, alt: string) => {
  const img = document.querySelector(`img[alt="${alt}"]`);
  assert.ok(img, `no image ${alt}`);
  return { img: img!, picture: img!.parentElement?.tagName === "PICTURE" ? img!.parentElement : undefined };
};

/** `url 360w, url 720w` -> [[url, 360], …] */
const candidates = (srcset: string | null) =>
  (srcset ?? "").split(",").map((c) => c.trim().split(/\s+/)).map(([url, w]) => [url!, Number(w!.replace(/w$/, ""))] as const);

const rasters: [alt: string, original: string, width: number, height: number, widths: number[]][] = [
  ["넓은 사진", "/notes/wide.png", 1600, 800, [360, 720, 1440]],
  ["어두운 테마 로고", "/images/logo.png", 500, 300, [360, 500]],
  ["작은 사진", "/assets/images/small.jpg", 300, 200, [300]],
];
for (const [alt, original, width, height, widths] of rasters) {
  test(`${original}: <picture> with AVIF then WebP sources whose every srcset entry is a file of the stated width`, async () => {
    const { img, picture } = pictureOf(photos, alt);
    assert.ok(picture, "wrapped in <picture>");
    assert.equal(img.getAttribute("src"), original, "the original file stays the fallback");
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], [String(width), String(height)]);
    const sources = [...picture!.querySelectorAll("source")];
    assert.deepEqual(sources.map((s) => s.getAttribute("type")), ["image/avif", "image/webp"]);
    for (const source of sources) {
      const format = source.getAttribute("type")!.slice("image/".length);
      const shown = Math.min(width, 672);
      assert.equal(source.getAttribute("sizes"), `(max-width: ${shown}px) 100vw, ${shown}px`);
      const entries = candidates(source.getAttribute("srcset"));
      assert.deepEqual(entries.map(([, w]) => w), widths);
      for (const [url, w] of entries) {
        const file = await readFile(path.join(cold.output, url));
        const size = imageSize(file);
        assert.equal(size.type, format, url);
        assert.equal(size.width, w, url);
        assert.equal(size.height, Math.round((w * height) / width), url);
      }
    }
  });
}

test("raw HTML <img> of a local raster becomes <picture>; its own width or height is kept, a missing size is the file's", async () => {
  const cases: [alt: string, src: string, size: [string | null, string | null], sizes: string, widths: number[]][] = [
    ["HTML 그림", "/notes/wide.png", ["1600", "800"], "(max-width: 672px) 100vw, 672px", [360, 720, 1440]],
    ["가운데 HTML", "/assets/images/small.jpg", ["150", null], "(max-width: 150px) 100vw, 150px", [300]],
    ["인라인 HTML", `/notes/${encodeURIComponent("그림 1")}.png`, [null, "20"], "(max-width: 500px) 100vw, 500px", [360, 500]],
  ];
  for (const [alt, src, [width, height], sizes, widths] of cases) {
    const { img, picture } = pictureOf(plain, alt);
    assert.ok(picture, `${alt}: wrapped in <picture>`);
    assert.equal(img.getAttribute("src"), src, alt);
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], [width, height], alt);
    const sources = [...picture!.querySelectorAll("source")];
    assert.deepEqual(sources.map((source) => source.getAttribute("type")), ["image/avif", "image/webp"], alt);
    for (const source of sources) {
      assert.equal(source.getAttribute("sizes"), sizes, alt);
      const entries = candidates(source.getAttribute("srcset"));
      assert.deepEqual(entries.map(([, w]) => w), widths, alt);
      // Read from the cache: the last build (after a file changed) wrote the output folder anew.
      for (const [url, w] of entries) assert.equal(imageSize(await readFile(path.join(cacheDir("images"), path.basename(url)))).width, w, url);
    }
  }
  assert.equal(pictureOf(plain, "가운데 HTML").picture!.parentElement!.getAttribute("align"), "center", "the author's HTML around it stays");
  assert.equal(pictureOf(plain, "인라인 HTML").picture!.parentElement!.tagName, "P", "an inline image stays in its paragraph");
  const authors = pictureOf(plain, "작성자의 picture");
  assert.equal(authors.picture!.querySelectorAll("source").length, 0, "an author's own <picture> is left as written");
  assert.equal(pictureOf(plain, "바깥 HTML").picture, undefined);
});

test("a build into a fresh output folder whose pages come from the render cache still publishes their variants", async () => {
  const page = await changed.page("/photos/");
  const urls = [...page.querySelectorAll("picture source")].flatMap((source) => candidates(source.getAttribute("srcset")).map(([url]) => url));
  assert.ok(urls.length >= 10, `variants on /photos/ (${urls.length})`);
  for (const url of urls) assert.ok((await stat(path.join(changed.output, url))).isFile(), url);
});

test("a raw HTML image whose file changed gets the new file's variants, not the cached render's", async () => {
  const { img, picture } = pictureOf(await changed.page("/plain/"), "인라인 HTML");
  assert.ok(picture);
  assert.equal(img.getAttribute("height"), "20");
  for (const source of picture!.querySelectorAll("source")) {
    const entries = candidates(source.getAttribute("srcset"));
    assert.deepEqual(entries.map(([, w]) => w), [360, 600]);
    for (const [url, w] of entries) assert.equal(imageSize(await readFile(path.join(changed.output, url))).width, w, url);
  }
});

test("SVG, GIF, remote, data: and missing images are left as plain <img>", () => {
  const cases: [alt: string, src: string][] = [
    ["도표", "/assets/images/container_evolution.svg"],
    ["움직이는 그림", "/notes/anim.gif"],
    ["바깥 그림", "https://example.com/x.png"],
    ["인라인", "data:image/png;base64,iVBORw0KGgo="],
    ["없는 그림", "missing.png"],
  ];
  for (const [alt, src] of cases) {
    const { img, picture } = pictureOf(photos, alt);
    assert.equal(picture, undefined, alt);
    assert.equal(img.getAttribute("src"), src, alt);
  }
  assert.equal(pictureOf(photos, "도표").img.getAttribute("width"), "1498", "the SVG keeps its size");
});

test("Chirpy's .dark and .light images keep their class inside <picture>, and the stylesheet hides each in the other theme", async () => {
  assert.equal(pictureOf(photos, "어두운 테마 로고").img.getAttribute("class"), "dark");
  assert.equal(pictureOf(photos, "밝은 테마 로고").img.getAttribute("class"), "light");
  assert.ok(pictureOf(photos, "밝은 테마 로고").picture);
  const css = await cold.read("assets/css/opsnote.css");
  for (const rule of [
    ':root[data-theme="dark"] .post__content img.light',
    ':root[data-theme="light"] .post__content img.dark',
    ":root:not([data-theme]) .post__content img.light",
    ":root:not([data-theme]) .post__content img.dark",
  ]) {
    // The published stylesheet is minified (src/static/minify-css.ts): compare the selector as esbuild writes it.
    const minified = (await minifyCss(`${rule}{display:none}`, "rule.css")).replace(/\{[^}]*\}\s*$/, "");
    assert.ok(css.includes(minified), minified);
  }
});

test("image.lqip in the front matter gives opaque images a generated placeholder, not transparent ones", () => {
  const style = pictureOf(photos, "넓은 사진").img.getAttribute("style") ?? "";
  assert.match(style, /^background:url\("data:image\/webp;base64,[A-Za-z0-9+/=]+"\) center\/cover no-repeat$/);
  assert.equal(pictureOf(photos, "어두운 테마 로고").img.getAttribute("style"), null, "transparent: the placeholder would show through");
});

test("a post that does not ask gets no generated placeholder; Chirpy's {: lqip=…} is used as given", () => {
  assert.equal(pictureOf(plain, "넓은 사진").img.getAttribute("style"), null);
  const given = pictureOf(plain, "주어진 미리보기").img;
  assert.equal(given.getAttribute("style"), `background:url("${GIVEN_LQIP}") center/cover no-repeat`);
  assert.equal(given.getAttribute("lqip"), null, "not an <img> attribute");
});

test("a warm build encodes nothing: every cache file is unchanged and none is added", () => {
  assert.ok(coldCache.size >= 3 * 2 + 2 * 2 + 2 + 3, `variants and manifests in the cache (${coldCache.size})`);
  assert.deepEqual([...warmCache.keys()].sort(), [...coldCache.keys()].sort());
  for (const [file, time] of coldCache) assert.equal(warmCache.get(file), time, file);
});
