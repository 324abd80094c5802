/**
 * `npm run import` on a small fake Jekyll site: config with a permalink, nested `_posts`, images,
 * an NFD (macOS) file name; then again, to see that nothing is overwritten. And the report mode.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { referencedImages, translatePermalink } from "../../src/jekyll/import-site.ts";

const run = promisify(execFile);
const IMPORT = path.join(import.meta.dirname, "..", "..", "src", "cli", "import.ts");

async function importCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", IMPORT, ...args], { cwd: path.join(import.meta.dirname, "..", "..") });
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
const first = await importCommand([jekyllSite, "--posts", posts, "--assets", assets]);

test("posts are copied with their folders, file names in NFC", async () => {
  assert.equal(first.code, 0, first.stderr);
  assert.ok(existsSync(path.join(posts, "2023", "2023-03-04-helm.md")));
  const names = await readdir(path.join(posts, "2024", "01"));
  assert.deepEqual(names, ["2024-01-05-쿠버네티스.md".normalize("NFC")]);
  assert.match(first.stdout, /normalised to NFC/);
});

test("the images the posts use are copied under assets/, and only those", async () => {
  for (const name of ["chart.png", "figure.png", "helm-teaser.png", "k8s.svg"]) {
    assert.ok(existsSync(path.join(assets, "images", name)), name);
  }
  assert.ok(!existsSync(path.join(assets, "images", "unused.png")));
  assert.equal(await readFile(path.join(assets, "images", "chart.png"), "utf8"), "png");
});

test("what could not be imported is reported, naming the post", () => {
  assert.match(first.stdout, /2023-03-04-helm\.md: image "\/images\/outside\.png" is outside \/assets\//);
  assert.match(first.stdout, /2023-03-04-helm\.md: image "\/assets\/images\/missing\.png" not found/);
  assert.match(first.stdout, /notes\.txt: not a markdown post/);
  assert.doesNotMatch(first.stdout, /example\.com/);
});

test("the old permalink is offered in opsnote's words, and the baseurl as a path prefix", () => {
  assert.match(first.stdout, /permalink: "\/:categories\/:year\/:month\/:day\/:title\.html"/);
  assert.match(first.stdout, /OPSNOTE_PATH_PREFIX=\/blog\//);
});

test("importing again overwrites nothing and exits non-zero, naming the conflicts", async () => {
  const before = await readFile(path.join(posts, "2023", "2023-03-04-helm.md"), "utf8");
  const second = await importCommand([jekyllSite, "--posts", posts, "--assets", assets]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /nothing was copied/);
  assert.match(second.stderr, /2023-03-04-helm\.md/);
  assert.equal(await readFile(path.join(posts, "2023", "2023-03-04-helm.md"), "utf8"), before);
});

test("the report builds the imported posts and names what still fails, with file and line", async () => {
  // The fake site links two images the import could not bring (see above): the build's checks
  // report them as warnings (the pages still publish), so the report lists them and the build succeeds.
  const report = await importCommand(["--report", posts]);
  assert.equal(report.code, 0, report.stdout + report.stderr);
  assert.match(report.stdout, /posts built: 2/);
  assert.match(report.stdout, /2023-03-04-helm\.md:\d+:\d+ warning image: \/images\/outside\.png/);
  assert.match(report.stdout, /2023-03-04-helm\.md:\d+:\d+ warning image: \/assets\/images\/missing\.png/);
});

test("permalink styles and tokens opsnote does not know", () => {
  assert.deepEqual(translatePermalink("pretty"), { opsnote: "/:categories/:year/:month/:day/:title/", unsupported: [] });
  assert.deepEqual(translatePermalink("/:year/:hour/:title/").unsupported, ["hour"]);
});

test("referenced images: Liquid URL prefixes removed, Chirpy's media_subpath applied, remote ones left out", () => {
  const text = "---\nmedia_subpath: /assets/img/post\nimage:\n  path: card.png\n---\n![a]({{ '/assets/a.png' | relative_url }}) ![b](b.png) ![c](https://x.example/c.png)\n";
  assert.deepEqual(referencedImages(text), ["/assets/img/post/card.png", "/assets/a.png", "/assets/img/post/b.png"]);
});
