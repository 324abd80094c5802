/**
 * The sample sites many test files only read, built once per `npm test`: scripts/test.sh builds them
 * before the runs (scripts/build-test-sites.ts) and hands their folders over in the environment, so
 * that a whole-site build is not paid again by every file that reads the same output. A file run on
 * its own (no such variable) builds its copy once, in its own process.
 *
 * The folders are shared by every test file: read them, never write into them (copy first).
 * Both are built with the default settings: a file that changes the settings builds its own site.
 */
import { rmSync } from "node:fs";
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The shared sites, by name: the environment variable that carries each and the posts it is built from. */
export const SHARED_SITES = {
  /** The repository's `posts/` (the sample blog), as `npm run build` builds it. */
  sample: { variable: "OPSNOTE_TEST_SAMPLE_SITE", fixtures: [] as string[] },
  /** `posts/` plus the browser fixtures (tests/browser/posts): the site of tests/browser/harness.ts. */
  browser: { variable: "OPSNOTE_TEST_BROWSER_SITE", fixtures: ["tests/browser/posts"] },
} as const;

export type SharedSiteName = keyof typeof SHARED_SITES;

/** Builds the shared site `name` into `<folder>/<name>` (its posts copied to `<folder>/<name>-posts`). */
export async function buildSharedSite(name: SharedSiteName, folder: string): Promise<string> {
  const posts = path.join(folder, `${name}-posts`);
  await cp(path.join(ROOT, "posts"), posts, { recursive: true });
  for (const fixtures of SHARED_SITES[name].fixtures) {
    for (const file of await readdir(path.join(ROOT, fixtures))) await cp(path.join(ROOT, fixtures, file), path.join(posts, file));
  }
  // buildSite reads `.eleventy.ts` and copies `assets/` relative to the working directory.
  process.chdir(ROOT);
  // Loaded here, not at the top: a file that reads the site scripts/test.sh built never loads Eleventy.
  const { buildSite } = await import("../../src/cli/build-site.ts");
  return (await buildSite({ posts, output: path.join(folder, name) })).output;
}

const built = new Map<SharedSiteName, Promise<string>>();

/** The output folder of the shared site `name`: the one scripts/test.sh built, else one built here once. */
export function sharedSite(name: SharedSiteName): Promise<string> {
  const given = process.env[SHARED_SITES[name].variable];
  if (given) return Promise.resolve(given);
  let site = built.get(name);
  if (!site) {
    site = mkdtemp(path.join(tmpdir(), `opsnote-shared-${name}-`)).then(async (folder) => {
      process.on("exit", () => rmSync(folder, { recursive: true, force: true }));
      return buildSharedSite(name, folder);
    });
    built.set(name, site);
  }
  return site;
}

/** The built sample blog (`posts/`, default settings). Read-only. */
export const sampleSite = (): Promise<string> => sharedSite("sample");
