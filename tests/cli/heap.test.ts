/**
 * The Node flags of the processes that build (src/cli/heap.ts): `npm run build` is given them by its
 * script in package.json, which nothing but this test keeps equal to BUILD_NODE_FLAGS.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { BUILD_NODE_FLAGS } from "../../src/cli/heap.ts";

test("npm run build starts Node with BUILD_NODE_FLAGS, and Node takes them", () => {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  assert.equal(scripts.build, `node ${BUILD_NODE_FLAGS.join(" ")} src/cli/launch.mjs build`);
  // A flag this Node does not know stops every build at once ("bad option"); execFileSync throws then.
  assert.equal(execFileSync(process.execPath, [...BUILD_NODE_FLAGS, "-p", "'ran'"], { encoding: "utf8" }), "ran\n");
});
