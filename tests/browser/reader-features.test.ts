/**
 * Reader features in real Chromium, on one site built with its own opsnote.config.yaml (giscus
 * comments, a repository, an author with an avatar, the /blog/ path prefix) and served with the
 * production CSP plus what the README tells a blogger with comments to add. There is no network:
 * giscus.app and utteranc.es are answered by `page.route` with stand-in client.js files that make an
 * iframe as the real ones do, and a stand-in widget page that records the messages it receives.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Frame, Page, Route } from "playwright-core";
import { buildInChild } from "../helpers/build-in-child.ts";
import { CONTENT_SECURITY_POLICY, ROOT, axeViolations, launchChromium, skipReason, startStaticServer, type StaticServer } from "./harness.ts";
import { commentsWidget, withCommentsPolicy } from "../../src/reader/comments.ts";

const skip = skipReason();
const FIXTURES = path.join(ROOT, "tests/browser/reader-features");
const SITE_URL = "https://ops.example.kr";
const ROLLOUTS = "/blog/devops/argo-rollouts/";
const ARGO_CD = "/blog/devops/argo-cd/";
const KARPENTER = "/blog/devops/karpenter/";
const GISCUS = { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Comments", categoryId: "DIC_1", mapping: "pathname" } as const;
const UTTERANCES = { provider: "utterances", repo: "me/blog", issueTerm: "pathname" } as const;

/** Stand-in for a comment widget's client.js: like the real one, an iframe next to the script, with the theme and repo of the script's attributes in its URL. */
const fakeClient = (frameClass: string, widget: string, themeAttribute: string, repoAttribute: string) => `
const script = document.currentScript;
const frame = document.createElement("iframe");
frame.className = "${frameClass}";
frame.title = "Comments";
frame.src = "${widget}?theme=" + encodeURIComponent(script.getAttribute("${themeAttribute}")) + "&repo=" + encodeURIComponent(script.getAttribute("${repoAttribute}"));
script.after(frame);
`;
/** https://giscus.app/client.js */
const FAKE_CLIENT = fakeClient("giscus-frame", "https://giscus.app/widget", "data-theme", "data-repo");
/** https://utteranc.es/client.js */
const FAKE_UTTERANCES_CLIENT = fakeClient("utterances-frame", "https://utteranc.es/utterances.html", "theme", "repo");
/** Stand-in for the widget page: keeps every message it receives. */
const FAKE_WIDGET = `<!doctype html><title>giscus</title><p>comments</p>
<script>window.received = []; addEventListener("message", (e) => window.received.push({ origin: e.origin, data: e.data }));</script>`;

let tmp = "";
let server: StaticServer | undefined;
let browser: Browser | undefined;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  tmp = await mkdtemp(path.join(os.tmpdir(), "opsnote-reader-features-"));
  const posts = path.join(tmp, "posts");
  await mkdir(posts);
  for (const file of await readdir(FIXTURES)) await cp(path.join(FIXTURES, file), path.join(posts, file));
  const config = path.join(tmp, "opsnote.config.yaml");
  await writeFile(config, [
    `url: ${SITE_URL}`,
    "pathPrefix: /blog/",
    "author:",
    "  name: 김옵스",
    "  avatar: /assets/favicon.svg",
    "  bio: 쿠버네티스와 테라폼을 다루는 SRE.",
    "  links:",
    "    - { label: GitHub, url: https://github.com/me }",
    "repository: { url: https://github.com/me/blog }",
    "comments:",
    ...Object.entries(GISCUS).map(([key, value]) => `  ${key}: ${value}`),
  ].join("\n"));
  // The site lives at /blog/ on the server, as it would on a GitHub Pages project site.
  const www = path.join(tmp, "www");
  const build = buildInChild(posts, path.join(www, "blog"), { OPSNOTE_CONFIG: config });
  assert.equal(build.status, 0, build.stderr);
  // The policy a giscus blog needs, plus utterances' for the one test that swaps the provider in the page.
  server = await startStaticServer(www, { contentSecurityPolicy: withCommentsPolicy(withCommentsPolicy(CONTENT_SECURITY_POLICY, GISCUS), UTTERANCES) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
  if (!skip) assert.deepEqual(problems, [], "no CSP violation, script error or failed request on any page");
});

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every request to another origin than the test server's. */
  thirdParty: string[];
}

/** A page whose requests to giscus.app are answered by the stand-ins, and every other outside request refused and recorded. */
async function open(url: string, { width = 1280, colorScheme = "light" as "light" | "dark", clipboard = false, bypassCSP = false } = {}): Promise<Opened> {
  const context = await browser!.newContext({
    viewport: { width, height: 800 }, colorScheme, reducedMotion: "reduce", locale: "ko-KR", bypassCSP,
    permissions: clipboard ? ["clipboard-read", "clipboard-write"] : [],
  });
  const thirdParty: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route: Route) => {
    const requested = route.request().url();
    thirdParty.push(requested);
    const { pathname, hostname } = new URL(requested);
    if (hostname === "giscus.app" && pathname === "/client.js") return route.fulfill({ contentType: "text/javascript", body: FAKE_CLIENT });
    if (hostname === "giscus.app" && pathname === "/widget") return route.fulfill({ contentType: "text/html", body: FAKE_WIDGET });
    if (hostname === "utteranc.es" && pathname === "/client.js") return route.fulfill({ contentType: "text/javascript", body: FAKE_UTTERANCES_CLIENT });
    if (hostname === "utteranc.es" && pathname === "/utterances.html") return route.fulfill({ contentType: "text/html", body: FAKE_WIDGET });
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`${url}: page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${url}: console: ${message.text()}`);
  });
  await page.goto(`${server!.url}${url}`);
  return { page, context, thirdParty };
}

/**
 * The frame whose URL starts with `prefix`, once it is there (a frame found while still about:blank is
 * swapped for another process when it goes cross-origin, and a busy machine makes that likely).
 */
async function waitForFrame(page: Page, prefix: string): Promise<Frame> {
  const matches = (frame: Frame) => frame.url().startsWith(prefix);
  const navigated = page.waitForEvent("framenavigated", { predicate: matches });
  const found = page.frames().find(matches);
  if (found) {
    navigated.catch(() => undefined);
    return found;
  }
  return navigated;
}

/** The stand-in giscus widget's frame. */
const widgetFrame = (page: Page) => waitForFrame(page, "https://giscus.app/widget");

/**
 * Polling by time in the widget's frame: the default polls on animation frames, which Chromium stops
 * in a cross-origin frame scrolled out of view (clicking the header's theme button scrolls it away).
 */
const FRAME_POLLING = { polling: 100 } as const;

/** Two animation frames: time for IntersectionObserver to report what is in view now. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test("comments: giscus is requested only when the section nears the viewport, then follows the theme toggle and the system theme", { skip }, async () => {
  const { page, context, thirdParty } = await open(ROLLOUTS);
  await settle(page);
  assert.ok(await page.locator("#comments").count() === 1, "the comments section is on the page");
  const distance = await page.locator("#comments").evaluate((element) => element.getBoundingClientRect().top - innerHeight);
  assert.ok(distance > 1000, `fixture guard: the comments start far below the first screen (${distance}px)`);
  assert.deepEqual(thirdParty, [], "nothing requested from giscus before the reader scrolls");
  assert.equal(await page.locator("#comments script").count(), 0);

  const client = page.waitForRequest("https://giscus.app/client.js");
  await page.evaluate(() => document.getElementById("comments")!.scrollIntoView());
  await client;
  const script = page.locator("#comments script");
  assert.equal(await script.getAttribute("data-theme"), "light", "the widget starts in the page's theme");
  assert.equal(await script.getAttribute("data-repo"), GISCUS.repo);
  assert.equal(await script.getAttribute("data-repo-id"), GISCUS.repoId);
  assert.equal(await script.getAttribute("data-category-id"), GISCUS.categoryId);
  assert.equal(await script.getAttribute("data-mapping"), "pathname");

  await page.waitForSelector("#comments iframe.giscus-frame");
  const frame = await widgetFrame(page);
  await frame.waitForFunction(() => Array.isArray((window as { received?: unknown[] }).received), undefined, FRAME_POLLING);
  assert.equal(new URL(frame.url()).searchParams.get("theme"), "light");
  const received = () => frame.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received);

  // The toggle goes system -> light -> dark; the page was light already, so only dark is news.
  await page.click("[data-theme-toggle]");
  await page.click("[data-theme-toggle]");
  await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0, undefined, FRAME_POLLING);
  const messages = await received();
  assert.equal(messages.length, 1, JSON.stringify(messages));
  assert.deepEqual(messages[0]!.data, { giscus: { setConfig: { theme: "dark" } } });
  assert.equal(messages[0]!.origin, server!.url, "sent by the page itself");

  // Back to "system" (light here), then the system turns dark while the page follows it.
  await page.click("[data-theme-toggle]");
  await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 1, undefined, FRAME_POLLING);
  await page.emulateMedia({ colorScheme: "dark" });
  await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 2, undefined, FRAME_POLLING);
  assert.deepEqual((await received()).map((m) => m.data), [
    { giscus: { setConfig: { theme: "dark" } } },
    { giscus: { setConfig: { theme: "light" } } },
    { giscus: { setConfig: { theme: "dark" } } },
  ]);
  assert.deepEqual(thirdParty.map((url) => new URL(url).pathname), ["/client.js", "/widget"], "only giscus, once");
  await context.close();
});

test("comments: a theme change while the widget is still loading reaches it once it has loaded", { skip }, async () => {
  // A short post: its comments are near from the start. The widget page is held back until the theme changed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const { page, context } = await open(ARGO_CD, { width: 1280 });
  await page.route("https://giscus.app/widget**", async (route) => {
    await held;
    await route.fulfill({ contentType: "text/html", body: FAKE_WIDGET });
  });
  await page.evaluate(() => document.getElementById("comments")!.scrollIntoView());
  await page.waitForSelector("#comments iframe.giscus-frame");
  assert.equal(await page.locator("#comments script").getAttribute("data-theme"), "light");
  await page.click("[data-theme-toggle]");
  await page.click("[data-theme-toggle]");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  release();
  const frame = await widgetFrame(page);
  await frame.waitForFunction(() => (window as unknown as { received?: unknown[] }).received?.length === 1, undefined, FRAME_POLLING);
  assert.deepEqual(await frame.evaluate(() => (window as unknown as { received: { data: unknown }[] }).received.map((m) => m.data)), [
    { giscus: { setConfig: { theme: "dark" } } },
  ]);
  await context.close();
});

test("comments: utterances starts in the page's theme (github-dark) and follows the toggle with set-theme", { skip }, async () => {
  const { page, context, thirdParty } = await open(ROLLOUTS, { colorScheme: "dark" });
  // The section as a site with `comments: { provider: utterances, … }` renders it (unit-tested in tests/reader), swapped in before it loads.
  await page.evaluate(([src, attributes]) => {
    const section = document.getElementById("comments")!;
    section.dataset.comments = "utterances";
    section.dataset.commentsSrc = src;
    section.dataset.commentsAttributes = attributes;
  }, ["https://utteranc.es/client.js", JSON.stringify(commentsWidget(UTTERANCES, "ko").attributes)]);
  assert.deepEqual(thirdParty, []);
  await page.evaluate(() => document.getElementById("comments")!.scrollIntoView());
  await page.waitForSelector("#comments iframe.utterances-frame");
  const script = page.locator("#comments script");
  assert.equal(await script.getAttribute("src"), "https://utteranc.es/client.js");
  assert.equal(await script.getAttribute("theme"), "github-dark");
  assert.equal(await script.getAttribute("repo"), "me/blog");
  assert.equal(await script.getAttribute("issue-term"), "pathname");
  const frame = await waitForFrame(page, "https://utteranc.es/utterances.html");
  await frame.waitForFunction(() => Array.isArray((window as { received?: unknown[] }).received), undefined, FRAME_POLLING);
  await page.click("[data-theme-toggle]"); // system (dark here) -> light
  await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0, undefined, FRAME_POLLING);
  assert.deepEqual(await frame.evaluate(() => (window as unknown as { received: { data: unknown }[] }).received.map((m) => m.data)), [
    { type: "set-theme", theme: "github-light" },
  ]);
  await context.close();
});

test("comments: a post with comments: false has no section and requests nothing, even scrolled to its end", { skip }, async () => {
  const { page, context, thirdParty } = await open(KARPENTER);
  assert.equal(await page.locator("#comments, [data-comments]").count(), 0);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await settle(page);
  assert.deepEqual(thirdParty, []);
  // This post names its own author: the site author's picture and links are not shown beside another name.
  assert.match((await page.locator(".author-box__name").textContent())!, /홍길동/);
  assert.equal(await page.locator(".author-box img").count(), 0);
  assert.equal(await page.locator(".author-box__links").count(), 0);
  assert.equal(await page.locator(".author-box__bio").textContent(), "손님으로 쓴 글.");
  await context.close();
});

test("related posts link to real pages of the site, never the post itself or the draft", { skip }, async () => {
  const { page, context } = await open(ROLLOUTS);
  const links = await page.locator(".related a").evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href")!, text: a.textContent!.trim() })));
  assert.deepEqual(links.map((link) => link.href), [ARGO_CD, KARPENTER], "the other Argo post first (more shared tags), then the newest");
  for (const link of links) {
    const response = await context.request.get(`${server!.url}${link.href}`);
    assert.equal(response.status(), 200, link.href);
    assert.ok((await response.text()).includes(`<h1 class="post__title" data-pagefind-meta="title">${link.text}`), `${link.href} is the post "${link.text}"`);
  }
  assert.ok(!(await page.locator(".related").textContent())!.includes("아직 쓰는 중인"), "the draft is never related");
  await context.close();
});

test("share links carry the post's absolute URL and title; copy link puts the URL on the clipboard", { skip }, async () => {
  const { page, context } = await open(ARGO_CD, { clipboard: true });
  const canonical = await page.locator("link[rel=canonical]").getAttribute("href");
  assert.equal(canonical, `${SITE_URL}${ARGO_CD}`);
  const hrefs = await page.locator(".share a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
  const [x, facebook, linkedin] = hrefs.map((href) => new URL(href));
  assert.equal(`${x!.origin}${x!.pathname}`, "https://x.com/intent/tweet");
  assert.equal(x!.searchParams.get("url"), canonical);
  assert.equal(x!.searchParams.get("text"), "Argo CD로 GitOps 시작하기");
  assert.equal(facebook!.searchParams.get("u"), canonical);
  assert.equal(`${facebook!.origin}${facebook!.pathname}`, "https://www.facebook.com/sharer/sharer.php");
  assert.equal(linkedin!.searchParams.get("url"), canonical);
  assert.equal(`${linkedin!.origin}${linkedin!.pathname}`, "https://www.linkedin.com/sharing/share-offsite/");

  const copy = page.locator(".share__copy");
  assert.ok(await copy.isVisible(), "shown once the script runs");
  await copy.click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);
  assert.equal(await copy.textContent(), "복사했습니다");
  await context.close();

  const noScript = await browser!.newContext({ javaScriptEnabled: false });
  const bare = await noScript.newPage();
  await bare.goto(`${server!.url}${ARGO_CD}`);
  assert.equal(await bare.locator(".share__copy").isVisible(), false, "without JavaScript the copy button stays hidden; the links work");
  assert.equal(await bare.locator(".share a").count(), 3);
  await noScript.close();
});

test("breadcrumbs under the path prefix, with BreadcrumbList JSON-LD that parses; author box and edit link", { skip }, async () => {
  const { page, context } = await open(ARGO_CD);
  const crumbs = await page.locator(".breadcrumbs a").evaluateAll((anchors) => anchors.map((a) => [a.getAttribute("href"), a.textContent]));
  assert.deepEqual(crumbs, [["/blog/", "홈"], ["/blog/categories/devops/", "devops"]]);
  assert.equal(await page.locator(".breadcrumbs [aria-current=page]").textContent(), "Argo CD로 GitOps 시작하기");
  for (const [href] of crumbs) assert.equal((await context.request.get(`${server!.url}${href}`)).status(), 200, href!);

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const list = blocks.map((text) => JSON.parse(text) as Record<string, unknown>).find((block) => block["@type"] === "BreadcrumbList");
  assert.ok(list, "a BreadcrumbList block");
  assert.deepEqual(list.itemListElement, [
    { "@type": "ListItem", position: 1, name: "홈", item: `${SITE_URL}/blog/` },
    { "@type": "ListItem", position: 2, name: "devops", item: `${SITE_URL}/blog/categories/devops/` },
    { "@type": "ListItem", position: 3, name: "Argo CD로 GitOps 시작하기", item: `${SITE_URL}${ARGO_CD}` },
  ]);

  const avatar = page.locator(".author-box img");
  assert.equal(await avatar.getAttribute("src"), "/blog/assets/favicon.svg");
  await avatar.scrollIntoViewIfNeeded();
  assert.ok(await avatar.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth > 0)), "the avatar loads");
  assert.match((await page.locator(".author-box__name").textContent())!, /김옵스/);
  assert.deepEqual(await page.locator(".author-box__links a").evaluateAll((a) => a.map((x) => x.getAttribute("href"))), ["https://github.com/me"]);
  // The posts folder is outside the project here (a temp folder): it is in no repository, so no edit link.
  assert.equal(await page.locator(".edit-link").count(), 0);
  await context.close();
});


for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: no violations on posts with every part, comments loaded, at 390 and 1280 px (${colorScheme})`, { skip }, async () => {
    const report: Record<string, string[]> = {};
    for (const width of [390, 1280]) {
      for (const url of [ROLLOUTS, KARPENTER]) {
        // axe goes in as an inline script, which the production CSP (rightly) refuses: bypassed here only.
        const { page, context } = await open(url, { width, colorScheme, bypassCSP: true });
        if (url === ROLLOUTS) {
          await page.evaluate(() => document.getElementById("comments")!.scrollIntoView());
          await page.waitForSelector("#comments iframe.giscus-frame");
        }
        report[`${url} ${width}px`] = await axeViolations(page);
        await context.close();
      }
    }
    assert.deepEqual(Object.values(report).flat(), [], JSON.stringify(report, null, 1));
  });
}
