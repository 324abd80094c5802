/**
 * The one read of the posts a build does before Eleventy's own: every post file analysed once
 * (analyse-post.ts) for everything that needs all posts up front. `check` validates the analyses
 * and the Jekyll post index takes each post's URL, redirects and dates from them, so a post is read
 * and parsed once for both, and not at all when the on-disk cache already holds it.
 *
 * Give one `PostSources` to both plugins (.eleventy.ts does). Each plugin asks in its own
 * `eleventy.before` handler, passing Eleventy's event argument: the first to ask in a build starts
 * the analysis and the other shares it, in whatever order Eleventy runs the handlers. Nothing here
 * depends on the time: each reader decides what is published or scheduled with its own `now`.
 */
import path from "node:path";
import type { PostAnalysis } from "./analyse-post.ts";
import { createAnalysisCache, type AnalysisCache, type AnalysisSite } from "./analysis-cache.ts";
import { analysePosts, createCheckCache } from "./check-posts.ts";

export interface PostSourcesOptions {
  site: AnalysisSite;
  /** Folder that `/assets/…` URLs are served from (symbolic links into it are followed). @default "assets" */
  assets?: string;
  /** The on-disk cache, or `false` for none. @default createAnalysisCache() (.cache/check) */
  store?: AnalysisCache | false;
}

export interface PostSources {
  /** The assets folder, resolved. */
  readonly assets: string;
  /**
   * Every post under `posts`, analysed. Calls with the same `build` object (Eleventy's event
   * argument) and folder share one analysis; without `build`, every call looks at the files again
   * (unchanged ones come from memory).
   */
  analyse(posts: string, build?: object): Promise<PostAnalysis[]>;
}

export function createPostSources({ site, assets = "assets", store }: PostSourcesOptions): PostSources {
  const cache = createCheckCache();
  const disk = store === false ? undefined : store ?? createAnalysisCache();
  const resolvedAssets = path.resolve(assets);
  const builds = new WeakMap<object, Map<string, Promise<PostAnalysis[]>>>();
  const run = (posts: string) => analysePosts({ posts, assets: resolvedAssets, site, cache, store: disk });
  return {
    assets: resolvedAssets,
    analyse(posts, build) {
      if (build === undefined) return run(posts);
      let byFolder = builds.get(build);
      if (!byFolder) builds.set(build, (byFolder = new Map()));
      let analyses = byFolder.get(posts);
      if (!analyses) byFolder.set(posts, (analyses = run(posts)));
      return analyses;
    },
  };
}
