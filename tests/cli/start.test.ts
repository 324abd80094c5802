/**
 * `npm start` as a blogger runs it (through npm, in its own process group): a busy port ends it with
 * exit code 1 and one clear line instead of a hang; `--port 0` prints the port really bound; the URL
 * is printed once the site answers, after the first build; Eleventy's own lines stay out.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { parseHTML } from "linkedom";
import { REPO_ROOT, makeTempDir } from "../helpers/paths.ts";
import { withTimeout } from "../helpers/preview-process.ts";

const root = await makeTempDir("npm-start");
const posts = path.join(root, "posts");
await mkdir(posts, { recursive: true });
await writeFile(path.join(posts, "2021-01-01-hello.md"), "---\ntitle: 안녕\n---\n\n본문\n");
after(() => rm(root, { recursive: true, force: true }));

function npmStart(args: string[]) {
  const child = spawn("npm", ["start", "--", "--posts", posts, "--output", path.join(root, `out-${args.join("")}`), ...args], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, OPSNOTE_CACHE_DIR: path.join(root, "cache"), NO_COLOR: "1" },
  });
  let terminal = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
      await withTimeout(exited, "npm start to stop", () => terminal, 10_000);
    } catch {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }
  };
  return { child, exited, kill, terminal: () => terminal };
}

test("npm start on a busy port prints why and exits 1", { timeout: 90_000 }, async (t) => {
  const blocker = createServer();
  const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)));
  t.after(() => blocker.close());
  const run = npmStart(["--port", String(port)]);
  t.after(run.kill);
  const code = await withTimeout(run.exited, "npm start to exit", run.terminal, 60_000);
  assert.equal(code, 1, run.terminal());
  assert.match(run.terminal(), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use; choose another with --port`));
  assert.doesNotMatch(run.terminal(), /preview at/);
});

test("npm start --port 0 prints the port bound, once the site answers", { timeout: 120_000 }, async (t) => {
  const run = npmStart(["--port", "0"]);
  t.after(run.kill);
  const url = await withTimeout(new Promise<string>((resolve, reject) => {
    const look = () => {
      const found = /preview at (http:\/\/\S+)/.exec(run.terminal())?.[1];
      if (found) resolve(found);
      else if (run.child.exitCode !== null) reject(new Error(`npm start exited\n${run.terminal()}`));
      else setTimeout(look, 20);
    };
    look();
  }), "the preview URL", run.terminal, 90_000);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.notEqual(new URL(url).port, "0");
  // Printed after the first build: the first request already gets the blog, not "building".
  const response = await fetch(url);
  assert.equal(response.status, 200);
  const page = parseHTML(await response.text()).document;
  assert.ok(page.querySelector('a[href="/hello/"]'), "the home page lists the post");
  const lines = run.terminal().split("\n");
  const built = lines.findIndex((line) => /\[opsnote\] built \(1\)/.test(line));
  const announced = lines.findIndex((line) => /preview at/.test(line));
  assert.ok(built >= 0 && built < announced, `the URL came before the build finished:\n${run.terminal()}`);
  // Quiet by default: Eleventy's own lines ("Wrote 12 files", "Watching…") only with --verbose.
  assert.deepEqual(lines.filter((line) => line.startsWith("[11ty]")), [], run.terminal());
});
