/**
 * importSite's promises that no fixture site shows by itself: nothing is ever overwritten (a
 * conflict stops the import before any file is written), an existing settings file is saved first,
 * names become NFC, code front matter is refused.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeTempFolder } from "../helpers/temp-site.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { importSite } from "../../src/import/import-site.ts";
import { parsePostText } from "../../src/content/front-matter.ts";
import { buildPost } from "../../src/content/post.ts";
import { parse as parseYaml } from "yaml";
import { OPSNOTE_ASSET_URLS } from "../../src/urls/site-urls.ts";

const oldSite = () =>
  writeTempFolder("old-jekyll", {
    "_config.yml": "title: 새 블로그\npermalink: /:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\n---\n\n![x](/images/x.png)\n",
    ["_posts/2024-01-06-쿠버네티스.md".normalize("NFD")]: "---\ntitle: K\n---\n\n본문\n",
    "_posts/2024-01-07-code.md": "---js\n{ title: require('child_process').execSync('id').toString() }\n---\n",
    "images/x.png": "png",
  });

test("a conflict stops the import before a single file is written", async () => {
  const source = await oldSite();
  const root = await writeTempFolder("project", { "images/x.png": "a different image" });
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, [path.join(root, "images", "x.png")]);
  assert.deepEqual(await readdir(root), ["images"]);
  assert.equal(await readFile(path.join(root, "images", "x.png"), "utf8"), "a different image");
});

test("an identical file already there is not a conflict; a post already there is", async () => {
  const source = await oldSite();
  const root = await writeTempFolder("project", { "images/x.png": "png" });
  assert.deepEqual((await importSite({ source, root })).conflicts, []);
  const again = await importSite({ source, root });
  assert.ok(again.conflicts.includes(path.join(root, "posts", "2024-01-05-a.md")), again.conflicts.join("\n"));
});

test("NFC names, code front matter refused, an existing settings file saved before it changes", async () => {
  const source = await oldSite();
  const root = await writeTempFolder("project", { "opsnote.config.yaml": "# mine\ntitle: 옛 블로그\ntocDepth: 2\n" });
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.deepEqual((await readdir(path.join(root, "posts"))).sort(), ["2024-01-05-a.md", "2024-01-06-쿠버네티스.md".normalize("NFC")]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "refused").length, 1);
  assert.equal(await readFile(path.join(root, "opsnote.config.before-import.yaml"), "utf8"), "# mine\ntitle: 옛 블로그\ntocDepth: 2\n");
  const settings = await readFile(path.join(root, "opsnote.config.yaml"), "utf8");
  assert.match(settings, /^# mine\ntitle: 새 블로그\ntocDepth: 2\n/);
  assert.ok(result.changes.some((c) => c.key === "title" && c.before === "옛 블로그" && c.after === "새 블로그"));

  // The backup is never overwritten either: a second import with new settings stops.
  await writeFile(path.join(root, "opsnote.config.yaml"), "title: 다른 제목\n");
  const other = await writeTempFolder("old-jekyll", { "_config.yml": "title: 세 번째\n", "_posts/2024-02-01-b.md": "---\ntitle: B\n---\n" });
  const second = await importSite({ source: other, root });
  assert.ok(second.conflicts.includes(path.join(root, "opsnote.config.before-import.yaml")));
  assert.ok(!existsSync(path.join(root, "posts", "2024-02-01-b.md")));
});

test("an undated collection document: its new URL uses the file's day, which the copy keeps, with a warning", async () => {
  const source = await writeTempFolder("old-docs", {
    "_config.yml": "permalink: pretty\ncollections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n",
    "_docs/guide.md": "---\ntitle: 안내\n---\n\n본문\n",
  });
  const day = new Date("2023-06-15T03:00:00Z");
  await utimes(path.join(source, "_docs", "guide.md"), day, day);
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.redirects, { "/docs/guide/": "/2023/06/15/guide/" });
  assert.match(result.warnings.find((w) => w.kind === "date")?.line ?? "", /guide\.md:1:1 warning date: no date: its URL uses the file's modification day 2023-06-15/);
  assert.equal((await stat(path.join(root, "posts", "docs", "guide.md"))).mtime.getTime(), day.getTime());
});

test("a front-matter image by name alone, found in the theme's images/ folder, is written with its root path in the copy", async () => {
  const source = await writeTempFolder("old-theme", {
    "_config.yml": "permalink: /:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\n# 카드 그림\nimage: card.jpg\n---\n\n본문 card.jpg\n",
    "_posts/2024-01-06-b.md": "---\ntitle: B\nimage: nowhere.jpg\n---\n\n본문\n",
    "_posts/2024-01-07-c.md": "---\ntitle: C\nheader:\n  teaser: card.jpg\n---\n\n본문\n",
    "images/card.jpg": "jpg",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.warnings.map((w) => w.kind).sort(), ["missing-file", "theme-image", "theme-image"]);
  assert.match(result.warnings.find((w) => w.kind === "theme-image")!.line, /2024-01-05-a\.md:4:1 warning theme-image: front-matter image "card\.jpg" is \/images\/card\.jpg on the old site; written so in the copy/);
  // A real blog's home page showed 500 broken cards: opsnote read `image: x.jpg` beside each post's URL.
  assert.equal(await readFile(path.join(root, "posts", "2024-01-05-a.md"), "utf8"), "---\ntitle: A\n# 카드 그림\nimage: /images/card.jpg\n---\n\n본문 card.jpg\n");
  assert.match(await readFile(path.join(root, "posts", "2024-01-07-c.md"), "utf8"), /\n {2}teaser: \/images\/card\.jpg\n/);
  assert.match(await readFile(path.join(root, "posts", "2024-01-06-b.md"), "utf8"), /\nimage: nowhere\.jpg\n/, "a missing image is left as written");
});

test("a referenced file in a folder outside the default staticDirs is copied, and staticDirs lists it with the defaults", async () => {
  const source = await writeTempFolder("old-uploads", {
    "_config.yml": "permalink: /:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\n---\n\n![x](/uploads/2024/x.png)\n",
    "uploads/2024/x.png": "png",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.settings.values.staticDirs, ["files", "images", "img", "static", "uploads"]);
  assert.equal(await readFile(path.join(root, "uploads", "2024", "x.png"), "utf8"), "png");
});

test("what Jekyll accepted silently is repaired in the copy: an empty tag item dropped, a second post on one URL given its own", async () => {
  const source = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 공부 노트\npermalink: /:categories/:title/\n",
    "_posts/2021-06-25-study-post6.md": "---\ntitle: 여섯째 (초고)\ncategories: [study]\ntags:\n  - Java\n  - \n---\n\n초고\n",
    "_posts/2021-07-03-study-post6.md": "---\ntitle: 여섯째\ncategories: [study]\n---\n\n고친 글\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const early = await readFile(path.join(root, "posts", "2021-06-25-study-post6.md"), "utf8");
  const late = await readFile(path.join(root, "posts", "2021-07-03-study-post6.md"), "utf8");
  // The later post was the one the old site showed at /study/study-post6/: it keeps the URL as written.
  assert.equal(late, "---\ntitle: 여섯째\ncategories: [study]\n---\n\n고친 글\n");
  assert.match(early, /^---\ntitle: 여섯째 \(초고\)\ncategories: \[study\]\ntags:\n  - Java\npermalink: \/study\/study-post6-2\/\n---\n\n초고\n$/);
  assert.deepEqual(result.warnings.map((w) => w.kind).filter((k) => k === "empty-term" || k === "url-clash").sort(), ["empty-term", "url-clash"]);
  // The old source is untouched.
  assert.match(await readFile(path.join(source, "_posts", "2021-06-25-study-post6.md"), "utf8"), /  - \n---/);
});

test("Hugo: a draft on a published post's URL gets its own (the old site showed the published one), written into TOML front matter", async () => {
  const published = '+++\ntitle = "etcd 백업"\ndate = 2024-01-10\nslug = "etcd"\n+++\n\n공개된 글\n';
  // Later than the published post, and Hugo's :slug without a slug is its title: old URL /etcd-초안/.
  const draft = '+++\ntitle = "etcd 초안"\ndate = 2024-02-01\ndraft = true\ntags = ["etcd"]\n\n[params]\n  note = "고치는 중"\n+++\n\n초안\n';
  const source = await writeTempFolder("old-hugo", {
    "hugo.toml": 'baseURL = "https://hugo.example.kr/"\ntitle = "운영 노트"\n[permalinks]\n  posts = "/:slug/"\n',
    "content/posts/etcd-backup.md": published,
    "content/posts/etcd.md": draft,
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  // The published post keeps /etcd/, as written; the draft's copy says where it goes now.
  assert.equal(await readFile(path.join(root, "posts", "etcd-backup.md"), "utf8"), published);
  const copy = await readFile(path.join(root, "posts", "etcd.md"), "utf8");
  assert.equal(copy, draft.replace('tags = ["etcd"]\n', 'tags = ["etcd"]\npermalink = "/etcd-2/"\n'));
  const urlOf = (text: string, file: string) => {
    const { data } = parsePostText(text, file);
    const built = buildPost({ inputPath: file, frontMatter: data.frontMatter ?? {}, body: "", site: { timeZone: "Asia/Seoul", permalink: String(result.settings.values.permalink) } });
    return built.ok ? built.post.url : built.errors.map((e) => e.message).join("; ");
  };
  assert.deepEqual([urlOf(published, "etcd-backup.md"), urlOf(copy, "etcd.md")], ["/etcd/", "/etcd-2/"]);
  // The draft's old-URL redirect follows it; nothing redirects away from the published post's URL. The
  // section's list page (/posts/) is opsnote's archive.
  assert.deepEqual(result.redirects, { "/etcd-초안/": "/etcd-2/", "/posts/": "/archive/" });
  const lines = result.warnings.filter((w) => w.kind === "url-clash" || w.kind === "redirect").map((w) => w.line.replace(`${source}/`, ""));
  assert.deepEqual(lines, [
    "content/posts/etcd.md warning redirect: /etcd-초안/ -> /etcd-2/",
    "content/posts/etcd.md:1:1 warning url-clash: a draft post (not on the old site) with the URL /etcd/ of etcd-backup.md, which keeps it; given /etcd-2/",
    "content/posts warning redirect: /posts/ -> /archive/",
  ]);
});

test("a post on another's URL whose front matter cannot be edited is left as written, and the report says to add the permalink", async () => {
  // A line of a multi-line array starting with `[` reads like a TOML table: setPermalink leaves the file alone.
  const earlier = '+++\ntitle = "a"\ndate = 2024-01-10\nslug = "etcd"\nweights = [\n[1, 2],\n]\n+++\n\n먼저\n';
  const source = await writeTempFolder("old-hugo", {
    "hugo.toml": 'baseURL = "https://hugo.example.kr/"\n[permalinks]\n  posts = "/:slug/"\n',
    "content/posts/a.md": earlier,
    "content/posts/b.md": '+++\ntitle = "b"\ndate = 2024-02-01\nslug = "etcd"\n+++\n\n나중\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.equal(await readFile(path.join(root, "posts", "a.md"), "utf8"), earlier);
  assert.deepEqual(result.warnings.filter((w) => w.kind.startsWith("url-clash")).map((w) => w.line.replace(`${source}/`, "")), [
    "content/posts/a.md:1:1 warning url-clash-kept: has the URL /etcd/ of b.md; add permalink: /etcd-2/ to its front matter",
  ]);
});

test("a post saved with a byte order mark is copied without it, and the report says so", async () => {
  const source = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 새 블로그\n",
    "_posts/2024-03-01-bom.md": "\uFEFF---\ntitle: 메모장 글\n---\n\n본문\n",
    "_posts/2024-03-02-plain.md": "---\ntitle: 보통 글\n---\n\n본문\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.equal(await readFile(path.join(root, "posts", "2024-03-01-bom.md"), "utf8"), "---\ntitle: 메모장 글\n---\n\n본문\n");
  assert.equal(await readFile(path.join(root, "posts", "2024-03-02-plain.md"), "utf8"), "---\ntitle: 보통 글\n---\n\n본문\n");
  const bom = result.warnings.filter((w) => w.kind === "bom");
  assert.equal(bom.length, 1);
  assert.match(bom[0]!.line, /2024-03-01-bom\.md:1:1 warning bom: a byte order mark removed in the copy$/);
});

test("an old site without a description gets its title as one, not opsnote's sample; a description of the blogger's own stays", async () => {
  const source = await writeTempFolder("old-jekyll", { "_config.yml": "title: 서림록\n", "_posts/2024-03-01-a.md": "---\ntitle: A\n---\n\n본문\n" });
  const sample = await readFile(path.join(REPO_ROOT, "opsnote.config.yaml"), "utf8");
  const fromSample = await writeTempFolder("project", { "opsnote.config.yaml": sample });
  await importSite({ source, root: fromSample });
  const settings = await readFile(path.join(fromSample, "opsnote.config.yaml"), "utf8");
  assert.match(settings, /^description: 서림록$/m);

  const own = await writeTempFolder("project", { "opsnote.config.yaml": "description: 내 소개\n" });
  await importSite({ source, root: own });
  assert.match(await readFile(path.join(own, "opsnote.config.yaml"), "utf8"), /^description: 내 소개$/m);
});

test("an old site without an author gets its title as the author, not the sample's opsnote (bio, GitHub link); an author of the blogger's own stays", async () => {
  // styughjvbn/blog (Hextra) names no author: every post showed the sample's bio.
  const source = await writeTempFolder("old-hugo", { "hugo.yaml": "title: SJW\n", "content/posts/a.md": "---\ntitle: A\ndate: 2025-01-28\n---\n\n본문\n" });
  const sample = await readFile(path.join(REPO_ROOT, "opsnote.config.yaml"), "utf8");
  const fromSample = await writeTempFolder("project", { "opsnote.config.yaml": sample });
  const result = await importSite({ source, root: fromSample });
  const { author } = parseYaml(await readFile(path.join(fromSample, "opsnote.config.yaml"), "utf8")) as { author: unknown };
  assert.deepEqual(author, { name: "SJW" });
  // No baseURL (its workflow passed one to hugo): the report says to set url.
  assert.match(result.warnings.filter((w) => w.kind === "setting").map((w) => w.line).join("\n"), /hugo\.yaml has no baseURL .*set url in opsnote\.config\.yaml/);

  const own = await writeTempFolder("project", { "opsnote.config.yaml": "author:\n  name: 서종원\n" });
  await importSite({ source, root: own });
  assert.deepEqual((parseYaml(await readFile(path.join(own, "opsnote.config.yaml"), "utf8")) as { author: unknown }).author, { name: "서종원" });
});

test("an old site's author with an e-mail but no name (Hux's top-level email:) is named after the title, not the sample's opsnote", async () => {
  const source = await writeTempFolder("old-jekyll", { "_config.yml": "title: DooDoo IT Blog\nemail: doodoo@example.kr\n", "_posts/2026-04-03-a.md": "---\ntitle: A\n---\n\n본문\n" });
  const sample = await readFile(path.join(REPO_ROOT, "opsnote.config.yaml"), "utf8");
  const root = await writeTempFolder("project", { "opsnote.config.yaml": sample });
  await importSite({ source, root });
  const { author } = parseYaml(await readFile(path.join(root, "opsnote.config.yaml"), "utf8")) as { author: unknown };
  assert.deepEqual(author, { name: "DooDoo IT Blog", email: "doodoo@example.kr" });
});

test("a robots.txt or sitemap.xml in Hugo's static/ is left out (opsnote writes those files; two would stop the build), and the report says so", async () => {
  const source = await writeTempFolder("old-hugo", {
    "hugo.toml": 'baseURL = "https://hugo.example.kr/"\ntitle = "운영 노트"\n',
    "content/posts/a.md": '+++\ntitle = "a"\ndate = 2024-01-10\n+++\n\n본문\n',
    "static/robots.txt": "User-agent: *\nAllow: /\n",
    "static/sitemap.xml": "<urlset/>",
    "static/images/robots.txt": "not at the root: copied",
    "static/favicon.ico": "ico",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.ok(!existsSync(path.join(root, "static", "robots.txt")));
  assert.ok(!existsSync(path.join(root, "static", "sitemap.xml")));
  assert.ok(existsSync(path.join(root, "static", "images", "robots.txt")));
  assert.ok(existsSync(path.join(root, "static", "favicon.ico")));
  assert.deepEqual(result.warnings.filter((w) => w.kind === "generated-file").map((w) => w.line.replace(`${source}/`, "")), [
    "static/robots.txt warning generated-file: opsnote writes /robots.txt itself; not copied (compare yours with _site/robots.txt after a build)",
    "static/sitemap.xml warning generated-file: opsnote writes /sitemap.xml itself; not copied (compare yours with _site/sitemap.xml after a build)",
  ]);
});

test("an old theme's script at the URL of opsnote's own (a Minima fork's assets/js/search.js) is left out, not a conflict that stops the import", async () => {
  const source = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 블로그\ntheme: minima\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\n---\n\n본문\n",
    "assets/js/search.js": "// the old theme's search",
    "assets/js/charts.js": "// the blogger's own: copied",
  });
  const root = await writeTempFolder("project", { "assets/js/search.js": "// opsnote's search" });
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.equal(await readFile(path.join(root, "assets", "js", "search.js"), "utf8"), "// opsnote's search");
  assert.ok(existsSync(path.join(root, "assets", "js", "charts.js")));
  assert.deepEqual(result.warnings.filter((w) => w.kind === "theme-file").map((w) => w.line.replace(`${source}/`, "")), [
    "assets/js/search.js warning theme-file: the old theme's /assets/js/search.js has the URL of opsnote's own search.js; not copied (opsnote's layouts do not load the old theme's files)",
  ]);
});

test("Jekyll: spaces in a link or image target (kramdown reads them) are written %20 in the copy, outside code, and the file is found", async () => {
  const source = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 블로그\ntheme: minima\n",
    "_posts/2025-05-11-storage.md": "---\ntitle: 인덱스\n---\n\n[![](/files/Storage Indexing.md/b-tree.png)](/files/Storage Indexing.md/b-tree.png)\n\n`[a](b c)` and\n\n```md\n[a](b c)\n```\n",
    "files/Storage Indexing.md/b-tree.png": "png",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const copy = await readFile(path.join(root, "posts", "2025-05-11-storage.md"), "utf8");
  assert.equal(copy, "---\ntitle: 인덱스\n---\n\n[![](/files/Storage%20Indexing.md/b-tree.png)](/files/Storage%20Indexing.md/b-tree.png)\n\n`[a](b c)` and\n\n```md\n[a](b c)\n```\n");
  assert.ok(existsSync(path.join(root, "files", "Storage Indexing.md", "b-tree.png")));
  assert.deepEqual(result.warnings.filter((w) => w.kind === "link-spaces").map((w) => w.line.replace(`${source}/`, "")), [
    "_posts/2025-05-11-storage.md:5:1 warning link-spaces: 1 line(s) with spaces in a link or image target (kramdown reads them, CommonMark shows the markdown as text): written %20 in the copy",
  ]);
});

test("Hugo translations by file name (Blowfish): index.ko.md is the post of a Korean site, index.en.md is left out and its /en/ URL redirects to it", async () => {
  const source = await writeTempFolder("old-hugo", {
    "config/_default/hugo.toml": 'baseURL = "https://b.example.kr/"\ntheme = "blowfish"\ndefaultContentLanguage = "ko"\n',
    "config/_default/languages.ko.toml": 'title = "운영 노트"\n',
    "config/_default/languages.en.toml": 'title = "Ops notes"\n',
    "content/posts/221024_about_docker/index.ko.md": '+++\ntitle = "도커 정리"\ndate = 2022-10-24T10:00:00+09:00\n+++\n\n![구조](docker.png)\n\n{{< gist me 0a1b >}}\n',
    "content/posts/221024_about_docker/index.en.md": '+++\ntitle = "About Docker"\ndate = 2022-10-24T10:00:00+09:00\n+++\n\n![arch](docker.png)\n',
    "content/posts/221024_about_docker/docker.png": "png",
    "content/posts/only-english.en.md": '+++\ntitle = "Only in English"\ndate = 2022-11-01\n+++\n\ntext\n',
    "content/life_log/index.ko.md": '+++\ntitle = "생활 기록"\n+++\n\n본문\n',
    "content/about/index.ko.md": '---\ntitle: "소개"\nshowTableOfContents : true\n---\n\n## 경력\n',
    "content/about/index.en.md": '---\ntitle: "About"\n---\n\n## Career\n',
    "content/life_log/index.en.md": '+++\ntitle = "Life log"\n+++\n\ntext\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const posts = result.posts.map((p) => path.relative(root, p.to)).sort();
  assert.deepEqual(posts, ["posts/221024_about_docker/index.md", "posts/only-english.md"]);
  assert.ok(existsSync(path.join(root, "posts", "221024_about_docker", "docker.png")));
  assert.deepEqual(result.written.map((w) => path.relative(root, w.to)).filter((f) => f.startsWith("posts/")), ["posts/about.md", "posts/pages/life_log/index.md"]);
  // The Korean about page (about/index.ko.md) is the about page, with the table of contents it asked for.
  assert.equal(result.written.find((w) => w.to.endsWith("about.md"))!.text, '---\nlayout: page\ntitle: "소개"\npermalink: /about/\ntoc: true\n---\n\n## 경력\n');
  assert.match(result.written.find((w) => w.to.endsWith("index.md"))!.text, /^permalink: \/life_log\/$/m);
  // The Korean post keeps its old URL; the English one's old URL and the English-only post's get redirects.
  assert.deepEqual(result.oldUrls.map(({ oldUrl, newUrl }) => [oldUrl, newUrl]).sort(), [
    ["/about/", "/about/"],
    ["/en/posts/221024_about_docker/", "/posts/221024_about_docker/"],
    ["/en/posts/only-english/", "/posts/only-english/"],
    ["/life_log/", "/life_log/"],
    ["/posts/221024_about_docker/", "/posts/221024_about_docker/"],
  ]);
  assert.deepEqual(result.redirects, { "/en/posts/221024_about_docker/": "/posts/221024_about_docker/", "/en/posts/only-english/": "/posts/only-english/", "/posts/": "/archive/" });
  assert.deepEqual(result.warnings.filter((w) => w.kind === "translation" || w.kind === "skipped").map((w) => w.line.replace(`${source}/`, "")), [
    "content/posts/221024_about_docker/index.en.md warning translation: the en version of index.ko.md beside it; not imported (opsnote builds one language): /en/posts/221024_about_docker/ -> /posts/221024_about_docker/",
    "content/life_log/index.en.md warning skipped: the en version of a page; not imported (opsnote builds one language)",
  ]);
  // The report names the old site's file as it is.
  assert.deepEqual(result.warnings.filter((w) => w.kind === "shortcode").map((w) => w.line.replace(`${source}/`, "")), [
    "content/posts/221024_about_docker/index.ko.md:8:1 warning shortcode: {{< gist me 0a1b >}} kept as written",
  ]);
});

test("Hugo: a post's Tags: and Categories: (Hugo reads keys in any case) are tags and categories in the copy, and the report says so", async () => {
  const source = await writeTempFolder("old-hugo", {
    "hugo.yml": "baseURL: https://smjune.example/\ntheme: hugo-book\n",
    "content/posts/coffee/index.md": '---\ntitle: "글쓰기"\ndate: 2023-02-25T18:20:17+09:00\nCategories: "Posted"\nTags: ["coffee", "글쓰기"]\n---\n본문\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  const copy = await readFile(path.join(root, "posts", "coffee", "index.md"), "utf8");
  const { data } = parsePostText(copy, "index.md");
  assert.deepEqual([data.frontMatter?.tags, data.frontMatter?.categories], [["coffee", "글쓰기"], "Posted"]);
  assert.deepEqual(result.warnings.filter((w) => w.kind === "hugo-keys").map((w) => w.line.replace(`${source}/`, "")), [
    "content/posts/coffee/index.md:1:1 warning hugo-keys: Categories -> categories, Tags -> tags in the copy (Hugo reads front-matter keys in any case; its summary is opsnote's excerpt)",
  ]);
});

test("Hugo: disablePathToLower: a docs page keeps its old URL's letter case", async () => {
  const source = await writeTempFolder("old-hugo", {
    "hugo.yml": "baseURL: https://smjune.example/\ntheme: hugo-book\ndisablePathToLower: true\n",
    "content/posts/a.md": '---\ntitle: "a"\ndate: 2023-02-25\n---\n본문\n',
    "content/docs/SE/AI/agent/index.md": '---\ntitle: "Agent"\n---\n본문\n',
    "content/docs/SE/repo/index.md": '---\ntitle: "Repo"\nbookToc: false\n---\n본문\n',
  });
  const result = await importSite({ source, root: await writeTempFolder("project", {}) });
  assert.deepEqual(result.oldUrls.filter((u) => u.oldUrl.startsWith("/docs/")).map((u) => [u.oldUrl, u.newUrl]), [["/docs/SE/AI/agent/", "/docs/SE/AI/agent/"], ["/docs/SE/repo/", "/docs/SE/repo/"]]);
  // A page's own bookToc: false keeps it without one.
  assert.doesNotMatch(result.written.find((w) => w.to.endsWith(path.join("repo", "index.md")))!.text, /toc/);
  // hugo-book shows a table of contents on every page (BookToC defaults to true): the docs page asks for one.
  const page = result.written.find((w) => w.to.endsWith(path.join("agent", "index.md")))!;
  assert.equal(page.text, '---\nlayout: page\ntitle: "Agent"\npermalink: /docs/SE/AI/agent/\ntoc: true\n---\n\n본문\n');
});

test("Hugo: a section's _index.md with text of its own (Hextra, hugo-book) is a standalone page at the section's URL, beside its images; the home page's is left out", async () => {
  const source = await writeTempFolder("old-hugo", {
    "hugo.yaml": "title: SJW\nmodule:\n  imports:\n    - path: github.com/imfing/hextra\nparams:\n  mainSections: [article]\n",
    "content/_index.md": "---\ntoc: false\n---\n\n<h1>SeoJongWon</h1>\n",
    "content/article/_index.md": "---\ntitle: 'Article'\n---\n",
    "content/article/졸업작품/_index.md": "---\ntitle: '졸업작품'\ncascade:\n    type: docs\n---\n\n![](졸업작품.jpg)\n\n## 프로젝트 개요\n",
    "content/article/졸업작품/졸업작품.jpg": "jpg",
    "content/article/졸업작품/주제 선정.md": "---\ndate: '2025-01-28T15:07:32+09:00'\ntitle: '주제 선정'\n---\n\n본문\n",
    "content/docs/SE/hugo/_index.md": "---\ntitle: Hugo\n---\n\nHugo 정리\n",
    // Zola DeepThought's about section (HWJskt): its photo is served beside it, at /about/me.jpg.
    "content/about/_index.md": "---\ntitle: Welcome\n---\n\n<img src=\"/about/me.jpg\" alt=\"me\">\n",
    "content/about/me.jpg": "jpg",
    // A theme's archive list with a line of text: /archive/ is opsnote's own page (two would stop the build).
    "content/archive/_index.md": "---\ntitle: Archive\n---\n\n지난 글 모음\n",
    // A taxonomy term's page with text (wlals2): /categories/security/ is opsnote's category page.
    "content/categories/security/_index.md": "---\ntitle: Security\n---\n\n보안 글 모음\n",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  const pages = result.written.filter((w) => w.to.includes(`${path.sep}posts${path.sep}`)).map((w) => [path.relative(root, w.to), w.text]);
  assert.deepEqual(pages, [
    ["posts/pages/about/index.md", "---\nlayout: page\ntitle: \"Welcome\"\npermalink: /about/\ntoc: true\n---\n\n<img src=\"/about/me.jpg\" alt=\"me\">\n"],
    ["posts/졸업작품/index.md", "---\nlayout: page\ntitle: \"졸업작품\"\npermalink: /article/졸업작품/\ntoc: true\n---\n\n![](졸업작품.jpg)\n\n## 프로젝트 개요\n"],
    ["posts/pages/docs/SE/hugo/index.md", "---\nlayout: page\ntitle: \"Hugo\"\npermalink: /docs/se/hugo/\ntoc: true\n---\n\nHugo 정리\n"],
  ]);
  assert.ok(existsSync(path.join(root, "posts", "졸업작품", "졸업작품.jpg")));
  assert.ok(existsSync(path.join(root, "posts", "pages", "about", "me.jpg")));
  assert.deepEqual(result.warnings.filter((w) => w.kind === "skipped").map((w) => w.line.replace(`${source}/`, "")), [
    "content/_index.md warning skipped: the home page's own text; opsnote's home page lists the posts, so it is not imported (put it in posts/about.md if you like)",
    "content/archive/_index.md warning skipped: the text of the theme's /archive/ list page; opsnote makes its own list pages, so it is not imported",
    "content/categories/security/_index.md warning skipped: the text of the theme's /categories/security/ list page; opsnote makes its own list pages, so it is not imported",
  ]);
  // /about/me.jpg is content/about/me.jpg, not a static file: it is there (HWJskt's report said it was not).
  assert.deepEqual(result.warnings.filter((w) => w.kind === "missing-file").map((w) => w.line.replace(`${source}/`, "")), []);
});

test("Hugo: a section page without a title is titled after its folder, as Hugo titles a section, not \"_index\"", async () => {
  // wlals2 (PaperMod): content/projects/_index.md opens with an empty front matter (`---\n---\n`), so
  // its title: line is body text; Hugo titled the section "Projects", the import wrote "_index".
  const source = await writeTempFolder("old-hugo", {
    "hugo.toml": 'baseURL = "https://wlals2.example/"\ntheme = "PaperMod"\n',
    "content/posts/a.md": '---\ntitle: "a"\ndate: 2023-02-25\n---\n본문\n',
    "content/projects/_index.md": "---\n---\n\n프로젝트 모음\n",
    "content/projects/b/index.md": '---\ntitle: "b"\ndate: 2023-02-26\n---\n본문\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  const page = result.written.find((w) => w.to.endsWith(path.join("projects", "index.md")) && w.text.includes("layout: page"));
  assert.match(page!.text, /^---\nlayout: page\ntitle: "Projects"\npermalink: \/projects\/\n/);
});

test("Hugo: a front-matter image given by its path in the content folder (image: posts/images/x.png) names its root URL in the copy", async () => {
  // smjune (hugo-book): every post's card image is a resource of the posts section, not of the post's bundle.
  const source = await writeTempFolder("old-hugo", {
    "hugo.yml": "baseURL: https://smjune.example/\n",
    "content/posts/_index.md": "---\ntitle: Posts\n---\n",
    "content/posts/images/coffee1.png": "png",
    "content/posts/coffee/index.md": '---\ntitle: "글쓰기"\ndate: 2023-02-25T18:20:17+09:00\nimage: posts/images/coffee1.png\n---\n본문\n',
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.match(await readFile(path.join(root, "posts", "coffee", "index.md"), "utf8"), /^image: \/images\/coffee1\.png$/m);
  assert.ok(existsSync(path.join(root, "posts", "images", "coffee1.png")));
  assert.deepEqual(result.warnings.filter((w) => w.kind === "theme-image" || w.kind === "missing-file").map((w) => w.line.replace(`${source}/`, "")), [
    'content/posts/coffee/index.md:4:1 warning theme-image: front-matter image "posts/images/coffee1.png" is content/posts/images/coffee1.png (Hugo reads it from the content folder); written /images/coffee1.png in the copy',
  ]);
});

test("OPSNOTE_ASSET_URLS names every script and stylesheet opsnote ships under assets/, so an old theme's copy of one is left out", () => {
  const root = path.join(REPO_ROOT, "assets");
  const shipped = ["js", "css"].flatMap((folder) => readdirSync(path.join(root, folder)).map((name) => `/assets/${folder}/${name}`));
  assert.deepEqual(shipped.filter((url) => !OPSNOTE_ASSET_URLS.has(url)), [], "a new file in assets/js or assets/css belongs in OPSNOTE_ASSET_URLS");
});

test("a Jekyll theme's page per tag or category redirects to opsnote's page of that term, when a post has it and its URL moved", async () => {
  const source = await writeTempFolder("term-pages", {
    "_config.yml": "title: 블로그\npermalink: /:categories/:title/\n",
    "_posts/2024-01-05-a.md": "---\ntitle: A\ncategories: [Operating System]\ntags: [docker compose, Docker]\n---\n\n본문\n",
    // leewr9's Minima fork: one page per term, at a permalink with a space
    "categories/operating-system.md": "---\nlayout: label\ntitle: Operating System\ncategory: Operating System\npermalink: /categories/operating system/\n---\n",
    "tags/docker-compose.md": "---\nlayout: label\ntitle: Docker Compose\ntag: docker compose\npermalink: /tags/docker compose/\n---\n",
    "tags/docker.md": "---\nlayout: label\ntag: Docker\npermalink: /tags/docker/\n---\n", // already opsnote's URL
    "tags/unused.md": "---\nlayout: label\ntag: unused\npermalink: /tags/unused term/\n---\n", // no post has it
    "tags/index.md": "---\nlayout: tags\n---\n", // names no term
  });
  const root = await writeTempFolder("term-pages-target", {});
  const result = await importSite({ source, root });
  const termRedirects = Object.fromEntries(Object.entries(result.redirects).filter(([from]) => /^\/(tags|categories)\//.test(from)));
  assert.deepEqual(termRedirects, {
    "/categories/operating system/": "/categories/operating-system/",
    "/tags/docker compose/": "/tags/docker-compose/",
  });
  assert.ok(!existsSync(path.join(root, "posts", "tags")) && !existsSync(path.join(root, "posts", "categories")), "the theme's term pages are not imported");
});

test("a post saved with Windows line endings is copied with LF, after the copy's other edits, and the report says so once", async () => {
  const source = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 새 블로그\n",
    "_posts/2024-03-01-crlf.md": "---\r\ntitle: 윈도 글\r\n---\r\n\r\n![그림](/images/a b.png)\r\n\r\n본문\r\n",
    "uses.md": "---\r\nlayout: page\r\ntitle: 쓰는 것\r\n---\r\n\r\n도구\r\n",
    "images/a b.png": "png",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  assert.deepEqual(result.conflicts, []);
  assert.equal(await readFile(path.join(root, "posts", "2024-03-01-crlf.md"), "utf8"), "---\ntitle: 윈도 글\n---\n\n![그림](/images/a%20b.png)\n\n본문\n");
  assert.doesNotMatch(await readFile(path.join(root, "posts", "pages", "uses.md"), "utf8"), /\r/, "a standalone page too");
  const crlf = result.warnings.filter((w) => w.kind === "crlf");
  assert.deepEqual(crlf.map((w) => w.line.replace(/^.*(2024-03-01-crlf\.md|uses\.md)/, "$1")), [
    "2024-03-01-crlf.md:1:1 warning crlf: Windows line endings (CRLF) written as LF in the copy",
    "uses.md:1:1 warning crlf: Windows line endings (CRLF) written as LF in the copy",
  ]);
});

test("a config language that is not Korean over Korean posts is carried, and the report says to check it", async () => {
  const posts = (titles: string[]) => Object.fromEntries(titles.map((title, i) => [`_posts/2024-03-0${i + 1}-p${i}.md`, `---\ntitle: ${title}\n---\n\n본문\n`]));
  const noteOf = async (config: string, titles: string[]) => {
    const source = await writeTempFolder("old-jekyll", { "_config.yml": config, ...posts(titles) });
    const result = await importSite({ source, root: await writeTempFolder("project", {}) });
    return result.warnings.filter((w) => w.kind === "setting" && w.line.includes("post titles are Korean")).map((w) => w.line.replace(/^.* warning setting: /, ""));
  };
  assert.deepEqual(await noteOf("title: 블로그\nlang: en\n", ["쿠버네티스 입문", "헬름 차트", "Docker basics"]), [
    'language "en" carried, but 2 of 3 post titles are Korean: set language: ko in opsnote.config.yaml if the blog is Korean (<html lang>, dates and the site\'s own words follow it)',
  ]);
  assert.deepEqual(await noteOf("title: 블로그\nlang: ko-KR\n", ["쿠버네티스 입문", "헬름 차트", "도커"]), []);
  assert.deepEqual(await noteOf("title: blog\nlang: en\n", ["Kubernetes intro", "Helm charts", "도커"]), []);
});

test("a Jekyll post's {{ … }} is Liquid, not a Hugo or Zola shortcode; a bare folder's shortcodes are still reported", async () => {
  const jekyll = await writeTempFolder("old-jekyll", {
    "_config.yml": "title: 블로그\n",
    "_posts/2025-03-05-dbt.md": "---\ntitle: dbt\n---\n\n{% raw %}\n`{{ ref('model_a') }}` 구문은 의존성을 뜻합니다.\n{% endraw %}\n",
  });
  const fromJekyll = await importSite({ source: jekyll, root: await writeTempFolder("project", {}) });
  assert.deepEqual(fromJekyll.warnings.filter((w) => w.kind === "shortcode").map((w) => w.line), []);
  const folder = await writeTempFolder("posts-folder", { "2024-01-01-a.md": "---\ntitle: A\n---\n\n{{< youtube abc >}}\n" });
  const fromFolder = await importSite({ source: folder, root: await writeTempFolder("project", {}) });
  assert.equal(fromFolder.warnings.filter((w) => w.kind === "shortcode").length, 1);
});

test("a section's list page (/notes/) redirects to the archive, unless Hugo's disableKinds, Zola's render = false or the section's own text says otherwise", async () => {
  const post = '---\ntitle: "메모"\ndate: 2024-03-01\n---\n\n본문\n';
  const redirectsOf = async (files: Record<string, string>) => (await importSite({ source: await writeTempFolder("old-site", files), root: await writeTempFolder("project", {}) })).redirects;
  const hugo = { "hugo.toml": 'baseURL = "https://h.example.kr/"\ntitle = "노트"\n[params]\n  mainSections = ["notes"]\n', "content/notes/memo.md": post };
  // Hugo made /notes/ for the folder notes, with or without an _index.md (whose url moves it).
  assert.deepEqual(await redirectsOf(hugo), { "/notes/": "/archive/" });
  assert.deepEqual(await redirectsOf({ ...hugo, "content/notes/_index.md": '---\nurl: "/memo-list/"\n---\n' }), { "/memo-list/": "/archive/" });
  assert.deepEqual(await redirectsOf({ ...hugo, "hugo.toml": `disableKinds = ["section"]\n${hugo["hugo.toml"]}` }), {});
  // A section whose _index.md has text is a page at its URL: nothing redirects away from it.
  assert.deepEqual(await redirectsOf({ ...hugo, "content/notes/_index.md": '---\ntitle: "메모장"\n---\n\n메모를 모은 곳\n' }), {});
  const zola = { "config.toml": 'base_url = "https://z.example.kr"\ntitle = "노트"\n', "content/notes/memo.md": '+++\ntitle = "메모"\ndate = 2024-03-01\n+++\n\n본문\n' };
  // Zola has a section only with an _index.md, and renders it unless it says not to.
  assert.deepEqual(await redirectsOf(zola), {});
  assert.deepEqual(await redirectsOf({ ...zola, "content/notes/_index.md": '+++\ntitle = "메모"\n+++\n' }), { "/notes/": "/archive/" });
  assert.deepEqual(await redirectsOf({ ...zola, "content/notes/_index.md": '+++\ntitle = "메모"\nrender = false\n+++\n' }), {});
});

test("Hugo and Zola: several sections at their default URLs keep them, each post under its own section (`/:path/…/`), with no redirects", async () => {
  const post = (title: string) => `---\ntitle: "${title}"\ndate: 2025-10-09\n---\n\n본문\n`;
  const importOf = async (files: Record<string, string>) => {
    const root = await writeTempFolder("project", {});
    const result = await importSite({ source: await writeTempFolder("old-site", files), root });
    return { result, settings: parseYaml(await readFile(path.join(root, "opsnote.config.yaml"), "utf8")) as Record<string, unknown> };
  };
  // wlals2/blogsite: study/ and projects/, no [permalinks]; a page bundle and a nested folder too.
  const hugo = {
    "hugo.toml": 'baseURL = "https://h.example.kr/"\ntitle = "노트"\n[params]\n  mainSections = ["study", "projects"]\n',
    "content/study/k8s-probe.md": post("프로브"),
    "content/study/helm/samba.md": post("삼바"),
    "content/projects/homelab/index.md": post("홈랩"),
  };
  const fromHugo = await importOf(hugo);
  assert.equal(fromHugo.settings.permalink, "/:path/:slugorfilename/");
  const moved = (redirects: Record<string, string>) => Object.keys(redirects).filter((from) => !["/study/", "/projects/"].includes(from));
  assert.deepEqual(moved(fromHugo.result.redirects), []);
  // One section with a pattern of its own: the main section's pattern, the others' old URLs redirect.
  const patterned = await importOf({ ...hugo, "hugo.toml": `${hugo["hugo.toml"]}[permalinks]\n  study = "/:year/:slug/"\n` });
  assert.equal(patterned.settings.permalink, "/:year/:slug/");
  assert.ok(moved(patterned.result.redirects).includes("/projects/homelab/"), JSON.stringify(patterned.result.redirects));
  // One section: its pattern, as before.
  const single = await importOf({ "hugo.toml": hugo["hugo.toml"], "content/study/k8s-probe.md": post("프로브") });
  assert.equal(single.settings.permalink, "/study/:slugorfilename/");

  const zola = await importOf({
    "config.toml": 'base_url = "https://z.example.kr"\ntitle = "노트"\n',
    "content/notes/_index.md": '+++\ntitle = "노트"\n+++\n',
    "content/notes/memo.md": '+++\ntitle = "메모"\ndate = 2024-03-01\n+++\n\n본문\n',
    "content/til/_index.md": '+++\ntitle = "TIL"\n+++\n',
    "content/til/rust.md": '+++\ntitle = "러스트"\ndate = 2024-03-02\n+++\n\n본문\n',
  });
  assert.equal(zola.settings.permalink, "/:path/:slug/");
  assert.deepEqual(Object.keys(zola.result.redirects).filter((from) => !["/notes/", "/til/"].includes(from)), []);
});

test("Hugo: a file name's date stays in the URL, as Hugo kept it (`/posts/2025-03-23-istio/`), unless Hugo read the date from the name", async () => {
  // C0deWave/c0dewave.github.io: each of its 19 posts was moved to a URL without the date, behind a redirect.
  const files = {
    "hugo.toml": 'baseURL = "https://c.example.kr/"\ntitle = "블로그"\n',
    "content/posts/2025-03-23-istio-delta_xds.md": '---\ntitle: "Istio Delta xDS"\ndate: 2025-03-23\n---\n\n본문\n',
    "content/posts/2025-04-01-k6.md": '---\ntitle: "k6"\ndate: 2025-04-01\nslug: load-test\n---\n\n본문\n',
  };
  const importOf = async (config: string) => {
    const root = await writeTempFolder("project", {});
    const result = await importSite({ source: await writeTempFolder("old-hugo", { ...files, "hugo.toml": config }), root });
    const settings = parseYaml(await readFile(path.join(root, "opsnote.config.yaml"), "utf8")) as Record<string, unknown>;
    return { redirects: Object.keys(result.redirects).filter((from) => from !== "/posts/"), permalink: settings.permalink };
  };
  assert.deepEqual(await importOf(files["hugo.toml"]), { redirects: [], permalink: "/posts/:slugorfilename/" });
  // `[frontmatter] date = [":filename", …]`: Hugo's URL had no date (`/posts/istio-delta_xds/`), nor has opsnote's.
  assert.deepEqual(await importOf(`${files["hugo.toml"]}[frontmatter]\n  date = [":filename", ":default"]\n`), { redirects: [], permalink: "/posts/:slug/" });
});

test("Jekyll: a theme's pages in _pages (a category's list at /categories/blog, a splash home page) are not imported over opsnote's own; ../-paths to assets/ from nested posts are no warning", async () => {
  // connor-kor's Minimal Mistakes blog: 19 such pages stopped the build on URL clashes, and 279 image
  // paths written from nested folders (`../../assets/images/x.png`) were reported missing or outside the site.
  const source = await writeTempFolder("old-mm", {
    "_config.yml": "title: 블로그\npermalink: /:categories/:title/\n",
    "_posts/algorithm/study/2021-06-10-structure.md": "---\ntitle: 자료구조\ncategories: blog\n---\n\n![a](../../assets/images/a.png)\n\n![b](../../../assets/images/b.png)\n\n![c](../../assets/images/없음.png)\n",
    "_pages/categories/etc/category blog.md": '---\ntitle: "블로그"\nlayout: archive\npermalink: /categories/blog\n---\n\n{% assign posts = site.categories.blog %}\n{% for post in posts %} {% include archive-single.html %} {% endfor %}\n',
    "_pages/splash-page.md": '---\ntitle: "Welcome"\nlayout: splash\npermalink: /\n---\n',
    "_pages/projects.md": '---\ntitle: "프로젝트"\nlayout: single\npermalink: /projects/\n---\n\n내 프로젝트들\n',
    // ottersong's: Minimal Mistakes' latest posts at /blog/, an empty page when imported as one.
    "_pages/blog.md": '---\ntitle: "Blog"\nlayout: home\npermalink: /blog/\npagination:\n  enabled: true\n---\n',
    // Its home page, at / (a redirect from /index/ was written for it).
    "index.markdown": "---\nlayout: home\n---\n",
    "assets/images/a.png": "png", "assets/images/b.png": "png",
  });
  const root = await writeTempFolder("project", {});
  const result = await importSite({ source, root });
  const lines = (kind: string) => result.warnings.filter((w) => w.kind === kind).map((w) => w.line);
  assert.deepEqual([...lines("missing-file"), ...lines("outside")].map((line) => /"([^"]+)"/.exec(line)?.[1]), ["../../assets/images/없음.png"]);
  assert.deepEqual(readdirSync(path.join(root, "posts", "pages")), ["projects.md"]);
  const skipped = lines("skipped").join("\n");
  assert.equal(lines("skipped").filter((line) => /category blog\.md warning skipped: the theme's page of the category "blog"/.test(line)).length, 1, skipped);
  assert.match(skipped, /splash-page\.md warning skipped: a page with the theme's layout "splash"/);
  // opsnote's category page is at the old URL (with its slash): no redirect is needed, and none clashes.
  assert.deepEqual(Object.keys(result.redirects).filter((from) => from.startsWith("/categories/")), []);
  assert.equal(result.redirects["/blog/"], "/");
  assert.equal(result.redirects["/index/"], undefined);
});
