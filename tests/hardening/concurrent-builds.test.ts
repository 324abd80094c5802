/**
 * Two `npm run build` into the same folder at once: one writes the site, the other stops at once
 * with "another build is writing out (pid N)" and exit code 1, never a raw `ENOTEMPTY … rename`;
 * the site is whole afterwards and no lock or staging folder is left. A lock left by a killed
 * build (its process is gone) does not block the next one.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { commandArgs } from "../helpers/run-cli.ts";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";

const POSTS = 40;
let root: string;
let posts: string;
let output: string;
before(async () => {
  root = await makeTempDir("concurrent-builds");
  posts = path.join(root, "posts");
  output = path.join(root, "out");
  await mkdir(posts, { recursive: true });
  for (let i = 0; i < POSTS; i++) {
    await writeFile(path.join(posts, `2021-02-${String((i % 28) + 1).padStart(2, "0")}-post-${i}.md`), `---\ntitle: 글 ${i}\ntags: [t${i % 5}]\n---\n\n## 제목\n\n본문 ${i}\n`);
  }
});
after(() => rm(root, { recursive: true, force: true }));

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPSNOTE_CACHE_DIR: path.join(root, "cache"), NO_COLOR: "1" };
  for (const key of ["OPSNOTE_DRAFTS", "ELEVENTY_RUN_MODE", "OPSNOTE_POSTS", "OPSNOTE_OUTPUT"]) delete env[key];
  return env;
}

function build(): Promise<{ code: number | null; pid: number; output: string }> {
  const child = spawn(process.execPath, [...commandArgs("src/cli/build.ts"), "--posts", posts, "--output", output], { cwd: REPO_ROOT, env: childEnv() });
  let text = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, pid: child.pid!, output: text })));
}

async function assertWholeSite(): Promise<void> {
  for (let i = 0; i < POSTS; i++) {
    const page = parseHTML(await readFile(path.join(output, `post-${i}`, "index.html"), "utf8")).document;
    assert.equal(page.querySelector("h1")?.textContent, `글 ${i}`);
  }
  assert.deepEqual((await readdir(root)).filter((entry) => entry.startsWith("out")), ["out"], "a lock or staging folder was left");
}

test("two builds started at once: one writes the site, the other says another build is writing it", { timeout: 180_000 }, async () => {
  const results = await Promise.all([build(), build()]);
  const all = results.map((r) => `--- pid ${r.pid} exit ${r.code}\n${r.output}`).join("\n");
  assert.doesNotMatch(all, /ENOTEMPTY|ENOENT/);
  const winners = results.filter((r) => r.code === 0);
  const losers = results.filter((r) => r.code !== 0);
  assert.equal(winners.length, 1, all);
  assert.equal(losers[0]!.code, 1, all);
  assert.match(losers[0]!.output, new RegExp(`another build is writing out \\(pid ${winners[0]!.pid}\\)`), all);
  await assertWholeSite();
});

test("a lock held by a live process stops the build before it touches anything", { timeout: 120_000 }, async () => {
  await writeFile(`${output}.lock`, `${process.pid}\n`);
  try {
    const result = await build();
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, new RegExp(`another build is writing out \\(pid ${process.pid}\\)`));
    assert.ok(existsSync(`${output}.lock`), "another build's lock was removed");
  } finally {
    await rm(`${output}.lock`, { force: true });
  }
});

test("a lock left by a process that is gone is taken over", { timeout: 120_000 }, async () => {
  const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
  await writeFile(`${output}.lock`, `${gone}\n`);
  const result = await build();
  assert.equal(result.code, 0, result.output);
  await assertWholeSite();
});
