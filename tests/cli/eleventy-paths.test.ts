/**
 * A posts folder whose path begins with the project's path as plain text (project `…/blog`, posts
 * `…/blog-ext/posts`) builds. Eleventy stripped the project folder by string prefix, which turned
 * every generated page's path into `ext/posts/…` and killed the build ("entry._pages is not iterable").
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";
import { stripLeadingFolder } from "../../src/cli/eleventy-paths.ts";

const root = await makeTempDir("path-prefix");
after(() => rm(root, { recursive: true, force: true }));

test("stripLeadingFolder strips a folder only on a path-segment boundary", () => {
  const cases: [file: string, folder: string, expected: string][] = [
    ["/tmp/blog/posts/a.md", "/tmp/blog", "posts/a.md"],
    ["/tmp/blog-ext/posts/a.md", "/tmp/blog", "/tmp/blog-ext/posts/a.md"],
    ["/tmp/blogs", "/tmp/blog", "/tmp/blogs"],
    ["/tmp/blog", "/tmp/blog", ""],
    ["./posts/a.md", ".", "./posts/a.md"],
    ["/tmp/x.md", "/", "tmp/x.md"],
  ];
  for (const [file, folder, expected] of cases) assert.equal(stripLeadingFolder(file, folder), expected, `${file} - ${folder}`);
});

test("a build from project …/blog of posts in …/blog-ext/posts succeeds", { timeout: 120_000 }, async () => {
  // A project folder whose code is the repository's, reached through links, so only the paths differ.
  const project = path.join(root, "blog");
  await mkdir(project);
  for (const entry of [".eleventy.ts", "src", "node_modules", "package.json", "tsconfig.json", "assets"]) {
    await symlink(path.join(REPO_ROOT, entry), path.join(project, entry));
  }
  const posts = path.join(root, "blog-ext", "posts");
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, "2021-01-01-beside.md"), "---\ntitle: 옆 폴더의 글\n---\n\n본문\n");
  const output = path.join(root, "blog-ext", "out");
  const run = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src/cli/build.ts"), "--posts", posts, "--output", output], {
    cwd: project,
    // tsx reads the JSX settings from the repository's tsconfig (the linked sources live there).
    env: { ...process.env, OPSNOTE_CACHE_DIR: path.join(root, "cache"), TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json") },
    timeout: 100_000,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  assert.ok(!("code" in run) || run.code === 0, `${run.stdout}\n${run.stderr}`);
  const page = parseHTML(await readFile(path.join(output, "beside", "index.html"), "utf8")).document;
  assert.equal(page.querySelector("h1")?.textContent, "옆 폴더의 글");
  // The generated pages, whose paths Eleventy compared, are there too.
  for (const file of ["index.html", "feed.xml", "sitemap.xml"]) await readFile(path.join(output, file), "utf8");
});
