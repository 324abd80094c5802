/**
 * A Zola site moves in: `config.toml` with `base_url`, page bundles with images beside,
 * `_index.md` section files (not posts; `paginate_by` read from it), a page with its own `path`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("zola");

registerSiteInvariants(site, {
  oldUrls: ["/blog/vault-agent/", "/atlantis-guide/", "/blog/opa-gatekeeper/", "/blog/"],
});

test("settings carried from config.toml and the section's _index.md", () => {
  assert.deepEqual(
    { title: site.settings.title, description: site.settings.description, url: site.settings.url, pathPrefix: site.settings.pathPrefix,
      language: site.settings.language, pageSize: site.settings.pageSize, permalink: site.settings.permalink, author: site.settings.author },
    { title: "테라폼 실험실", description: "IaC 실험 기록", url: "https://zola-ops.example.kr", pathPrefix: "/",
      language: "ko", pageSize: 6, permalink: "/blog/:slug/", author: { name: "최제로" } },
  );
  // The section /blog/ listed its posts: opsnote lists them in its archive.
  assert.deepEqual(site.settings.redirects, { "/atlantis-guide/": "/blog/atlantis/", "/blog/": "/archive/" });
  assert.equal(site.settings.staticDirs, undefined, "static/ is among the default staticDirs");
});

test("bundles keep their images beside; _index.md files are not posts", () => {
  for (const file of ["posts/vault-agent/index.md", "posts/vault-agent/diagram.png", "posts/vault-agent/token-flow.png", "static/img/atlantis.png"]) {
    assert.ok(existsSync(path.join(site.project, file)), file);
  }
  assert.ok(!existsSync(path.join(site.project, "posts", "_index.md")));
});

test("DeepThought's [extra] toc = true is the post's table of contents; a post without it has none", async () => {
  const vault = await site.document("blog/vault-agent/index.html");
  assert.deepEqual([...vault.querySelectorAll("nav.toc a")].map((a) => a.textContent), ["구성", "토큰 갱신"]);
  const opa = await site.document("blog/opa-gatekeeper/index.html");
  assert.ok(opa.querySelector("main h2#정책-배포"), "the post has a heading");
  assert.equal(opa.querySelector("nav.toc"), null);
});

test("the report groups: YouTube and note converted, gist kept, the redirects", () => {
  assert.deepEqual(reportedKinds(site.imported.stdout), { converted: 2, "post-link": 2, redirect: 2, shortcode: 1 });
});

test("an @/ link is a link to the post's copy, which the build makes the post's URL (its own `path` or not)", async () => {
  const links = Object.fromEntries([...(await site.document("blog/opa-gatekeeper/index.html")).querySelectorAll("main .post__content a:not(.heading-anchor)")].map((a) => [a.textContent, decodeURIComponent(a.getAttribute("href")!)]));
  assert.deepEqual(links, { "Atlantis 글": "/blog/atlantis/#설치", "Vault Agent": "/blog/vault-agent/" });
  assert.ok((await site.document("blog/atlantis/index.html")).querySelector("main h2#설치"), "the fragment is a heading of that post");
});
