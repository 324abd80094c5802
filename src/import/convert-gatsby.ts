/**
 * What a Gatsby post says in its plugins' words, written in opsnote's in the copy:
 * - gatsby-remark-table-of-contents (zoomkoding-gatsby-blog and its forks) puts the post's table of
 *   contents where a ```` ```toc ```` block stands; opsnote makes it from `toc: true`, so the block goes
 *   and the front matter says so. Only a block at the start of a line, outside any other fence: the
 *   starter's own guide shows the syntax indented, as an example.
 * - gatsby-starter-hoodie's `update:` is the post's last change, opsnote's `updated:`.
 */
import { addFrontMatterKeys, removeFrontMatterKeys } from "./edit-front-matter.ts";
import { fenceTracker } from "./fences.ts";

const TOC_FENCE = /^(`{3,}|~{3,})\s*toc\s*$/i;

/**
 * `text` without its top-level ```` ```toc ```` blocks, and the 1-based lines where they began.
 * @example convertGatsbyToc("---\ntitle: A\n---\n```toc\n```\n## B\n", 3).lines // [4]
 */
export function convertGatsbyToc(text: string, bodyLineOffset: number): { text: string; lines: number[] } {
  const lines = text.split("\n");
  const tracker = fenceTracker();
  const kept: string[] = [];
  const found: number[] = [];
  let closing: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (index < bodyLineOffset) {
      kept.push(line);
      continue;
    }
    if (closing !== undefined) {
      // Inside a toc block: its options (gatsby-remark-table-of-contents reads YAML there) go with it.
      if (new RegExp(`^${closing[0]}{${closing.length},}\\s*$`).test(line)) closing = undefined;
      continue;
    }
    const wasOpen = tracker.open;
    const match = wasOpen ? null : TOC_FENCE.exec(line);
    if (match !== null) {
      closing = match[1]!;
      found.push(index + 1);
      continue;
    }
    tracker.read(line);
    kept.push(line);
  }
  return closing === undefined && found.length > 0 ? { text: kept.join("\n"), lines: found } : { text, lines: [] };
}

/** gatsby-starter-hoodie's `update:` as `updated:`, unless the post has a later-change date already. */
export function renameGatsbyUpdate(text: string, frontMatter: Record<string, unknown>): string {
  const value = frontMatter.update;
  if (value === undefined || value === null || ["updated", "last_modified_at", "lastmod"].some((key) => key in frontMatter)) return text;
  const removed = removeFrontMatterKeys(text, ["update"]);
  return removed === text ? text : addFrontMatterKeys(removed, [["updated", value instanceof Date ? value.toISOString().slice(0, 10) : value]]);
}
