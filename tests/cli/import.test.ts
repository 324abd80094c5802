/**
 * `npm run import` as a command, on a small fake Jekyll site: config with a permalink and a baseurl,
 * nested `_posts`, images, an NFD (macOS) file name; then again, to see that nothing is overwritten.
 * And the report mode, grouped by kind. (Whole fixture sites: tests/import/.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { referencedFiles } from "../../src/import/references.ts";
import { parsePostText } from "../../src/content/front-matter.ts";
import { commandArgs } from "../helpers/run-cli.ts";

const run = promisify(execFile);
const IMPORT = path.join(import.meta.dirname, "..", "..", "src", "cli", "import.ts");

async function importCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...commandArgs(IMPORT), ...args], { cwd: path.join(import.meta.dirname, "..", "..") });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const jekyllSite = await writeTempFolder("jekyll-site", {
  "_config.yml": "title: 옛 블로그\npermalink: /:categories/:year/:month/:day/:title:output_ext\nbaseurl: /blog\n",
  "_posts/2023/2023-03-04-helm.md":
    "---\ntitle: 헬름\ncategories: helm\nheader:\n  teaser: /assets/images/helm-teaser.png\n---\n\n![차트]({{ site.baseurl }}/assets/images/chart.png)\n\n{% include figure image_path=\"/assets/images/figure.png\" alt=\"그림\" %}\n\n![밖](/images/outside.png)\n\n![없음](/assets/images/missing.png)\n\n![외부](https://example.com/x.png)\n",
  ["_posts/2024/01/2024-01-05-쿠버네티스.md".normalize("NFD")]: "---\ntitle: 쿠버\n---\n\n<img src=\"/assets/images/k8s.svg\" alt=\"k8s\">\n\n[이전]({% post_url 2023-03-04-helm %})\n",
  "_posts/notes.txt": "not a post",
  "assets/images/chart.png": "png",
  "assets/images/figure.png": "png2",
  "assets/images/helm-teaser.png": "png3",
  "assets/images/k8s.svg": "<svg/>",
  "assets/images/unused.png": "unused",
  "images/outside.png": "outside",
});
const target = await writeTempFolder("import-target", {});
const posts = path.join(target, "posts");
const assets = path.join(target, "assets");
const first = await importCommand([jekyllSite, "--root", target]);

test("posts are copied with their folders, file names in NFC", async () => {
  assert.equal(first.code, 0, first.stderr);
  assert.ok(existsSync(path.join(posts, "2023", "2023-03-04-helm.md")));
  const names = await readdir(path.join(posts, "2024", "01"));
  assert.deepEqual(names, ["2024-01-05-쿠버네티스.md".normalize("NFC")]);
  assert.match(first.stdout, /1 file names normalised to NFC \(macOS NFD names\) \[renamed\]/);
});

test("the site's assets/ and every file the posts use are copied; files beside the posts too", async () => {
  for (const name of ["chart.png", "figure.png", "helm-teaser.png", "k8s.svg", "unused.png"]) {
    assert.ok(existsSync(path.join(assets, "images", name)), name);
  }
  assert.equal(await readFile(path.join(target, "images", "outside.png"), "utf8"), "outside");
  assert.ok(existsSync(path.join(posts, "notes.txt")));
});

test("what is missing is reported grouped, naming the post and line", () => {
  assert.match(first.stdout, /1 files referenced but not found in the old site \[missing-file\] — add them or remove the references\n.*2023-03-04-helm\.md:14:1 warning missing-file: "\/assets\/images\/missing\.png" not found/);
  assert.doesNotMatch(first.stdout, /example\.com/);
});

test("the old permalink and baseurl are carried into opsnote.config.yaml, printed old -> new", async () => {
  const settings = parse(await readFile(path.join(target, "opsnote.config.yaml"), "utf8"));
  assert.equal(settings.permalink, "/:categories/:year/:month/:day/:title.html");
  assert.equal(settings.pathPrefix, "/blog/");
  assert.equal(settings.staticDirs, undefined, "images/ is among the default staticDirs");
  assert.match(first.stdout, /permalink: \(unset\) -> "\/:categories\/:year\/:month\/:day\/:title\.html"/);
});

test("importing again overwrites nothing and exits non-zero, naming the conflicts", async () => {
  const before = await readFile(path.join(posts, "2023", "2023-03-04-helm.md"), "utf8");
  const second = await importCommand([jekyllSite, "--root", target]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /nothing was copied/);
  assert.match(second.stderr, /2023-03-04-helm\.md/);
  assert.equal(await readFile(path.join(posts, "2023", "2023-03-04-helm.md"), "utf8"), before);
});

test("the report builds the imported posts and names what still fails, with file and line", async () => {
  // missing.png was never in the old site: a warning (the page still publishes). /images/outside.png was
  // copied to the project's images/, which the build serves.
  const report = await importCommand(["--report", posts]);
  assert.equal(report.code, 0, report.stdout + report.stderr);
  assert.match(report.stdout, /posts built: 2/);
  assert.match(report.stdout, /1 images that resolve to no file \[image\] — .*\n.*2023-03-04-helm\.md:\d+:\d+ warning image: \/assets\/images\/missing\.png/);
  // The fixture's images are a few bytes of text: sharp cannot read them, a kind of its own (not "missing").
  assert.match(report.stdout, /3 images sharp could not read, published as they are without AVIF\/WebP copies \[unencodable-image\]/);
  const outside = report.stdout.split("\n").filter((line) => line.includes("outside.png"));
  assert.ok(outside.every((line) => line.includes("no AVIF/WebP copies of outside.png")), outside.join("\n"));
});

test("the report groups warnings by kind: count, three examples and the fix; --verbose lists all", async () => {
  const files: Record<string, string> = {};
  for (const day of [1, 2, 3, 4]) files[`2024-01-0${day}-p${day}.md`] = `---\ntitle: P${day}\n---\n\n\`\`\`nosuchlang\nx\n\`\`\`\n`;
  const folder = await writeTempFolder("report-posts", files);
  const report = await importCommand(["--report", folder]);
  assert.equal(report.code, 0, report.stdout + report.stderr);
  assert.match(report.stdout, /4 code blocks in an unknown language, shown as plain text \[code\] \(3 examples\) — use a language name shiki knows/);
  assert.equal(report.stdout.match(/warning code:/g)?.length, 3);
  const verbose = await importCommand(["--report", folder, "--verbose"]);
  assert.equal(verbose.stdout.match(/warning code:/g)?.length, 4);
});

test("referenced files: Liquid URL prefixes removed, remote ones left out, linked files kept", () => {
  const text = "---\nimage:\n  path: /assets/img/post/card.png\n---\n![a]({{ '/assets/a.png' | relative_url }}) ![b](b.png) ![c](https://x.example/c.png)\n[pdf](/files/a.pdf) [page](/posts/x/)\n";
  const parsed = parsePostText(text, "x.md");
  assert.deepEqual(referencedFiles(parsed.data.frontMatter ?? {}, parsed.content).map((r) => r.url), ["/assets/img/post/card.png", "/assets/a.png", "b.png", "/files/a.pdf"]);
});

test("a blog's comments carried into a project with the shipped nginx.conf: the import prints the policy line the widget needs", async () => {
  const site = await writeTempFolder("jekyll-disqus", {
    "_config.yml": "title: 댓글 블로그\ndisqus: old-blog\n", // Jekyll Now's and minima's form
    "_posts/2023-03-04-helm.md": "---\ntitle: 헬름\n---\n\n본문\n",
  });
  const nginx = await readFile(path.join(import.meta.dirname, "..", "..", "deploy", "nginx.conf"), "utf8");
  const project = await writeTempFolder("import-disqus", { "deploy/nginx.conf": nginx });
  const imported = await importCommand([site, "--root", project]);
  assert.equal(imported.code, 0, imported.stderr);
  const lines = imported.stdout.split("\n");
  const note = lines.findIndex((line) => line.startsWith("[opsnote] comments (disqus): the Content-Security-Policy of "));
  assert.ok(note >= 0, imported.stdout);
  assert.match(lines[note + 1]!, /^ {2}add_header Content-Security-Policy ".*script-src 'self' 'wasm-unsafe-eval' https:\/\/old-blog\.disqus\.com .*" always;$/);
  assert.equal(await readFile(path.join(project, "deploy", "nginx.conf"), "utf8"), nginx, "the configuration itself is left as it was");
  const without = await importCommand([site, "--root", await writeTempFolder("import-disqus-bare", {})]);
  assert.doesNotMatch(without.stdout, /Content-Security-Policy/, "no nginx.conf in the project: nothing to say");
});
