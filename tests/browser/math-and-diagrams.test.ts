/**
 * Math and Mermaid diagrams in a real Chromium, under the production CSP: diagrams draw as SVG in
 * the light and the dark theme and follow the theme toggle, lazily; KaTeX formulas render with
 * their fonts; a standalone page (`layout: page`) gets both as a post does; a page without either
 * requests neither. One build (tests/browser/math-and-diagrams) for the whole file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { axeViolations, skipReason, useSampleSite } from "./harness.ts";

process.env.OPSNOTE_CACHE_DIR ??= mkdtempSync(path.join(os.tmpdir(), "opsnote-diagrams-cache-"));
const skip = skipReason();
const sampleSite = useSampleSite(skip, { fixtures: "tests/browser/math-and-diagrams", samplePosts: false });

const MATH = "/notes/math/";
const DIAGRAM = "/notes/diagram/";
const DIAGRAM_BELOW = "/notes/diagram-below/";
const PLAIN = "/notes/plain/";
const BROKEN = "/notes/broken-diagram/";
/** A sequence diagram whose participant has a `links` menu. */
const SEQUENCE_LINKS = "/notes/sequence-links/";
/** A standalone page (`layout: page`) with a formula and a diagram. */
const STANDALONE = "/availability/";

/** Every URL the page requests from now on (paths only). */
function recordRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const isMermaid = (p: string) => p.includes("/vendor/mermaid/") || p.endsWith("/mermaid-loader.js");
const isKatex = (p: string) => p.includes("/vendor/katex/");

/** The state of each diagram: its `data-rendered` and whether it holds an SVG. */
function diagramStates(page: Page) {
  return page.$$eval("pre.mermaid", (nodes) =>
    nodes.map((node) => ({ rendered: node.getAttribute("data-rendered"), svg: node.querySelector("svg") !== null })));
}

test("mermaid: the diagram in view draws as SVG in light, the one below only when scrolled to; the toggle redraws in dark", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ colorScheme: "light" });
  await page.goto(`${sampleSite().server.url}${DIAGRAM}`);
  await page.waitForSelector("pre.mermaid[data-rendered] >> nth=0");
  assert.deepEqual(await diagramStates(page), [{ rendered: "light", svg: true }, { rendered: null, svg: false }],
    "the first diagram drew in light; the second, far below, did not yet");
  const firstLight = await page.$eval("pre.mermaid svg", (svg) => svg.outerHTML);
  assert.ok(firstLight.includes("개발자") && firstLight.includes("레지스트리"), "Korean labels are in the SVG");

  await page.locator("pre.mermaid").nth(1).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll("pre.mermaid[data-rendered=light] svg").length === 2);

  // system -> light -> dark: the second click changes what the reader sees.
  const toggle = page.locator("[data-theme-toggle]");
  await toggle.click();
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await toggle.click();
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await page.waitForFunction(() => document.querySelectorAll("pre.mermaid[data-rendered=dark] svg").length === 2);
  const firstDark = await page.$eval("pre.mermaid svg", (svg) => svg.outerHTML);
  assert.notEqual(firstDark, firstLight, "the dark drawing differs from the light one");

  await toggle.click(); // back to system, which is light here
  await page.waitForFunction(() => document.querySelectorAll("pre.mermaid[data-rendered=light] svg").length === 2);
  await context.close();
});

test("mermaid: a dark system theme draws dark from the start, and a system change redraws", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ colorScheme: "dark" });
  await page.goto(`${sampleSite().server.url}${DIAGRAM}`);
  await page.waitForSelector("pre.mermaid[data-rendered] >> nth=0");
  assert.deepEqual((await diagramStates(page))[0], { rendered: "dark", svg: true });
  await page.emulateMedia({ colorScheme: "light" }); // the reader's OS switches to light; the site follows the system
  await page.waitForSelector("pre.mermaid[data-rendered=light] svg");
  await context.close();
});

test("mermaid: the library loads only when a diagram nears the viewport", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  const requests = recordRequests(page);
  await page.goto(`${sampleSite().server.url}${DIAGRAM_BELOW}`, { waitUntil: "networkidle" });
  assert.ok(requests.some((p) => p.endsWith("/assets/js/mermaid-loader.js")), "the page loads the small loader");
  assert.ok(!requests.some((p) => p.includes("/vendor/mermaid/")), `mermaid fetched before any diagram was near: ${requests.join(", ")}`);
  await page.locator("pre.mermaid").scrollIntoViewIfNeeded();
  await page.waitForSelector("pre.mermaid[data-rendered=light] svg");
  assert.ok(requests.some((p) => p.endsWith("/assets/vendor/mermaid/mermaid.esm.min.js")));
  assert.ok(!requests.some(isKatex), "no KaTeX on a page without math");
  await context.close();
});

test("mermaid: a diagram Mermaid cannot read keeps its source, marked; the next one still draws", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}${BROKEN}`);
  await page.waitForFunction(() => document.querySelectorAll("pre.mermaid[data-rendered]").length === 2);
  const states = await diagramStates(page);
  assert.deepEqual(states, [{ rendered: "error", svg: false }, { rendered: "light", svg: true }]);
  assert.ok((await page.locator("pre.mermaid").first().textContent())?.startsWith("flowchart LR\n  A -->"), "the source is shown as written");
  assert.ok(await page.locator("pre.mermaid").first().getAttribute("title"), "Mermaid's message on hover");
  assert.equal(await page.locator("body > svg, body > div[id^=dmermaid]").count(), 0, "no error picture or leftover left in the page");
  await context.close();
});

test("mermaid: a sequence diagram's participant links are shown as a menu of links, without an inline click handler the CSP refuses", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}${SEQUENCE_LINKS}`);
  await page.waitForSelector("pre.mermaid[data-rendered=light] svg");
  const menu = page.locator("pre.mermaid svg .actorPopupMenu").first();
  assert.ok(await menu.isVisible(), "the menu is open: the toggle Mermaid would give it is an onclick attribute");
  assert.equal(await menu.locator("a").first().getAttribute("xlink:href"), "https://gitlab.example.com/pages/");
  // The file's after hook fails on any CSP violation ("Executing inline event handler ...") seen here.
  await context.close();
});

test("mermaid: without JavaScript the diagram's source is shown", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ javaScript: false });
  await page.goto(`${sampleSite().server.url}${DIAGRAM}`);
  const text = await page.locator("pre.mermaid").first().textContent();
  assert.ok(text?.startsWith("flowchart LR\n  개발자 -->|push| CI[CI 빌드]"), `shown: ${text}`);
  assert.ok(await page.locator("pre.mermaid").first().isVisible());
  await context.close();
});

test("katex: formulas render with KaTeX's own fonts, served by the site", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  const requests = recordRequests(page);
  await page.goto(`${sampleSite().server.url}${MATH}`, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() =>
    [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family.replace(/"/g, "")));
  assert.ok(fonts.includes("KaTeX_Main"), `loaded fonts: ${fonts.join(", ")}`);
  assert.ok(fonts.includes("KaTeX_Math"), "italic math letters use KaTeX_Math");
  assert.ok(requests.some((p) => p === "/assets/vendor/katex/fonts/KaTeX_Main-Regular.woff2"));
  // The formula is laid out by KaTeX's stylesheet: its MathML copy is visually hidden, the HTML is shown.
  const layout = await page.$eval(".math-display .katex-html", (element) => {
    const box = element.getBoundingClientRect();
    return { width: box.width, height: box.height, font: getComputedStyle(element.closest(".katex")!).fontFamily };
  });
  assert.ok(layout.width > 50 && layout.height > 20, `display formula box ${JSON.stringify(layout)}`);
  assert.match(layout.font, /KaTeX_Main/);
  const inline = await page.$eval("p .katex", (element) => element.textContent ?? "");
  assert.ok(inline.includes("MTBF"), "the inline formula of the opted-in post rendered");
  assert.ok(!requests.some(isMermaid), "no Mermaid on a page without diagrams");
  await context.close();
});

test("a standalone page (layout: page) lays out its formula with KaTeX's stylesheet and draws its diagram, as a post does", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}${STANDALONE}`);
  assert.equal(await page.locator("article.post--page").count(), 1, "fixture guard: rendered with the page layout");
  // Without KaTeX's stylesheet the formula shows twice: its MathML copy and its unstyled HTML.
  const layout = await page.$eval(".math-display .katex", (katex) => {
    const [mathml, html] = [".katex-mathml", ".katex-html"].map((part) => katex.querySelector(part)!.getBoundingClientRect());
    return { mathml: { width: mathml!.width, height: mathml!.height }, html: { width: html!.width, height: html!.height }, font: getComputedStyle(katex).fontFamily };
  });
  assert.ok(layout.mathml.width <= 1 && layout.mathml.height <= 1, `the MathML copy is visually hidden: ${JSON.stringify(layout)}`);
  assert.ok(layout.html.width > 50 && layout.html.height > 20, `display formula box ${JSON.stringify(layout)}`);
  assert.match(layout.font, /KaTeX_Main/);
  await page.waitForSelector("pre.mermaid[data-rendered=light] svg");
  assert.ok((await page.$eval("pre.mermaid svg", (svg) => svg.outerHTML)).includes("로드밸런서"), "the page's diagram, drawn");
  await context.close();
});

test("a page with neither math nor diagrams requests neither", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  const requests = recordRequests(page);
  await page.goto(`${sampleSite().server.url}${PLAIN}`, { waitUntil: "networkidle" });
  assert.ok(requests.some((p) => p.endsWith("/assets/js/site.js")), "the page's own scripts were seen (the recorder works)");
  assert.deepEqual(requests.filter((p) => isMermaid(p) || isKatex(p)), []);
  assert.equal(await page.locator(".katex, pre.mermaid").count(), 0);
  await context.close();
});

test("axe: no violations on a page with math and on drawn diagrams, light and dark", { skip }, async () => {
  const report: Record<string, string[]> = {};
  for (const colorScheme of ["light", "dark"] as const) {
    // axe is injected as an inline script, which the production CSP refuses: bypass it for the audit only.
    const audit = await sampleSite().browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await audit.newPage();
    for (const url of [MATH, DIAGRAM]) {
      await page.goto(`${sampleSite().server.url}${url}`);
      if (url === DIAGRAM) {
        await page.locator("pre.mermaid").nth(1).scrollIntoViewIfNeeded();
        await page.waitForFunction((theme) => document.querySelectorAll(`pre.mermaid[data-rendered=${theme}] svg`).length === 2, colorScheme);
      }
      report[`${url} ${colorScheme}`] = await axeViolations(page);
    }
    await audit.close();
  }
  assert.deepEqual(report, Object.fromEntries(Object.keys(report).map((key) => [key, []])));
});
