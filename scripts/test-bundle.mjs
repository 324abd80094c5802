// `npm test` runs the suite from one esbuild bundle instead of through tsx (scripts/test.sh).
//
//   node scripts/test-bundle.mjs OUT_DIR [ENTRY ...]
//
// Why: tsx compiles each module once (it caches), but on Node 20 every import of every module, the
// ~900 of node_modules included, goes through its loader hooks on a separate thread. That cost 40% of the
// CPU of a small test file and 1.7 s of every child build's 3 s, and the suite starts about 240 Node
// processes (139 test files, the rest `build`/`check`/`import`/`preview` children). One esbuild run
// (about a second) writes every test file and every command as plain ES modules that Node loads with no
// hooks; the packages stay external, loaded from node_modules as they are.
//
// The bundle mirrors the repository's tree under OUT_DIR (tests/x/y.test.ts -> OUT_DIR/tests/x/y.test.mjs,
// src/cli/build.ts -> OUT_DIR/src/cli/build.mjs, .eleventy.ts -> OUT_DIR/.eleventy.mjs), with the modules
// they share in OUT_DIR/chunks/, so a command and the Eleventy config it loads share one copy of each
// module, as they do under tsx. OUT_DIR must be inside the repository: Node finds the external packages
// from the importing file's folder.
//
// `import.meta.url`, `dirname` and `filename` are replaced in each source file by the values of the
// original file: code that finds files beside itself (layouts, the highlight worker, fixtures) finds the
// same files as under tsx. Nothing else differs: the same source, no minification, no renaming beyond
// esbuild's scope hoisting.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The commands tests start as child processes, and the Eleventy config those commands load. */
export const COMMAND_ENTRIES = [
  "src/cli/build.ts",
  "src/cli/check.ts",
  "src/cli/import.ts",
  "src/cli/new-post.ts",
  "src/cli/preview.ts",
  "src/cli/start.ts",
  "src/cli/schema.ts",
  "scripts/build-test-sites.ts",
  ".eleventy.ts",
];

/** Keeps each source file's own `import.meta` location in the bundle. */
const originalImportMeta = {
  name: "original-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|tsx|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
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
    // `import("/assets/js/…")` inside a function that a browser test hands to the page: a URL of the
    // served site, not a file to bundle.
    build.onResolve({ filter: /^\// }, (args) => (existsSync(args.path) ? undefined : { path: args.path, external: true }));
  },
};

export async function bundleForTests(outDir, entries) {
  return build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: outDir,
    outbase: ROOT,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "error",
    plugins: [originalImportMeta],
    // The bundled commands load the bundled config (src/cli/eleventy-paths.ts), whose modules they share.
    define: { "process.env.OPSNOTE_ELEVENTY_CONFIG": JSON.stringify(path.join(outDir, ".eleventy.mjs")) },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...given] = process.argv.slice(2);
  if (!outDir) {
    console.error("usage: node scripts/test-bundle.mjs OUT_DIR [ENTRY ...]");
    process.exit(2);
  }
  if (!path.resolve(outDir).startsWith(ROOT + path.sep)) {
    console.error(`scripts/test-bundle.mjs: ${outDir} must be inside ${ROOT} (Node finds the packages from there)`);
    process.exit(2);
  }
  await bundleForTests(path.resolve(outDir), [...given, ...COMMAND_ENTRIES]);
}
