/**
 * What a rendered body needs from the page around it: the KaTeX stylesheet, the Mermaid loader.
 *
 * Set in markdown-it's `env` while rendering. Eleventy passes the page's data object as `env` and
 * hands the layout a shallow copy of that same object after the body is rendered, so the layout
 * reads these flags without parsing the HTML again. A plain data key (not a symbol) so the preview's
 * fast path and the render cache can copy it like any other data.
 */
import type { MarkdownIt, StateCore } from "markdown-it";

export interface PageFeatures {
  /** The body has KaTeX output: the page links the KaTeX stylesheet. */
  math?: boolean;
  /** The body has a Mermaid diagram: the page loads the Mermaid loader. */
  mermaid?: boolean;
}

/** The `env` (page data) key the flags live under. */
export const PAGE_FEATURES_KEY = "opsnotePageFeatures";

type FeatureEnv = { [PAGE_FEATURES_KEY]?: PageFeatures };

/** Records that the body being rendered uses `feature`. */
export function markPageFeature(env: unknown, feature: keyof PageFeatures): void {
  if (typeof env !== "object" || env === null) return;
  const holder = env as FeatureEnv;
  holder[PAGE_FEATURES_KEY] = { ...holder[PAGE_FEATURES_KEY], [feature]: true };
}

/** The flags the last render of this page set (empty when it used neither). */
export function pageFeaturesOf(env: unknown): PageFeatures {
  if (typeof env !== "object" || env === null) return {};
  return (env as FeatureEnv)[PAGE_FEATURES_KEY] ?? {};
}

/** Replaces the page's flags (a cached render restores those of the render it stands for). */
export function setPageFeatures(env: unknown, features: PageFeatures): void {
  if (typeof env !== "object" || env === null) return;
  (env as FeatureEnv)[PAGE_FEATURES_KEY] = { ...features };
}

/**
 * A core rule first in the chain: the preview renders the same page data object again after an
 * edit, and a flag from the previous text (a diagram since deleted) must not survive.
 */
export function pageFeaturesPlugin(md: MarkdownIt): void {
  md.core.ruler.before("normalize", "opsnote_page_features", (state: StateCore) => {
    if (typeof state.env === "object" && state.env !== null) delete (state.env as FeatureEnv)[PAGE_FEATURES_KEY];
  });
}
