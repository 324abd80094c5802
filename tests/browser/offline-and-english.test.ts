/**
 * Offline mode and the English interface in a real browser, on one sample site built with
 * `language: en` and `offline: true`: a post read once opens again with the server stopped, a page
 * never read opens the offline page, the interface speaks English, and a site that turns offline
 * mode off again gets the worker removed from the browsers that kept it.
 * (Service workers need a secure context: http://127.0.0.1 is one.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";

// The site's settings are read once, when src/site.ts is first imported (by the harness's build).
const settings = path.join(await mkdtemp(path.join(os.tmpdir(), "opsnote-offline-en-")), "opsnote.config.yaml");
await writeFile(settings, "title: Ops Notes\ndescription: Notes on running things\nlanguage: en\noffline: true\n");
process.env.OPSNOTE_CONFIG = settings;
const { axeViolations, searchTitles: search, skipReason, startStaticServer, useSampleSite } = await import("./harness.ts");

const skip = skipReason();
const sampleSite = useSampleSite(skip);

const VISITED = "/devops/kubernetes-intro/";
const NEVER_VISITED = "/devops/helm-chart-basics/";

/** Waits until the worker controls the page and has kept a copy of it. */
async function waitUntilKept(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => navigator.serviceWorker.controller !== null && (await caches.match(location.href)) !== undefined);
}

test("language: en: the interface speaks English (search dialog, theme toggle, reading time, dates, lang)", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}${VISITED}`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.locator(".post__meta").innerText(), /^Published April 13, 2021.*\b\d+ min read$/s);
  assert.equal(await page.getAttribute("[data-theme-toggle]", "aria-label"), "Theme: system", "site.js labelled the toggle from the English client words");
  await page.click("[data-theme-toggle]");
  assert.equal(await page.getAttribute("[data-theme-toggle]", "aria-label"), "Theme: light");
  await page.keyboard.press("/");
  const input = page.locator("#search-input");
  await input.waitFor({ state: "visible" });
  assert.equal(await input.getAttribute("placeholder"), "Type to search (e.g. kubernetes)");
  assert.equal(await page.locator(".search__close").innerText(), "Close");
  await input.fill("zzqqxxvv");
  await page.waitForFunction(() => document.getElementById("search-dialog")?.dataset.query === "zzqqxxvv");
  assert.equal(await page.locator(".search__status").textContent(), "No results.");
  const found = await search(page, "helm");
  assert.equal(await page.locator(".search__status").textContent(), `Results: ${found.length}`);
  await context.close();
});

test("axe: no violations on the English home, a post and the offline page", { skip }, async () => {
  // axe is injected as an inline script, which the production CSP (rightly) refuses: bypass it here.
  const audit = await sampleSite().browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 }, serviceWorkers: "block" });
  const page = await audit.newPage();
  const report: Record<string, string[]> = {};
  for (const url of ["/", VISITED, "/offline/"]) {
    await page.goto(`${sampleSite().server.url}${url}`);
    report[url] = await axeViolations(page);
  }
  assert.deepEqual(report, { "/": [], [VISITED]: [], "/offline/": [] });
  await audit.close();
});

test("offline: true: a post read once opens with the server stopped; a page never read opens the offline page", { skip }, async () => {
  const site = sampleSite();
  const worker = await readFile(path.join(site.dir, "sw.js"), "utf8");
  const version = /"version":"([0-9a-f]{16})"/.exec(worker)?.[1];
  assert.ok(version, "sw.js carries the hash of the built assets");

  const { page, context } = await site.newPage();
  await page.goto(`${site.server.url}${VISITED}`);
  assert.equal(await page.getAttribute("#opsnote-ui", "data-service-worker"), "/sw.js");
  await waitUntilKept(page);
  const title = await page.locator(".post__title").innerText();
  const found = await search(page, "helm");
  assert.ok(found.length > 0, "guard: the query finds posts");
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [`opsnote-assets-${version}`, `opsnote-pages-${version}`]);
  assert.ok(await page.evaluate(async () => (await caches.match("/offline/")) !== undefined), "the offline page is kept from the first visit");
  // Every module and index file the search read online is kept, before the server stops (a request the
  // worker did not answer would only show up offline, as a dialog that does not open).
  const used = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => new URL(entry.name)).filter((url) => /^\/(?:assets\/js|pagefind)\//.test(url.pathname)).map((url) => url.pathname));
  assert.ok(used.some((file) => file.startsWith("/pagefind/")), `guard: the search read the index (${used.join(", ")})`);
  const notKept = await page.evaluate(async (files) => (await Promise.all(files.map(async (file) => ((await caches.match(file)) ? "" : file)))).filter(Boolean), used);
  assert.deepEqual(notKept, [], "every file the search read online is kept by the worker");

  const port = new URL(site.server.url).port;
  await site.server.close();
  await page.reload();
  assert.equal(await page.locator(".post__title").innerText(), title, "reload with the server stopped");
  assert.ok(
    await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith("/assets/css/opsnote.css") && sheet.cssRules.length > 0)),
    "the stylesheet came from the worker's cache",
  );
  assert.equal(await page.getAttribute("[data-theme-toggle]", "aria-label"), "Theme: system", "site.js came from the worker's cache");
  assert.deepEqual(await search(page, "helm"), found, "a search made online works offline (the index files were kept)");

  await page.goto(`${site.server.url}${NEVER_VISITED}`);
  assert.equal(await page.locator("h1").innerText(), "You are offline");
  assert.match(await page.locator(".page-lead").innerText(), /Posts you have read before open without a connection/);
  await page.goto(`${site.server.url}${VISITED}`);
  assert.equal(await page.locator(".post__title").innerText(), title, "navigating back to the post read before");

  // Offline mode turned off (the same site without the worker's registration), served again at the same origin.
  const home = path.join(site.dir, "index.html");
  // (Not named `document`: the functions run in the page use the page's.)
  const homeDocument = parseHTML(await readFile(home, "utf8")).document;
  homeDocument.getElementById("opsnote-ui")!.removeAttribute("data-service-worker");
  await writeFile(home, `<!doctype html>${homeDocument.documentElement.outerHTML}`);
  const again = await startStaticServer(site.dir, { port: Number(port) });
  try {
    // The first visit is answered from the kept copy and refreshes it; the next one runs the new page.
    await page.goto(`${again.url}/`);
    await page.waitForFunction(async () => {
      const kept = await caches.match(location.href);
      return kept !== undefined && !(await kept.text()).includes("data-service-worker");
    });
    await page.goto(`${again.url}/`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0);
  } finally {
    await again.close();
  }
  await context.close();
});
