/**
 * A Hugo site with a content folder per language (`[languages.ko] contentDir = "content/ko"`, as
 * sangho0n's Stack blog): the site's language's folder is the content folder (its `mainSections` from
 * the language's params), its old URLs kept their `/ko/` (`defaultContentLanguageInSubdir`), and the
 * other language's posts are left out and reported, not imported as posts of the site's language.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("hugo-languages");

registerSiteInvariants(site, { oldUrls: ["/ko/p/helm-values/", "/ko/p/gas-intro/", "/ko/post/"] });

test("the Korean folder's posts are the posts, its bundle with its image; the English one is left out", () => {
  assert.ok(existsSync(path.join(site.project, "posts", "helm-values.md")));
  assert.ok(existsSync(path.join(site.project, "posts", "gas-intro", "index.md")));
  assert.ok(existsSync(path.join(site.project, "posts", "gas-intro", "diagram.png")));
  assert.ok(!existsSync(path.join(site.project, "posts", "en")), "no folder of the other language");
  assert.ok(!existsSync(path.join(site.project, "posts", "ko")), "the language's folder is the content folder, not a section");
  assert.match(site.imported.stdout, /content\/en\/post\/helm-values\.md warning skipped: the en version \(content\/en, that language's content folder\); not imported/);
  assert.deepEqual(reportedKinds(site.imported.stdout).skipped, 1);
});

test("settings from the section and the language; old /ko/ URLs redirect to the new ones", async () => {
  assert.equal(site.settings.permalink, "/p/:slug/");
  assert.equal(site.settings.title, "한상훈의 개발 로그");
  assert.deepEqual(site.settings.redirects, { "/ko/p/helm-values/": "/p/helm-values/", "/ko/p/gas-intro/": "/p/gas-intro/", "/ko/post/": "/archive/" });
  const links = [...(await site.document("p/helm-values/index.html")).querySelectorAll("main .post__content a:not(.heading-anchor)")].map((a) => a.getAttribute("href"));
  assert.deepEqual(links, ["/p/gas-intro/"], "a ref by the bundle's name");
});
