/**
 * The built site behind real nginx with the project's `deploy/nginx.conf` (the container's config):
 * every page and asset reachable from the home page and the sitemap answers 200 (Korean URLs included),
 * an unknown URL gets the site's 404 page with status 404, and the cache, security and gzip headers hold.
 * A second build under `/blog/` checks a GitHub Pages project site's links resolve under its sub-path.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/cli/build-site.ts";
import { site } from "../../src/site.ts";
import { crawlSite, extractSitemapUrls, type CrawledResponse } from "./crawl-site.ts";
import { NGINX_BINARY, startNginx, type RunningNginx } from "./nginx-server.ts";
import { commandArgs } from "../helpers/run-cli.ts";

const missing = existsSync(NGINX_BINARY) ? false : `nginx is not installed (${NGINX_BINARY}); .ci/run installs it`;
// In CI (.ci/run sets up nginx) a missing nginx is a failure, never a silent skip.
if (missing && process.env.CI) throw new Error(`CI: ${missing}`);
const skip = missing;
if (skip) console.log(`nginx.test.ts skipped: ${skip}`);

const REQUEST_TIMEOUT_MS = 5_000;
/** Build, nginx start and crawl together (a build takes a few seconds on 2 shared cores). */
const SETUP_TIMEOUT_MS = 180_000;

/** fetch with a bounded wait: a hung nginx fails the test instead of hanging it. */
function get(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init });
}

const IMMUTABLE = "public, max-age=31536000, immutable";
const HANGUL = /[\uac00-\ud7a3]/;

/** The cache policy deploy/nginx.conf documents, for a URL path answered with 200. */
function expectedCacheControl(pathname: string): string {
  if (/\/pagefind\/.+\.(?:pf_fragment|pf_index|pf_filter|pf_meta|pagefind)$/.test(pathname)) return IMMUTABLE;
  if (/\.[0-9a-f]{8,}\.(?:css|js|mjs|map|woff2?|ttf|svg|png|jpe?g|gif|webp|avif|ico|wasm)$/.test(pathname)) return IMMUTABLE;
  return "no-cache";
}

/** Headers every response carries, pages, assets and errors alike. */
const SECURITY_HEADERS: Record<string, (value: string) => boolean> = {
  "x-content-type-options": (value) => value === "nosniff",
  "x-frame-options": (value) => value === "DENY",
  "referrer-policy": (value) => value === "strict-origin-when-cross-origin",
  "permissions-policy": (value) => value.includes("camera=()") && value.includes("microphone=()"),
  "content-security-policy": (value) => value.includes("default-src 'self'"),
};

function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

function assertSecurityHeaders(headers: Headers, where: string): void {
  for (const [name, isValid] of Object.entries(SECURITY_HEADERS)) {
    const value = headers.get(name);
    assert.ok(value !== null && isValid(value), `${where}: header ${name} is ${JSON.stringify(value)}`);
  }
}

/** The repo's stylesheet is linked from every page but arrives from another branch; required once it exists. */
const PENDING_FILES: Record<string, string> = {
  "/assets/css/opsnote.css": "assets/css/opsnote.css",
};

function isPending(pathname: string, prefix: string): boolean {
  const repoFile = PENDING_FILES[pathname.slice(prefix.length - 1)];
  return repoFile !== undefined && !existsSync(repoFile);
}

const KOREAN_POST = `---
title: "인그레스 정리"
tags: [쿠버네티스, ingress]
categories: [데브옵스]
---

# 인그레스란

![컨테이너의 발전](/assets/images/container_evolution.svg)

\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
\`\`\`
`;

/** The seed post plus a post whose title, tag and category are Korean, so Hangul URLs exist. */
async function writePosts(root: string): Promise<string> {
  const posts = path.join(root, "posts");
  await mkdir(posts, { recursive: true });
  await copyFile("posts/2021-04-13-kubernetes-intro.md", path.join(posts, "2021-04-13-kubernetes-intro.md"));
  await writeFile(path.join(posts, "2024-05-01-인그레스-정리.md"), KOREAN_POST);
  return posts;
}

/** Crawls from the prefix's home page and, when the build has one, its sitemap. */
async function crawlFromHomeAndSitemap(nginx: RunningNginx, prefix: string): Promise<CrawledResponse[]> {
  const start = [`${nginx.origin}${prefix}`];
  const sitemap = await get(`${nginx.origin}${prefix}sitemap.xml`);
  if (sitemap.status === 200) {
    const urls = extractSitemapUrls(await sitemap.text());
    assert.ok(urls.length > 0, "sitemap.xml lists no URL");
    start.push(...urls.map((url) => `${nginx.origin}${new URL(url).pathname}`));
  } else {
    console.log(`no ${prefix}sitemap.xml in the build yet (${sitemap.status}): crawled from the home page only`);
  }
  return crawlSite({ origin: nginx.origin, start: [...new Set(start)], siteUrl: site.url });
}

function summarize(responses: readonly CrawledResponse[]): string {
  const byType = new Map<string, number>();
  for (const { contentType, status } of responses) {
    const key = `${status} ${contentType.split(";")[0]}`;
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  return [...byType].map(([key, count]) => `${count} × ${key}`).join(", ");
}

function assertAllOk(responses: readonly CrawledResponse[], prefix: string): void {
  const failures = responses
    .filter(({ status, url }) => status !== 200 && !isPending(url.pathname, prefix))
    .map(({ url, status, linkedFrom }) => `${status} ${decodeURI(url.pathname)} (linked from ${linkedFrom ? decodeURI(linkedFrom) : "start"})`);
  assert.deepEqual(failures, [], `not 200:\n${failures.join("\n")}`);
  for (const pending of responses.filter(({ url, status }) => status !== 200 && isPending(url.pathname, prefix))) {
    console.log(`${pending.status} ${pending.url.pathname}: not in the repo yet (${PENDING_FILES[pending.url.pathname.slice(prefix.length - 1)]}); required once it exists`);
  }
}

describe("the site behind nginx with deploy/nginx.conf", { skip }, () => {
  let work: string;
  let output: string;
  let nginx: RunningNginx;
  let crawled: CrawledResponse[];

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), "opsnote-deploy-"));
    output = path.join(work, "site");
    await buildSite({ posts: await writePosts(work), output });
    // Stand-ins for files other parts of the build will produce, to pin the cache policy now.
    await mkdir(path.join(output, "pagefind/fragment"), { recursive: true });
    await writeFile(path.join(output, "assets/opsnote.0123abcd.css"), "body { color: black }\n");
    await writeFile(path.join(output, "pagefind/fragment/ko_5f3a9c1.pf_fragment"), "fragment");
    await writeFile(path.join(output, "pagefind/pagefind.js"), "export {};\n");
    nginx = await startNginx(output);
    crawled = await crawlFromHomeAndSitemap(nginx, "/");
    console.log(`crawl: ${crawled.length} URLs: ${summarize(crawled)}`);
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await nginx?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("every page and asset reachable from the home page (and sitemap) answers 200", () => {
    assert.ok(crawled.filter(({ contentType }) => contentType.startsWith("text/html")).length >= 8, summarize(crawled));
    assertAllOk(crawled, "/");
  });

  test("Korean tag, category and post URLs are reached percent-encoded and answer 200", () => {
    const korean = crawled.filter(({ url }) => HANGUL.test(decodeURIComponent(url.pathname)));
    const paths = korean.map(({ url }) => decodeURIComponent(url.pathname));
    console.log(`Hangul URLs: ${paths.join(" ")}`);
    for (const expected of ["/tags/쿠버네티스/", "/categories/데브옵스/", "/데브옵스/인그레스-정리/"]) {
      assert.ok(paths.includes(expected), `${expected} not reached; Hangul URLs: ${paths.join(", ")}`);
    }
    assert.ok(korean.every(({ url }) => url.pathname.includes("%")), "links carry Hangul percent-encoded");
    assert.ok(korean.every(({ status }) => status === 200));
  });

  test("a Korean URL without its trailing slash redirects to the page, relative to the visitor's host", async () => {
    const response = await get(`${nginx.origin}/tags/${encodeURIComponent("쿠버네티스")}`, { redirect: "manual" });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get("location"), `/tags/${encodeURIComponent("쿠버네티스")}/`);
  });

  test("an unknown URL answers 404 with the site's 404 page, never cached", async () => {
    // "/assets/": a folder without index.html (an old Hugo section URL such as /posts/) was nginx's own 403 page.
    for (const unknown of ["/no-such-page/", "/assets/", `/tags/${encodeURIComponent("없는-태그")}/`, "/assets/missing.0123abcd.css", "/.env"]) {
      const response = await get(`${nginx.origin}${unknown}`);
      const body = await response.text();
      assert.equal(response.status, 404, unknown);
      assert.equal(response.headers.get("cache-control"), "no-store", `${unknown}: a 404 must not be cached`);
      assertSecurityHeaders(response.headers, unknown);
      const page = path.join(output, "404.html");
      if (existsSync(page)) {
        assert.equal(body, await readFile(page, "utf8"), `${unknown}: body is the site's /404.html`);
      } else {
        assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
      }
    }
    if (!existsSync(path.join(output, "404.html"))) console.log("no /404.html in the build yet: checked the 404 status and headers only");
  });

  test("HTML is revalidated on every visit; only fingerprinted files are cached for a year", async () => {
    for (const { url, status, headers, contentType } of crawled.filter(({ status }) => status === 200)) {
      assert.equal(headers.get("cache-control"), expectedCacheControl(url.pathname), `${url.pathname} (${contentType})`);
      if (contentType.startsWith("text/html")) assert.equal(headers.get("cache-control"), "no-cache", url.pathname);
      assert.equal(status, 200);
    }
    const cases: [string, string][] = [
      ["/assets/opsnote.0123abcd.css", IMMUTABLE],
      ["/pagefind/fragment/ko_5f3a9c1.pf_fragment", IMMUTABLE],
      ["/pagefind/pagefind.js", "no-cache"],
      ["/assets/images/container_evolution.svg", "no-cache"],
      ["/", "no-cache"],
    ];
    for (const [url, expected] of cases) {
      const response = await get(`${nginx.origin}${url}`);
      await response.arrayBuffer();
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get("cache-control"), expected, url);
    }
  });

  test("every response carries the security headers; the CSP lets Pagefind's wasm run but no inline script", () => {
    for (const { url, headers } of crawled) assertSecurityHeaders(headers, url.pathname);
    const csp = parseCsp(crawled[0]!.headers.get("content-security-policy") ?? "");
    const scripts = csp.get("script-src") ?? [];
    assert.deepEqual(scripts, ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(csp.get("object-src"), ["'none'"]);
    assert.ok(csp.get("connect-src")?.includes("'self'"), "Pagefind fetches its index from the site");
    // Embedded videos and comment widgets load; no other site can be framed.
    assert.deepEqual(csp.get("frame-src"), [
      "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://giscus.app", "https://utteranc.es",
    ]);
  });

  test("no page has an inline script the CSP would block (the theme script must be a file)", () => {
    for (const { url, body } of crawled) {
      if (body === undefined) continue;
      const { document } = parseHTML(body);
      const inline = [...document.querySelectorAll("script:not([src])")].filter(
        (script) => script.getAttribute("type") !== "application/ld+json",
      );
      assert.equal(inline.length, 0, `${decodeURI(url.pathname)}: inline <script> is blocked by script-src 'self'; load it from /assets/`);
      const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
        element.getAttributeNames().filter((name) => name.startsWith("on")),
      );
      assert.deepEqual(handlers, [], `${decodeURI(url.pathname)}: on* attributes are blocked by the CSP`);
    }
  });

  test("feeds, sitemap and robots.txt, once the build writes them, are served with their types and revalidated", async () => {
    const files: [file: string, type: RegExp][] = [
      ["feed.xml", /^(text\/xml|application\/(atom|rss)\+xml)/],
      ["feed.json", /^application\/(feed\+)?json/],
      ["sitemap.xml", /^(text|application)\/xml/],
      ["robots.txt", /^text\/plain/],
    ];
    const absent: string[] = [];
    for (const [file, type] of files) {
      if (!existsSync(path.join(output, file))) {
        absent.push(file);
        continue;
      }
      const response = await get(`${nginx.origin}/${file}`, { headers: { "accept-encoding": "gzip" } });
      await response.arrayBuffer();
      assert.equal(response.status, 200, file);
      assert.match(response.headers.get("content-type") ?? "", type, file);
      assert.match(response.headers.get("content-type") ?? "", /charset=utf-8/, `${file}: Korean text needs its charset`);
      assert.equal(response.headers.get("cache-control"), "no-cache", file);
    }
    if (absent.length > 0) console.log(`not in the build yet, not checked: ${absent.join(", ")}`);
  });

  test("text is gzip-compressed when the client asks, and identical once decompressed", async () => {
    for (const url of ["/", "/assets/images/components-of-kubernetes.svg"]) {
      const plain = await get(`${nginx.origin}${url}`, { headers: { "accept-encoding": "identity" } });
      const gzipped = await get(`${nginx.origin}${url}`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(plain.headers.get("content-encoding"), null, url);
      assert.equal(gzipped.headers.get("content-encoding"), "gzip", url);
      assert.match(gzipped.headers.get("vary") ?? "", /Accept-Encoding/i, url);
      assert.equal(await gzipped.text(), await plain.text(), url);
    }
  });
});

describe("a project-site build (OPSNOTE_PATH_PREFIX=/blog/) behind nginx", { skip }, () => {
  const prefix = "/blog/";
  let work: string;
  let nginx: RunningNginx;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), "opsnote-deploy-prefix-"));
    const posts = await writePosts(work);
    // The prefix is read when the site settings load, so this build runs in its own process (as in CI).
    await promisify(execFile)(process.execPath, [...commandArgs("src/cli/build.ts"), "--posts", posts, "--output", path.join(work, "root/blog")], {
      env: { ...process.env, OPSNOTE_PATH_PREFIX: prefix },
      timeout: 120_000,
    });
    nginx = await startNginx(path.join(work, "root"));
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await nginx?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("every link stays under /blog/ and answers 200, as on GitHub Pages at /<repo>/", async () => {
    const crawled = await crawlFromHomeAndSitemap(nginx, prefix);
    console.log(`crawl under ${prefix}: ${crawled.length} URLs: ${summarize(crawled)}`);
    const outside = crawled.filter(({ url }) => !url.pathname.startsWith(prefix)).map(({ url, linkedFrom }) => `${url.pathname} (from ${linkedFrom})`);
    assert.deepEqual(outside, [], "links that escape the sub-path");
    assertAllOk(crawled, prefix);
    assert.ok(crawled.some(({ url }) => HANGUL.test(decodeURIComponent(url.pathname))), "a Hangul URL under the prefix");
  });
});
