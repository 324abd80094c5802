/**
 * Hostile and broken input, one fixture folder per case: `fixtures/<case>/posts/…` and
 * `fixtures/<case>/expect.json` (the expected outcome, read as a table row below). Each case is
 * built with the real pipeline (`buildSite`, as `npm run build` does) in a temp folder laid out as
 *
 *     <case>/posts/      the fixture's posts (plus `write`, `generate` and `symlinks` from expect.json)
 *     <case>/out/        the output; holds a previous site before the build
 *     <case>/sentinel/   a folder next to the output that no build may touch
 *
 * and the whole temp folder is snapshotted before and after: apart from the output folder, no file
 * may appear, disappear or change (the staging folder must be gone too).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { create } from "xmlbuilder2";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/cli/build-site.ts";
import { describeBuildError } from "../../src/cli/errors.ts";
import { listFiles } from "../helpers/crawl-site.ts";

interface Expectation {
  about: string;
  /** The build succeeds (true) or fails with `errors` (false). */
  ok: boolean;
  /** Regexes; each must match one line of the failed build's message. */
  errors?: string[];
  /** Regexes; the build prints exactly this many warnings, each matching one. */
  warnings?: string[];
  /** Output files (relative to the output folder) that must exist / must not. */
  present?: string[];
  absent?: string[];
  /** `<h1>` text of output pages. */
  titles?: Record<string, string>;
  /** Files written at test time (bytes git might change: BOM, CRLF; `@SENTINEL@` is the sentinel folder). */
  write?: Record<string, string>;
  /** Large posts made at test time: file -> kind (see GENERATORS). */
  generate?: Record<string, keyof typeof GENERATORS>;
  /** Links made at test time: link -> target, as written. */
  symlinks?: Record<string, string>;
  /** A named extra check (see CHECKS). */
  check?: keyof typeof CHECKS;
  /** Print the build time (bounded-cost cases). */
  timed?: boolean;
}

const FIXTURES = path.join(import.meta.dirname, "fixtures");
// Outside the repository: Eleventy skips folders listed in .gitignore.
const ROOT = await mkdtemp(path.join(os.tmpdir(), "opsnote-hardening-"));
after(() => rm(ROOT, { recursive: true, force: true }));

const SECRET = "SENTINEL-SECRET-5f1c";
const PREVIOUS_SITE = "<!doctype html><title>previous site</title>";

const GENERATORS = {
  big: () => `---\ntitle: 큰 글\n---\n\n${"쿠버네티스 파드는 **컨테이너**의 묶음이다. `kubectl` 로 본다.\n\n".repeat(25_000)}`,
  headings: () => `---\ntitle: 제목 5000개\ntoc: true\n---\n\n${Array.from({ length: 5000 }, (_, i) => `## 같은 제목 ${i % 50}\n\n본문 ${i}.\n`).join("\n")}`,
  "nested-lists": () => `---\ntitle: 깊은 목록\n---\n\n${Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- 항목 ${i}`).join("\n")}\n`,
  "nested-quotes": () => `---\ntitle: 깊은 인용\n---\n\n${">".repeat(1000)} 인용\n`,
  "long-line": () => `---\ntitle: 긴 줄\n---\n\n${"*a _b ".repeat(50_000)}\n`,
};

/** Every file and link under `dir` with a digest of its content: what "nothing changed" compares. */
async function snapshot(dir: string, skip: (relative: string) => boolean): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (relative: string) => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (skip(child)) continue;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) result.set(child, `link -> ${await readlink(full)}`);
      else if (entry.isDirectory()) {
        result.set(child, "folder");
        await walk(child);
      } else result.set(child, createHash("sha256").update(await readFile(full)).digest("hex"));
    }
  };
  await walk("");
  return result;
}

/** Extra checks on a built site, for the cases that need more than files present and absent. */
const CHECKS = {
  /** Every front-matter value comes back as the same text from every output, read by real parsers. */
  async escaping(out: string) {
    const title = "</script><script>alert(1)</script> & <b>x</b> \" ' ]]> <!-- -->";
    const description = "</script><img src=x onerror=alert(2)> \" ' & ]]>";
    const tags = ["<script>alert(3)</script>", "\"><svg onload=alert(4)>"];
    const category = "</title><script>alert(5)</script>";
    for (const file of (await listFiles(out)).filter((f) => f.endsWith(".html"))) {
      const { document } = parseHTML(await readFile(path.join(out, file), "utf8"));
      for (const script of document.querySelectorAll("script")) {
        assert.ok(script.hasAttribute("src") || script.getAttribute("type") === "application/ld+json", `${file}: an injected <script>: ${script.outerHTML}`);
      }
      assert.equal(document.querySelectorAll("svg[onload], img[onerror], [onerror], [onload]").length, 0, `${file}: an injected event handler`);
      assert.equal(document.querySelectorAll("title").length, 1, `${file}: the <title> was broken out of`);
      assert.equal(document.querySelectorAll("main b, h1 b, title b, a b").length, file === "hostile/index.html" ? 1 : 0, `${file}: <b> from a title became an element`);
    }
    const { document } = parseHTML(await readFile(path.join(out, "hostile/index.html"), "utf8"));
    assert.equal(document.querySelector("h1")!.textContent, title);
    assert.ok(document.title.startsWith(title), `<title> is ${document.title}`);
    assert.equal(document.querySelector('meta[name="description"]')!.getAttribute("content"), description);
    assert.ok(document.querySelector('meta[property="og:title"]')!.getAttribute("content")!.startsWith(title));
    assert.equal(document.querySelector("main b")!.textContent, "raw", "raw HTML in the body passes through");
    const ldJson = document.querySelector('script[type="application/ld+json"]')!;
    const ld = JSON.parse(ldJson.textContent!) as { headline: string; description: string; keywords: string; articleSection: string[] };
    assert.equal(ld.headline, title);
    assert.equal(ld.description, description);
    assert.deepEqual(ld.articleSection, [category]);
    assert.equal(ld.keywords, tags.join(", "));
    const linkTexts = [...document.querySelectorAll("a")].map((a) => a.textContent!.trim());
    for (const term of [...tags, category]) assert.ok(linkTexts.some((t) => t.includes(term)), `no link shows ${term}`);

    // Atom: a standards XML parser (xmlbuilder2's), which decodes entities in attributes too.
    const atom = create(await readFile(path.join(out, "feed.xml"), "utf8")).node as unknown as Document;
    const entry = atom.getElementsByTagName("entry")[0]!;
    assert.equal(entry.getElementsByTagName("title")[0]!.textContent, title);
    assert.equal(entry.getElementsByTagName("summary")[0]!.textContent, description);
    assert.deepEqual([...entry.getElementsByTagName("category")].map((c) => c.getAttribute("term")).sort(), [category, ...tags].sort());
    const feed = JSON.parse(await readFile(path.join(out, "feed.json"), "utf8")) as { items: { title: string; summary: string; tags?: string[] }[] };
    assert.equal(feed.items[0]!.title, title);
    assert.equal(feed.items[0]!.summary, description);
    const sitemap = create(await readFile(path.join(out, "sitemap.xml"), "utf8")).node as unknown as Document;
    const locs = [...sitemap.getElementsByTagName("loc")].map((loc) => loc.textContent!);
    assert.ok(locs.length > 5 && locs.every((loc) => /^https:\/\/[^/]+\/[^\s<>"]*$/.test(loc)), locs.join(" "));
    for (const file of (await listFiles(out)).filter((f) => f.endsWith(".xml"))) {
      create(await readFile(path.join(out, file), "utf8")); // every feed parses
    }
  },
  /** Template syntax reaches the reader as text; nothing was evaluated. */
  async "literal-templates"(out: string) {
    const { document } = parseHTML(await readFile(path.join(out, "tpl/index.html"), "utf8"));
    const text = document.querySelector("main")!.textContent!;
    for (const literal of ["{{ constructor.constructor('return process')() }}", "{% include '/etc/passwd' %}", "{% include /etc/passwd %}",
      "{% include_relative ../../x %}", "{% render 'x' %}", "<%= process.exit(1) %>", "${process.exit(1)}"]) {
      assert.ok(text.includes(literal), `"${literal}" is not shown as written`);
    }
    assert.ok(!text.includes("root:"), "/etc/passwd was included");
  },
  /** The sentinel's secret post was not published. */
  async "no-secret"(out: string) {
    for (const file of await listFiles(out)) {
      assert.ok(!(await readFile(path.join(out, file), "utf8")).includes(SECRET), `${file} publishes the secret`);
    }
  },
};

/** No output path has a `..`, empty, backslash or still-encoded dot segment. */
function assertSafePaths(files: readonly string[]) {
  for (const file of files) {
    for (const segment of file.split("/")) {
      assert.ok(segment !== "" && segment !== "." && segment !== ".." && !segment.includes("\\") && !/%2e|%2f|%5c/i.test(segment), `unsafe output path ${file}`);
    }
  }
}

async function prepare(name: string, expect: Expectation): Promise<{ dir: string; posts: string; out: string; sentinel: string }> {
  const dir = path.join(ROOT, name);
  const posts = path.join(dir, "posts");
  const out = path.join(dir, "out");
  const sentinel = path.join(dir, "sentinel");
  await mkdir(posts, { recursive: true });
  if (existsSync(path.join(FIXTURES, name, "posts"))) await cp(path.join(FIXTURES, name, "posts"), posts, { recursive: true });
  await mkdir(sentinel, { recursive: true });
  await writeFile(path.join(sentinel, "2021-01-01-secret.md"), `---\ntitle: secret\n---\n\n${SECRET}\n`);
  await writeFile(path.join(sentinel, "index.html"), "sentinel\n");
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, "index.html"), PREVIOUS_SITE);
  for (const [file, text] of Object.entries(expect.write ?? {})) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text.replaceAll("@SENTINEL@", sentinel));
  }
  for (const [file, kind] of Object.entries(expect.generate ?? {})) await writeFile(path.join(dir, file), GENERATORS[kind]());
  for (const [link, target] of Object.entries(expect.symlinks ?? {})) await symlink(target, path.join(dir, link));
  return { dir, posts, out, sentinel };
}

const cases = (await readdir(FIXTURES)).sort();

test("the fixture table covers every bullet of issue 8 that a build can show", () => {
  const bullets = new Set(cases.map((name) => name.split("-")[0]));
  assert.deepEqual([...bullets].sort(), ["1", "2", "3", "4", "5", "7"]);
});

for (const name of cases) {
  const expect = JSON.parse(await readFile(path.join(FIXTURES, name, "expect.json"), "utf8")) as Expectation;
  test(`${name}: ${expect.about} -> ${expect.ok ? "builds" : "fails naming the file"}`, { timeout: 60_000 }, async () => {
    const { dir, posts, out } = await prepare(name, expect);
    const outside = (relative: string) => relative === "out" || relative.startsWith(`out${path.sep}`);
    const before = await snapshot(dir, outside);

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...parts: unknown[]) => void warnings.push(parts.join(" "));
    const started = performance.now();
    let error: unknown;
    try {
      await buildSite({ posts, output: out });
    } catch (e) {
      error = e;
    } finally {
      console.warn = warn;
    }
    if (expect.timed) {
      const rssMegabytes = Math.round(process.memoryUsage().rss / 1e6);
      console.log(`# ${name}: built in ${((performance.now() - started) / 1000).toFixed(2)} s; process RSS after: ${rssMegabytes} MB`);
    }

    // Nothing outside the output folder was created, removed or changed (no staging litter either).
    assert.deepEqual(await snapshot(dir, outside), before, "files outside the output folder changed");
    assert.deepEqual((await readdir(dir)).sort(), ["out", "posts", "sentinel"]);

    const files = await listFiles(out);
    if (!expect.ok) {
      assert.ok(error !== undefined, `the build should have failed; warnings: ${warnings.join(" / ")}`);
      const lines = describeBuildError(error);
      for (const pattern of expect.errors ?? []) {
        assert.ok(lines.some((line) => new RegExp(pattern).test(line)), `no line matches /${pattern}/ in:\n${lines.join("\n")}`);
      }
      assert.ok(lines.every((line) => !/^\s+at /m.test(line)), "a stack trace was printed");
      assert.deepEqual(files, ["index.html"], "the previous site was changed");
      assert.equal(await readFile(path.join(out, "index.html"), "utf8"), PREVIOUS_SITE);
    } else {
      assert.equal(error, undefined, `the build failed: ${describeBuildError(error).join("\n")}`);
      assert.notEqual(await readFile(path.join(out, "index.html"), "utf8"), PREVIOUS_SITE, "the new site was not swapped in");
      assertSafePaths(files);
    }
    if (expect.warnings !== undefined) {
      assert.equal(warnings.length, expect.warnings.length, `warnings:\n${warnings.join("\n")}`);
      for (const pattern of expect.warnings) {
        assert.ok(warnings.some((w) => new RegExp(pattern).test(w)), `no warning matches /${pattern}/ in:\n${warnings.join("\n")}`);
      }
    }
    for (const file of expect.present ?? []) assert.ok(files.includes(file), `${file} is missing; output: ${files.join(" ")}`);
    for (const file of expect.absent ?? []) assert.ok(!files.includes(file), `${file} should not exist`);
    for (const [file, title] of Object.entries(expect.titles ?? {})) {
      assert.equal(parseHTML(await readFile(path.join(out, file), "utf8")).document.querySelector("h1")?.textContent, title);
    }
    if (expect.check) await CHECKS[expect.check](out);
    // Symlinks in the posts folder are never replaced or followed by a build.
    for (const link of Object.keys(expect.symlinks ?? {})) assert.ok((await lstat(path.join(dir, link))).isSymbolicLink());
  });
}
