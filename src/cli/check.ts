/**
 * `npm run check [-- --posts DIR --assets DIR]`: checks every post without building the site and
 * prints one compiler-style line per problem, errors first, then a summary. Exit code 1 when there
 * is an error, 0 otherwise (warnings and notes do not fail).
 */
import { runCommand } from "./args.ts";
import { checkPosts } from "../check/check-posts.ts";
import { createAnalysisCache } from "../check/analysis-cache.ts";
import { formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { site } from "../site.ts";
import { summarise } from "../check/summary.ts";

const USAGE = "usage: npm run check -- [--posts DIR] [--assets DIR]";

await runCommand({ usage: USAGE, options: {
  posts: { type: "string" },
  assets: { type: "string" },
} }, async ({ values }) => {
  const started = performance.now();
  const report = await checkPosts({
    posts: values.posts ?? process.env.OPSNOTE_POSTS ?? "posts",
    assets: values.assets,
    site,
    pageSize: site.pageSize,
    // The build's cache (.cache/check): unchanged posts are not parsed again.
    store: createAnalysisCache(),
  });
  // One stream, so errors stay ahead of warnings when the output is piped.
  for (const diagnostic of report.diagnostics) console.log(formatDiagnostic(diagnostic));
  const summary = summarise(report);
  console.log(`${summary.text} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  return summary.errors > 0 ? 1 : 0;
});
