/**
 * `npm run import -- <Jekyll site or _posts folder> [--posts DIR] [--assets DIR]`: copies posts and
 * the images they use, never overwriting anything.
 * `npm run import -- --report <posts folder>`: builds the folder and prints warnings by kind.
 */
import path from "node:path";
import { UsageError, runCommand } from "./args.ts";
import { displayPath, formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { importJekyllSite } from "../jekyll/import-site.ts";
import { WARNING_KINDS, groupByKind, reportFolder } from "../jekyll/report-folder.ts";

const USAGE = [
  "usage: npm run import -- <path to a Jekyll site or its _posts folder> [--posts DIR] [--assets DIR]",
  "       npm run import -- --report <posts folder>",
].join("\n");

async function runImport(source: string, postsDir: string, assetsDir: string): Promise<number> {
  const result = await importJekyllSite({ source, postsDir, assetsDir });
  if (result.conflicts.length > 0) {
    console.error(`[opsnote] import stopped: ${result.conflicts.length} file(s) already exist; nothing was copied`);
    for (const file of result.conflicts) console.error(`  exists: ${displayPath(file)}`);
    console.error("[opsnote] move or rename them (or import into another folder with --posts/--assets) and run again");
    return 1;
  }
  console.log(`[opsnote] imported ${result.posts.length} post(s) into ${displayPath(path.resolve(postsDir))} and ${result.images.length} image(s) into ${displayPath(path.resolve(assetsDir))}`);
  if (result.renamed.length > 0) {
    console.log(`[opsnote] ${result.renamed.length} file name(s) normalised to NFC (macOS NFD names):`);
    for (const name of result.renamed) console.log(`  ${name}`);
  }
  if (result.skipped.length > 0) {
    console.log(`[opsnote] could not import ${result.skipped.length} item(s):`);
    for (const line of result.skipped) console.log(`  ${line}`);
  }
  if (result.permalink) {
    const { jekyll, opsnote, unsupported } = result.permalink;
    console.log(`[opsnote] the old site's permalink is ${JSON.stringify(jekyll)}; to keep its URLs, set in src/site.ts:`);
    console.log(`  permalink: ${JSON.stringify(opsnote)},`);
    if (unsupported.length > 0) console.log(`  (opsnote has no ${unsupported.map((t) => `:${t}`).join(", ")}; those parts stay as written)`);
  }
  if (result.baseurl) {
    console.log(`[opsnote] the old site lived under baseurl ${JSON.stringify(result.baseurl)}: build with OPSNOTE_PATH_PREFIX=${result.baseurl.replace(/\/?$/, "/")}`);
  }
  console.log(`[opsnote] next: npm run import -- --report ${displayPath(path.resolve(postsDir))}`);
  return 0;
}

async function runReport(folder: string): Promise<number> {
  const report = await reportFolder(folder);
  console.log(`[opsnote] report for ${displayPath(path.resolve(folder))}`);
  if (report.errors.length > 0) {
    console.log(`build failed with ${report.errors.length} error(s):`);
    for (const d of report.errors) console.log(`  ${formatDiagnostic(d)}`);
  } else {
    console.log(`posts built: ${report.postsBuilt}`);
  }
  console.log(`warnings: ${report.warnings.length}`);
  for (const [kind, list] of groupByKind(report.warnings)) {
    console.log(`  ${kind} (${list.length})${WARNING_KINDS[kind] ? `: ${WARNING_KINDS[kind]}` : ""}`);
    for (const d of list) console.log(`    ${formatDiagnostic(d)}`);
  }
  return report.errors.length > 0 ? 1 : 0;
}

await runCommand(
  {
    usage: USAGE,
    options: {
      report: { type: "string" },
      posts: { type: "string", default: "posts" },
      assets: { type: "string", default: "assets" },
    },
    allowPositionals: true,
  },
  async ({ values, positionals }) => {
    if (values.report !== undefined) return runReport(values.report);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing the Jekyll site or _posts folder" : "expected one folder");
    return runImport(positionals[0]!, values.posts, values.assets);
  },
);
