/**
 * Imported before Eleventy by build-site.ts and preview.ts. Eleventy 3.1 registers an ES module
 * resolver on a loader thread when it is imported (EsmResolverPortAdapter.js), so that watch mode can
 * re-import a JavaScript template or config that changed; every later import in the process then
 * crosses that thread (0.15–0.25 s of CPU in a small build). opsnote gives Eleventy nothing to
 * re-import: its layouts are virtual templates, and a change to src/ or .eleventy.ts restarts the
 * preview's process (src/cli/start.ts). Eleventy leaves the resolver out when this variable is set.
 * (`npm test`'s bundle hoists Eleventy's import above this module's code, so scripts/test.sh sets it.)
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
