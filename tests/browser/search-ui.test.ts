/**
 * The search dialog as a reader uses it, in real Chromium under the production CSP, on one site of
 * 14 generated posts that share a word, built with a path prefix (`/blog/`): results with title, heading link, marked snippet, date and tags; the combobox
 * keyboard and ARIA; "more"; the tag filter; the empty state's tag suggestions; axe in both themes.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { ROOT, axeViolations, launchChromium, skipReason, startStaticServer, type StaticServer } from "./harness.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

const skip = skipReason();
const PREFIX = "/blog/";
/** Every post says this word, so one query has more results than a page of them. */
const WORD = "프로메테우스";
const POSTS = 14;

/** Post n (1..14): tag 모니터링 on all, prometheus on 1..5, grafana on 6..8; category observability on 1..10. */
function postSource(n: number): string {
  const tags = ["모니터링", ...(n <= 5 ? ["prometheus"] : []), ...(n >= 6 && n <= 8 ? ["grafana"] : [])];
  const day = String(n).padStart(2, "0");
  // Post 1 is dated 01:00 on 3 March in Seoul: still 2 March in UTC, and the post page says 3 March.
  const date = n === 1 ? "2024-03-03T01:00:00+09:00" : `2024-04-${day}T12:00:00+09:00`;
  const body = n === 1
    ? `도입부에는 그 단어가 없다.\n\n## 경보 규칙 설정\n\n${WORD} 경보 규칙은 ${WORD} 서버가 평가하고, ${WORD} 알림 관리자가 보낸다.\n`
    : `모니터링 노트 ${n}번: ${WORD}로 지표를 모은다.\n`;
  return [
    "---",
    `title: "${n === 1 ? "경보 규칙 정리" : `모니터링 노트 ${n}`}"`,
    `date: ${date}`,
    `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`,
    `categories: [${n <= 10 ? "observability" : "devops"}]`,
    "---",
    "",
    body,
  ].join("\n");
}

interface Site {
  root: string;
  dir: string;
  server: StaticServer;
  browser: Browser;
  problems: string[];
}
let site: Site | undefined;

before(async () => {
  if (skip) return;
  const posts: Record<string, string> = {};
  for (let n = 1; n <= POSTS; n++) posts[`posts/2024-${String(n).padStart(2, "0")}-note-${n}.md`] = postSource(n);
  const root = await writeTempFolder("search-ui", {
    ...posts,
    "opsnote.config.yaml": "title: 검색 시험\nurl: https://example.org\npathPrefix: /blog/\n",
  });
  // Served from `www/`, so the site's own URLs (`/blog/...`) resolve as on a project site.
  const dir = path.join(root, "www", "blog");
  await mkdir(path.dirname(dir), { recursive: true });
  const build = buildInChild(path.join(root, "posts"), dir, { OPSNOTE_CONFIG: path.join(root, "opsnote.config.yaml") });
  assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
  const server = await startStaticServer(path.join(root, "www"));
  const browser = await launchChromium();
  site = { root, dir, server, browser, problems: [] };
});

after(async () => {
  if (!site) return;
  await site.browser.close();
  await site.server.close();
  await rm(site.root, { recursive: true, force: true });
  assert.deepEqual(site.problems, [], "no CSP violation, script error or failed request on any page");
});

function open(): Site {
  if (!site) throw new Error("the site is not built (skipped?)");
  return site;
}

async function newPage({ width = 1280, colorScheme = "light" as "light" | "dark", bypassCSP = false } = {}) {
  const s = open();
  const context = await s.browser.newContext({ viewport: { width, height: 800 }, colorScheme, reducedMotion: "reduce", locale: "ko-KR", bypassCSP });
  const page = await context.newPage();
  page.on("pageerror", (error) => s.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) s.problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) s.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(`${s.server.url}${PREFIX}`);
  return { page, context };
}

/** The client strings the page carries (src/ui/strings.ts `client`). */
function clientStrings(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => JSON.parse(document.getElementById("opsnote-ui")!.dataset.strings!) as Record<string, string>);
}

/** Waits until the dialog shows the answer to `query` under `filters` (search.js marks it). */
async function waitForAnswer(page: Page, query: string, filters = ""): Promise<void> {
  await page.waitForFunction(([q, f]) => {
    const dialog = document.getElementById("search-dialog");
    return dialog?.dataset.query === q && dialog.dataset.filters === f;
  }, [query, filters] as const);
}

async function search(page: Page, query: string): Promise<void> {
  if (!(await page.locator("#search-dialog[open]").count())) await page.keyboard.press("/");
  await page.locator("#search-input").fill(query);
  await waitForAnswer(page, query);
}

test("a result: title, a link to the matched heading, a marked snippet, the date as on the post page, the tags; URLs under the path prefix", { skip }, async () => {
  const { page, context } = await newPage();
  await search(page, "경보");
  const result = page.locator(".search__result").first();
  assert.equal(await result.locator(".search__title").textContent(), "경보 규칙 정리");
  assert.equal(await result.locator(".search__heading").textContent(), "경보 규칙 설정");
  const href = await result.getAttribute("href");
  assert.equal(decodeURIComponent(href ?? ""), `${PREFIX}observability/2024-01-note-1/#경보-규칙-설정`, "the link goes to the heading, under the prefix");
  const marks = await result.locator(".search__excerpt mark").allTextContents();
  assert.ok(marks.length >= 1 && marks.every((mark) => mark === "경보"), `the match is marked: ${JSON.stringify(marks)}`);
  const excerpt = await result.locator(".search__excerpt").textContent();
  assert.ok(excerpt?.startsWith(WORD), `the snippet does not repeat the heading shown above it: ${excerpt}`);
  assert.deepEqual(await result.locator(".search__tag").allTextContents(), ["모니터링", "prometheus"]);
  const date = await result.locator(".search__date").textContent();
  assert.equal(date, "2024년 3월 3일", "the date as the author wrote it, not the UTC day");

  // The post page shows the same date, and the link lands on the heading.
  await Promise.all([page.waitForURL(/note-1/), result.click()]);
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `${PREFIX}observability/2024-01-note-1/`);
  assert.equal(decodeURIComponent(new URL(page.url()).hash), "#경보-규칙-설정");
  assert.equal(await page.locator(".post__meta time").first().textContent(), date);
  await context.close();
});

test("the post layout gives the index its date and tags (meta) and tag and category filters", { skip }, async () => {
  const html = await readFile(path.join(open().dir, "observability/2024-01-note-1/index.html"), "utf8");
  const { document } = parseHTML(html);
  assert.equal(document.querySelector('[data-pagefind-meta="date"]')?.textContent, "2024년 3월 3일");
  const tagsMeta = document.querySelector('[data-pagefind-meta="tags[data-tags]"]');
  assert.equal(tagsMeta?.getAttribute("data-tags"), "모니터링, prometheus");
  assert.deepEqual([...document.querySelectorAll('[data-pagefind-filter="tags"]')].map((a) => a.textContent), ["모니터링", "prometheus"]);
  assert.deepEqual([...document.querySelectorAll('[data-pagefind-filter="categories"]')].map((a) => a.textContent), ["observability"]);
});

test("keyboard: / opens, arrows move the active option (aria-activedescendant, visible), Enter opens it, Escape closes", { skip }, async () => {
  const { page, context } = await newPage();
  await page.keyboard.press("/");
  await page.locator("#search-dialog[open]").waitFor(); // search.js is imported on first use
  const input = page.locator("#search-input");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
  assert.equal(await input.getAttribute("role"), "combobox");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  await search(page, WORD);
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  assert.equal(await input.getAttribute("aria-controls"), "search-results");
  assert.equal(await page.locator("#search-results").getAttribute("role"), "listbox");
  assert.equal(await input.getAttribute("aria-activedescendant"), null);

  const active = () => page.evaluate(() => {
    const id = document.getElementById("search-input")!.getAttribute("aria-activedescendant");
    const option = id ? document.getElementById(id) : null;
    const selected = [...document.querySelectorAll('#search-results [aria-selected="true"]')].map((o) => o.id);
    return { id, selected, outline: option ? getComputedStyle(option).outlineStyle : "", focus: document.activeElement?.id };
  });
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await active(), { id: "searchOption-0", selected: ["searchOption-0"], outline: "solid", focus: "search-input" });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal((await active()).id, "searchOption-2");
  await page.keyboard.press("ArrowUp");
  assert.equal((await active()).id, "searchOption-1");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.deepEqual(await active(), { id: null, selected: [], outline: "", focus: "search-input" }, "back in the input");

  await page.keyboard.press("ArrowDown");
  await search(page, "경보");
  assert.deepEqual(await active(), { id: null, selected: [], outline: "", focus: "search-input" }, "a new query starts from the input");
  await search(page, WORD);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const target = await page.locator("#searchOption-1").getAttribute("href");
  await Promise.all([page.waitForURL((url) => url.pathname === target), page.keyboard.press("Enter")]);

  // Enter right after typing, before the search has answered, opens the typed query's best result.
  await page.keyboard.press("/");
  await page.locator("#search-dialog[open]").waitFor();
  await page.locator("#search-input").fill("경보");
  await Promise.all([page.waitForURL((url) => decodeURIComponent(url.hash) === "#경보-규칙-설정"), page.keyboard.press("Enter")]);
  await page.keyboard.press("/");
  await page.locator("#search-dialog[open]").waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#search-dialog").evaluate((d) => (d as HTMLDialogElement).open), false);
  await context.close();
});

test("more: 10 results first, the next ones on 'more', with the count in the status", { skip }, async () => {
  const { page, context } = await newPage();
  const ui = await clientStrings(page);
  await search(page, WORD);
  assert.equal(await page.locator(".search__result").count(), 10);
  assert.equal(await page.locator(".search__status").textContent(), ui.searchShown!.replace("{count}", "14").replace("{shown}", "10"));
  const more = page.locator(".search__more");
  assert.equal(await more.textContent(), ui.searchMore);
  await more.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll(".search__result").length === 14);
  assert.equal(await more.isVisible(), false, "nothing more to load");
  assert.equal(await page.locator(".search__status").textContent(), ui.searchResults!.replace("{count}", "14"));
  // The keyboard is back in the input, on the first new result.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
  assert.equal(await page.locator("#search-input").getAttribute("aria-activedescendant"), "searchOption-10");
  const titles = await page.locator(".search__title").allTextContents();
  assert.equal(new Set(titles).size, 14, "every post once");
  await context.close();
});

test("filter: the tag select, by keyboard, narrows the results; counts come from the index", { skip }, async () => {
  const { page, context } = await newPage();
  const ui = await clientStrings(page);
  await search(page, WORD);
  const tags = page.locator("#search-filter-tags");
  assert.deepEqual(await tags.locator("option").allTextContents(), [ui.searchFilterAll, "모니터링 (14)", "prometheus (5)", "grafana (3)"]);
  assert.deepEqual(await page.locator("#search-filter-categories option").allTextContents(), [ui.searchFilterAll, "observability (10)", "devops (4)"]);
  // Tab from the input: close button, then the tag select.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-filter-tags");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await tags.inputValue(), "grafana");
  await waitForAnswer(page, WORD, "tags:grafana");
  assert.deepEqual((await page.locator(".search__title").allTextContents()).sort(), ["모니터링 노트 6", "모니터링 노트 7", "모니터링 노트 8"]);
  for (const tagList of await page.locator(".search__result .search__tags").allTextContents()) assert.ok(tagList.includes("grafana"));

  await page.locator("#search-filter-categories").selectOption("devops");
  await waitForAnswer(page, WORD, "tags:grafana,categories:devops");
  assert.equal(await page.locator(".search__result").count(), 0);
  assert.equal(await page.locator(".search__status").textContent(), ui.searchNoResults);
  await context.close();
});

test("empty state: the most used tags, one click lists a tag's posts; no results suggests them too", { skip }, async () => {
  const { page, context } = await newPage();
  const ui = await clientStrings(page);
  await page.keyboard.press("/");
  const suggestions = page.locator(".search__suggestions");
  await suggestions.waitFor({ state: "visible" });
  assert.equal(await suggestions.locator("h2").textContent(), ui.searchSuggestTags);
  assert.deepEqual(await suggestions.locator("button").evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.tag)), ["모니터링", "prometheus", "grafana"]);
  assert.equal(await page.locator(".search__result").count(), 0);

  await suggestions.getByRole("button", { name: /prometheus/ }).click();
  await waitForAnswer(page, "", "tags:prometheus");
  assert.equal(await page.locator(".search__result").count(), 5);
  assert.equal(await page.locator("#search-filter-tags").inputValue(), "prometheus");
  assert.equal(await suggestions.isVisible(), false, "suggestions give way to results");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");

  await page.locator("#search-filter-tags").selectOption("");
  await search(page, "뷁뛟쀍");
  assert.equal(await page.locator(".search__status").textContent(), ui.searchNoResults);
  assert.ok(await suggestions.isVisible(), "no results: the tags are offered");
  await context.close();
});

test("words: every word the dialog shows comes from the page's client strings; search.js has none of its own", { skip }, async () => {
  const { page, context } = await newPage();
  const ui = await clientStrings(page);
  await search(page, WORD);
  const chrome = await page.evaluate(() => ({
    filterLabels: [...document.querySelectorAll(".search__filter > span")].map((s) => s.textContent),
    all: document.querySelector("#search-filter-tags option")?.textContent,
    more: document.querySelector(".search__more")?.textContent,
    listLabel: document.getElementById("search-results")?.getAttribute("aria-label"),
    tagsLabel: document.querySelector(".search__tags .visually-hidden")?.textContent,
  }));
  assert.deepEqual(chrome, {
    filterLabels: [ui.searchFilterTag, ui.searchFilterCategory],
    all: ui.searchFilterAll,
    more: ui.searchMore,
    listLabel: ui.searchResultsLabel,
    tagsLabel: ui.searchTags,
  });
  const source = await readFile(path.join(ROOT, "assets/js/search.js"), "utf8");
  assert.doesNotMatch(source, /[\uac00-\ud7a3]/u, "no Korean word hard-coded in search.js");
  await context.close();
});


for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: no violations in the open dialog, empty (tag suggestions) and with results, filters and an active option (${colorScheme})`, { skip }, async () => {
    // axe is injected as an inline script, which the production CSP (rightly) refuses: bypass it here.
    const { page, context } = await newPage({ colorScheme, bypassCSP: true });
    const audit = () => axeViolations(page, "#search-dialog");
    await page.keyboard.press("/");
    await page.locator(".search__suggestions").waitFor({ state: "visible" });
    const empty = await audit();
    await search(page, WORD);
    await page.keyboard.press("ArrowDown");
    assert.deepEqual({ empty, results: await audit() }, { empty: [], results: [] });
    await context.close();
  });
}
