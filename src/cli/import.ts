/**
 * `npm run import -- <Jekyll, Hugo, Zola or Hexo site, or a folder of posts> [--root DIR] [--posts DIR] [--assets DIR] [--verbose] [--dry-run]`:
 * moves a whole blog in, never overwriting anything (see src/import/import-site.ts).
 * `npm run import -- --report <posts folder> [--verbose]`: builds the folder and prints its warnings grouped by kind.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError, runCommand } from "./args.ts";
import { displayPath, formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { importSite, type ImportResult } from "../import/import-site.ts";
import { describeChange, SETTINGS_FILE } from "../import/settings-file.ts";
import { diagnosticItems, formatGroups, groupWarnings } from "../import/group-warnings.ts";
import { nginxPolicyLineFor, type CommentsSettings } from "../reader/comments.ts";

/** The nginx configuration opsnote ships, whose Content-Security-Policy blocks comment widgets. */
const NGINX_CONF = path.join("deploy", "nginx.conf");

const USAGE = [
  "usage: npm run import -- <path to a Jekyll, Hugo, Zola or Hexo site, or a folder of posts> [--root DIR] [--posts DIR] [--assets DIR] [--verbose] [--dry-run]",
  "       npm run import -- --report <posts folder> [--verbose]",
].join("\n");

const FAMILY_NAMES: Record<ImportResult["family"], string> = { jekyll: "Jekyll site", hugo: "Hugo site", zola: "Zola site", hexo: "Hexo site", gatsby: "Gatsby site", folder: "folder of posts" };

async function runImport(source: string, options: { root: string; posts?: string; assets?: string; verbose: boolean; dryRun: boolean }): Promise<number> {
  const result = await importSite({ source, root: options.root, postsDir: options.posts, assetsDir: options.assets, dryRun: options.dryRun });
  if (result.conflicts.length > 0) {
    console.error(`[opsnote] import stopped: ${result.conflicts.length} file(s) in the way; nothing was copied`);
    for (const line of result.conflicts) console.error(`  ${existsSync(line) ? `exists: ${displayPath(line)}` : line}`);
    console.error("[opsnote] move or rename them (or import into another folder with --root/--posts/--assets) and run again");
    return 1;
  }
  const verb = options.dryRun ? "would import (dry run: nothing written)" : "imported";
  console.log(`[opsnote] ${verb} a ${FAMILY_NAMES[result.family]}: ${result.posts.length} post(s) and ${result.files.length} other file(s) into ${displayPath(path.resolve(options.root)) || "."}`);
  if (result.changes.length > 0) {
    console.log(`[opsnote] ${SETTINGS_FILE}: ${result.changes.length} setting(s) carried over:`);
    for (const change of result.changes) console.log(`  ${describeChange(change)}`);
    const comments = result.changes.find((change) => change.key === "comments")?.after as CommentsSettings | undefined;
    const conf = path.join(options.root, NGINX_CONF);
    const line = comments && existsSync(conf) ? nginxPolicyLineFor(readFileSync(conf, "utf8"), comments) : undefined;
    if (line) {
      console.log(`[opsnote] comments (${comments!.provider}): the Content-Security-Policy of ${displayPath(path.resolve(conf))} blocks its script, so the comments stay empty behind it; its add_header line should read:`);
      console.log(`  ${line}`);
    }
  }
  if (result.warnings.length > 0) {
    console.log(`[opsnote] ${result.warnings.length} thing(s) to know, by kind:`);
    for (const line of formatGroups(groupWarnings(result.warnings), options.verbose)) console.log(`  ${line}`);
  }
  console.log(`[opsnote] next: npm run import -- --report ${displayPath(path.resolve(options.posts ?? path.join(options.root, "posts")))}`);
  return 0;
}

async function runReport(folder: string, verbose: boolean): Promise<number> {
  // Loaded here: building reads the settings of this folder, which an import may be about to write.
  const { reportFolder } = await import("../jekyll/report-folder.ts");
  const report = await reportFolder(folder);
  console.log(`[opsnote] report for ${displayPath(path.resolve(folder))}`);
  if (report.errors.length > 0) {
    console.log(`build failed with ${report.errors.length} error(s):`);
    for (const d of report.errors) console.log(`  ${formatDiagnostic(d)}`);
  } else {
    console.log(`posts built: ${report.postsBuilt}`);
  }
  console.log(`warnings: ${report.warnings.length}`);
  for (const line of formatGroups(groupWarnings(diagnosticItems(report.warnings)), verbose)) console.log(`  ${line}`);
  return report.errors.length > 0 ? 1 : 0;
}

await runCommand(
  {
    usage: USAGE,
    options: {
      report: { type: "string" },
      root: { type: "string", default: "." },
      posts: { type: "string" },
      assets: { type: "string" },
      verbose: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
    },
    allowPositionals: true,
  },
  async ({ values, positionals }) => {
    if (values.report !== undefined) return runReport(values.report, values.verbose);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing the site or folder of posts to import" : "expected one folder");
    return runImport(positionals[0]!, { root: values.root, posts: values.posts, assets: values.assets, verbose: values.verbose, dryRun: values["dry-run"] });
  },
);
