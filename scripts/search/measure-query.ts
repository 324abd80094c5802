/**
 * How fast a search answers in Chromium, on a built site (any size: build the bench corpus first):
 *
 *   node --import tsx scripts/search/measure-query.ts SITE_DIR [--rounds 3] [QUERY ...]
 *
 * Serves the site on 127.0.0.1 (port 0), opens it in Debian's Chromium, and times `searchPosts`
 * (assets/js/korean-query.js, the site's own copy) from the call until the data of the results the
 * dialog shows first (search.js `PAGE_SIZE`) are loaded, in the page with performance.now(). The
 * first query loads the WASM, the index's entry and the vocabulary, and is shown apart. The queries
 * run one after the other three ways, each in a page of its own (Pagefind keeps the index chunks it
 * loaded for the earlier queries of its page, as it does for a reader):
 * - alone: searchPosts with an empty search cache for every query;
 * - after the pause: the same, started as the search dialog starts it: the query's index chunks were
 *   preloaded (`preloadQuery`, called on every keystroke) during the pause it waits for
 *   (search.js `TYPING_PAUSE_MS`); timed from the search's start, as the others;
 * - in one session: searchPosts on one client, as a reader searching several times (a search asked
 *   before, by an earlier query or through another query's rewrite, is not asked again);
 * - plain Pagefind: the query as typed, straight to Pagefind (the anchor).
 * The summary is the median and the maximum over every query after the first of every round.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { resolveRequestPath } from "../../src/preview/safe-path.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "3" } } });
const [site, ...given] = positionals;
if (!site) {
  console.error("usage: measure-query.ts SITE_DIR [--rounds 3] [QUERY ...]");
  process.exit(2);
}
const rounds = Math.max(1, Number(values.rounds));
const queries = given.length > 0 ? given : ["쿠버네티스", "설치했다", "헬름 차트를", "ㅋㅂㄴㅌㅅ", "쿠버네티수", "k8s 롤링 업데이트", "도커 이미지의", "테라폼 모듈", "배포하는 전략", "프로메테우스 알림", "노드풀", "docker"];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
const server = http.createServer(async (req, res) => {
  const resolved = resolveRequestPath(site, req.url ?? "/");
  for (const candidate of resolved ? [resolved, path.join(resolved, "index.html")] : []) {
    if ((await stat(candidate).catch(() => undefined))?.isFile()) {
      res.writeHead(200, { "content-type": TYPES[path.extname(candidate)] ?? "application/octet-stream" });
      createReadStream(candidate).pipe(res);
      return;
    }
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

interface Timing {
  query: string;
  ms: number;
  results: number;
  /** Pagefind searches asked for (none when the search cache had them all). */
  searches: number;
}

const LABELS = { alone: "searchPosts alone", typed: "searchPosts after the pause", session: "searchPosts in one session", plain: "plain Pagefind" } as const;

type Mode = "alone" | "typed" | "session" | "plain";
const MODES: Mode[] = ["alone", "typed", "session", "plain"];
const all: Record<Mode, Timing[][]> = { alone: [], typed: [], session: [], plain: [] };
try {
  for (let round = 0; round < rounds; round++) {
    // Each way in a page of its own (its own loaded chunks), in an order rotated every round.
    const order = [...MODES.slice(round % MODES.length), ...MODES.slice(0, round % MODES.length)];
    for (const mode of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/`);
      // A string, not a callback: tsx would add a `__name` helper the page does not have.
      const timings = (await page.evaluate(`(async ([queries, mode]) => {
        const korean = await import("/assets/js/korean-query.js");
        const { PAGE_SIZE, TYPING_PAUSE_MS } = await import("/assets/js/search.js");
        const pagefind = await import("/pagefind/pagefind.js");
        await pagefind.options({ excerptLength: 24 });
        await pagefind.init();
        let searches = 0;
        // searchPosts caches per client object: a new wrapper is a new, empty cache.
        const client = () => ({ search: (text, options) => { searches++; return pagefind.search(text, options); } });
        const session = client();
        const out = [];
        for (const query of queries) {
          if (mode === "typed") {
            // As the dialog does: the chunks are preloaded while it waits for the pause in typing.
            // (A site built before preloadQuery existed only waits.)
            korean.preloadQuery?.(pagefind, query);
            await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS ?? 120));
          }
          searches = 0;
          const started = performance.now();
          const results = mode === "plain" ? (await pagefind.search(query)).results : await korean.searchPosts(mode === "session" ? session : client(), query);
          await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
          out.push({ query, ms: performance.now() - started, results: results.length, searches });
        }
        return out;
      })(${JSON.stringify([queries, mode])})`)) as Timing[];
      all[mode].push(timings);
      await context.close();
    }
    console.log(`round ${round + 1}: query\tresults (plain)\t${MODES.map((mode) => `${LABELS[mode]} ms`).join("\t")}\tPagefind searches alone (in one session)`);
    for (const [i, query] of queries.entries()) {
      const t = (mode: Mode) => all[mode][round]![i]!;
      console.log(`${query}\t${t("alone").results} (${t("plain").results})\t${MODES.map((mode) => t(mode).ms.toFixed(1)).join("\t")}\t${t("alone").searches} (${t("session").searches})`);
    }
  }
  const firsts = (mode: Mode) => all[mode].map((timings) => timings[0]!.ms.toFixed(0)).join(" / ");
  console.log(`\n${rounds} round(s); median and max over the ${rounds * (queries.length - 1)} queries after the first; the first query (WASM and index load) apart:`);
  for (const mode of MODES) {
    const sorted = all[mode].flatMap((timings) => timings.slice(1).map((t) => t.ms)).sort((a, b) => a - b);
    console.log(`  ${LABELS[mode].padEnd(26)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; first ${firsts(mode)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
