/**
 * The offline mode's pure parts: the worker text for a site's prefix, the version that follows the
 * built assets (and nothing else), and when pages register the worker. The worker's behaviour in a
 * browser is tested in tests/browser/offline-and-english.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { PRECACHED_ASSETS, buildServiceWorker, hashBuiltAssets, serviceWorkerUrl } from "../../src/offline/service-worker.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

function settingsOf(worker: string): { version: string; scope: string; offlinePage: string; precache: string[] } {
  const json = /\/\* settings \*\/ \((\{.*\})\);/.exec(worker)?.[1];
  assert.ok(json, "the settings line is filled in");
  return JSON.parse(json);
}

test("the worker is written for the site's path prefix and version, and is valid JavaScript", async () => {
  const worker = await buildServiceWorker({ version: "0123456789abcdef", pathPrefix: "/blog/" });
  assert.deepEqual(settingsOf(worker), {
    version: "0123456789abcdef",
    scope: "/blog/",
    offlinePage: "/blog/offline/",
    precache: PRECACHED_ASSETS.map((url) => `/blog${url}`),
  });
  assert.ok(PRECACHED_ASSETS.includes("/assets/css/opsnote.css") && PRECACHED_ASSETS.includes("/assets/js/site.js"));
  assert.doesNotThrow(() => new vm.Script(worker, { filename: "sw.js" }));
  assert.equal(settingsOf(await buildServiceWorker({ version: "x", pathPrefix: "/" })).offlinePage, "/offline/");
});

test("the version changes with a built asset or the offline page, not with other pages", async () => {
  const site = await writeTempFolder("sw-hash", {
    "assets/css/opsnote.css": "body{}",
    "assets/js/site.js": "1",
    "offline/index.html": "<h1>offline</h1>",
    "index.html": "<h1>home</h1>",
  });
  const first = await hashBuiltAssets(site);
  assert.match(first, /^[0-9a-f]{16}$/);
  assert.equal(await hashBuiltAssets(site), first, "stable");
  await writeFile(path.join(site, "index.html"), "<h1>home, edited</h1>");
  await mkdir(path.join(site, "devops/new"), { recursive: true });
  await writeFile(path.join(site, "devops/new/index.html"), "a new post");
  assert.equal(await hashBuiltAssets(site), first, "pages are refreshed on every visit; they need no new version");
  await writeFile(path.join(site, "assets/css/opsnote.css"), "body{color:red}");
  const second = await hashBuiltAssets(site);
  assert.notEqual(second, first, "an edited stylesheet");
  await writeFile(path.join(site, "assets/js/extra.js"), "");
  const third = await hashBuiltAssets(site);
  assert.notEqual(third, second, "a new asset");
  await writeFile(path.join(site, "offline/index.html"), "<h1>hors ligne</h1>");
  const fourth = await hashBuiltAssets(site);
  assert.notEqual(fourth, third, "an edited offline page");
  // Written while the version is computed: whether they are there yet must not change it.
  await mkdir(path.join(site, "assets/vendor/katex/fonts"), { recursive: true });
  await writeFile(path.join(site, "assets/vendor/katex/fonts/KaTeX_Main-Bold.woff2"), "half a font");
  await mkdir(path.join(site, "assets/responsive"), { recursive: true });
  await writeFile(path.join(site, "assets/responsive/diagram-a1b2c3-640.webp"), "");
  assert.equal(await hashBuiltAssets(site), fourth, "KaTeX's files and responsive images, written late");
});

test("pages register the worker only in offline mode and only in built sites (not in the preview)", () => {
  assert.equal(serviceWorkerUrl({ offline: false, pathPrefix: "/" }, "build"), undefined);
  assert.equal(serviceWorkerUrl({ offline: true, pathPrefix: "/" }, "build"), "/sw.js");
  assert.equal(serviceWorkerUrl({ offline: true, pathPrefix: "/blog/" }, "build"), "/blog/sw.js");
  assert.equal(serviceWorkerUrl({ offline: true, pathPrefix: "/" }, "serve"), undefined);
  assert.equal(serviceWorkerUrl({ offline: true, pathPrefix: "/" }, "watch"), undefined);
});
