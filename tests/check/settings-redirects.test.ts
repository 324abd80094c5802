/**
 * A link to an old URL that the `redirects` setting answers (written by `npm run import` for a Hugo site's
 * section URLs) resolves: the redirect page is there, so neither the check nor the build may call it broken.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { checkPosts } from "../../src/check/check-posts.ts";
import { site } from "../../src/site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

test("links to old URLs in the redirects setting are known; others are still broken", async () => {
  const root = await writeTempFolder("settings-redirects", {
    "posts/2024-01-01-a.md": "---\ntitle: A\n---\n\n[옛 주소](/study/2024-01-02-b/) [없는 주소](/study/nope/)\n",
    "posts/2024-01-02-b.md": "---\ntitle: B\n---\n\n본문\n",
  });
  const report = await checkPosts({
    posts: path.join(root, "posts"), assets: path.join(root, "assets"), site,
    redirects: { "/study/2024-01-02-b/": "/b/" },
  });
  const broken = report.diagnostics.filter((d) => d.field === "link").map((d) => d.target ?? d.message);
  assert.deepEqual(broken, ["/study/nope/"]);
});
