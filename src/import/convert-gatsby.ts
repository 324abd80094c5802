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
  let inToc = false;
  for (const [index, line] of lines.entries()) {
    if (index < bodyLineOffset) {
      kept.push(line);
      continue;
    }
    const opensToc = !tracker.open && TOC_FENCE.test(line);
    const kind = tracker.read(line);
    if (opensToc) {
      inToc = true;
      found.push(index + 1);
    } else if (inToc) {
      // Its options (gatsby-remark-table-of-contents reads YAML there) go with it, up to the closing fence.
      if (kind === "fence") inToc = false;
    } else {
      kept.push(line);
    }
  }
  return !inToc && found.length > 0 ? { text: kept.join("\n"), lines: found } : { text, lines: [] };
}

/** gatsby-starter-hoodie's `update:` as `updated:`, unless the post has a later-change date already. */
export function renameGatsbyUpdate(text: string, frontMatter: Record<string, unknown>): string {
  const value = frontMatter.update;
  if (value === undefined || value === null || ["updated", "last_modified_at", "lastmod"].some((key) => key in frontMatter)) return text;
  const removed = removeFrontMatterKeys(text, ["update"]);
  return removed === text ? text : addFrontMatterKeys(removed, [["updated", value instanceof Date ? value.toISOString().slice(0, 10) : value]]);
}
