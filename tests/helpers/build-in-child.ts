/**
 * Builds a site in a child process. Site settings (path prefix, page size) are read from the
 * environment when src/site.ts is first imported, so a build with other settings needs its own
 * process; it is also how `npm run build` runs.
 */
import { spawnSync } from "node:child_process";
import { commandArgs } from "./run-cli.ts";

export interface ChildBuild {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function buildInChild(posts: string, output: string, env: Record<string, string> = {}): ChildBuild {
  const started = performance.now();
  // A production build whatever the test runner's environment says: no drafts, no serve mode.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of ["OPSNOTE_DRAFTS", "ELEVENTY_RUN_MODE", "OPSNOTE_POSTS", "OPSNOTE_OUTPUT"]) if (!(key in env)) delete childEnv[key];
  const result = spawnSync(process.execPath, [...commandArgs("src/cli/build.ts"), "--posts", posts, "--output", output], {
    encoding: "utf8",
    env: childEnv,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}
