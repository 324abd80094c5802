/**
 * The site settings every area reads: `opsnote.config.yaml` (the blogger's file, at the top level of the
 * project; `OPSNOTE_CONFIG` names another) over the defaults of src/settings/schema.ts, with per-build
 * environment variables on top. A settings file that does not fit the schema stops every command with
 * `opsnote.config.yaml:LINE:COL error key: expected …` before anything is built.
 */
import { formatDiagnostic } from "./diagnostics/diagnostic.ts";
import { loadSiteSettings, SETTINGS_FILE } from "./settings/load-settings.ts";
import type { SiteSettings } from "./settings/schema.ts";

export { normalizePathPrefix } from "./settings/schema.ts";
export type { AuthorLink, SiteSettings } from "./settings/schema.ts";

/** The settings file every command reads. */
export const settingsFile = process.env.OPSNOTE_CONFIG ?? SETTINGS_FILE;

function loadOrExit(): SiteSettings {
  try {
    return loadSiteSettings({ file: settingsFile });
  } catch (error) {
    const diagnostics = (error as { diagnostics?: Parameters<typeof formatDiagnostic>[0][] }).diagnostics;
    if (!diagnostics) throw error;
    for (const d of diagnostics) console.error(`[opsnote] ${formatDiagnostic(d)}`);
    console.error(`[opsnote] fix the settings file and run again`);
    process.exit(1);
  }
}

export const site: SiteSettings = loadOrExit();
