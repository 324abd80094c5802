/**
 * Whole-site build: the real Eleventy build (`buildSite`, as `npm run build` runs it) into temporary
 * folders, then invariants checked on the written HTML with a real parser.
 *
 * Each site is built once, in `before()`, and shared by the tests that read it:
 * - `seed`: the real `posts/` folder (the build shared by every test file, tests/helpers/sample-site.ts);
 * - `tiny`: two made-up posts, for what the seed post does not have (a code fence, an indented
 *   code block, a Korean tag spelled once in NFC and once in NFD).
 * The failing builds are made in their own tests.
 */
import { after, before, mock, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { DateTime } from "luxon";
import { buildSite } from "../../src/cli/build-site.ts";
import { describeBuildError, diagnosticsOf } from "../../src/cli/errors.ts";
import { CODE_STYLESHEET_URL } from "../../src/urls/site-urls.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { parseStylesheet, tokenVariables } from "../helpers/token-colours.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED_URL = "/devops/kubernetes-intro/";
const NFD_KUBERNETES = "쿠버네티스".normalize("NFD");

let tmp: string;
let seedSite: string;
let tinySite: string;
/** What the tiny build printed through console.warn. */
let tinyWarnings: string[] = [];

type Page = ReturnType<typeof parseHTML>["document"];

/** The file a root-relative URL is served from: `/a/b/` -> `a/b/index.html`. */
function fileOf(site: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url, "https://example.kr/").pathname);
  return path.join(site, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
}

async function page(site: string, url: string): Promise<Page> {
  return parseHTML(await readFile(fileOf(site, url), "utf8")).document;
}

async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true });
  return entries.filter((entry) => entry.endsWith(".html")).sort();
}

async function writePosts(folder: string, posts: Record<string, string>): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(posts)) await writeFile(path.join(folder, name), text);
  return folder;
}

before(async () => {
  // buildSite reads `.eleventy.ts` and copies `assets/` relative to the working directory.
  process.chdir(ROOT);
  tmp = await mkdtemp(path.join(os.tmpdir(), "opsnote-build-test-"));
  seedSite = await sampleSite(); // shared with other files: read only

  const tinyPosts = await writePosts(path.join(tmp, "tiny-posts"), {
    "2021-05-01-helm-basics.md": [
      "---",
      "title: Helm 기초",
      "tags: [쿠버네티스, helm]",
      "categories: [쿠버네티스]",
      "---",
      "",
      "## 매니페스트",
      "",
      "```yaml",
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      "  name: {{ .Values.name }}",
      "```",
      "",
      "들여쓴 코드:",
      "",
      "    helm install web ./chart",
      "",
      "```kubectl", // line 20: an unknown language, reported with this line
      "get pods",
      "```",
      "",
    ].join("\n"),
    // Written on macOS: the tag arrives decomposed into jamo.
    "2021-05-02-nfd-tag.md": ["---", "title: NFD 태그", `tags: [${NFD_KUBERNETES}]`, "---", "", "본문.", ""].join("\n"),
  });
  const warn = mock.method(console, "warn", () => {});
  try {
    tinySite = (await buildSite({ posts: tinyPosts, output: path.join(tmp, "tiny") })).output;
  } finally {
    tinyWarnings = warn.mock.calls.map((call) => String(call.arguments[0]));
    warn.mock.restore();
  }
});

after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// The seed post page.

test("seed: the post is written at devops/kubernetes-intro/index.html", () => {
  assert.ok(existsSync(path.join(seedSite, "devops/kubernetes-intro/index.html")));
});

test("seed: exactly one h1, the post title", async () => {
  const document = await page(seedSite, SEED_URL);
  const h1s = [...document.querySelectorAll("h1")];
  assert.equal(h1s.length, 1);
  assert.equal(h1s[0]!.textContent!.trim(), "Kubernetes intro");
});

test("seed: every TOC link targets an element on the page", async () => {
  const document = await page(seedSite, SEED_URL);
  const links = [...document.querySelectorAll("nav.toc a")];
  assert.equal(links.length, 9, "the seed post has nine headings");
  for (const link of links) {
    const href = link.getAttribute("href") ?? "";
    assert.ok(href.startsWith("#"), href);
    const id = decodeURIComponent(href.slice(1));
    const target = document.getElementById(id);
    assert.ok(target, `TOC link ${href} has no target`);
    assert.match(target.tagName, /^H[2-6]$/);
  }
});

test("seed: the TOC uses Korean ids", async () => {
  const document = await page(seedSite, SEED_URL);
  const hrefs = [...document.querySelectorAll("nav.toc a")].map((a) => decodeURIComponent(a.getAttribute("href")!));
  assert.ok(hrefs.includes("#그래서-쿠버네티스가-뭔데"));
  assert.ok(hrefs.includes("#포스트를-마치며"));
});

test("seed: both images resolve to files in the output", async () => {
  const document = await page(seedSite, SEED_URL);
  const sources = [...document.querySelectorAll("img")].map((img) => img.getAttribute("src") ?? "");
  assert.deepEqual(sources.sort(), ["/assets/images/components-of-kubernetes.svg", "/assets/images/container_evolution.svg"]);
  for (const source of sources) assert.ok(existsSync(fileOf(seedSite, source)), `${source} not in the output`);
});

test('seed: <html lang="ko">', async () => {
  const document = await page(seedSite, SEED_URL);
  assert.equal(document.documentElement.getAttribute("lang"), "ko");
});

test("seed: 수정일 shows the written date 2021년 4월 13일 despite the +18:00 offset", async () => {
  const document = await page(seedSite, SEED_URL);
  const updated = [...document.querySelectorAll(".post__meta span")].find((span) => span.textContent!.startsWith("수정일"));
  assert.ok(updated, "no 수정일 on the page");
  const time = updated.querySelector("time")!;
  assert.equal(time.textContent, "2021년 4월 13일");
  assert.equal(time.getAttribute("datetime"), "2021-04-13T13:00:00+09:00");
});

test("seed: the tag and category pages list the post", async () => {
  for (const url of ["/tags/kubernetes/", "/tags/devops/", "/categories/devops/"]) {
    const document = await page(seedSite, url);
    const hrefs = [...document.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    assert.ok(hrefs.includes(SEED_URL), `${url} does not link to ${SEED_URL}`);
  }
});

test("seed: every page has unique, non-empty ids", async () => {
  for (const file of await htmlFiles(seedSite)) {
    const document = parseHTML(await readFile(path.join(seedSite, file), "utf8")).document;
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.getAttribute("id") ?? "");
    assert.ok(!ids.some((id) => id.trim() === ""), `${file} has an empty id`);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    assert.deepEqual(repeated, [], `${file} repeats ids`);
  }
});

test("seed: every <time datetime> is a valid ISO 8601 date-time with an offset", async () => {
  let count = 0;
  for (const file of await htmlFiles(seedSite)) {
    const document = parseHTML(await readFile(path.join(seedSite, file), "utf8")).document;
    for (const time of document.querySelectorAll("time")) {
      const value = time.getAttribute("datetime") ?? "";
      assert.match(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/, `${file}: ${value}`);
      assert.ok(DateTime.fromISO(value, { setZone: true }).isValid, `${file}: ${value}`);
      count += 1;
    }
  }
  assert.ok(count >= 3, `only ${count} <time> elements found`);
});

test("seed: every internal link and image on every page resolves to a file", async () => {
  for (const file of await htmlFiles(seedSite)) {
    const document = parseHTML(await readFile(path.join(seedSite, file), "utf8")).document;
    const urls = [
      ...[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
      ...[...document.querySelectorAll("img[src]")].map((img) => img.getAttribute("src")!),
    ].filter((url) => url.startsWith("/") && !url.startsWith("//"));
    for (const url of urls) assert.ok(existsSync(fileOf(seedSite, url)), `${file} links to missing ${url}`);
  }
});

test("seed: every stylesheet resolves to a file", async () => {
  const document = await page(seedSite, SEED_URL);
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')];
  assert.ok(links.length > 0, "the post links no stylesheet");
  for (const link of links) {
    const href = link.getAttribute("href")!;
    assert.ok(existsSync(fileOf(seedSite, href)), `missing ${href}`);
  }
});

// The tiny site: code highlighting and Korean tags.

test("tiny: a yaml fence is highlighted with both themes as CSS variables, from the linked code stylesheet", async () => {
  const document = await page(tinySite, "/쿠버네티스/helm-basics/");
  const stylesheets = [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.getAttribute("href")!);
  assert.ok(stylesheets.includes(CODE_STYLESHEET_URL), `links ${stylesheets.join(", ")}`);
  const sheet = parseStylesheet(await readFile(fileOf(tinySite, CODE_STYLESHEET_URL), "utf8"));
  const pre = document.querySelector(".code-block[data-lang=yaml] pre.shiki");
  assert.ok(pre, "no highlighted yaml block");
  const tokens = [...pre.querySelectorAll("span.line span")];
  assert.ok(tokens.length > 5);
  for (const token of tokens) {
    const variables = tokenVariables(token, sheet);
    assert.match(variables["--shiki-light"] ?? "", /^#[0-9a-f]{3,8}$/i, token.outerHTML);
    assert.match(variables["--shiki-dark"] ?? "", /^#[0-9a-f]{3,8}$/i, token.outerHTML);
  }
  assert.ok(pre.textContent!.includes("name: {{ .Values.name }}"), "Helm expression kept in the build");
});

test("tiny: an indented code block survives Eleventy's md.disable('code')", async () => {
  const document = await page(tinySite, "/쿠버네티스/helm-basics/");
  const blocks = [...document.querySelectorAll(".post__content pre > code")].map((code) => code.textContent);
  assert.ok(blocks.includes("helm install web ./chart\n"), JSON.stringify(blocks));
});

test("tiny: an unknown fence language is a warning naming the file and its line in the file", () => {
  const unknown = tinyWarnings.filter((line) => line.includes("unknown code language"));
  assert.equal(unknown.length, 1, tinyWarnings.join("\n"));
  assert.match(unknown[0]!, /2021-05-01-helm-basics\.md:20:1 warning code: unknown code language "kubectl"; rendered as plain text$/);
});

test("tiny: a Korean category gives a Hangul post URL on disk", () => {
  assert.ok(existsSync(path.join(tinySite, "쿠버네티스", "helm-basics", "index.html")));
});

test("tiny: NFC and NFD spellings of 쿠버네티스 share ONE tag page at /tags/쿠버네티스/", async () => {
  const tagFolders = (await readdir(path.join(tinySite, "tags"))).filter((name) => name.normalize("NFC") === "쿠버네티스");
  assert.deepEqual(tagFolders, ["쿠버네티스"], "exactly one folder, spelled in NFC");
  const document = await page(tinySite, "/tags/쿠버네티스/");
  const hrefs = [...document.querySelectorAll("main .post-summary__title a")].map((a) => a.getAttribute("href"));
  assert.deepEqual(hrefs.sort(), ["/nfd-tag/", "/쿠버네티스/helm-basics/"]);
});

test("tiny: the tag links on both posts point to that one page, and it exists", async () => {
  for (const url of ["/쿠버네티스/helm-basics/", "/nfd-tag/"]) {
    const document = await page(tinySite, url);
    const tagLinks = [...document.querySelectorAll(".post__footer a.term")].filter(
      (a) => a.textContent!.normalize("NFC") === "쿠버네티스",
    );
    assert.equal(tagLinks.length, 1, url);
    const href = tagLinks[0]!.getAttribute("href")!;
    assert.equal(decodeURIComponent(href).normalize("NFC"), "/tags/쿠버네티스/");
    assert.equal(decodeURIComponent(href), decodeURIComponent(href).normalize("NFC"), "the link itself is NFC");
    assert.ok(existsSync(fileOf(tinySite, href)));
  }
});

test("tiny: the tag index lists 쿠버네티스 once, with both posts", async () => {
  const document = await page(tinySite, "/tags/");
  const items = [...document.querySelectorAll(".term-index li")].map((li) => li.textContent!.normalize("NFC"));
  assert.deepEqual(items.filter((text) => text.startsWith("쿠버네티스")), ["쿠버네티스 글 2개"]);
});

// Failing builds: a clear message, and the previous site left alone.

async function previousSite(name: string): Promise<{ output: string; marker: string }> {
  const output = path.join(tmp, name);
  await mkdir(output, { recursive: true });
  const marker = "<!doctype html><title>previous build</title>";
  await writeFile(path.join(output, "index.html"), marker);
  return { output, marker };
}

async function assertLeftIntact(output: string, marker: string): Promise<void> {
  assert.equal(await readFile(path.join(output, "index.html"), "utf8"), marker, "previous output was changed");
  assert.deepEqual(await readdir(output), ["index.html"], "files were added to the previous output");
  const litter = (await readdir(path.dirname(output))).filter((entry) => entry.startsWith(`${path.basename(output)}.`));
  assert.deepEqual(litter, [], "staging folders left behind");
}

test("a front-matter schema error rejects the build naming file, line and field; the previous output stays", async () => {
  const posts = await writePosts(path.join(tmp, "schema-error-posts"), {
    "2021-06-01-good.md": "---\ntitle: 좋은 글\n---\n\n본문.\n",
    "2021-06-02-bad.md": "---\ntitle: 나쁜 글\ntags:\n  name: kubernetes\n---\n\n본문.\n",
  });
  const { output, marker } = await previousSite("schema-error-site");
  const error = await buildSite({ posts, output }).then(
    () => assert.fail("the build should have failed"),
    (e: unknown) => e,
  );
  const diagnostics = diagnosticsOf(error);
  assert.ok(diagnostics, `no diagnostics in ${describeBuildError(error).join(" / ")}`);
  assert.equal(diagnostics.length, 1);
  const [diagnostic] = diagnostics;
  assert.equal(path.basename(diagnostic!.file), "2021-06-02-bad.md");
  assert.equal(diagnostic!.field, "tags");
  assert.equal(diagnostic!.line, 3);
  const message = describeBuildError(error).join("\n");
  assert.match(message, /2021-06-02-bad\.md:3:1 error tags: expected a list of strings or one string, got a mapping/);
  await assertLeftIntact(output, marker);
});

test("a YAML syntax error rejects the build naming the file line; the previous output stays", async () => {
  const posts = await writePosts(path.join(tmp, "yaml-error-posts"), {
    "2021-06-03-broken.md": "---\ntitle: 깨진 글\ndate: 2021-06-03\ntags: a: b\n---\n\n본문.\n",
  });
  const { output, marker } = await previousSite("yaml-error-site");
  const error = await buildSite({ posts, output }).then(
    () => assert.fail("the build should have failed"),
    (e: unknown) => e,
  );
  const message = describeBuildError(error).join("\n");
  assert.match(message, /2021-06-03-broken\.md:4:\d+ error front matter: invalid YAML/);
  await assertLeftIntact(output, marker);
});
