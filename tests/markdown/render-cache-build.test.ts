/**
 * The build caches (highlight and math packs, rendered bodies, the search index) across real builds of one
 * small site: a warm build gives the cold build's pages byte for byte without rendering markdown, an edit
 * renders only the edited post (and streams the search index, which comes out as a cold build's), and a
 * build killed midway leaves nothing that changes the next build's pages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild, type ChildBuild } from "../helpers/build-in-child.ts";
import { commandArgs } from "../helpers/run-cli.ts";
import { snapshotFolder } from "../helpers/folder-snapshot.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "opsnote-render-cache-build-"));
const posts = path.join(root, "posts");

function post(name: string, frontMatter: string, body: string): void {
  writeFileSync(path.join(posts, `${name}.md`), `---\n${frontMatter}\n---\n\n${body}`);
}

function writeSite(): void {
  mkdirSync(posts, { recursive: true });
  for (let i = 1; i <= 8; i++) {
    post(`2024-03-0${i}-note-${i}`, `title: "노트 ${i}"\ndate: 2024-03-0${i}\ntags: [k8s, "태그${i % 3}"]${i % 2 ? "\ntoc: true" : ""}`,
      `## 쿠버네티스 설치 ${i}\n\n설명 문단 ${i}입니다. **"인그레스"**는 중요하다.\n\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n\`\`\`\n\n### 확인하기\n\n\`\`\`sh\nkubectl get pods -n ns-${i} # 확인\n\`\`\`\n\n[다음 글](./2024-03-0${(i % 8) + 1}-note-${(i % 8) + 1}.md#쿠버네티스-설치-${(i % 8) + 1})\n`);
  }
  post("2024-03-09-math", `title: "수식과 다이어그램"\ndate: 2024-03-09\nmath: true`,
    `## 복잡도 $O(n)$\n\n인라인 $a^2 + b^2 = c^2$ 과 블록:\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n\n\`\`\`mermaid\ngraph TD; A[시작]-->B[끝]\n\`\`\`\n`);
  post("2024-03-10-warnings", `title: "경고가 있는 글"\ndate: 2024-03-10`,
    `## 경고\n\n\`\`\`kubectlx\nget po\n\`\`\`\n\n![없는 그림](./missing.png)\n\n$$\\frac{1}{$$\n`);
}

/** Every page of a built site (.html) and every feed (feed.xml, feed.json), by path. */
function htmlFiles(output: string): Map<string, Buffer> {
  const files = readdirSync(output, { recursive: true }).map(String).filter((file) => /(\.html|feed\.xml|feed\.json)$/.test(file)).sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(output, file))]));
}

function assertSameHtml(actual: string, expected: string, label: string): void {
  const a = htmlFiles(actual);
  const b = htmlFiles(expected);
  assert.deepEqual([...a.keys()], [...b.keys()], `${label}: the same pages`);
  assert.ok(a.size >= 20, `${label}: ${a.size} pages`);
  const differing = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file);
  assert.deepEqual(differing, [], `${label}: byte-identical pages`);
}

interface RenderStats {
  rendered: string[];
  hits: number;
  tocParsed: number;
  tocHits: number;
}

/** How the build made its search index (src/search/index-site.ts, IndexResult). */
interface SearchIndexStats {
  reused: boolean;
  streamed: boolean;
  prefed: number;
}

function build(output: string, cache: string, env: Record<string, string> = {}): ChildBuild & { stats: RenderStats; search: SearchIndexStats; feeds: { hits: number; made: number }; warnings: string[] } {
  const result = buildInChild(posts, path.join(root, output), { OPSNOTE_CACHE_DIR: path.join(root, cache), OPSNOTE_DEBUG_RENDER_CACHE: "1", OPSNOTE_DEBUG_SEARCH_INDEX: "1", OPSNOTE_DEBUG_FEEDS: "1", ...env });
  assert.equal(result.status, 0, result.stderr);
  const debugLine = (prefix: string) => {
    const line = result.stderr.split("\n").find((l) => l.startsWith(prefix));
    assert.ok(line, result.stderr);
    return JSON.parse(line.slice(prefix.length)) as unknown;
  };
  const warnings = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => / warning /.test(l)).sort();
  return {
    ...result, warnings,
    stats: debugLine("[opsnote] render cache: ") as RenderStats,
    search: debugLine("[opsnote] search index: ") as SearchIndexStats,
    feeds: debugLine("[opsnote] feeds: ") as { hits: number; made: number },
  };
}

writeSite();
const cold = build("cold", "cache");
const warm = build("warm", "cache");

test("a cold build renders every post; a warm one renders none and gives the same pages, byte for byte", () => {
  assert.equal(cold.stats.rendered.length, 10);
  assert.equal(cold.stats.hits, 0);
  assert.deepEqual(warm.stats, { rendered: [], hits: 10, tocParsed: 0, tocHits: cold.stats.tocParsed });
  assert.ok(cold.stats.tocParsed >= 4, "the posts with toc: true");
  assertSameHtml(path.join(root, "warm"), path.join(root, "cold"), "warm");
  // The site's two feeds and one per tag: made cold, all from the cache (src/feeds/feed-cache.ts) warm.
  assert.ok(cold.feeds.made >= 5 && cold.feeds.hits === 0, JSON.stringify(cold.feeds));
  assert.deepEqual(warm.feeds, { hits: cold.feeds.made, made: 0 });
  const math = parseHTML(readFileSync(path.join(root, "warm", "math", "index.html"), "utf8")).document;
  assert.ok(math.querySelector(".katex") && math.querySelector("pre.mermaid"), "math and a diagram, from the cache");
  assert.ok(math.querySelector('link[href*="katex"]'), "the page still links KaTeX's stylesheet");
});

test("a cached post's warnings are reported on every build", () => {
  const ours = (warnings: string[]) => warnings.filter((w) => w.includes("2024-03-10-warnings.md"));
  assert.ok(ours(cold.warnings).length >= 3, cold.warnings.join("\n")); // the language, the image, the formula
  assert.deepEqual(ours(warm.warnings), ours(cold.warnings));
});

test("the caches are four files, whatever the number of code blocks", () => {
  assert.deepEqual(readdirSync(path.join(root, "cache", "markdown")).sort(), ["highlight.pack", "math.pack", "render.pack", "summary.pack"]);
});

test("an edited post is the only one rendered again, and its page shows the edit; a build killed midway poisons nothing", async () => {
  const file = path.join(posts, "2024-03-03-note-3.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("### 확인하기", "### 고친 제목\n\n새 문단을 더했다.\n\n```yaml\nadded: true\n```"));
  const edited = build("edited", "cache");
  assert.deepEqual(edited.stats.rendered.map((p) => path.basename(p)), ["2024-03-03-note-3.md"]);
  // The search index was fed while the pages were written (src/search/index-stream.ts), cold and after
  // the edit; it is compared below with the index of a build that had no stream.
  assert.deepEqual([cold.search, warm.search, edited.search], [{ ...cold.search, reused: false, streamed: true }, { ...warm.search, reused: true, streamed: false }, { ...edited.search, reused: false, streamed: true }]);
  // The two notes before the edited one (by source file) went to Pagefind before the first page, from the build before.
  assert.equal(edited.search.prefed, 2);
  assert.equal(edited.stats.tocParsed, 1, "its TOC only");
  const page = parseHTML(readFileSync(path.join(root, "edited", "note-3", "index.html"), "utf8")).document;
  assert.ok(page.getElementById("고친-제목"), "the new heading");
  assert.ok([...page.querySelectorAll("p")].some((p) => p.textContent === "새 문단을 더했다."));
  assert.ok([...page.querySelectorAll("nav a, aside a")].some((a) => decodeURIComponent(a.getAttribute("href") ?? "") === "#고친-제목"), "the TOC lists it");
  // Every feed with the post is made again and shows the edit; the others come from the cache.
  const feed = readFileSync(path.join(root, "edited", "feed.xml"), "utf8");
  assert.ok(feed.includes("새 문단을 더했다.") && !readFileSync(path.join(root, "warm", "feed.xml"), "utf8").includes("새 문단을 더했다."));
  assert.ok(edited.feeds.made >= 3 && edited.feeds.hits >= 1, JSON.stringify(edited.feeds)); // the site's two, its tags'; not 태그1's

  // A cold build of the edited posts, killed once its first pack is being written (or, on a fast
  // machine, as it ends), then built again with what it left: the pages must be the edited build's.
  const cache = path.join(root, "killed-cache");
  const child = spawn(process.execPath, [...commandArgs("src/cli/build.ts"), "--posts", posts, "--output", path.join(root, "killed")], {
    env: { ...process.env, OPSNOTE_CACHE_DIR: cache },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  while (!ended && !existsSync(path.join(cache, "markdown"))) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill("SIGKILL");
  await exited;
  // Without a stream (OPSNOTE_SEARCH_STREAM=0): Pagefind is given the documents after the last page.
  const after = build("after-kill", "killed-cache", { OPSNOTE_SEARCH_STREAM: "0" });
  assertSameHtml(path.join(root, "after-kill"), path.join(root, "edited"), "after a killed build");
  assert.equal(after.search.streamed, false);
  const streamedIndex = snapshotFolder(path.join(root, "edited", "pagefind"));
  assert.ok(streamedIndex.size > 5, `${streamedIndex.size} files in pagefind/`);
  assert.deepEqual(streamedIndex, snapshotFolder(path.join(root, "after-kill", "pagefind")), "the streamed search index is the one Pagefind makes after the pages, byte for byte");
  assert.ok(readdirSync(path.join(cache, "markdown")).every((name) => name.endsWith(".pack")), "no temp file left behind");
  assert.equal(after.stats.hits + after.stats.rendered.length, 10);
});
