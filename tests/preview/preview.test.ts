/**
 * The preview as a user meets it: a real server process on loopback, a real event stream, files
 * saved on disk. Every wait is bounded; the whole process group is killed at the end.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseHTML } from "linkedom";
import { makeTempDir } from "../helpers/paths.ts";
import { startPreview, withTimeout, type PreviewProcess } from "../helpers/preview-process.ts";

const SENTINEL = `opsnote-sentinel-${process.pid}-must-never-be-served`;

let root: string;
let posts: string;
let preview: PreviewProcess;
let baseUrl: string;
const nextBuild = (what: string) => preview.nextBuild(what);

/** GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(requestPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return withTimeout(new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: requestPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  }), `GET ${requestPath}`, () => preview.terminal, 10_000);
}

async function page(urlPath: string) {
  const { status, body } = await rawGet(encodeURI(urlPath));
  return { status, document: parseHTML(body).document };
}

const post = (title: string, body: string, extra = "") => `---\ntitle: ${title}\ncategories: [devops]\n${extra}---\n\n${body}\n`;

before(async () => {
  root = await makeTempDir("preview");
  posts = path.join(root, "posts");
  await mkdir(posts);
  await writeFile(path.join(root, "secret.txt"), SENTINEL);
  await writeFile(path.join(posts, "2021-04-13-intro.md"), post("입문", "## 설치\n\n첫 번째 버전의 본문."));
  await writeFile(path.join(posts, "2021-04-14-draft.md"), post("쓰는 중", "초안 본문.", "draft: true\n"));
  await writeFile(path.join(posts, "2099-01-01-later.md"), post("나중에", "예약 본문."));

  preview = await startPreview({ posts, output: path.join(root, "out") });
  baseUrl = preview.url;
});

after(async () => {
  await preview?.stop();
  await rm(root, { recursive: true, force: true });
});

test("the preview listens on 127.0.0.1 by default and serves the posts", async () => {
  assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const { status, document } = await page("/devops/intro/");
  assert.equal(status, 200);
  assert.match(document.querySelector(".post__content")!.textContent!, /첫 번째 버전의 본문/);
  assert.equal(document.querySelector("#opsnote-build-error"), null);
});

test("drafts and scheduled posts appear in the preview with their badges", async () => {
  const draft = await page("/devops/draft/");
  assert.equal(draft.status, 200);
  assert.equal(draft.document.querySelector(".post__title .badge")?.textContent, "초안");
  const later = await page("/devops/later/");
  assert.equal(later.status, 200);
  assert.equal(later.document.querySelector(".post__title .badge")?.textContent, "예약");
  const home = await page("/");
  const badges = [...home.document.querySelectorAll(".post-summary .badge")].map((b) => b.textContent);
  assert.deepEqual(badges.sort(), ["예약", "초안"]);
});

test("a save shows up, a broken save shows its error in the page and the terminal, the next good save recovers", async () => {
  const file = path.join(posts, "2021-04-13-intro.md");

  await writeFile(file, post("입문", "## 설치\n\n두 번째 버전의 본문."));
  await nextBuild("the rebuild after an edit");
  let { document } = await page("/devops/intro/");
  assert.match(document.querySelector(".post__content")!.textContent!, /두 번째 버전의 본문/);

  // The terminal's line, and the banner's (Korean, see tests/preview/front-matter-banner.test.ts).
  const brokenSaves: { name: string; text: string; line: RegExp; banner: RegExp }[] = [
    {
      name: "YAML syntax error", text: "---\ntitle: 입문\ntags: [a, b\n---\n본문\n",
      line: /2021-04-13-intro\.md:3:\d+ error front matter: invalid YAML/,
      banner: /2021-04-13-intro\.md 3행 \d+열 · 오류 · 앞머리\(front matter\): YAML 문법 오류/,
    },
    {
      name: "schema violation", text: "---\ntitle: 입문\ntags:\n  a: 1\n---\n본문\n",
      line: /2021-04-13-intro\.md:3:1 error tags: expected a list of strings or one string, got a mapping/,
      banner: /2021-04-13-intro\.md 3행 1열 · 오류 · tags: expected a list of strings or one string, got a mapping/,
    },
  ];
  for (const { name, text, line, banner } of brokenSaves) {
    preview.clearTerminal();
    await writeFile(file, text);
    await nextBuild(`the rebuild after a ${name}`);
    ({ document } = await page("/devops/intro/"));
    const panel = document.querySelector("#opsnote-build-error");
    assert.ok(panel, `no error panel after a ${name}`);
    assert.match(panel.textContent!, banner);
    assert.match(preview.terminal, line);
    // The server is still up and serves the other pages.
    assert.equal((await page("/")).status, 200);
  }

  // An unclosed fence does not break the build; the page updates and check's warning reaches the terminal.
  preview.clearTerminal();
  await writeFile(file, post("입문", "## 설치\n\n```yaml\nkey: 펜스 안"));
  await nextBuild("the rebuild after an unclosed fence");
  ({ document } = await page("/devops/intro/"));
  assert.equal(document.querySelector("#opsnote-build-error"), null);
  assert.match(document.querySelector(".post__content pre")!.textContent!, /펜스 안/);
  assert.match(preview.terminal, /2021-04-13-intro\.md:\d+:1 warning code: this code fence is never closed/);

  // A broken link leaves a page to publish: the page is fresh, the terminal warns, no error panel.
  preview.clearTerminal();
  await writeFile(file, post("입문", "## 설치\n\n[없는 글](/devops/nope/) 세 번째."));
  await nextBuild("the rebuild after a broken link");
  ({ document } = await page("/devops/intro/"));
  assert.match(document.querySelector(".post__content")!.textContent!, /세 번째/);
  assert.equal(document.querySelector("#opsnote-build-error"), null);
  assert.match(preview.terminal, /2021-04-13-intro\.md:\d+:\d+ warning link: \/devops\/nope\/: no post or page has this URL/);

  await writeFile(file, post("입문", "## 설치\n\n고친 버전의 본문."));
  await nextBuild("the rebuild after the fix");
  ({ document } = await page("/devops/intro/"));
  assert.equal(document.querySelector("#opsnote-build-error"), null);
  assert.match(document.querySelector(".post__content")!.textContent!, /고친 버전의 본문/);
});

test("no request reads outside the output folder", async () => {
  const attempts = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/.%2e/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
    "/%2e%2e%5csecret.txt",
    "/..\\secret.txt",
    "/%252e%252e/secret.txt",
    "/%252e%252e%252fsecret.txt",
    "/devops/..%2f..%2f..%2fsecret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/secret.txt%00.html",
  ];
  for (const attempt of attempts) {
    const { status, body } = await rawGet(attempt);
    assert.ok(status === 400 || status === 404, `${attempt} answered ${status}`);
    assert.ok(!body.includes(SENTINEL), `${attempt} leaked the file`);
  }
});
