/**
 * A Jekyll site with a `_docs/` collection whose file names are Korean in NFD (as macOS writes
 * them; made at run time because git would not keep the form): names become NFC, the collection
 * keeps its folder, and its `/:collection/:path/` URLs get redirects to the posts' pattern.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { importAndBuild, registerSiteInvariants, reportedKinds } from "./helpers/import-and-build.ts";

const doc = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n클러스터에 설치하는 순서입니다.\n\n![파이프라인](/assets/pipeline.png)\n`;
const site = await importAndBuild("jekyll-docs", {
  extraFiles: {
    ["_docs/쿠버네티스-설치.md".normalize("NFD")]: doc("쿠버네티스 설치", "2024-01-10"),
    ["_docs/모니터링/프로메테우스.md".normalize("NFD")]: doc("프로메테우스 설정", "2024-01-11"),
  },
});

registerSiteInvariants(site, {
  oldUrls: ["/release/2024/02/01/release-notes/", "/docs/쿠버네티스-설치/", "/docs/모니터링/프로메테우스/"],
});

test("NFD file names are saved in NFC, in the collection's folder", async () => {
  assert.deepEqual(await readdir(path.join(site.project, "posts", "docs")), ["모니터링", "쿠버네티스-설치.md"].map((n) => n.normalize("NFC")).sort());
  assert.deepEqual(await readdir(path.join(site.project, "posts", "docs", "모니터링")), ["프로메테우스.md"]);
});

test("collection URLs the post pattern cannot reproduce are redirects in the settings", () => {
  assert.equal(site.settings.permalink, "/:categories/:year/:month/:day/:title/");
  assert.deepEqual(site.settings.redirects, {
    "/docs/쿠버네티스-설치/": "/2024/01/10/쿠버네티스-설치/",
    "/docs/모니터링/프로메테우스/": "/2024/01/11/프로메테우스/",
  });
});

test("the report groups: two renamed, two redirected", () => {
  assert.deepEqual(reportedKinds(site.imported.stdout), { redirect: 2, renamed: 2 });
});
