/**
 * AVIF and WebP variants of local raster images, encoded by `@11ty/eleventy-img` (sharp) into a
 * cache folder that outlives the output folder, so only a new or changed image is ever encoded.
 *
 * Each image's result is a small JSON manifest in the cache, named after the image's content hash
 * and the encoding settings, written last: a warm build reads the manifest and never opens sharp,
 * and a build killed halfway leaves files without a manifest, which the next build encodes again
 * instead of trusting a half-written variant. The original file stays the `<img>` fallback.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type sharp from "sharp";
import { chooseWidths, CANDIDATE_WIDTHS_PX, type ImageVariant } from "./responsive-widths.ts";
import { variantBaseName } from "./raster-files.ts";
import { RESPONSIVE_IMAGES_URL } from "../urls/site-urls.ts";

/** The part of `@11ty/eleventy-img` used here (it ships no types). */
interface EleventyImageResult {
  [format: string]: { url: string; width: number; height: number; filename: string; outputPath: string }[];
}
interface EleventyImage {
  (src: string, options: Record<string, unknown>): Promise<EleventyImageResult>;
  concurrency: number;
  getHash(src: string, options: Record<string, unknown>): string;
}
/**
 * sharp and `@11ty/eleventy-img` (with the fetch code it brings) are loaded with the first raster
 * image: a build without one no longer pays ~0.2–0.3 s of CPU for loading them (`node --cpu-prof`).
 */
let encoders: { sharp: typeof sharp; eleventyImage: EleventyImage } | undefined;
function loadEncoders(): { sharp: typeof sharp; eleventyImage: EleventyImage } {
  const load = createRequire(import.meta.url);
  return (encoders ??= { sharp: load("sharp") as typeof sharp, eleventyImage: load("@11ty/eleventy-img") as EleventyImage });
}

export type VariantFormat = "avif" | "webp";

export interface VariantSource {
  format: VariantFormat;
  /** MIME type for `<source type>`. */
  type: string;
  variants: (ImageVariant & { height: number; file: string })[];
}

export interface VariantSet {
  /** Size as shown (after the EXIF rotation). */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Best format first: the browser takes the first `<source>` it can show. Empty for an animation (kept as it is). */
  sources: VariantSource[];
  /** A tiny blurred copy as a `data:` URL, when asked for and the image is opaque. */
  lqip?: string;
}

export interface ImageVariantsOptions {
  /** Where variants and manifests are kept between builds (src/cache-dir.ts `cacheDir("images")`). */
  cacheDir: string;
  /** Root-relative URL the variants are published at. @default "/assets/responsive/" */
  urlPath?: string;
  /**
   * sharp's AVIF settings. Effort 4 (sharp's default) took 20x as long as effort 1 on a 1600 px
   * photo (75 s against 3.7 s on a loaded 2-core machine) for a file 3% smaller: with it, a cold
   * build of a blog with a few dozen images would take many minutes.
   * @default { quality: 50, effort: 1 }
   */
  avif?: { quality: number; effort: number };
  /** sharp's WebP settings. @default { quality: 75, effort: 4 } */
  webp?: { quality: number; effort: number };
  /** An encode that takes longer fails (a warning, the plain image is kept) instead of holding the build. @default 120 */
  timeoutSeconds?: number;
  /** Images encoded at once (sharp gives each one libvips thread here). @default os.availableParallelism() */
  concurrency?: number;
}

export interface PrepareOptions {
  /** Also compute the blurred placeholder. */
  lqip?: boolean;
}

/** Encoded or read from the cache, per build. */
export interface VariantCounts {
  encoded: number;
  cached: number;
  failed: number;
}

export interface ImageVariants {
  /** Encodes `file` (or reads its manifest); resolves to its variants, or the error that stopped it. */
  prepare(file: string, options?: PrepareOptions): Promise<VariantSet | Error>;
  /** The variants `prepare` found for `file`, for a synchronous renderer. */
  get(file: string): VariantSet | Error | undefined;
  /** Every variant file prepared since the last `reset`, with its URL. */
  used(): { file: string; url: string }[];
  counts(): VariantCounts;
  /** Images being encoded now or waiting for their turn (a cache hit is never counted), for a progress line. */
  encoding(): number;
  /** Starts a new build: counts and the used list restart; results of unchanged files are kept. */
  reset(): void;
}

const MIME: Record<VariantFormat, string> = { avif: "image/avif", webp: "image/webp" };
const FORMATS: VariantFormat[] = ["avif", "webp"];
/** Placeholder size: ~100–300 bytes of WebP, blurred by the browser's upscaling. */
const LQIP_SIZE_PX = 16;

/** The blurred placeholder of an image as a `data:` URL. */
export async function createLqip(file: string): Promise<string> {
  const data = await loadEncoders().sharp(file).rotate().resize(LQIP_SIZE_PX, LQIP_SIZE_PX, { fit: "inside" }).webp({ quality: 50 }).toBuffer();
  return `data:image/webp;base64,${data.toString("base64")}`;
}

export function createImageVariants({
  cacheDir,
  urlPath = RESPONSIVE_IMAGES_URL,
  avif = { quality: 50, effort: 1 },
  webp = { quality: 75, effort: 4 },
  timeoutSeconds = 120,
  concurrency = os.availableParallelism(),
}: ImageVariantsOptions): ImageVariants {
  const sharpOptions = { sharpAvifOptions: avif, sharpWebpOptions: webp };
  // Manifests of other settings (formats, widths, URL) are other files: changing one re-encodes.
  const settingsKey = createHash("sha256").update(JSON.stringify({ v: 1, FORMATS, CANDIDATE_WIDTHS_PX, urlPath, ...sharpOptions })).digest("hex").slice(0, 8);
  const results = new Map<string, { mtimeMs: number; size: number; result: Promise<VariantSet | Error>; lqip: boolean }>();
  const settled = new Map<string, VariantSet | Error>();
  const used = new Map<string, string>();
  let counts: VariantCounts = { encoded: 0, cached: 0, failed: 0 };
  let encoding = 0;

  const manifestPath = (file: string, hash: string) => path.join(cacheDir, "manifests", `${variantBaseName(file)}-${hash}-${settingsKey}.json`);

  const writeManifest = async (manifest: string, set: VariantSet) => {
    await mkdir(path.dirname(manifest), { recursive: true });
    const temporary = `${manifest}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(set));
    await rename(temporary, manifest);
  };

  const readManifest = async (manifest: string): Promise<VariantSet | undefined> => {
    try {
      const set = JSON.parse(await readFile(manifest, "utf8")) as VariantSet;
      // A cache folder pruned by hand: encode again rather than publish missing files.
      if (!set.sources.every((source) => source.variants.every((variant) => existsSync(path.join(cacheDir, variant.file))))) return undefined;
      return set;
    } catch {
      return undefined;
    }
  };

  const encode = async (file: string, wantLqip: boolean): Promise<VariantSet> => {
    const { eleventyImage } = loadEncoders();
    eleventyImage.concurrency = concurrency;
    const hash = eleventyImage.getHash(file, sharpOptions);
    const manifest = manifestPath(file, hash);
    const cached = await readManifest(manifest);
    if (cached) {
      // A post that now asks for a placeholder needs only that, not the variants again.
      if (wantLqip && !cached.hasAlpha && cached.lqip === undefined) {
        cached.lqip = await createLqip(file);
        await writeManifest(manifest, cached);
      }
      counts.cached++;
      return cached;
    }
    encoding++;
    try {
      return await encodeAnew(file, manifest, wantLqip);
    } finally {
      encoding--;
    }
  };

  const encodeAnew = async (file: string, manifest: string, wantLqip: boolean): Promise<VariantSet> => {
    const { sharp, eleventyImage } = loadEncoders();
    const meta = await sharp(file).metadata();
    if (!meta.width || !meta.height) throw new Error("cannot read the image's size");
    const rotated = (meta.orientation ?? 1) >= 5;
    const width = rotated ? meta.height : meta.width;
    const height = rotated ? meta.width : meta.height;
    if ((meta.pages ?? 1) > 1) {
      // An animated WebP would become its first frame: it is published as it is, like a GIF.
      const still: VariantSet = { width, height, hasAlpha: meta.hasAlpha === true, sources: [] };
      await writeManifest(manifest, still);
      return still;
    }
    const result = await eleventyImage(file, {
      widths: chooseWidths(width),
      formats: FORMATS,
      outputDir: cacheDir,
      urlPath,
      filenameFormat: (id: string, src: string, w: number, format: string) => `${variantBaseName(src)}-${id}-${w}.${format}`,
      ...sharpOptions,
      minimumThreshold: 1,
      // Files without a manifest may be half-written by a killed build: never trust them.
      useCache: false,
      transform: (instance: sharp.Sharp) => {
        instance.timeout({ seconds: timeoutSeconds });
      },
    });
    const set: VariantSet = {
      width,
      height,
      hasAlpha: meta.hasAlpha === true,
      sources: FORMATS.map((format) => ({
        format,
        type: MIME[format],
        variants: (result[format] ?? []).map((v) => ({ url: v.url, width: v.width, height: v.height, file: v.filename })),
      })).filter((source) => source.variants.length > 0),
    };
    if (wantLqip && !set.hasAlpha) set.lqip = await createLqip(file);
    await writeManifest(manifest, set);
    counts.encoded++;
    return set;
  };

  const remember = (set: VariantSet) => {
    for (const source of set.sources) for (const variant of source.variants) used.set(variant.url, variant.file);
  };

  return {
    async prepare(file, { lqip = false } = {}) {
      let info: { mtimeMs: number; size: number };
      try {
        info = await stat(file);
      } catch (error) {
        return error as Error;
      }
      const known = results.get(file);
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size && (known.lqip || !lqip)) {
        const set = await known.result;
        if (!(set instanceof Error)) remember(set);
        return set;
      }
      const result = encode(file, lqip).then(
        (set) => {
          remember(set);
          return set;
        },
        (error: unknown) => {
          counts.failed++;
          return error instanceof Error ? error : new Error(String(error));
        },
      );
      results.set(file, { mtimeMs: info.mtimeMs, size: info.size, result, lqip });
      const set = await result;
      settled.set(file, set);
      return set;
    },
    get: (file) => settled.get(file),
    used: () => [...used].map(([url, file]) => ({ url, file: path.join(cacheDir, file) })),
    counts: () => ({ ...counts }),
    encoding: () => encoding,
    reset() {
      counts = { encoded: 0, cached: 0, failed: 0 };
      used.clear();
    },
  };
}
