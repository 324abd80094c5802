import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { isPublished, postStatus, unpublishedOnPublishedUrls } from "../../src/content/publication.ts";
import { parsePostDate, type PostDate } from "../../src/content/dates.ts";
import { parseGitLog } from "../../src/content/git-dates.ts";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";

const at = (text: string): PostDate => {
  const result = parsePostDate(text, "Asia/Seoul");
  assert.ok(result.ok);
  return result.date;
};

test("postStatus: drafts, scheduled and published posts", () => {
  const now = new Date("2024-06-01T12:00:00+09:00");
  const table: [boolean, string, string][] = [
    [false, "2024-06-01T11:59:59+09:00", "published"],
    [false, "2024-06-01T12:00:00+09:00", "published"],
    [false, "2024-06-01T12:00:01+09:00", "scheduled"],
    [false, "2024-06-01T04:00:00+01:00", "published"], // the same instant as 12:00 KST
    [false, "2024-06-01T04:00:01+01:00", "scheduled"],
    [true, "2020-01-01", "draft"],
    [true, "2099-01-01", "draft"],
  ];
  for (const [draft, date, expected] of table) {
    assert.equal(postStatus({ draft, date: at(date) }, now), expected, `${draft} ${date}`);
    assert.equal(isPublished({ draft, date: at(date) }, now), expected === "published");
  }
});

test("unpublishedOnPublishedUrls: drafts and scheduled posts at a published post's URL, each with it; not two drafts, not two published", () => {
  const now = new Date("2024-06-01T12:00:00+09:00");
  const entry = (file: string, url: string, draft: boolean, date = "2024-01-01") => ({ file, post: { draft, date: at(date), url } });
  const published = entry("a.md", "/x/", false);
  const draft = entry("b.md", "/x/", true);
  const scheduled = entry("c.md", "/x/", false, "2099-01-01");
  const twoDrafts = [entry("d.md", "/y/", true), entry("e.md", "/y/", true)];
  const twoPublished = [entry("f.md", "/z/", false), entry("g.md", "/z/", false)];
  const found = unpublishedOnPublishedUrls([draft, published, scheduled, ...twoDrafts, ...twoPublished, { file: "broken.md" }], now);
  assert.deepEqual([...found].map(([shadowed, owner]) => [shadowed.file, owner.file]), [["b.md", "a.md"], ["c.md", "a.md"]]);
});

test("parseGitLog: the newest commit touching a file wins; non-ASCII names are kept", () => {
  const log = "\x001717200000\n\nposts/b.md\nposts/인그레스.md\n\x001700000000\n\nposts/a.md\nposts/b.md\n";
  const dates = parseGitLog(log, "/site");
  assert.equal(dates.get("/site/posts/b.md")?.getTime(), 1717200000_000);
  assert.equal(dates.get("/site/posts/a.md")?.getTime(), 1700000000_000);
  assert.equal(dates.get("/site/posts/인그레스.md")?.getTime(), 1717200000_000);
});

test("a production build leaves no trace of drafts and scheduled posts", async (t) => {
  const root = await makeTempDir("drafts");
  t.after(() => rm(root, { recursive: true, force: true }));
  const posts = path.join(root, "posts");
  await mkdir(posts);
  await writeFile(path.join(posts, "2021-01-01-public.md"), "---\ntitle: 공개글\ntags: [shared]\n---\n본문\n");
  await writeFile(path.join(posts, "2021-01-02-draft.md"), "---\ntitle: 비밀초안\ntags: [draft-only-tag]\ncategories: [draft-cat]\ndraft: true\n---\n본문\n");
  await writeFile(path.join(posts, "2021-01-03-unpublished.md"), "---\ntitle: 미게시글\npublished: false\n---\n본문\n");
  await writeFile(path.join(posts, "2099-01-01-later.md"), "---\ntitle: 미래예약\ntags: [future-only-tag]\n---\n본문\n");
  const output = path.join(root, "out");
  const result = await runCli("src/cli/build.ts", ["--posts", posts, "--output", output], 120_000);
  assert.equal(result.code, 0, result.stderr);

  const files = (await readdir(output, { recursive: true })).filter((f) => !f.startsWith("assets"));
  assert.ok(files.some((f) => f.includes("public")), files.join(", "));
  for (const file of files) {
    if (!/\.(html|xml|json|txt)$/.test(file)) continue;
    const text = await readFile(path.join(output, file), "utf8");
    for (const secret of ["비밀초안", "미게시글", "미래예약", "draft-only-tag", "draft-cat", "future-only-tag", "/draft/", "/later/"]) {
      assert.ok(!text.includes(secret), `${file} mentions ${secret}`);
    }
  }
  assert.ok(!files.some((f) => /draft|later|unpublished/.test(f)), files.join(", "));
});
