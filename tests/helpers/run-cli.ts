/**
 * Runs one of opsnote's commands as a real child process, the way `npm run` does, with a time limit.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.ts";

/**
 * The arguments after `node` that run one of opsnote's entry points (`src/cli/build.ts`, …): under
 * `npm test`, from the suite's esbuild bundle (OPSNOTE_TEST_BUNDLE, made by scripts/test-bundle.mjs as
 * `npm run` makes its own, src/cli/launch.mjs); a file run alone through tsx runs them through tsx too.
 */
export function commandArgs(script: string): string[] {
  const bundled = bundledScript(script);
  return bundled !== undefined ? [bundled] : ["--import", "tsx", path.resolve(REPO_ROOT, script)];
}

/** The bundled copy of an entry point under `npm test` (scripts/test-bundle.mjs), if there is one. */
export function bundledScript(script: string): string | undefined {
  const bundle = process.env.OPSNOTE_TEST_BUNDLE;
  if (!bundle) return undefined;
  const bundled = path.join(bundle, path.relative(REPO_ROOT, path.resolve(REPO_ROOT, script))).replace(/\.ts$/, ".mjs");
  return existsSync(bundled) ? bundled : undefined;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...commandArgs(script), ...args],
      { cwd: REPO_ROOT, timeout: timeoutMs, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}
