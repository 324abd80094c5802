/**
 * The table of contents of a post, as a tree of its headings.
 * Computed from the same tokens the page is rendered from, so every link has its target.
 */
import type { HeadingMeta } from "./headings.ts";

export interface TocEntry {
  id: string;
  text: string;
  level: number;
  children: TocEntry[];
}

/**
 * Nests headings by level, keeping the top `depth` levels present in the post
 * (a post whose headings start at h3 still gets three levels).
 */
export function buildToc(headings: readonly HeadingMeta[], depth: number): TocEntry[] {
  const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b).slice(0, Math.max(0, depth));
  const shown = new Set(levels);
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const heading of headings) {
    if (!shown.has(heading.level)) continue;
    const entry: TocEntry = { id: heading.id, text: heading.text, level: heading.level, children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= entry.level) stack.pop();
    (stack.at(-1)?.children ?? root).push(entry);
    stack.push(entry);
  }
  return root;
}
