/**
 * Keeps Eleventy's timing notes ("[11ty] Benchmark 220ms 13% 1× (Configuration) … Preprocessor") out of
 * a quiet build. `quietMode` and `disableLogger()` do not reach them: Eleventy creates its
 * "Configuration" benchmark group, with a logger of its own that is verbose by default, before it
 * reads the quiet option (UserConfig's constructor in @11ty/eleventy 3.1), and a later
 * `setVerboseOutput(false)` only applies to groups created after it. On a busy machine a preprocessor
 * that takes more than 8 % of a small build printed the note between opsnote's own lines.
 */

/** The part of Eleventy's UserConfig this needs. */
export interface BenchmarkedConfig {
  benchmarkManager?: {
    getAll(): Record<string, { setIsVerbose(verbose: boolean): void }>;
    setVerboseOutput(verbose: boolean): void;
  };
}

/** Sends every benchmark group's notes, present and future, to Eleventy's debug channel only. */
export function silenceBenchmarkNotes(userConfig: BenchmarkedConfig): void {
  const manager = userConfig.benchmarkManager;
  if (!manager) return;
  manager.setVerboseOutput(false);
  for (const group of Object.values(manager.getAll())) group.setIsVerbose(false);
}
