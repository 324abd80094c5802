/**
 * The third-party files pages with math or diagrams need, copied from node_modules into the site so
 * it serves them itself (no CDN: the CSP allows only 'self', and a blog must work offline and forever).
 *
 * - KaTeX: its stylesheet and the woff2 fonts (every browser that runs the site reads woff2; the
 *   stylesheet's woff and ttf fallbacks are removed so it names only files the site has).
 * - Mermaid: the minified ES module build, the entry and its chunks (a page fetches only the chunks
 *   its diagram types need), without source maps. Renamed `.mjs` -> `.js`, import specifiers too:
 *   some servers (older nginx mime.types, S3 uploads) send `.mjs` as application/octet-stream, and a
 *   browser refuses a module script of that type.
 */
import { isWritten } from "../static/recycled-output.ts";
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Output folders, relative to the site root (URLs are in src/urls/site-urls.ts). */
export const KATEX_ASSETS_DIR = "assets/vendor/katex";
export const MERMAID_ASSETS_DIR = "assets/vendor/mermaid";
/** The Mermaid entry module, relative to MERMAID_ASSETS_DIR (mermaid-loader.js imports it). */
export const MERMAID_ENTRY = "mermaid.esm.min.js";

function distDir(specifier: string): string {
  return path.dirname(fileURLToPath(import.meta.resolve(specifier)));
}

/** `"./chunk-AB12.mjs"` -> `"./chunk-AB12.js"` in a module's import specifiers; drops a source-map comment. */
export function renameModuleSpecifiers(code: string): string {
  return code
    .replace(/"(\.{1,2}\/[^"\s]+)\.mjs"/g, '"$1.js"')
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
}

/** KaTeX's stylesheet with woff2 sources only. */
export function woff2OnlyStylesheet(css: string): string {
  return css.replace(/,url\([^)]*\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "");
}

/** Writes KaTeX's stylesheet and fonts under `outputDir`; returns the number of files written. */
export async function writeKatexAssets(outputDir: string): Promise<number> {
  const from = distDir("katex");
  const to = path.join(outputDir, KATEX_ASSETS_DIR);
  await mkdir(path.join(to, "fonts"), { recursive: true });
  await writeFile(path.join(to, "katex.min.css"), woff2OnlyStylesheet(await readFile(path.join(from, "katex.min.css"), "utf8")));
  const fonts = (await readdir(path.join(from, "fonts"))).filter((name) => name.endsWith(".woff2"));
  await Promise.all(fonts.map((name) => copyFile(path.join(from, "fonts", name), path.join(to, "fonts", name))));
  return fonts.length + 1;
}

/** Writes Mermaid's ES module build under `outputDir`; returns the number of files written. */
export async function writeMermaidAssets(outputDir: string): Promise<number> {
  const from = distDir("mermaid");
  const to = path.join(outputDir, MERMAID_ASSETS_DIR);
  const chunks = "chunks/mermaid.esm.min";
  await mkdir(path.join(to, chunks), { recursive: true });
  const copy = async (file: string) => {
    const code = await readFile(path.join(from, file), "utf8");
    await writeFile(path.join(to, file.replace(/\.mjs$/, ".js")), renameModuleSpecifiers(code));
  };
  const chunkFiles = (await readdir(path.join(from, chunks))).filter((n) => n.endsWith(".mjs")).map((n) => `${chunks}/${n}`);
  await Promise.all(chunkFiles.map(copy));
  await copy("mermaid.esm.min.mjs"); // last: writeClientAssets takes the entry's presence for the whole set
  return chunkFiles.length + 1;
}

export type ClientAsset = "math" | "mermaid";

const WRITERS: Record<ClientAsset, { marker: string; write: (outputDir: string) => Promise<number> }> = {
  math: { marker: path.join(KATEX_ASSETS_DIR, "katex.min.css"), write: writeKatexAssets },
  mermaid: { marker: path.join(MERMAID_ASSETS_DIR, MERMAID_ENTRY), write: writeMermaidAssets },
};

export interface ClientAssetWriter {
  /** Starts writing what `asset` needs into `outputDir`, once per folder (at the first page that needs it). */
  need(outputDir: string, asset: ClientAsset): void;
  /** Waits for every write started for `outputDir`; rejects with the first failure. */
  settle(outputDir: string): Promise<void>;
}

/**
 * Writes start while pages are still rendering, so the files are there by the end of the build:
 * the preview tells open pages to reload as soon as it ends, and a reloaded page asks for them.
 * A folder that has the files already (the preview writes into the same one on every rebuild) is left as it is.
 */
export function createClientAssetWriter(): ClientAssetWriter {
  const writes = new Map<string, Promise<unknown>>();
  return {
    need(outputDir, asset) {
      const key = `${path.resolve(outputDir)}\0${asset}`;
      if (writes.has(key)) return;
      const { marker, write } = WRITERS[asset];
      // Settled with the error rather than rejected: nobody awaits it until the build ends.
      writes.set(key, (isWritten(path.join(outputDir, marker)) ? Promise.resolve() : write(outputDir)).catch((error: unknown) => error ?? new Error("failed")));
    },
    async settle(outputDir) {
      const prefix = `${path.resolve(outputDir)}\0`;
      const results = await Promise.all([...writes].filter(([key]) => key.startsWith(prefix)).map(([, promise]) => promise));
      const failure = results.find((result) => result !== undefined && typeof result !== "number");
      if (failure !== undefined) throw failure;
    },
  };
}
