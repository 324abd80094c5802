/**
 * ```` ```mermaid ```` fences become diagrams in the browser.
 *
 * The build writes the diagram's source, escaped, as `<pre class="mermaid">`: without JavaScript
 * the reader sees the source; with it, /assets/js/mermaid-loader.js draws each diagram when it
 * nears the viewport, in the site's light or dark theme, from the mermaid package the site serves.
 *
 * A core rule turns those fences into `mermaid` tokens right after block parsing, so the code-block
 * renderer (highlighting, frames, the unknown-language warning) never sees them, whatever languages
 * the highlighter knows.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import { markPageFeature } from "./page-features.ts";

/**
 * Whether a fence's info string names a Mermaid diagram (`mermaid`, any case, meta ignored), or
 * jekyll-spaceship's `mermaid!` (the plugin YAT ships; without the `!` it shows the source).
 */
export function isMermaidFence(info: string): boolean {
  return /^mermaid!?(?:\s|$)/i.test(info.trim());
}

export function mermaidPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "opsnote_mermaid", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "fence" && isMermaidFence(md.utils.unescapeAll(token.info))) token.type = "mermaid";
    }
  });
  const { escapeHtml } = md.utils;
  md.renderer.rules.mermaid = (tokens, idx, _options, env) => {
    markPageFeature(env, "mermaid");
    const token = tokens[idx]!;
    // A kramdown `{: .center #flow}` after the fence (attribute-lists.ts) keeps its class and id.
    const classes = ["mermaid", ...String(token.attrGet("class") ?? "").split(/\s+/)].filter((c) => c !== "").join(" ");
    const attrs = [["class", classes], ...(token.attrs ?? []).filter(([name]) => name !== "class")];
    return `<pre${attrs.map(([name, value]) => ` ${escapeHtml(name!)}="${escapeHtml(String(value))}"`).join("")}>${escapeHtml(token.content)}</pre>\n`;
  };
}
