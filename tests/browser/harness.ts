/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (Playwright never
 * downloads a browser here), a sample site built once per test file, and a plain static server on
 * 127.0.0.1 that sends the production Content-Security-Policy (the preview server would inject its
 * live-reload script, which a test of the real pages must not have).
 */
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { sharedSite } from "../helpers/sample-site.ts";
import { resolveRequestPath } from "../../src/preview/safe-path.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";

/**
 * The features playwright-core (1.65) turns off with its own `--disable-features` (chromiumSwitches.ts).
 * Chromium reads only the last `--disable-features` of its command line, so the browser tests pass
 * these again with their own; `tests/browser/responsive-images.test.ts` checks on `chrome://version`
 * that none of Playwright's is lost when it changes its list.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
  "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
];
/**
 * Chromium 156 (new headless) renders two omnibox popups (chrome://omnibox-popup.top-chrome/) in
 * renderers of their own for every window, and every browser context is a window: 0.5 to 0.8 CPU-s
 * each, as much as the page a test opens. Measured on the 8 browser files, two interleaved rounds,
 * Chromium counted through a cgroup: 129.2 and 137.0 CPU-s with them, 94.2 and 96.1 without.
 */
export const OMNIBOX_POPUP_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** Debian's Chromium as every browser test starts it: as root in CI, with no GPU, and nothing fetched on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(",")}`,
    ],
  });
}
export const OUTPUT_DIR = path.join(ROOT, "tests/.output");

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing Chromium is
 * an error, not a skip: `.ci/run` installs it.
 */
export function skipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `no chromium at ${CHROMIUM}: install Debian chromium`;
  if (process.env.CI) throw new Error(`${reason} (CI must run the browser tests)`);
  return reason;
}

/** The policy nginx sends in production; the pages must work under it. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
};

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Where every static server of this file also serves axe-core (a path no site has). */
const AXE_URL_PATH = "/.opsnote-test/axe.min.js";
/** Origins of the static servers started here: they serve axe-core at AXE_URL_PATH. */
const serversWithAxe = new Set<string>();

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * @param port 0 for any free port; a given one to serve again at the same origin (a test that stopped the server).
 * @param contentSecurityPolicy what the server sends; a site with comments adds the provider's hosts (src/reader/comments.ts).
 */
export async function startStaticServer(root: string, { port = 0, contentSecurityPolicy = CONTENT_SECURITY_POLICY }: { port?: number; contentSecurityPolicy?: string } = {}): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    if (req.url === AXE_URL_PATH) {
      // Cacheable, unlike the site's own files: see axeViolations.
      res.writeHead(200, { "content-type": TYPES[".js"]!, "cache-control": "max-age=3600" });
      createReadStream(AXE).pipe(res);
      return;
    }
    const resolved = resolveRequestPath(root, req.url ?? "/");
    let file: string | undefined;
    for (const candidate of resolved ? [resolved, path.join(resolved, "index.html")] : []) {
      if ((await stat(candidate).catch(() => undefined))?.isFile()) {
        file = candidate;
        break;
      }
    }
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("404");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-security-policy": contentSecurityPolicy,
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  serversWithAxe.add(url);
  return {
    url,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface SampleSite {
  dir: string;
  server: StaticServer;
  browser: Browser;
  /** Every CSP violation and page error seen by any page of `newPage`. */
  problems: string[];
  newPage(options?: { width?: number; colorScheme?: "light" | "dark"; javaScript?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

export interface SampleSiteOptions {
  /** Folder of extra posts, relative to the repository. @default "tests/browser/posts" */
  fixtures?: string;
  /** Whether the site's own posts/ are built too. @default true */
  samplePosts?: boolean;
}

/** The seed post plus the browser fixtures (tests/browser/posts), built as `npm run build` does. */
export async function openSampleSite({ fixtures = "tests/browser/posts", samplePosts = true }: SampleSiteOptions = {}): Promise<SampleSite> {
  process.chdir(ROOT);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "opsnote-browser-"));
  let dir: string;
  if (fixtures === "tests/browser/posts" && samplePosts && process.env.OPSNOTE_CONFIG === undefined) {
    // The default site with the default settings is built once per `npm test` (tests/helpers/sample-site.ts).
    // Copied, so that a test may change a page without touching the site other files read.
    dir = path.join(tmp, "site");
    await cp(await sharedSite("browser"), dir, { recursive: true });
  } else {
    const posts = path.join(tmp, "posts");
    if (samplePosts) await cp(path.join(ROOT, "posts"), posts, { recursive: true });
    for (const file of await readdir(path.join(ROOT, fixtures))) {
      await cp(path.join(ROOT, fixtures, file), path.join(posts, file));
    }
    // Loaded here, not at the top: the files that use the shared site never load Eleventy.
    const { buildSite } = await import("../../src/cli/build-site.ts");
    dir = (await buildSite({ posts, output: path.join(tmp, "site") })).output;
  }
  const server = await startStaticServer(dir);
  const browser = await launchChromium();
  const problems: string[] = [];
  return {
    dir,
    server,
    browser,
    problems,
    async newPage({ width = 1280, colorScheme = "light", javaScript = true } = {}) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        colorScheme,
        javaScriptEnabled: javaScript,
        reducedMotion: "reduce",
        locale: "ko-KR",
      });
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
      });
      page.on("response", (response) => {
        // No favicon yet is not a reader-facing problem; every other failed request is.
        if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      return { page, context };
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the sample site once for the calling test file (unless `skip`) and closes it after all its
 * tests, failing the file if any page had a CSP violation, a script error or a failed request.
 * @returns a getter for the open site
 */
export function useSampleSite(skip: string | undefined, options?: SampleSiteOptions): () => SampleSite {
  let site: SampleSite | undefined;
  before(async () => {
    if (!skip) site = await openSampleSite(options);
  });
  after(async () => {
    if (!site) return;
    // Closed whatever the assertion says: a browser left open keeps the file's process (and the run) alive.
    try {
      assert.deepEqual(site.problems, [], "no CSP violation, script error or failed request on any page");
    } finally {
      await site.close();
    }
  });
  return () => {
    if (!site) throw new Error("the sample site is not open (skipped?)");
    return site;
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's violations on the page, or inside the element `within` selects, one line each (rule,
 * impact, help, where). Only violations are collected in full (`resultTypes`): the rules that pass are
 * still run, but not listed element by element, which was most of a run's time on a long page.
 *
 * axe-core is loaded from the page's own static server when it has one, as a cacheable script:
 * Chromium then keeps its compiled code between pages of a context. Inlined (`path`), its 550 KB were
 * compiled again on every page, which took as long as the audit itself (measured on nine pages:
 * 1.7 s of injection against 0.45 s from the cache; audit, math-and-diagrams and reader-features
 * together, two interleaved rounds with Chromium counted: 94.5 and 95.1 CPU-s inlined, 85.7 and 71.7
 * from the server).
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  await page.addScriptTag(serversWithAxe.has(origin) ? { url: `${origin}${AXE_URL_PATH}` } : { path: AXE });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = selector === undefined ? document : document.querySelector(selector);
    return (await axe.run(context, { resultTypes: ["violations"] })).violations;
  }, within);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Opens the search dialog with the `/` key (when closed), types the query and returns its result titles. */
export async function searchTitles(page: Page, query: string): Promise<string[]> {
  const input = page.locator("#search-input");
  if (!(await input.isVisible())) await page.keyboard.press("/");
  await input.waitFor({ state: "visible" });
  await input.fill(query);
  await page.waitForFunction((q) => document.getElementById("search-dialog")?.dataset.query === q, query);
  return page.locator(".search__title").allTextContents();
}
