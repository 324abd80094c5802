/**
 * End-to-end helper for the fixture sites: copies a fixture site to a temp folder (plus files made
 * at run time, such as NFD names git would not keep), runs `npm run import` into a fresh project,
 * builds the project in a child process, and reads the output with linkedom.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { parseHTML } from "linkedom";
import { bundledScript, runCli, type CliResult } from "../../helpers/run-cli.ts";
import { REPO_ROOT } from "../../helpers/paths.ts";
import { listFiles } from "../../helpers/crawl-site.ts";

export interface ImportedProject {
  source: string;
  project: string;
  output: string;
  imported: CliResult;
  build: BuildRun;
  settings: Record<string, unknown>;
  /** Path prefix of the built site, e.g. "/" or "/blog/". */
  prefix: string;
  /** The output file a root-relative URL is served from (following no redirect), if any. */
  fileOf(url: string): string | undefined;
  /** The page an old URL ends on: the page itself, or the target of its redirect page. */
  resolve(url: string): { file: string; redirected: boolean } | undefined;
  htmlFiles(): Promise<string[]>;
  document(file: string): Promise<Document>;
}

export interface ImportAndBuildOptions {
  /** Files added to the copy of the fixture site before the import (path -> text). */
  extraFiles?: Record<string, string>;
}

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function buildProject(project: string, output: string, cacheDir: string): BuildRun {
  // Under `npm test` the bundled `build` command (its Eleventy config path is absolute); else through tsx.
  const bundled = bundledScript("src/cli/build.ts");
  const args = bundled !== undefined
    ? [bundled, "--posts", "posts", "--output", output]
    : ["--import", import.meta.resolve("tsx"), path.join(import.meta.dirname, "build-project.ts"), REPO_ROOT, output];
  const child = spawnSync(
    process.execPath,
    args,
    // tsx reads the JSX settings (preact) from the repo's tsconfig, not from the project folder.
    { cwd: project, encoding: "utf8", env: { ...process.env, OPSNOTE_CACHE_DIR: cacheDir, NO_COLOR: "1", TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json") } },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

export async function importAndBuild(fixture: string, { extraFiles = {} }: ImportAndBuildOptions = {}): Promise<ImportedProject> {
  const work = await mkdtemp(path.join(tmpdir(), `opsnote-import-${fixture}-`));
  const source = path.join(work, "old-site");
  await cp(path.join(import.meta.dirname, "..", "fixtures", fixture), source, { recursive: true });
  for (const [relative, content] of Object.entries(extraFiles)) {
    await mkdir(path.dirname(path.join(source, relative)), { recursive: true });
    await writeFile(path.join(source, relative), content);
  }
  const project = path.join(work, "project");
  await mkdir(project);
  const imported = await runCli("src/cli/import.ts", [source, "--root", project]);
  const output = path.join(project, "_site");
  const cacheDir = path.join(work, "cache");
  const build = buildProject(project, output, cacheDir);
  const settingsFile = path.join(project, "opsnote.config.yaml");
  const settings = existsSync(settingsFile) ? (parse(await readFile(settingsFile, "utf8")) ?? {}) : {};
  const prefix = typeof settings.pathPrefix === "string" ? settings.pathPrefix : "/";
  const fileOf = (url: string): string | undefined => {
    let pathname = decodeURIComponent(url.split(/[?#]/)[0]!).normalize("NFC");
    if (prefix !== "/" && pathname.startsWith(prefix)) pathname = `/${pathname.slice(prefix.length)}`;
    const candidate = path.join(output, ...pathname.split("/"));
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const index = path.join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  };
  return {
    source, project, output, imported, build, settings, prefix, fileOf,
    resolve(url) {
      const file = fileOf(url);
      if (file === undefined) return undefined;
      if (!file.endsWith(".html")) return { file, redirected: false };
      const { document } = parseHTML(readFileSync(file, "utf8"));
      const refresh = document.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
      if (!refresh) return { file, redirected: false };
      const target = fileOf(refresh.replace(/^\d+;\s*url=/i, ""));
      return target === undefined ? undefined : { file: target, redirected: true };
    },
    async htmlFiles() {
      return (await listFiles(output)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    },
    async document(file) {
      return parseHTML(await readFile(path.join(output, file), "utf8")).document;
    },
  };
}

/** Text of the page a reader sees (no code blocks: `{{ }}` in code is kept on purpose). */
export function proseText(document: Document): string {
  const main = document.querySelector("main") ?? document.body;
  const clone = main.cloneNode(true) as HTMLElement;
  for (const code of clone.querySelectorAll("pre, code")) code.remove();
  return clone.textContent ?? "";
}

/** Leaked Liquid or kramdown markers in the text a reader sees. */
export const LEAK_MARKERS = ["{%", "{{ site.", "{: "];

export interface SiteExpectations {
  /** Old URLs of the old site (without its path prefix) that must still answer. */
  oldUrls: string[];
}

/** The invariants every imported fixture site must keep, as node:test tests. */
export function registerSiteInvariants(site: ImportedProject, expected: SiteExpectations): void {
  test("the import exits 0", () => {
    assert.equal(site.imported.code, 0, site.imported.stdout + site.imported.stderr);
  });
  test("everything the import wrote builds with exit 0", () => {
    assert.equal(site.build.status, 0, site.build.stdout + site.build.stderr);
  });
  test("every old post URL answers: a page, or a redirect page to one", () => {
    const lost = expected.oldUrls.filter((url) => site.resolve(`${site.prefix.replace(/\/$/, "")}${url}`) === undefined);
    assert.deepEqual(lost, []);
  });
  test("every <img> src resolves to a file in the output", async () => {
    const broken: string[] = [];
    for (const file of await site.htmlFiles()) {
      for (const img of (await site.document(file)).querySelectorAll("img[src]")) {
        const src = img.getAttribute("src")!;
        if (/^[a-z]+:|^\/\//i.test(src)) continue;
        const url = src.startsWith("/") ? src : new URL(src, `http://x${site.prefix.replace(/\/$/, "")}/${file.replace(/index\.html$/, "")}`).pathname;
        if (site.fileOf(url) === undefined) broken.push(`${file}: ${src}`);
      }
    }
    assert.deepEqual(broken, []);
  });
  test("no Liquid or kramdown marker leaks into the text", async () => {
    const leaks: string[] = [];
    for (const file of await site.htmlFiles()) {
      const text = proseText(await site.document(file));
      for (const marker of LEAK_MARKERS) if (text.includes(marker)) leaks.push(`${file}: ${marker}`);
    }
    assert.deepEqual(leaks, []);
  });
}

/** The kinds of the import's grouped report, with their counts, as printed: `3 … [kind]`. */
export function reportedKinds(stdout: string): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const match of stdout.matchAll(/^ {2}(\d+) .*? \[([\w-]+)\]/gm)) kinds[match[2]!] = Number(match[1]);
  return kinds;
}

/** The text of the built /about/ page, or "" when there is none. */
export async function aboutPageText(site: ImportedProject): Promise<string> {
  const file = path.join(site.output, "about", "index.html");
  return existsSync(file) ? proseText(parseHTML(await readFile(file, "utf8")).document) : "";
}
