/**
 * `npm run check [-- --posts DIR --assets DIR]`: checks every post without building the site and
 * prints one compiler-style line per problem, errors first, then a summary and the content problems
 * grouped with their fix. Exit code 1 when there is an error, 0 otherwise (warnings and notes do not
 * fail). Broken links and missing images are errors here, though a build only warns about them.
 */
import { runCommand } from "./args.ts";
import path from "node:path";
import { analysePosts, checkAnalyses } from "../check/check-posts.ts";
import { groupContext, summaryLines } from "../check/index.ts";
import { isPublishable } from "../diagnostics/kinds.ts";
import { createAnalysisCache } from "../check/analysis-cache.ts";
import { formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { site, settingsFile } from "../site.ts";
import { settingsToCheck } from "../check/settings-references.ts";
import { summarise } from "../check/summary.ts";

const USAGE = "usage: npm run check -- [--posts DIR] [--assets DIR]";

await runCommand({ usage: USAGE, options: {
  posts: { type: "string" },
  assets: { type: "string" },
} }, async ({ values }) => {
  const started = performance.now();
  const posts = values.posts ?? process.env.OPSNOTE_POSTS ?? "posts";
  const analyses = await analysePosts({
    posts,
    assets: values.assets,
    site,
    // The build's cache (.cache/check): unchanged posts are not parsed again.
    store: createAnalysisCache(),
  });
  const report = checkAnalyses(analyses, {
    assets: values.assets, staticDirs: site.staticDirs, pageSize: site.pageSize, redirects: site.redirects,
    settings: settingsToCheck(site, settingsFile, posts),
  });
  // One stream, so errors stay ahead of warnings when the output is piped.
  for (const diagnostic of report.diagnostics) console.log(formatDiagnostic(diagnostic));
  const summary = summarise(report);
  console.log(`${summary.text} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  // Hundreds of one problem (a migrated blog's old URLs) read as a few lines, each with its fix.
  const groups = summaryLines(report.diagnostics.filter(isPublishable), groupContext(analyses, path.resolve(posts), site), (n) => `problem${n === 1 ? "" : "s"}`);
  for (const line of groups) console.log(line);
  return summary.errors > 0 ? 1 : 0;
});
