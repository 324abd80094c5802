/**
 * The check reads heading ids from the same tokens as the page: a Chirpy `` `x`{: .filepath} ``
 * heading's id has no `filepath` in it, so links to the page's id are fine and the old leaked id is not.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { checkPosts } from "../../src/check/check-posts.ts";
import { site } from "../../src/site.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

test("check: anchors to a heading with a code-span IAL resolve to the page's id only", async () => {
  const root = await writeTempFolder("span-ial-ids", {
    "posts/2024-12-29-hello.md": [
      "---", "title: 설정", "date: 2024-12-29", "---", "",
      "## `_config.yml`{: .filepath} 기본 설정", "",
      "[맞는 링크](#_configyml-기본-설정) [옛 링크](#_configyml-filepath-기본-설정)", "",
    ].join("\n"),
  });
  const report = await checkPosts({ posts: path.join(root, "posts"), assets: path.join(root, "assets"), site });
  const targets = report.diagnostics.filter((d) => d.field === "link").map((d) => d.message.split(":")[0]);
  assert.deepEqual(targets, ["#_configyml-filepath-기본-설정"], report.diagnostics.map(formatDiagnostic).join("\n"));
});
