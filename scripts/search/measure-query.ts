/**
 * How fast a search answers in Chromium, on a built site (any size: build the bench corpus first):
 *
 *   node --import tsx scripts/search/measure-query.ts SITE_DIR [QUERY ...]
 *
 * Serves the site on 127.0.0.1 (port 0), opens it in Debian's Chromium, and times `searchPosts`
 * (assets/js/korean-query.js) from the call until the first five results' data are loaded, in the
 * page with performance.now(). The first query (which loads the WASM and the vocabulary) is shown
 * apart; the others are each typed once, after it. Each query is then sent as typed straight to
 * Pagefind too (the engine's own time on this machine at that moment). Prints one line per query and
 * the median and the maximum of the queries after the first.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import { resolveRequestPath } from "../../src/preview/safe-path.ts";

const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error("usage: measure-query.ts SITE_DIR [QUERY ...]");
  process.exit(2);
}
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
try {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  // A string, not a callback: tsx would add a `__name` helper the page does not have.
  const timings = (await page.evaluate(`(async (queries) => {
    const korean = await import("/assets/js/korean-query.js");
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.init();
    const out = [];
    for (const query of queries) {
      const started = performance.now();
      const results = await korean.searchPosts(pagefind, query);
      await Promise.all(results.slice(0, 5).map((r) => r.data()));
      const ms = performance.now() - started;
      // The same query as typed, straight to Pagefind: the engine's own time on this machine, now.
      const plainStarted = performance.now();
      const plain = await pagefind.search(query);
      await Promise.all(plain.results.slice(0, 5).map((r) => r.data()));
      out.push({ query, ms, results: results.length, plainMs: performance.now() - plainStarted });
    }
    return out;
  })(${JSON.stringify(queries)})`)) as { query: string; ms: number; results: number; plainMs: number }[];
  for (const { query, ms, results, plainMs } of timings) console.log(`${query}\t${ms.toFixed(1)} ms\t${results} results\tplain Pagefind ${plainMs.toFixed(1)} ms`);
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
  };
  console.log(`first ${timings[0]!.ms.toFixed(1)} ms; after the first: searchPosts ${summary(timings.slice(1).map((t) => t.ms))}; plain Pagefind ${summary(timings.slice(1).map((t) => t.plainMs))}`);
} finally {
  await browser.close();
  server.close();
}
