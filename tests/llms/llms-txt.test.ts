/**
 * llms.txt and llms-full.txt: the builders on their own, their place in the site plan, and one
 * whole-site build of the sample posts (in a child process, with a settings file of its own) that
 * also checks the reader features that need no browser: edit links, and no comments when unset.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { buildLlmsFullTxt, buildLlmsTxt } from "../../src/llms/llms-txt.ts";
import { findUrlConflicts, planSite, type PlannedOutput } from "../../src/collections/site-plan.ts";
import { knownUrls } from "../../src/check/known-urls.ts";
import { buildInChild } from "../helpers/build-in-child.ts";
import { listFiles, readDocument, urlOfFile } from "../helpers/crawl-site.ts";
import { makePost } from "../helpers/make-post.ts";

const site = { title: "opsnote", description: "데브옵스\n노트", url: "https://ops.example.kr", pathPrefix: "/blog/" };

test("llms.txt: # title, > description, a Posts section of - [title](absolute url): summary", () => {
  const posts = [
    makePost("helm", "2021-05-01", { title: "헬름 [입문]", url: "/devops/헬름/", excerpt: "값 하나로\n환경 나누기" }),
    makePost("bare", "2021-04-01", { title: "요약 없음", url: "/bare/" }),
  ];
  const about = makePost("about", "2021-01-01", { title: "소개", url: "/about/", kind: "page", excerpt: "나" });
  assert.equal(buildLlmsTxt(site, posts, [about], "/llms-full.txt"), [
    "# opsnote",
    "",
    "> 데브옵스 노트",
    "",
    "## Posts",
    "",
    "- [헬름 \\[입문\\]](https://ops.example.kr/blog/devops/%ED%97%AC%EB%A6%84/): 값 하나로 환경 나누기",
    "- [요약 없음](https://ops.example.kr/blog/bare/)",
    "",
    "## Pages",
    "",
    "- [소개](https://ops.example.kr/blog/about/): 나",
    "",
    "## Optional",
    "",
    "- [Full text](https://ops.example.kr/blog/llms-full.txt): every post's markdown in one file",
    "",
  ].join("\n"));
});

test("llms-full.txt: each post's title, URL, date, terms and markdown, separated by rules a paragraph cannot swallow", () => {
  const post = makePost("helm", "2021-05-01", { title: "헬름", url: "/helm/", tags: [{ name: "k8s", slug: "k8s" }] });
  const text = buildLlmsFullTxt(site, [{ post, body: "\n첫 문단.\n\n## 절\n" }, { post: makePost("b", "2021-04-01"), body: "끝 문단" }]);
  assert.ok(text.startsWith("# opsnote\n\n> 데브옵스 노트\n\n# 헬름\n\nURL: https://ops.example.kr/blog/helm/\nDate: 2021-05-01T00:00:00+09:00\nTags: k8s\n\n첫 문단.\n\n## 절\n"), text);
  assert.ok(text.includes("## 절\n\n---\n\n# b\n"), "a blank line before each rule");
});

test("the site plan writes llms.txt and llms-full.txt: a post at either URL is a conflict, and the link check knows both", () => {
  const posts = [makePost("x", "2021-01-01", { url: "/llms.txt" })];
  const plan = planSite({ posts, tags: [], categories: [], pageSize: 10 });
  const conflicts = findUrlConflicts(plan.pages as PlannedOutput[]);
  assert.ok(conflicts.some((d) => d.severity === "error" && d.message.includes("llms.txt") && d.message.includes("/llms.txt")), JSON.stringify(conflicts));
  const known = knownUrls([makePost("y", "2021-01-01")], 10);
  assert.ok(known.has("/llms.txt") && known.has("/llms-full.txt"));
});

// ---------- One whole-site build ----------

const ROOT = path.resolve(import.meta.dirname, "../..");
let tmp = "";
let output = "";
let build: ReturnType<typeof buildInChild>;

/** The sample posts' source files, with their front matter. */
function samplePosts() {
  const files = ["posts/2021-04-13-kubernetes-intro.md", ...["kubectl-first-steps", "docker-multi-stage-build", "helm-chart-template", "github-actions-docker-deploy", "terraform-s3-backend"]
    .map((name) => `posts/samples/${readdirName(name)}`)];
  return files.map((file) => ({ file, ...matter(readFileSync(path.join(ROOT, file), "utf8"), {}) }));
}
function readdirName(name: string): string {
  const found = listSync(path.join(ROOT, "posts/samples")).find((file) => file.endsWith(`-${name}.md`));
  assert.ok(found, name);
  return found;
}
function listSync(dir: string): string[] {
  return readdirSync(dir);
}

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opsnote-llms-"));
  output = path.join(tmp, "site");
  const config = path.join(tmp, "opsnote.config.yaml");
  await writeFile(config, [
    "url: https://ops.example.kr",
    "pathPrefix: /blog/",
    "repository:",
    "  url: https://github.com/me/blog",
    "  branch: trunk",
    "seriesMembers:",
    "  2021-04-13-kubernetes-intro.md: 쿠버네티스 첫걸음",
  ].join("\n"));
  build = buildInChild("posts", output, { OPSNOTE_CONFIG: config });
});
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test("whole site: llms.txt lists every published post and no draft; llms-full.txt has their bodies without front matter", async () => {
  assert.equal(build.status, 0, build.stderr);
  const llms = await readFile(path.join(output, "llms.txt"), "utf8");
  const full = await readFile(path.join(output, "llms-full.txt"), "utf8");
  const posts: string[] = [];
  const pages: string[] = [];
  for (const file of await listFiles(output)) {
    if (!file.endsWith(".html")) continue;
    const document = readDocument(await readFile(path.join(output, file), "utf8"));
    if (document.querySelector("article.post") && !document.querySelector("meta[name=robots][content=noindex]")) {
      // Standalone pages (`layout: page`, the samples' about.md) are listed under "Pages".
      (document.querySelector("article.post--page") ? pages : posts).push(`https://ops.example.kr/blog${encodeURI(urlOfFile(file))}`);
    }
  }
  const listedIn = (name: string) => {
    const section = llms.split("\n## ").find((part) => part.startsWith(`${name}\n`)) ?? "";
    return [...section.matchAll(/^- \[[^\]]*\]\((\S+)\)/gm)].map((match) => match[1]!).sort();
  };
  assert.deepEqual(listedIn("Posts"), posts.sort(), "every published post page, and nothing else");
  assert.deepEqual(listedIn("Pages"), pages.sort(), "every standalone page");

  const sources = samplePosts();
  const drafts = sources.filter((source) => source.data.draft === true || source.data.published === false);
  assert.ok(drafts.length > 0, "the samples have a draft to leave out");
  for (const draft of drafts) {
    assert.ok(!llms.includes(String(draft.data.title)), `the draft "${draft.data.title}" is not in llms.txt`);
    assert.ok(!full.includes(String(draft.data.title)), `the draft "${draft.data.title}" is not in llms-full.txt`);
  }
  for (const source of sources.filter((s) => !drafts.includes(s))) {
    const firstLine = source.content.trim().split("\n")[0]!;
    assert.ok(full.includes(firstLine), `${source.file}: its body is in llms-full.txt`);
  }
  assert.ok(!/^(title|date|tags|categories):/m.test(full), "no front matter in llms-full.txt");
});

test("whole site: edit links name each post's file in the repository; no comments anywhere when unset", async () => {
  assert.equal(build.status, 0, build.stderr);
  let postPages = 0;
  for (const file of await listFiles(output)) {
    if (!file.endsWith(".html")) continue;
    const html = await readFile(path.join(output, file), "utf8");
    const document = readDocument(html);
    assert.equal(document.querySelector("#comments, [data-comments]"), null, `${file}: no comments section`);
    assert.ok(!/giscus|utteranc/.test(html), `${file}: nothing of giscus or utterances`);
    if (!document.querySelector("article.post") || document.querySelector("article.post--page")) continue;
    postPages++;
    const edit = document.querySelector(".edit-link a")?.getAttribute("href") ?? "";
    const match = /^https:\/\/github\.com\/me\/blog\/edit\/trunk\/(posts\/.+\.md)$/.exec(edit);
    assert.ok(match, `${file}: edit link ${edit}`);
    assert.ok(readFileSync(path.join(ROOT, decodeURIComponent(match[1]!)), "utf8").length > 0, `${file}: the edit link names a real file`);
  }
  assert.ok(postPages >= 5);
});
