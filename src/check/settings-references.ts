/**
 * Settings that name a post or a file: `seriesMembers` (a post file joining a series) and `credits`
 * (the images a credit is for). Deleting the sample posts and images (what every blog does first, and
 * what an import into a fresh clone is followed by) left both naming files the site no longer has,
 * with no word: a series member that joins nothing, a credit shown nowhere. `check` names each entry
 * with its line in the settings file; the build warns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteSettings } from "../settings/schema.ts";

export interface SettingsReferenceContext {
  /** The settings file, as shown in messages. */
  file: string;
  /** Its text, for the line of each entry. @default no line */
  text?: string;
  /** Whether a post file (relative to the posts folder, `/`-separated) exists. */
  hasPost: (relative: string) => boolean;
  /** Whether the site publishes a file at a root-relative URL path. */
  hasFile: (urlPath: string) => boolean;
}

/** The line (1-based) of the first line of `text` that holds `needle`, from `after` (0-based) on. */
function lineOf(text: string | undefined, needle: string, after = 0): number | undefined {
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  for (let i = after; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return undefined;
}

export function checkSettingsReferences(settings: Pick<SiteSettings, "seriesMembers" | "credits">, context: SettingsReferenceContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stale = (field: string, needle: string, section: string, message: string) => {
    const sectionLine = lineOf(context.text, `${section}:`);
    diagnostics.push({ severity: "error", kind: "stale-setting", file: context.file, line: lineOf(context.text, needle, sectionLine ?? 0) ?? sectionLine, field, message, target: needle });
  };
  for (const [file, series] of Object.entries(settings.seriesMembers)) {
    const relative = file.normalize("NFC").replace(/^\.?\/+/, "");
    if (!context.hasPost(relative)) stale("seriesMembers", file, "seriesMembers", `${file}: no such post in the posts folder, so it joins no series ("${series}")`);
  }
  for (const credit of settings.credits) {
    const missing = credit.files.filter((file) => !context.hasFile(file.normalize("NFC")));
    for (const file of missing) {
      stale("credits", file, "credits", `${file}: the site has no such file${missing.length === credit.files.length ? `, so the credit for ${credit.work} is shown nowhere` : ""}`);
    }
  }
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
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // no settings file: the defaults name nothing
  }
  return { seriesMembers: site.seriesMembers, credits: site.credits, file, text, posts };
}
