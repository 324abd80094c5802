/**
 * GitHub alerts (`> [!NOTE]`, TIP, IMPORTANT, WARNING, CAUTION) as callouts with Korean labels.
 *
 * A core rule between `block` and `inline`: the blockquote's first paragraph is still raw text
 * then, so the `[!NOTE]` marker is removed before inline parsing could read it as a link label.
 * The markup is shared with the Jekyll callouts (`{: .notice--info}`, `{: .prompt-tip}`):
 * `<div class="callout callout--note" role="note"><p class="callout__title">참고</p>…</div>`.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import { strings } from "../ui/strings.ts";

export type CalloutKind = keyof typeof strings.callout;

const KINDS: Record<string, CalloutKind> = {
  NOTE: "note",
  TIP: "tip",
  IMPORTANT: "important",
  WARNING: "warning",
  CAUTION: "caution",
};

/**
 * The alert kind of a blockquote's first line, as GitHub reads it: the marker alone on the line,
 * any letter case. Returns undefined for an ordinary quote.
 * @example parseAlertMarker("[!Tip]") // "tip"
 */
export function parseAlertMarker(firstLine: string): CalloutKind | undefined {
  const match = /^\s*\[!([a-z]+)\]\s*$/i.exec(firstLine);
  return match ? KINDS[match[1]!.toUpperCase()] : undefined;
}

/**
 * The opening markup of a callout, shared with every other path that makes callouts.
 * `attributes` are the boxed element's own (a prompt quote's `{: #id .cls}`): classes join the callout's.
 */
export function calloutOpenHtml(kind: CalloutKind, escapeHtml: (text: string) => string, attributes: readonly [string, string][] = []): string {
  const classes = ["callout", `callout--${kind}`, ...attributes.filter(([name]) => name === "class").map(([, value]) => value)];
  const others = attributes.filter(([name]) => name !== "class" && name !== "role").map(([name, value]) => ` ${name}="${escapeHtml(value)}"`);
  return `<div class="${escapeHtml(classes.join(" "))}" role="note"${others.join("")}>\n<p class="callout__title">${escapeHtml(strings.callout[kind])}</p>\n`;
}

function alertsRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    if (open.type !== "blockquote_open" || paragraph?.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const newline = inline.content.indexOf("\n");
    const kind = parseAlertMarker(newline === -1 ? inline.content : inline.content.slice(0, newline));
    if (kind === undefined) continue;
    const close = tokens.findIndex((t, j) => j > i && t.type === "blockquote_close" && t.level === open.level);
    if (close === -1) continue;
    const closeToken = new state.Token("html_block", "", 0);
    closeToken.content = "</div>\n";
    tokens[close] = closeToken;
    const openToken = new state.Token("html_block", "", 0);
    openToken.content = calloutOpenHtml(kind, state.md.utils.escapeHtml);
    openToken.map = open.map;
    if (newline === -1) {
      // The marker was the whole first paragraph: drop it.
      tokens.splice(i, 4, openToken);
    } else {
      inline.content = inline.content.slice(newline + 1);
      tokens[i] = openToken;
    }
  }
}

export function alertsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "opsnote_alerts", alertsRule);
}
