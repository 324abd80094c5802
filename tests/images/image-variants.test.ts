/**
 * The variant store (image-variants.ts) and the renderer hook (picture-images.ts) on tiny generated
 * images, without a site build: caching, placeholders added later, half-written caches and failures.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parseHTML } from "linkedom";
import type { MarkdownIt, StateCore } from "markdown-it";
import { createImageVariants, type VariantSet } from "../../src/images/image-variants.ts";
import { pictureImagesPlugin } from "../../src/images/picture-images.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";

let dir: string;
let photo: string;
let broken: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "opsnote-image-variants-"));
  photo = path.join(dir, "photo.png");
  broken = path.join(dir, "broken.png");
  await sharp({ create: { width: 500, height: 125, channels: 3, background: { r: 10, g: 90, b: 160 } } }).png().toFile(photo);
  await writeFile(broken, "이건 그림이 아닙니다");
});

after(() => rm(dir, { recursive: true, force: true }));

test("a second store on the same cache reads the manifest; a placeholder asked for later is added without encoding again", async () => {
  const cacheDir = path.join(dir, "cache-1");
  const first = createImageVariants({ cacheDir });
  const set = (await first.prepare(photo)) as VariantSet;
  assert.ok(!(set instanceof Error));
  assert.deepEqual(set.sources.map((s) => [s.format, s.variants.map((v) => v.width)]), [["avif", [360, 500]], ["webp", [360, 500]]]);
  assert.equal(set.lqip, undefined);
  assert.deepEqual(first.counts(), { encoded: 1, cached: 0, failed: 0 });
  const variant = path.join(cacheDir, set.sources[0]!.variants[0]!.file);
  const encodedAt = (await stat(variant)).mtimeMs;

  const second = createImageVariants({ cacheDir });
  const withLqip = (await second.prepare(photo, { lqip: true })) as VariantSet;
  assert.match(withLqip.lqip ?? "", /^data:image\/webp;base64,/);
  assert.deepEqual(second.counts(), { encoded: 0, cached: 1, failed: 0 });
  assert.equal((await stat(variant)).mtimeMs, encodedAt, "the variants were not written again");
  assert.deepEqual(second.used().map((u) => u.url).sort(), set.sources.flatMap((s) => s.variants.map((v) => v.url)).sort());
});

test("variants without a manifest (a build killed halfway) are encoded again, not trusted", async () => {
  const cacheDir = path.join(dir, "cache-2");
  await createImageVariants({ cacheDir }).prepare(photo);
  await rm(path.join(cacheDir, "manifests"), { recursive: true });
  const again = createImageVariants({ cacheDir });
  assert.ok(!((await again.prepare(photo)) instanceof Error));
  assert.deepEqual(again.counts(), { encoded: 1, cached: 0, failed: 0 });
});

test("a file that is no image resolves to an Error, counted as failed", async () => {
  const variants = createImageVariants({ cacheDir: path.join(dir, "cache-3") });
  const result = await variants.prepare(broken);
  assert.ok(result instanceof Error);
  assert.ok(variants.get(broken) instanceof Error);
  assert.deepEqual(variants.counts(), { encoded: 0, cached: 0, failed: 1 });
  assert.ok((await variants.prepare(path.join(dir, "missing.png"))) instanceof Error);
});

test("the renderer wraps only images whose variants are ready; a failed one stays a plain <img>", async () => {
  const variants = createImageVariants({ cacheDir: path.join(dir, "cache-4") });
  await variants.prepare(photo);
  await variants.prepare(broken);
  const md: MarkdownIt = createMarkdown({ highlighter: await getCodeHighlighter() });
  // What src/static/local-references.ts does in a build: the file an image shows.
  md.core.ruler.push("test_files", (state: StateCore) => {
    for (const token of state.tokens) for (const child of token.children ?? []) {
      if (child.type === "image") child.meta = { ...child.meta, file: path.join(dir, String(child.attrGet("src"))) };
    }
  });
  md.use(pictureImagesPlugin, { variants: (file: string) => variants.get(file), wantsLqip: () => false });
  const html = md.render("![좋은](photo.png)\n\n![깨진](broken.png)\n", { page: { inputPath: path.join(dir, "x.md") } });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  assert.equal(document.querySelector('img[alt="좋은"]')!.parentElement!.tagName, "PICTURE");
  assert.equal(document.querySelector('img[alt="깨진"]')!.parentElement!.tagName, "P");
  assert.equal(document.querySelectorAll("picture source").length, 2);
});
