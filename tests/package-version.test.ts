import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageVersion } from "../src/package-version.ts";
import { REPO_ROOT } from "./helpers/paths.ts";

const installed = (name: string) =>
  (JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

test("the installed version, also of packages that export no package.json (pagefind) or are scoped", () => {
  for (const name of ["pagefind", "shiki", "@shikijs/vscode-textmate", "markdown-it"]) {
    assert.equal(packageVersion(name), installed(name), name);
  }
});

test("a package that is not installed is an error, not a version", () => {
  assert.throws(() => packageVersion("opsnote-no-such-package"));
});
