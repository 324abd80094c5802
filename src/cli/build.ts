/**
 * `npm run build [-- --posts DIR --output DIR --strict --verbose]`: a production build (drafts left
 * out). Broken links and missing images are warnings, grouped at the end; `--strict` (or the site
 * setting `strict`) makes them fail the build, as `npm run check` does.
 * Environment: OPSNOTE_POSTS and OPSNOTE_OUTPUT set the same folders, OPSNOTE_STRICT=1 is `--strict`.
 */
import { buildSite } from "./build-site.ts";
import { describeBuildError } from "./errors.ts";
import { runCommand } from "./args.ts";
import { displayPath } from "../diagnostics/diagnostic.ts";
import { refreshEditorFilesOrWarn } from "../settings/editor-files.ts";
import { robotsTxtNote } from "../seo/sitemap.ts";
import { site } from "../site.ts";

const USAGE = "usage: npm run build -- [--posts DIR] [--output DIR] [--strict] [--verbose]";

await runCommand({ usage: USAGE, options: {
  posts: { type: "string" },
  output: { type: "string" },
  verbose: { type: "boolean", default: false },
  strict: { type: "boolean", default: false },
} }, async ({ values }) => {
  // Read by the check plugin inside the build (src/check/build-policy.ts).
  if (values.strict) process.env.OPSNOTE_STRICT = "1";
  refreshEditorFilesOrWarn(); // .vscode/ schemas follow the zod schemas (src/settings/editor-files.ts)
  try {
    const result = await buildSite({
      posts: values.posts ?? process.env.OPSNOTE_POSTS,
      output: values.output ?? process.env.OPSNOTE_OUTPUT,
      verbose: values.verbose,
    });
    console.log(`[opsnote] wrote ${result.pages} pages to ${displayPath(result.output)} in ${result.seconds.toFixed(2)} s`);
    const robotsNote = robotsTxtNote(site);
    if (robotsNote) console.log(`[opsnote] note: ${robotsNote}`);
    return 0;
  } catch (error) {
    for (const line of describeBuildError(error, values.verbose)) console.error(`[opsnote] ${line}`);
    console.error("[opsnote] build failed; the previous site was left as it was");
    return 1;
  }
});
