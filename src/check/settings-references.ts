/**
 * Settings that name a post or a file: `seriesMembers` (a post file joining a series) and `credits`
 * (the images a credit is for). Deleting the sample posts and images (what every blog does first, and
 * what an import into a fresh clone is followed by) left both naming files the site no longer has,
 * with no word: a series member that joins nothing, a credit shown nowhere. `check` names each entry
 * with its line in the settings file; the build warns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteSettings } from "../settings/schema.ts";

/** The line (1-based) of a setting, by its path (`["credits", 0, "files", 1]`); a map's entry is its key's line. */
export type SettingLine = (settingPath: readonly (string | number)[]) => number | undefined;

export interface SettingsReferenceContext {
  /** The settings file, as shown in messages. */
  file: string;
  /** The line of each entry. @default no line */
  lineOf?: SettingLine;
  /** Whether a post file (relative to the posts folder, `/`-separated) exists. */
  hasPost: (relative: string) => boolean;
  /** Whether the site publishes a file at a root-relative URL path. */
  hasFile: (urlPath: string) => boolean;
}

/** The lines of a settings file's entries, from the YAML nodes it parses to (as load-settings.ts places its errors). */
export function settingLines(text: string): SettingLine {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter });
  return (settingPath) => {
    const parent = settingPath.length > 1 ? document.getIn(settingPath.slice(0, -1), true) : document.contents;
    const node = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === settingPath.at(-1))?.key
      : document.getIn(settingPath, true);
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}

export function checkSettingsReferences(settings: Pick<SiteSettings, "seriesMembers" | "credits">, context: SettingsReferenceContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stale = (settingPath: (string | number)[], target: string, message: string) =>
    diagnostics.push({ severity: "error", kind: "stale-setting", file: context.file, line: context.lineOf?.(settingPath), field: String(settingPath[0]), message, target });
  for (const [file, series] of Object.entries(settings.seriesMembers)) {
    const relative = file.normalize("NFC").replace(/^\.?\/+/, "");
    if (!context.hasPost(relative)) stale(["seriesMembers", file], file, `${file}: no such post in the posts folder, so it joins no series ("${series}")`);
  }
  settings.credits.forEach((credit, index) => {
    const missing = credit.files.filter((file) => !context.hasFile(file.normalize("NFC")));
    for (const file of missing) {
      stale(["credits", index, "files", credit.files.indexOf(file)], file, `${file}: the site has no such file${missing.length === credit.files.length ? `, so the credit for ${credit.work} is shown nowhere` : ""}`);
    }
  });
  return diagnostics;
}

/**
 * What `checkAnalyses` needs to check the settings of a build of `posts` (the settings file read for its
 * lines); undefined when `posts` is not the project's own posts folder, beside the settings file: a
 * build of another folder with these settings (`--posts`, the bench's corpus, a test's posts) names
 * other posts, and the settings' entries are about the project's.
 */
export function settingsToCheck(site: Pick<SiteSettings, "seriesMembers" | "credits">, file: string, posts: string) {
  if (path.resolve(posts) !== path.resolve(path.dirname(file), "posts")) return undefined;
  let lineOf: SettingLine | undefined;
  try {
    lineOf = settingLines(readFileSync(file, "utf8"));
  } catch {
    // no settings file: the defaults name nothing
  }
  return { seriesMembers: site.seriesMembers, credits: site.credits, file, lineOf, posts };
}
