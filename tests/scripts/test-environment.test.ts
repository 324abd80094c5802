/**
 * What tests/helpers/test-environment.mjs gives each test file's process: caches and temporary folders
 * of its own, inside one folder that is gone when the process ends, whatever its tests left behind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ENVIRONMENT = path.join(import.meta.dirname, "../helpers/test-environment.mjs");

test("this file's temporary folders and caches are inside one folder of its own", () => {
  const root = path.dirname(tmpdir());
  assert.match(path.basename(root), /^opsnote-test-/);
  assert.equal(path.dirname(process.env.OPSNOTE_CACHE_DIR ?? ""), root, "the build caches are in the same folder");
});

test("a test file's process removes its folder when it ends, with the temporary folders its tests forgot", () => {
  // A test file's process as the runner starts it (NODE_TEST_CONTEXT set), which makes a temporary
  // folder, starts a command that makes one too, and never removes either.
  const script = [
    'const { mkdtempSync, writeFileSync } = require("node:fs");',
    'const { tmpdir } = require("node:os");',
    'const { execFileSync } = require("node:child_process");',
    'const mine = mkdtempSync(tmpdir() + "/forgotten-");',
    'writeFileSync(mine + "/post.md", "# 글");',
    'const child = execFileSync(process.execPath, ["-e", "process.stdout.write(require(\\"node:fs\\").mkdtempSync(require(\\"node:os\\").tmpdir() + \\"/child-\\"))"], { encoding: "utf8" });',
    "console.log(JSON.stringify({ tmp: tmpdir(), cache: process.env.OPSNOTE_CACHE_DIR, mine, child }));",
  ].join("\n");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_TEST_CONTEXT: "child-v8" };
  delete env.OPSNOTE_TEST_CACHE_OWNER;
  delete env.OPSNOTE_CACHE_DIR;
  const result = spawnSync(process.execPath, ["--import", ENVIRONMENT, "-e", script], { encoding: "utf8", env });
  assert.equal(result.status, 0, result.stderr);
  const seen = JSON.parse(result.stdout) as { tmp: string; cache: string; mine: string; child: string };
  const root = path.dirname(seen.tmp);
  assert.equal(path.dirname(root), tmpdir(), "the folder is made in the temporary folder the process was given");
  for (const folder of [seen.cache, seen.mine, seen.child]) assert.ok(folder.startsWith(root + path.sep), `${folder} is outside ${root}`);
  for (const folder of [root, seen.mine, seen.child]) assert.equal(existsSync(folder), false, `${folder} was left behind`);
});
