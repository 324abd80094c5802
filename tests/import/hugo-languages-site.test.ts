/**
 * A Hugo site with a content folder per language (`[languages.ko] contentDir = "content/ko"`, as
 * sangho0n's Stack blog): the site's language's folder is the content folder (its `mainSections` from
 * the language's params), its old URLs kept their `/ko/` (`defaultContentLanguageInSubdir`), and the
 * other language's posts are left out and reported, not imported as posts of the site's language; one
 * at the same path as a Korean post was its translation for Hugo, and its old URL redirects to that post.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const site = await importAndBuild("hugo-languages");

registerSiteInvariants(site, { oldUrls: ["/ko/p/helm-values/", "/ko/p/gas-intro/", "/ko/post/", "/en/p/helm-values/"] });

test("the Korean folder's posts are the posts, its bundle with its image; the English ones are left out", () => {
  assert.ok(existsSync(path.join(site.project, "posts", "helm-values.md")));
  assert.ok(existsSync(path.join(site.project, "posts", "gas-intro", "index.md")));
  assert.ok(existsSync(path.join(site.project, "posts", "gas-intro", "diagram.png")));
  assert.ok(!existsSync(path.join(site.project, "posts", "en")), "no folder of the other language");
  assert.ok(!existsSync(path.join(site.project, "posts", "ko")), "the language's folder is the content folder, not a section");
  assert.match(site.imported.stdout, /content\/en\/post\/only-english\.md warning skipped: the en version \(content\/en, that language's content folder\); not imported/);
  assert.match(site.imported.stdout, /content\/en\/post\/helm-values\.md warning translation: the en version of content\/ko\/post\/helm-values\.md; not imported \(opsnote builds one language\): \/en\/p\/helm-values\/ -> \/p\/helm-values\//);
  assert.deepEqual([reportedKinds(site.imported.stdout).skipped, reportedKinds(site.imported.stdout).translation], [1, 1]);
});

test("settings from the section and the language; old /ko/ URLs redirect to the new ones", async () => {
  assert.equal(site.settings.permalink, "/p/:slug/");
  assert.equal(site.settings.title, "한상훈의 개발 로그");
  assert.deepEqual(site.settings.redirects, {
    "/ko/p/helm-values/": "/p/helm-values/", "/ko/p/gas-intro/": "/p/gas-intro/", "/ko/p/gas-시작/": "/p/gas_시작/", "/ko/post/": "/archive/",
    "/en/p/helm-values/": "/p/helm-values/", // the English translation's old URL (always under /en/)
  });
  assert.deepEqual(await postLinks("p/helm-values/index.html"), ["/p/gas-intro/", "/p/gas_시작/"], "a ref by the bundle's name; a percent-encoded relative link");
});

const postLinks = async (file: string) =>
  [...(await site.document(file)).querySelectorAll("main .post__content a:not(.heading-anchor)")].map((a) => decodeURI(a.getAttribute("href")!));

test("links written against the old /ko/ URLs lead where they led, to a post moved by its slug too", async () => {
  // Hugo's :slug from the title (gas-시작) is opsnote's from the file (gas_시작): read against the new
  // URL, `../gas-시작/` named nothing.
  assert.deepEqual(await postLinks("p/gas-intro/index.html"), [
    "/p/gas_시작/#설정", // that post's file, with its fragment
    "../gas-intro/#구조", // reaches its post from the new URL as written: kept
    "/ko/post/", // the old section list, which a redirect answers
    "/gas-intro/diagram.png", // a file beside the post, published beside the copy
    "https://gohugo.io/content-management/urls/",
  ]);
  assert.deepEqual(await postLinks("p/gas_시작/index.html"), ["../gas-intro/", "/p/gas_시작/"], "kept where it reaches its post; a link to itself converted too");
  const code = (await site.document("p/gas-intro/index.html")).querySelector("main .post__content pre")!.textContent;
  assert.match(code!, /\[코드 안의 링크\]\(\.\.\/gas-시작\/\)/, "a link in a code block is text");
  const report = site.imported.stdout;
  assert.match(report, /gas-intro\/index\.md:11:1 warning old-url-link: \.\.\/gas-시작\/#설정 -> \.\.\/GAS_시작\/index\.md#설정 \(that post's file\)/);
  assert.match(report, /gas-intro\/index\.md:13:1 warning old-url-link: \.\.\/\.\.\/post\/ -> \/ko\/post\/ \(read against the old URL, as the browser did\)/);
  assert.equal(reportedKinds(report)["old-url-link"], 4);
});
