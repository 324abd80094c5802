/**
 * What a build does with what `check` found. A problem that still leaves a page to publish (a broken
 * link, a missing image: src/diagnostics/kinds.ts) is a warning, so a migrated blog with hundreds of
 * them builds and can be fixed group by group; `strict` (a site setting, or `--strict`) keeps them
 * errors, as `npm run check` always does, so a CI can gate on them. Anything else that is an error
 * (a post that cannot be read, two pages on one URL) stops every build.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { isPublishable } from "../diagnostics/kinds.ts";

export interface BuildPolicy {
  /** Publishable problems fail the build too. @default false */
  strict: boolean;
}

export interface PolicyOutcome {
  /** What to print: every diagnostic, publishable errors turned into warnings unless strict. */
  reported: Diagnostic[];
  /** What stops the build; empty when it goes on. */
  fatal: Diagnostic[];
}

export function applyBuildPolicy(diagnostics: readonly Diagnostic[], { strict }: BuildPolicy): PolicyOutcome {
  const reported = diagnostics.map((d): Diagnostic =>
    d.severity === "error" && !strict && isPublishable(d) ? { ...d, severity: "warning" } : d);
  return { reported, fatal: reported.filter((d) => d.severity === "error") };
}

/** `strict: true` in the settings, or `OPSNOTE_STRICT=1` (what `npm run build -- --strict` sets). */
export function isStrict(setting: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return setting === true || env.OPSNOTE_STRICT === "1" || env.OPSNOTE_STRICT === "true";
}
