/**
 * Front-matter keys that look like a typo of a key opsnote reads (`tgas:`, `toc_lable:`): the post
 * builds, but the value is silently ignored, so each one is a warning with "did you mean". Keys far
 * from every known key stay silent: Jekyll, Hugo and Zola themes have many keys of their own
 * (layout, sidebar, author_profile, …) that a migrated post keeps. Called from buildPost, so `check`
 * and the build print the same warning.
 */
import { distance } from "fastest-levenshtein";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { suggestKey } from "../settings/load-settings.ts";
import type { FrontMatterSource } from "./front-matter.ts";
import { frontMatterSchema, schemaKey } from "./schema.ts";

/** Every top-level key the front-matter schema names. */
export const KNOWN_FRONT_MATTER_KEYS: readonly string[] = Object.keys(frontMatterSchema.shape);

/**
 * Keys of other generators and themes that opsnote ignores on purpose. Only the ones that are close
 * to a known key matter (`link` is one letter from `pin`, `redirect_to` means the opposite of
 * `redirect_from`), but the list names the common ones so a new known key cannot make them warn.
 */
export const FOREIGN_FRONT_MATTER_KEYS: ReadonlySet<string> = new Set([
  // Jekyll and Minimal Mistakes
  "author_profile", "breadcrumbs", "classes", "excerpt_separator", "gallery", "link", "locale",
  "read_time", "redirect_to", "related", "search", "share", "show_date", "sidebar", "sitemap", "teaser", "toc_levels",
  // Chirpy
  "authors", "hidden", "icon", "media_subpath", "img_path", "mermaid", "order",
  // Hugo
  "type", "weight", "summary", "keywords", "linkTitle", "publishDate", "expiryDate", "cascade", "headless", "menu", "params",
  // Zola
  "path", "template", "taxonomies", "extra", "in_search_index",
]);

/** `titel` / `title`: two neighbouring letters swapped, one slip of the fingers (two edits for Levenshtein). */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/**
 * The likely intended key for an unknown one, or undefined when it is not close to any. Stricter than
 * the settings' `suggestKey`, which allows two edits to a short key: front matter is full of other
 * tools' short keys (`name`, `kind`, `data`), and two edits turn `name` into `date`. Here a short key
 * may differ by one letter or one swap; a long one by a third of its letters.
 */
export function suggestFrontMatterKey(key: string): string | undefined {
  if (KNOWN_FRONT_MATTER_KEYS.includes(schemaKey(key)) || FOREIGN_FRONT_MATTER_KEYS.has(key)) return undefined;
  const best = suggestKey(key, KNOWN_FRONT_MATTER_KEYS);
  if (best === undefined) return undefined;
  const [written, meant] = [key.toLowerCase(), best.toLowerCase()];
  return distance(written, meant) <= Math.max(1, Math.floor(meant.length / 3)) || isSwap(written, meant) ? best : undefined;
}

/** `posts/x.md:3:1 warning tgas: unknown front-matter key; did you mean "tags"?`, one per such key. */
export function findMisspelledKeys(frontMatter: Record<string, unknown>, source: FrontMatterSource | undefined, file: string): Diagnostic[] {
  return Object.keys(frontMatter).flatMap((key): Diagnostic[] => {
    const suggestion = suggestFrontMatterKey(key);
    if (suggestion === undefined) return [];
    const line = source?.keyLines[key];
    return [{
      severity: "warning", file, line, column: line === undefined ? undefined : 1, field: key,
      message: `unknown front-matter key; did you mean "${suggestion}"?`,
    }];
  });
}
