/**
 * The reader's features in a real browser, driven like a reader would: typing, clicking, keys.
 * Search (Korean particles, prefixes, mixed words, keyboard), theme toggle and reload, copy
 * buttons read back from the clipboard, TOC scrolling, skip link, scrollable code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { ROOT, searchTitles as search, skipReason, useSampleSite } from "./harness.ts";

const skip = skipReason();
const sampleSite = useSampleSite(skip);

const HELM = "/devops/helm-chart-basics/";
const DOCKER = "/devops/docker-multi-stage/";

test("search: a query with a particle (쿠버네티스는) finds a post that only says 쿠버네티스가", { skip }, async () => {
  const helm = await readFile(path.join(ROOT, "tests/browser/posts/2024-05-01-helm-chart-basics.md"), "utf8");
  assert.ok(helm.includes("쿠버네티스가") && !helm.includes("쿠버네티스는"), "fixture guard: the Helm post only says 쿠버네티스가");
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}/`);
  const titles = await search(page, "쿠버네티스는");
  assert.ok(titles.includes("Helm 차트 기초"), `results: ${titles.join(", ")}`);
  assert.ok(titles.includes("Kubernetes intro"));
  assert.ok(!titles.includes("Docker 멀티 스테이지 빌드"));
  const marks = await page.locator(".search__excerpt mark").allTextContents();
  // The query's stem, or its synonym (쿠버네티스 = kubernetes, assets/js/korean-query.js SYNONYMS): nothing else.
  assert.ok(marks.length > 0 && marks.every((m) => m.startsWith("쿠버네티스") || /kubernetes/i.test(m)), `marked: ${marks.join(", ")}`);
  assert.ok(marks.some((m) => m.startsWith("쿠버네티스가")), `the particle form is marked: ${marks.join(", ")}`);
  await context.close();
});

test("search: a prefix (쿠버) and mixed English/Korean words with particles", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}/`);
  const prefix = await search(page, "쿠버");
  assert.ok(prefix.includes("Helm 차트 기초") && prefix.includes("Kubernetes intro"), `쿠버: ${prefix.join(", ")}`);
  assert.ok(!prefix.includes("Docker 멀티 스테이지 빌드"));
  const marks = await page.locator(".search__excerpt mark").allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m.startsWith("쿠버")), `marked: ${marks.join(", ")}`);

  const mixed = await search(page, "helm을 쿠버네티스가");
  assert.ok(mixed.includes("Helm 차트 기초"), `helm을 쿠버네티스가: ${mixed.join(", ")}`);
  assert.ok(!mixed.includes("Docker 멀티 스테이지 빌드") && !mixed.includes("Kubernetes intro"), "every word must match");
  const docker = await search(page, "Docker 빌드를");
  assert.ok(docker.includes("Docker 멀티 스테이지 빌드") && !docker.includes("Helm 차트 기초"), `Docker 빌드를: ${docker.join(", ")}`);

  assert.deepEqual(await search(page, "뷁뛟쀍"), []);
  assert.equal(await page.locator(".search__status").textContent(), "검색 결과가 없습니다.");
  await context.close();
});

test("search: the index holds exactly the published posts, no generated page", { skip }, async () => {
  const entry = JSON.parse(await readFile(path.join(sampleSite().dir, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const htmlFiles = (await readdir(sampleSite().dir, { recursive: true })).filter((file) => file.endsWith(".html"));
  let posts = 0;
  for (const file of htmlFiles) {
    if (/<article class="post(?: post--page)?(?: post--with-aside)?"/.test(await readFile(path.join(sampleSite().dir, file), "utf8"))) posts += 1;
  }
  assert.ok(htmlFiles.length > posts, "the site has generated pages too");
  assert.deepEqual(Object.keys(entry.languages), ["ko"], "Pagefind read <html lang=ko>");
  assert.equal(entry.languages.ko!.page_count, posts);
});

test("search: Pagefind loads only when search opens; button, arrows, Enter and Escape work", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${sampleSite().server.url}${DOCKER}`);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requests.filter((p) => p.startsWith("/pagefind/") || p.endsWith("/search.js")), [], "nothing of search before it opens");

  await page.getByRole("button", { name: "검색" }).click();
  await page.locator("#search-dialog[open]").waitFor(); // search.js is imported on the first click
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#search-dialog").evaluate((d) => (d as HTMLDialogElement).open), false);

  await search(page, "롤백");
  const result = page.locator(".search__result").first();
  assert.equal(await result.locator(".search__heading").textContent(), "릴리스 관리", "the result names the closest heading");
  // Focus stays in the input (a combobox); the arrows move the active result.
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator("#search-input").getAttribute("aria-activedescendant"), "searchOption-0");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.locator("#search-input").getAttribute("aria-activedescendant"), null);
  await page.keyboard.press("ArrowDown");
  await Promise.all([page.waitForURL(/helm-chart-basics/), page.keyboard.press("Enter")]);
  assert.equal(decodeURIComponent(new URL(page.url()).hash), "#릴리스-관리", "the link goes to the heading");
  assert.ok(requests.some((p) => p.startsWith("/pagefind/")), "Pagefind was loaded on open");
  await context.close();
});

test("theme: the toggle cycles system -> light -> dark, survives a reload, and is applied before the body is parsed", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ colorScheme: "light" });
  // Records data-theme at the moment <body> is inserted: a theme set later would flash.
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.getAttribute("data-theme");
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  const toggle = page.locator("[data-theme-toggle]");
  const theme = () => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await theme(), null);
  assert.equal(await toggle.getAttribute("aria-label"), "테마: 시스템 설정");
  const lightBackground = await background();
  await toggle.click();
  assert.equal(await theme(), "light");
  await toggle.click();
  assert.equal(await theme(), "dark");
  assert.equal(await toggle.getAttribute("aria-label"), "테마: 어둡게");
  assert.notEqual(await background(), lightBackground);
  const codeColour = await page.locator(".shiki").first().evaluate((pre) => getComputedStyle(pre).backgroundColor);
  assert.equal(codeColour, "rgb(36, 41, 46)", "shiki switches to its dark theme");

  await page.reload();
  assert.equal(await theme(), "dark");
  assert.equal(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody), "dark", "set before <body>");
  await page.locator("[data-theme-toggle]").click();
  assert.equal(await theme(), null, "back to the system theme");
  assert.equal(await page.evaluate(() => localStorage.getItem("opsnote-theme")), null);
  await context.close();
});

test("copy: a console block copies only the commands; other blocks copy the code without notation comments", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: sampleSite().server.url });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const consoleBlock = page.locator('.code-block[data-lang="console"]');
  await consoleBlock.getByRole("button", { name: "명령어만 복사" }).click();
  assert.equal(await clipboard(), "helm repo add bitnami https://charts.bitnami.com/bitnami\nhelm install web bitnami/nginx \\\n  --set replicaCount=2");
  assert.equal(await consoleBlock.locator(".code-block__copy").textContent(), "복사했습니다");
  const prompt = consoleBlock.locator(".prompt").first();
  assert.equal(await prompt.evaluate((el) => getComputedStyle(el).userSelect), "none");

  await page.locator('.code-block[data-title="values.yaml"]').getByRole("button", { name: "코드 복사" }).click();
  assert.equal(await clipboard(), 'replicaCount: 2\nimage:\n  repository: nginx\n  tag: "1.27"\n  tag: "1.27.1"');
  await context.close();
});

test("copy: a block with no language and no title has its button over the first line, and a mouse click reaches the button", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: sampleSite().server.url });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  const block = page.locator('.code-block[data-lang=""]:not([data-title])');
  assert.equal(await block.count(), 1, "fixture guard: the Helm post has one unlabelled fence");
  assert.equal(await block.locator(".code-block__title, .code-block__lang").count(), 0, "its header floats (no title, no language)");
  // Playwright's click (without `force`) moves the mouse to the button's centre and fails when another
  // element would take the click there: the first code line did, painted above the header.
  await block.getByRole("button", { name: "코드 복사" }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "helm list --all-namespaces\nhelm status web");
  assert.equal(await block.locator(".code-block__copy").textContent(), "복사했습니다");
  await context.close();
});

test("code: a long line scrolls inside its focusable box, never the page (390 px wide)", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ width: 390 });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  const pre = page.locator('.code-block[data-lang="bash"] pre');
  const { scrollWidth, clientWidth } = await pre.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(scrollWidth > clientWidth, "the long line overflows its box");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "the page itself does not scroll sideways");
  await pre.focus();
  await page.keyboard.press("ArrowRight");
  // Keyboard scrolling may be animated: wait for it (Playwright's own time limit: a loaded machine may take seconds).
  await page.waitForFunction((el) => el!.scrollLeft > 0, await pre.elementHandle());
  await context.close();
});

test("TOC: a link scrolls its heading to the top of the window", { skip }, async () => {
  const { page, context } = await sampleSite().newPage({ width: 1280 });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  await page.locator("nav.toc").getByRole("link", { name: "값 파일" }).click();
  const { top, scrollY } = await page.locator("#값-파일").evaluate((h) => ({ top: h.getBoundingClientRect().top, scrollY: window.scrollY }));
  assert.ok(scrollY > 0, "the page scrolled");
  assert.ok(top >= 0 && top < 80, `heading top at ${top}px`);
  assert.equal(decodeURIComponent(new URL(page.url()).hash), "#값-파일");
  await context.close();
});

test("keyboard: the first Tab reaches the skip link, which moves focus to main; focus is visible", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}${HELM}`);
  await page.keyboard.press("Tab");
  const skipLink = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
  assert.deepEqual(skipLink, { cls: "skip-link", text: "본문으로 건너뛰기" });
  const box = await page.locator(".skip-link").boundingBox();
  assert.ok(box && box.y >= 0, "the focused skip link is on screen");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  // Tab onwards from main reaches the post's links; each focused element draws an outline.
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { tag: document.activeElement?.tagName, outline: style.outlineStyle, width: style.outlineWidth };
  });
  assert.equal(outline.tag, "A");
  assert.equal(outline.outline, "solid");
  assert.equal(outline.width, "2px");
  await context.close();
});

// reader (issue 18): the sample site has no `comments` setting.
test("comments: a site without the setting has no comments section and requests nothing from another site, scrolled to a post's end", { skip }, async () => {
  const { page, context } = await sampleSite().newPage();
  const elsewhere: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    elsewhere.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${sampleSite().server.url}${HELM}`);
  assert.equal(await page.locator("#comments, [data-comments]").count(), 0);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.ok(await page.locator(".related a").count() > 0, "the post's end (related posts) was reached");
  assert.deepEqual(elsewhere, []);
  await context.close();
});
