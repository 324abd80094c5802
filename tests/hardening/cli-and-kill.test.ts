/**
 * What `npm run build` does with broken input and with a build that is killed: the exit code and
 * message a blogger sees (no stack trace), and a SIGKILL in the middle of writing that leaves the
 * previous site as it was, with the next build removing the killed build's staging folder.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildInChild } from "../helpers/build-in-child.ts";
import { buildSite } from "../../src/cli/build-site.ts";
import { commandArgs } from "../helpers/run-cli.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const ROOT = await mkdtemp(path.join(os.tmpdir(), "opsnote-cli-kill-"));
after(() => rm(ROOT, { recursive: true, force: true }));

const PREVIOUS_SITE = "<!doctype html><title>previous site</title>";

async function previousSite(output: string): Promise<void> {
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, "index.html"), PREVIOUS_SITE);
}

const cliCases: [fixture: string, message: RegExp][] = [
  ["1-unclosed-block", /2021-01-01-open\.md:1:1 error front matter: front matter opened on line 1 is never closed/],
  ["1-yaml-duplicate-key", /2021-01-01-dup\.md:3:\d+ error front matter: invalid YAML: duplicated mapping key/],
  ["2-front-matter-toml", /2021-01-01-toml\.md:1:1 error front matter: "---toml" front matter is not supported/],
  ["5-case-only", /error permalink: .* would both be written to \/devops\/\w+\/ and \/devops\/\w+\//],
];
for (const [fixture, message] of cliCases) {
  test(`npm run build on ${fixture}: exit code 1, one line naming the file, no stack trace`, async () => {
    const posts = path.join(ROOT, fixture, "posts");
    const output = path.join(ROOT, fixture, "out");
    await cp(path.join(FIXTURES, fixture, "posts"), posts, { recursive: true });
    await previousSite(output);
    const build = buildInChild(posts, output);
    assert.equal(build.status, 1, build.stdout + build.stderr);
    assert.match(build.stderr, message);
    assert.match(build.stderr, /build failed; the previous site was left as it was/);
    assert.doesNotMatch(build.stderr, /^\s+at /m, "a stack trace was printed");
    assert.equal(await readFile(path.join(output, "index.html"), "utf8"), PREVIOUS_SITE);
  });
}

test("a build killed (SIGKILL) while writing leaves the previous site; the next build removes its litter", { timeout: 120_000 }, async () => {
  const posts = path.join(ROOT, "kill", "posts");
  const output = path.join(ROOT, "kill", "out");
  await mkdir(posts, { recursive: true });
  // Enough pages that writing takes a while: the kill must land once pages are in the staging folder,
  // before the build ends.
  for (let i = 0; i < 150; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    await writeFile(
      path.join(posts, `2021-01-${day}-post-${i}.md`),
      `---\ntitle: 글 ${i}\ntags: [tag-${i % 40}]\n---\n\n## 제목\n\n${"쿠버네티스 본문. ".repeat(200)}\n\n\`\`\`yaml\nkey: ${i}\n\`\`\`\n`,
    );
  }
  await previousSite(output);
  const parent = path.dirname(output);
  // The lock (`out.lock`) and the staging folder (`out.opsnote-staging-…`) a build leaves if it cannot clean up.
  const litter = async () => (await readdir(parent)).filter((entry) => entry.startsWith("out."));
  const stagingFolders = async () => (await readdir(parent)).filter((entry) => entry.startsWith("out.opsnote-staging-"));

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["OPSNOTE_DRAFTS", "ELEVENTY_RUN_MODE", "OPSNOTE_POSTS", "OPSNOTE_OUTPUT"]) delete env[key];
  const child = spawn(process.execPath, [...commandArgs("src/cli/build.ts"), "--posts", posts, "--output", output], { env, stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  let finished = false;
  void exited.then(() => (finished = true));
  const started = performance.now();
  let written: string[] = [];
  while (!finished && written.length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [staging] = await stagingFolders();
    if (staging) written = await readdir(path.join(parent, staging)).catch(() => []);
  }
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL", "the build ended before it wrote into its staging folder; make the site bigger");
  console.log(`# killed after ${((performance.now() - started) / 1000).toFixed(2)} s, with ${written.length} entries in the staging folder; left behind: ${(await litter()).join(", ")}`);

  assert.deepEqual(await readdir(output), ["index.html"], "the previous site was changed");
  assert.equal(await readFile(path.join(output, "index.html"), "utf8"), PREVIOUS_SITE);
  assert.equal((await stagingFolders()).length, 1, "the killed build could not clean up, so its staging folder is still there");

  await buildSite({ posts, output });
  assert.deepEqual(await litter(), [], "the next build left temporary folders next to the output");
  assert.ok(existsSync(path.join(output, "post-149", "index.html")));
  assert.notEqual(await readFile(path.join(output, "index.html"), "utf8"), PREVIOUS_SITE);
});
