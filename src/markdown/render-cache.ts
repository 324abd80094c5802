/**
 * Remembers each post's rendered HTML by its markdown text, for the preview only.
 *
 * Every post's layout lists its neighbours from `collections.posts`, so Eleventy's incremental mode
 * re-renders all posts on every save; with 1,000 posts, re-running markdown-it and shiki on 999
 * unchanged bodies is most of the wait. The HTML depends on the text alone (ids, highlighting), so an
 * unchanged body gets the HTML it had. Warnings of an unchanged post are not printed again.
 */
import type { MarkdownIt } from "markdown-it";
import { pageFeaturesOf, setPageFeatures, type PageFeatures } from "./page-features.ts";

export function cacheRenders(md: MarkdownIt): MarkdownIt {
  const render = md.render.bind(md);
  const cache = new Map<string, { text: string; html: string; features: PageFeatures }>();
  md.render = (text, env) => {
    const key = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (key === undefined) return render(text, env);
    const hit = cache.get(key);
    if (hit?.text === text) {
      setPageFeatures(env, hit.features); // the layout links KaTeX / loads Mermaid as for the first render
      return hit.html;
    }
    const html = render(text, env);
    cache.set(key, { text, html, features: { ...pageFeaturesOf(env) } });
    return html;
  };
  return md;
}
