// Plain JavaScript: it runs before anything can load TypeScript (src/cli/launch.mjs, scripts/test-bundle.mjs).
/**
 * opsnote's commands as plain ES modules, written by esbuild from the TypeScript source.
 *
 * Why: `node --import tsx` compiles each module once (it caches), but on Node 20 every import of every
 * module, the ~1,250 files of node_modules a build loads included, crosses tsx's loader hooks on another
 * thread, and Node resolves, reads and compiles those files one by one. `build --help` took 1.7–2.0 CPU-s
 * through tsx and 0.6–0.7 from the bundle. `npm run build|start|check|new|import` (src/cli/launch.mjs) and
 * `npm test` (scripts/test-bundle.mjs) both run from a bundle made by `bundleCommands`.
 *
 * The bundle mirrors the repository's tree (src/cli/build.ts -> OUT/src/cli/build.mjs, .eleventy.ts ->
 * OUT/.eleventy.mjs), with the modules its entries share in OUT/chunks/, so a command and the Eleventy
 * config it loads share one copy of each module. OUT must be inside the project: Node finds the packages
 * left external from the importing file's folder. `import.meta.url`, `dirname` and `filename` are replaced
 * in each source file by the values of the original file, so code that finds files beside itself (layouts,
 * the offline worker, fixtures) finds the same files as under tsx. Nothing else differs: the same source,
 * no minification, no renaming beyond esbuild's scope hoisting.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The commands, the Eleventy config they load and the highlight worker they start. */
export const COMMAND_ENTRIES = [
  "src/cli/build.ts",
  "src/cli/check.ts",
  "src/cli/import.ts",
  "src/cli/new-post.ts",
  "src/cli/preview.ts",
  "src/cli/start.ts",
  "src/cli/schema.ts",
  "src/markdown/highlight-worker.ts",
  ".eleventy.ts",
];

/**
 * The packages the bundle leaves to Node, loaded from node_modules as they are. Our other dependencies
 * are bundled: resolving, reading and compiling their files one by one (zod 99, yaml 84, xmlbuilder2 and
 * its DOM 170, gray-matter 51 …) was half a second of every process. Eleventy is bundled too, with its
 * dependencies: it reads its own package.json (and registers its ES module resolver) relative to
 * `import.meta.url`, which is kept for its files as for ours (opsnotePlugin), so it finds them where it is
 * installed. Measured from node_modules against bundled: `build --help` 0.57 -> 0.30 CPU-s, a build of
 * the sample posts 2.03 -> 1.65. Left external: Eleventy's dev server (it serves its client script from
 * beside its code) and eleventy-img, packages with binaries or files found beside their code (sharp,
 * Pagefind, esbuild, vnu-jar, KaTeX's fonts, Mermaid's browser build, Chromium's driver), also when a
 * bundled package imports them, and every package that is not a dependency in package.json (one a
 * blogger adds to .eleventy.ts stays as it is installed).
 */
export const EXTERNAL_PACKAGES = ["@11ty/eleventy-img", "@11ty/eleventy-dev-server", "fsevents", "sharp", "pagefind", "esbuild", "playwright-core", "vnu-jar", "katex", "mermaid", "tsx"];

/** The package a bare import names: `@scope/name/sub` -> `@scope/name`. */
export function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Keeps each source file's (and Eleventy's) own `import.meta` location; bundles only the project's own dependencies. */
function opsnotePlugin(bundled) {
  return {
    name: "opsnote-bundle",
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|tsx|js|mjs)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`) && !args.path.includes(ELEVENTY_SOURCE)) return undefined;
        const source = await readFile(args.path, "utf8");
        const values = {
          url: JSON.stringify(pathToFileURL(args.path).href),
          dirname: JSON.stringify(path.dirname(args.path)),
          filename: JSON.stringify(args.path),
        };
        const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => values[key]);
        const loader = /\.(ts|mts)$/.test(args.path) ? "ts" : args.path.endsWith(".tsx") ? "tsx" : "js";
        return { contents, loader, resolveDir: path.dirname(args.path) };
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:")) return undefined;
        // shiki's 230 grammars, each loaded on demand by a dynamic import: bundled, they were most of the
        // bundle's chunks and source maps, and each is one file anyway.
        if (args.path.startsWith("@shikijs/langs/")) return { path: args.path, external: true };
        // Inside a bundled package, its own dependencies are bundled with it.
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return isExternal(packageName(args.path)) ? { path: args.path, external: true } : undefined;
        return bundled.has(packageName(args.path)) ? undefined : { path: args.path, external: true };
      });
      // `import("/assets/js/…")` inside a function that a browser test hands to the page: a URL of the
      // served site, not a file to bundle.
      build.onResolve({ filter: /^\// }, (args) => (existsSync(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

/** Eleventy's own files: bundled with their `import.meta.url` kept, as opsnote's are. */
const ELEVENTY_SOURCE = `${path.sep}node_modules${path.sep}@11ty${path.sep}eleventy${path.sep}`;

function isExternal(name) {
  return EXTERNAL_PACKAGES.includes(name);
}

/** The dependencies of package.json that the bundle carries (all but EXTERNAL_PACKAGES). */
async function bundledPackages(root) {
  const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return new Set(names.filter((name) => !isExternal(name)));
}

/**
 * Writes `entries` (paths relative to the project) and their modules into `outDir` as ES modules.
 * `runDir` is where the bundle will be run from, when it is written aside and moved there afterwards.
 * @returns esbuild's result, with its metafile
 */
export async function bundleCommands(outDir, entries, { root = PROJECT_ROOT, runDir = outDir, logLevel = "error" } = {}) {
  const { build } = await import("esbuild");
  return build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: outDir,
    outbase: root,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel,
    metafile: true,
    plugins: [opsnotePlugin(await bundledPackages(root))],
    // esbuild's ES module output calls `require` for the `require()`s of the CommonJS packages it bundles
    // (yaml, js-yaml, gray-matter …); ES modules have none, so each output file makes its own.
    banner: { js: 'import { createRequire as __opsnoteCreateRequire } from "node:module"; const require = __opsnoteCreateRequire(import.meta.url);' },
    define: {
      // The bundled commands load the bundled config and start the bundled worker, whose modules they share.
      "process.env.OPSNOTE_ELEVENTY_CONFIG": JSON.stringify(path.join(runDir, ".eleventy.mjs")),
      "process.env.OPSNOTE_HIGHLIGHT_WORKER": JSON.stringify(path.join(runDir, "src/markdown/highlight-worker.mjs")),
    },
  });
}
