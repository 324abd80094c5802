/**
 * Imported by build-site.ts before Eleventy. Eleventy 3.1 registers an ES module resolver on a loader
 * thread when it is imported (EsmResolverPortAdapter.js), so that watch mode can re-import a changed
 * JavaScript template; every later import in the process then crosses that thread (0.15–0.25 s of CPU
 * in a small build). A one-off build re-imports nothing, and Eleventy leaves the resolver out when
 * ELEVENTY_SKIP_ESM_RESOLVER is set. The preview (watch mode) imports Eleventy before this and keeps it.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
