/**
 * `node --import tsx scripts/bench/measure-images.ts [--images 50] [--keep]`
 *
 * The cost of responsive images (src/images/): generates a blog of posts with `--images` PNG and
 * JPEG files (half photo-like 1600×1000 gradients with noise, the worst case for an encoder; half
 * flat 1280×800 screenshot-like drawings, the common case in DevOps notes), then builds it cold
 * (empty image cache) and warm (same cache), each in its own process (scripts/bench/measure-build.ts),
 * and prints time, CPU and the bytes of the originals and of the AVIF and WebP variants.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import sharp from "sharp";
import type { BuildMeasurement } from "./measure-build.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({ options: { images: { type: "string", default: "50" }, keep: { type: "boolean", default: false } } });
const count = Number(values.images);

function photo(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = random() * 24;
      pixels[i] = Math.sin(x / 97 + seed) * 80 + 128 + noise;
      pixels[i + 1] = Math.cos(y / 53 + x / 211) * 80 + 128 + noise;
      pixels[i + 2] = ((x ^ y) & 255) * 0.3 + 90 + noise;
    }
  }
  return pixels;
}

function screenshot(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3, 245);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inBox = (x % 320) > 20 && (x % 320) < 300 && (y % 200) > 30 && (y % 200) < 170;
      const line = inBox && y % 14 < 2 && (x * 7 + seed) % 300 < 220;
      if (line) pixels.fill(60, i, i + 3);
      else if (inBox) pixels.set([220 - (seed % 5) * 20, 232, 250], i);
    }
  }
  return pixels;
}

const root = mkdtempSync(path.join(os.tmpdir(), "opsnote-bench-images-"));
const posts = path.join(root, "posts");
mkdirSync(posts);
let originalBytes = 0;
const perPost = 5;
for (let p = 0; p * perPost < count; p++) {
  const lines = ["---", `title: 그림 글 ${p}`, `date: 2024-01-${String((p % 28) + 1).padStart(2, "0")}`, "---", ""];
  for (let k = 0; k < perPost && p * perPost + k < count; k++) {
    const n = p * perPost + k;
    const isPhoto = n % 2 === 0;
    const [width, height] = isPhoto ? [1600, 1000] : [1280, 800];
    const image = sharp(isPhoto ? photo(width, height, n) : screenshot(width, height, n), { raw: { width, height, channels: 3 } });
    const name = isPhoto ? `photo-${n}.jpg` : `screen-${n}.png`;
    const data = await (isPhoto ? image.jpeg({ quality: 90 }) : image.png()).toBuffer();
    writeFileSync(path.join(posts, name), data);
    originalBytes += data.length;
    lines.push(`![그림 ${n}](${name})`, "", "본문 한 줄.", "");
  }
  writeFileSync(path.join(posts, `post-${p}.md`), lines.join("\n"));
}

const cache = path.join(root, "cache");
const measure = (output: string): BuildMeasurement => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/measure-build.ts", "opsnote", posts, output], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, OPSNOTE_CACHE_DIR: cache },
  });
  if (child.status !== 0) throw new Error(`build failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as BuildMeasurement;
};
const coldBuild = measure(path.join(root, "out-cold"));
const warmBuild = measure(path.join(root, "out-warm"));

const variantBytes = { avif: 0, webp: 0 };
for (const file of readdirSync(path.join(cache, "images"))) {
  const format = path.extname(file).slice(1);
  if (format === "avif" || format === "webp") variantBytes[format] += statSync(path.join(cache, "images", file)).size;
}
const row = (name: string, m: BuildMeasurement) => `| ${name} | ${m.seconds.toFixed(1)} s | ${m.cpuSeconds.toFixed(1)} s | ${(m.peakRssBytes / 2 ** 20).toFixed(0)} MB |`;
console.log(`${count} images (${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end)`);
console.log("| build | wall | CPU | peak RSS |\n|---|---|---|---|");
console.log(row("cold (encodes)", coldBuild));
console.log(row("warm (cache)", warmBuild));
console.log(`originals ${(originalBytes / 1024).toFixed(0)} KB; AVIF variants ${(variantBytes.avif / 1024).toFixed(0)} KB; WebP variants ${(variantBytes.webp / 1024).toFixed(0)} KB`);
if (values.keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
