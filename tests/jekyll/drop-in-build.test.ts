/**
 * A Jekyll `_posts` folder copied as is: nested folders, NFD (macOS) Korean names, CRLF, a BOM,
 * no front matter, `.markdown`. One build, many assertions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTempSite, writeTempFolder } from "../helpers/temp-site.ts";
import { utimes } from "node:fs/promises";
import path from "node:path";

const nfd = (text: string) => text.normalize("NFD");

const posts = await writeTempFolder("drop-in", {
  "2024/11/2024-11-07-crlf.md":
    "---\r\ntitle: \"CRLF 글\"\r\ndate: 2024-11-07 10:00:00 +0900\r\ncategories: devops\r\ntags: \"helm, k8s\"\r\n---\r\n\r\n## 제목\r\n\r\n본문.\r\n",
  "2024/2024-01-02-bom.md": Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from("---\ntitle: BOM\ndate: 2024-01-02\n---\n\nbom body\n"),
  ]),
  [nfd("2023/2023-05-06-쿠버네티스-입문.md")]: "앞부분 요약.\n\n<!--more-->\n\n뒷부분.\n",
  "2023/2023-07-08-ext.markdown": "---\ntitle: ext\nlastmod: 2023-08-01\ndescription: 설명\nimage:\n  path: /assets/card.png\n---\n\nmarkdown ext\n",
  "2022-02-03-layout.md": "---\nlayout: single\ntitle: 레이아웃\nheader:\n  teaser: /assets/teaser.png\ntags: kubernetes devops\n---\n\nbody\n",
  // Not a Jekyll post: an Ansible example showing its own raw tags (isJekyllPost).
  "2022-03-04-ansible.md": "---\ntitle: 앤서블\ntags: [☸️, ⚙️]\n---\n\n```jinja\n{{ user }} {% raw %}{{ literal }}{% endraw %}\n```\n",
  // The same code, in a post that says Liquid runs over it.
  "2022-03-05-liquid.md": "---\ntitle: 리퀴드\nrender_with_liquid: true\ntags: [⚙️]\n---\n\n```jinja\n{{ user }} {% raw %}{{ literal }}{% endraw %}\n```\n",
});
const site = await buildTempSite(posts);

test("a post in a nested folder with CRLF keeps its front matter and its +0900 date", async () => {
  const doc = await site.page("/devops/crlf/");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "CRLF 글");
  assert.equal(doc.querySelector("time")?.getAttribute("datetime"), "2024-11-07T10:00:00+09:00");
  assert.ok(doc.querySelector("h2#제목"));
  assert.ok(!doc.querySelector(".post__content")?.innerHTML.includes("\r"));
});

test("a UTF-8 BOM does not hide the front matter", async () => {
  const doc = await site.page("/bom/");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "BOM");
  assert.ok(!doc.querySelector(".post__content")?.textContent?.includes("title:"));
});

test("an NFD file name without front matter gets an NFC URL, a title and a date from its name", async () => {
  const doc = await site.page("/쿠버네티스-입문/");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "쿠버네티스 입문");
  assert.equal(doc.querySelector("time")?.getAttribute("datetime"), "2023-05-06T00:00:00+09:00");
  assert.equal(doc.querySelector('meta[name="description"]')?.getAttribute("content"), "앞부분 요약.");
});

test("a .markdown post builds; lastmod is the updated date and description the excerpt", async () => {
  const doc = await site.page("/ext/");
  const times = [...doc.querySelectorAll(".post__meta time")].map((t) => t.getAttribute("datetime"));
  assert.deepEqual(times, ["2023-07-08T00:00:00+09:00", "2023-08-01T00:00:00+09:00"]);
  assert.equal(doc.querySelector('meta[name="description"]')?.getAttribute("content"), "설명");
});

test("`layout` is ignored and a space-separated tags string gives two tags", async () => {
  const doc = await site.page("/layout/");
  assert.equal(doc.querySelector("h1")?.textContent?.trim(), "레이아웃");
  await site.read("tags/kubernetes/index.html");
  await site.read("tags/devops/index.html");
});

test("{% raw %} in code is kept in a post that is not a Jekyll post, removed in one with render_with_liquid: true", async () => {
  const code = async (url: string) => (await site.page(url)).querySelector(".post__content pre code")?.textContent;
  assert.equal(await code("/ansible/"), "{{ user }} {% raw %}{{ literal }}{% endraw %}");
  assert.equal(await code("/liquid/"), "{{ user }} {{ literal }}");
});

test("emoji-only tags get their own visible tag pages", async () => {
  const doc = await site.page("/ansible/");
  const links = [...doc.querySelectorAll(".post__footer a.term")].map((a) => [a.textContent, a.getAttribute("href")]);
  assert.deepEqual(links, [["☸️", "/tags/wheel-of-dharma/"], ["⚙️", "/tags/gear/"]]);
  const gear = await site.page("/tags/gear/");
  assert.deepEqual([...gear.querySelectorAll("main a[href='/ansible/'], main a[href='/liquid/']")].length, 2);
});

test("a post with no date anywhere builds, with a warning naming the file, dated from its file time", async () => {
  const folder = await writeTempFolder("no-date", { "notes/undated.md": "---\ntitle: x\n---\n\nbody\n" });
  const when = new Date("2019-03-04T05:06:07Z");
  await utimes(path.join(folder, "notes/undated.md"), when, when);
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => void warnings.push(parts.join(" "));
  let built;
  try {
    built = await buildTempSite(folder);
  } finally {
    console.warn = warn;
  }
  assert.equal(warnings.filter((w) => /notes\/undated\.md:1:1 warning date: no date: dated 2019-03-04T14:06:07\+09:00 from the file's modification time/.test(w)).length, 1, warnings.join("\n"));
  assert.equal((await built.page("/undated/")).querySelector("time")?.getAttribute("datetime"), "2019-03-04T14:06:07+09:00");
});
