/**
 * Responsive images in a real Chromium, under the production CSP: the browser picks the AVIF source
 * at the width `srcset`/`sizes` ask for (a phone loads a narrow copy, a desktop the column-wide one),
 * and Chirpy's `.dark` / `.light` images show only in their theme, system or toggled. One build of
 * two posts whose PNGs are generated here.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/cli/build-site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { ROOT, launchChromium, skipReason, startStaticServer, type StaticServer } from "./harness.ts";

process.env.OPSNOTE_CACHE_DIR ??= await mkdtemp(path.join(os.tmpdir(), "opsnote-images-browser-cache-"));
const skip = skipReason();

const png = (width: number, height: number, r: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g: 120, b: 200 } } }).png().toBuffer();

let root: string;
let server: StaticServer;
let browser: Browser;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  process.chdir(ROOT);
  root = await writeTempFolder("images-browser", {
    "posts/notes/photos.md": [
      "---", "title: 사진", "date: 2024-01-02", "---", "",
      "![넓은 사진](wide.png)", "",
      "![어두운 구성도](arch-dark.png){: .dark }", "",
      "![밝은 구성도](arch-light.png){: .light }", "",
    ].join("\n"),
    "posts/notes/wide.png": await png(1600, 800, 30),
    "posts/notes/arch-dark.png": await png(600, 300, 20),
    "posts/notes/arch-light.png": await png(600, 300, 240),
  });
  const { output } = await buildSite({ posts: path.join(root, "posts"), output: path.join(root, "site") });
  server = await startStaticServer(output);
  browser = await launchChromium();
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
  assert.deepEqual(problems, [], "no CSP violation, script error or failed request");
});

async function open(options: { width: number; colorScheme: "light" | "dark" }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(`${server.url}/photos/`);
  return page;
}

/** The file the browser chose for an image (after it loaded), and whether it is shown. */
function shown(page: Page, alt: string) {
  return page.$eval(`img[alt="${alt}"]`, async (img: HTMLImageElement) => {
    img.loading = "eager";
    if (!img.complete) await new Promise((resolve) => img.addEventListener("load", resolve, { once: true }));
    return { file: new URL(img.currentSrc).pathname.split("/").pop()!, visible: img.getBoundingClientRect().height > 0 && getComputedStyle(img).display !== "none" };
  });
}

test("a desktop loads the 720 px AVIF, a phone the 360 px one", { skip }, async () => {
  const desktop = await open({ width: 1280, colorScheme: "light" });
  assert.match((await shown(desktop, "넓은 사진")).file, /^wide-.+-720\.avif$/);
  const phone = await open({ width: 360, colorScheme: "light" });
  assert.match((await shown(phone, "넓은 사진")).file, /^wide-.+-360\.avif$/);
});

test(".dark and .light images follow the system theme and the toggle", { skip }, async () => {
  const light = await open({ width: 1280, colorScheme: "light" });
  assert.deepEqual([(await shown(light, "밝은 구성도")).visible, (await shown(light, "어두운 구성도")).visible], [true, false]);
  const dark = await open({ width: 1280, colorScheme: "dark" });
  assert.deepEqual([(await shown(dark, "밝은 구성도")).visible, (await shown(dark, "어두운 구성도")).visible], [false, true]);
  // The toggle's choice (data-theme) wins over the system's.
  await dark.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  assert.deepEqual([(await shown(dark, "밝은 구성도")).visible, (await shown(dark, "어두운 구성도")).visible], [true, false]);
  assert.match((await shown(dark, "밝은 구성도")).file, /^arch-light-.+\.avif$/);
});

test("the harness's Chromium keeps every feature Playwright turns off, and opens no omnibox popup per window", { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("chrome://version");
  const switches = (await page.locator("#command_line").textContent())!.split(/\s+/);
  const lists = switches.filter((s) => s.startsWith("--disable-features=")).map((s) => s.slice("--disable-features=".length).split(","));
  assert.ok(lists.length >= 2, `Playwright's --disable-features and the harness's: ${lists.length}`);
  // Chromium reads the last one only (harness.ts, PLAYWRIGHT_DISABLED_FEATURES).
  const effective = new Set(lists.at(-1));
  assert.deepEqual(lists.flat().filter((feature) => !effective.has(feature)), [], "a feature Playwright turns off is missing from the harness's list");
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{}] })) as { targetInfos: { type: string; url: string }[] };
  assert.deepEqual(targetInfos.filter((t) => t.url.startsWith("chrome://omnibox-popup")).map((t) => t.url), []);
  await cdp.detach();
  await context.close();
});
