/**
 * Builds a folder of posts into a site, atomically: Eleventy writes into a fresh folder next to the
 * output, which replaces the output only when the whole build succeeded. A failed or killed build
 * leaves the previous site as it was; litter from a killed build is removed by the next one. The
 * folder a swap retires is kept for the next build to overwrite (recycled-output.ts).
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import "./skip-esm-resolver.ts"; // before Eleventy: see there
import Eleventy from "@11ty/eleventy";
import { eleventyConfigPath } from "./eleventy-paths.ts";
import { silenceBenchmarkNotes, type BenchmarkedConfig } from "./quiet-benchmarks.ts";
import { keepSpare, sweepUnwritten, takeSpare } from "../static/recycled-output.ts";

export interface BuildSiteOptions {
  /** Folder of markdown posts. @default "posts" */
  posts?: string;
  /** Folder the site is written to. @default "_site" */
  output?: string;
  /** Print Eleventy's per-file lines. @default false */
  verbose?: boolean;
  /** Eleventy's config file. @default eleventyConfigPath(): ".eleventy.ts" */
  configPath?: string;
}

export interface BuildSiteResult {
  output: string;
  pages: number;
  seconds: number;
}

const STAGING_MARK = ".opsnote-staging-";
const RETIRED_MARK = ".opsnote-retired-";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes staging folders of builds whose process is gone (a SIGKILLed build cannot clean up). */
async function removeLitter(output: string): Promise<void> {
  const parent = path.dirname(output);
  const base = path.basename(output);
  if (!existsSync(parent)) return;
  for (const entry of await readdir(parent)) {
    for (const mark of [STAGING_MARK, RETIRED_MARK]) {
      if (!entry.startsWith(`${base}${mark}`)) continue;
      const pid = Number(entry.slice(`${base}${mark}`.length).split("-")[0]);
      if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid)) {
        await rm(path.join(parent, entry), { recursive: true, force: true });
      }
    }
  }
}

/** Another build holds the output folder's lock. */
export class BuildLockedError extends Error {
  override name = "BuildLockedError";
}

/**
 * Takes `<output>.lock` (holding this process's id) for the length of a build. Two builds that
 * swapped the same folder at once clashed (`ENOTEMPTY … rename`); the second now stops at once,
 * before touching anything. A lock whose process is gone (a SIGKILLed build) is taken over.
 * @returns the function that releases the lock.
 */
async function lockOutput(output: string): Promise<() => Promise<void>> {
  const lock = `${output}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: "wx" });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number((await readFile(lock, "utf8").catch(() => "")).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new BuildLockedError(`another build is writing ${path.basename(output)} (pid ${holder}); wait for it to finish, or remove ${lock} if that process is not a build`);
    }
    // A stale lock, or one being written this instant: an empty file is read as stale only after a moment.
    if (!Number.isInteger(holder) || holder <= 0) await new Promise((resolve) => setTimeout(resolve, 50));
    else await rm(lock, { force: true });
  }
  throw new BuildLockedError(`could not take the lock ${lock}; remove it if no build is running`);
}

export async function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const started = performance.now();
  const posts = path.resolve(options.posts ?? "posts");
  const output = path.resolve(options.output ?? "_site");
  if (!existsSync(posts)) throw new Error(`posts folder not found: ${posts}`);
  await mkdir(path.dirname(output), { recursive: true });
  const unlock = await lockOutput(output);
  try {
    return await buildUnlocked(posts, output, options, started);
  } finally {
    await unlock();
  }
}

async function buildUnlocked(posts: string, output: string, options: BuildSiteOptions, started: number): Promise<BuildSiteResult> {
  await removeLitter(output);

  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${output}${STAGING_MARK}${stamp}`;
  const retired = `${output}${RETIRED_MARK}${stamp}`;
  // The site before last, if kept, is overwritten rather than written anew (recycled-output.ts).
  const recycled = await takeSpare(output, staging);
  const eleventy = new Eleventy(posts, staging, {
    configPath: options.configPath ?? eleventyConfigPath(),
    quietMode: !options.verbose,
    source: "cli",
    runMode: "build",
    config(userConfig: BenchmarkedConfig) {
      if (!options.verbose) silenceBenchmarkNotes(userConfig);
    },
  });
  // The caller prints the error; Eleventy's own handler would add a stack trace to it, and would
  // set process.exitCode, which is the caller's to decide (a test process builds broken sites on purpose).
  eleventy.errorHandler.logger = { message() {}, error() {}, warn() {}, log() {}, forceLog() {} } as never;
  // Quiet unless asked: Eleventy's "Wrote N files" and, on a busy machine, its "Benchmark … Preprocessor"
  // notes (silenced above, see quiet-benchmarks.ts) would stand between the blogger and opsnote's own
  // summary and warnings.
  if (!options.verbose) eleventy.disableLogger();
  const exitCode = process.exitCode;
  try {
    const [, templates] = (await eleventy.write()) as unknown as [unknown, unknown[]];
    if (recycled) sweepUnwritten(staging);
    const replaced = existsSync(output);
    if (replaced) await rename(output, retired);
    await rename(staging, output);
    if (replaced) await keepSpare(output, retired);
    return { output, pages: templates.length, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.exitCode = exitCode;
  }
}
