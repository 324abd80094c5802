import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { planNewPost } from "../../src/authoring/new-post.ts";
import { parsePostText } from "../../src/content/read-post.ts";
import { buildPost } from "../../src/content/post.ts";
import { todayIn } from "../../src/content/dates.ts";
import { site } from "../../src/site.ts";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";

const NEW = "src/cli/new-post.ts";

/** Reads a written post back through the build's own reader and schema. */
function readBack(text: string, fileName: string) {
  const { frontMatter, frontMatterSource, body } = parsePostText(text, fileName);
  const result = buildPost({ inputPath: fileName, frontMatter, source: frontMatterSource, body, site });
  assert.ok(result.ok, `the written post does not build: ${JSON.stringify(result)}`);
  return { frontMatter, post: result.post };
}

/** Today in the site zone; a run across midnight may see either day. */
function todays(before: Date): string[] {
  return [...new Set([todayIn(site.timeZone, before), todayIn(site.timeZone)])];
}

test("npm run new writes a valid post with the given slug, tags and category, and prints its path and URL", async (t) => {
  const posts = await makeTempDir("new");
  t.after(() => rm(posts, { recursive: true, force: true }));
  const before = new Date();
  const result = await runCli(NEW, ["인그레스 정리", "--slug", "kubernetes-ingress", "--tags", "kubernetes, 인그레스", "--category", "devops", "--posts", posts]);
  assert.equal(result.code, 0, result.stderr);

  const files = await readdir(posts);
  assert.equal(files.length, 1);
  assert.ok(todays(before).some((day) => files[0] === `${day}-kubernetes-ingress.md`), files[0]);
  const { frontMatter, post } = readBack(await readFile(path.join(posts, files[0]!), "utf8"), files[0]!);
  assert.equal(post.title, "인그레스 정리");
  assert.deepEqual(post.tags.map((t) => t.name), ["kubernetes", "인그레스"]);
  assert.deepEqual(post.categories.map((c) => c.name), ["devops"]);
  assert.equal(post.draft, false);
  assert.equal(frontMatter.draft, undefined);
  assert.equal(post.url, "/devops/kubernetes-ingress/");
  assert.match(result.stdout, new RegExp(files[0]!));
  assert.match(result.stdout, /http:\/\/127\.0\.0\.1:\d+\/devops\/kubernetes-ingress\//);
});

test("a Korean-only title without --slug gives a usable NFC file name that keeps the Hangul", async (t) => {
  const posts = await makeTempDir("new");
  t.after(() => rm(posts, { recursive: true, force: true }));
  // Typed on a Mac: decomposed (NFD) Hangul.
  const result = await runCli(NEW, ["인그레스 정리".normalize("NFD"), "--draft", "--posts", posts]);
  assert.equal(result.code, 0, result.stderr);
  const [file] = await readdir(posts);
  assert.ok(file !== undefined);
  assert.match(file, /^\d{4}-\d{2}-\d{2}-인그레스-정리\.md$/);
  assert.equal(file, file.normalize("NFC"));
  const { post } = readBack(await readFile(path.join(posts, file), "utf8"), file);
  assert.equal(post.title, "인그레스 정리");
  assert.equal(post.draft, true);
  assert.match(result.stdout, /\/인그레스-정리\//);
});

test("npm run new never overwrites an existing post", async (t) => {
  const posts = await makeTempDir("new");
  t.after(() => rm(posts, { recursive: true, force: true }));
  const first = await runCli(NEW, ["같은 제목", "--posts", posts]);
  assert.equal(first.code, 0, first.stderr);
  const [file] = await readdir(posts);
  const edited = "---\ntitle: 이미 쓰던 글\n---\n소중한 본문\n";
  await writeFile(path.join(posts, file!), edited);

  const second = await runCli(NEW, ["같은 제목", "--posts", posts]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /already exists/);
  assert.equal(await readFile(path.join(posts, file!), "utf8"), edited);
  assert.deepEqual(await readdir(posts), [file]);
});

const BAD_ARGUMENTS: { name: string; args: string[]; message: RegExp }[] = [
  { name: "no title", args: [], message: /missing the title/ },
  { name: "an unquoted title", args: ["인그레스", "정리"], message: /expected one title, got 2 words/ },
  { name: "an unknown option", args: ["제목", "--tag", "x"], message: /Unknown option '--tag'/ },
  { name: "an option without its value", args: ["제목", "--posts", "{posts}", "--slug"], message: /--slug/ },
  { name: "an empty title", args: ["  "], message: /the title is empty/ },
  { name: "an empty slug", args: ["제목", "--slug", ""], message: /--slug is empty/ },
];

for (const { name, args, message } of BAD_ARGUMENTS) {
  test(`bad arguments (${name}) print the usage on stderr and exit 2, writing nothing`, async (t) => {
    const posts = await makeTempDir("new");
    t.after(() => rm(posts, { recursive: true, force: true }));
    const withPosts = args.includes("{posts}") ? args.map((a) => (a === "{posts}" ? posts : a)) : [...args, "--posts", posts];
    const result = await runCli(NEW, withPosts);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /^usage: npm run new -- "제목"/m);
    assert.deepEqual(await readdir(posts), []);
  });
}

test("planNewPost: YAML-special titles survive the round trip through gray-matter and the schema", () => {
  const now = new Date("2024-05-01T15:30:00Z"); // 2024-05-02 00:30 in Seoul
  for (const title of ['인그레스: 정리 #1', "- 목록 아님", "yes", "2021", '"따옴표" 와 \'작은따옴표\'', "{{ .Values.x }}"]) {
    const plan = planNewPost({ title, now, site, tags: ["k8s", "2021"] });
    assert.match(plan.fileName, /^2024-05-02-/);
    const { post } = readBack(plan.text, plan.fileName);
    assert.equal(post.title, title);
    assert.deepEqual(post.tags.map((t) => t.name), ["k8s", "2021"]);
    assert.equal(post.date.iso, "2024-05-02T00:30:00+09:00");
  }
});

test("planNewPost: a title with no letter still gets a non-empty slug", () => {
  const plan = planNewPost({ title: "???", now: new Date("2024-05-01T00:00:00Z"), site });
  assert.match(plan.fileName, /^2024-05-01-.+\.md$/);
  assert.notEqual(plan.post.slug, "");
});
