/**
 * Ignore files: `check` and the Jekyll post index see exactly the posts Eleventy builds. The rules
 * are Eleventy's (paths from the ignore file's folder, folders cover what is in them, no negation,
 * case ignored), tested here on their own and then against a real build.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { createIgnoreMatcher, ignoreGlobs } from "../../src/content/ignore-files.ts";
import { analysePosts, listPostFiles } from "../../src/check/check-posts.ts";
import { site } from "../../src/site.ts";
import { buildSite } from "../../src/cli/build-site.ts";
import { runCli } from "../helpers/run-cli.ts";
import { makeTempDir } from "../helpers/paths.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${title} 본문입니다.\n`;

test("Eleventy's rules: paths from the ignore file's folder, folders whole, no negation, case ignored", async () => {
  const root = await writeTempFolder("ignore-files", {
    ".gitignore": "# private notes\nposts/private\n*.bak.md\n!posts/private/keep.md\nposts/notes/OLD.md\n\n",
    "posts/.eleventyignore": "drafts\n",
    "posts/private/keep.md": "",
    "posts/drafts/wip.md": "",
  });
  try {
    const input = path.join(root, "posts");
    assert.deepEqual(ignoreGlobs({ input, root }), [
      `${root}/posts/private/**`, // an existing folder: everything in it
      `${root}/*.bak.md`,
      `${root}/posts/notes/OLD.md`,
      `${root}/posts/drafts/**`, // from the posts folder's .eleventyignore
    ]);
    const isIgnored = createIgnoreMatcher({ input, root });
    const expectations: [file: string, ignored: boolean][] = [
      ["posts/private/keep.md", true], // `!` lines are skipped, as Eleventy skips them
      ["posts/private/deep/er.md", true],
      ["posts/drafts/wip.md", true],
      ["posts/notes/old.md", true], // case ignored
      ["x.bak.md", true],
      ["posts/x.bak.md", false], // `*.bak.md` is a path from the root, not git's "at any depth"
      ["posts/privateer.md", false],
      ["posts/2026-01-01-visible.md", false],
    ];
    for (const [file, ignored] of expectations) assert.equal(isIgnored(path.join(root, file)), ignored, file);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("no ignore files: nothing is ignored", async () => {
  const root = await makeTempDir("ignore-files");
  try {
    assert.deepEqual(ignoreGlobs({ input: path.join(root, "posts"), root }), []);
    assert.equal(createIgnoreMatcher({ input: path.join(root, "posts"), root })(path.join(root, "posts", "a.md")), false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("a build and `check` see the same posts: ignored and dot-folder posts are in neither", async () => {
  const root = await writeTempFolder("ignore-files", {
    "posts/2026-01-02-visible.md": post("보이는 글", "2026-01-02"),
    "posts/sub/2026-01-06-nested.md": post("하위 폴더 글", "2026-01-06"),
    // Broken front matter: an error, which stops a production build if anything reads it.
    "posts/private/2026-01-04-broken.md": "---\ntitle: [깨진\n---\n\n본문\n",
    "posts/sub/Scratch-1.md": post("스크래치", "2026-01-05"),
    "posts/.obsidian/templates/note.md": "---\ntitle: {{title}}\n---\n",
    "posts/.trash/2026-01-03-deleted.md": "---\ntitle: 지운 글\ndate: not a date\n---\n",
    "posts/.eleventyignore": "private\nsub/scratch-*.md\n",
  });
  try {
    const posts = path.join(root, "posts");

    const listed = await listPostFiles(posts);
    assert.deepEqual(listed, ["2026-01-02-visible.md", "sub/2026-01-06-nested.md"]);

    const output = path.join(root, "site");
    await buildSite({ posts, output }); // in this process: the default settings, and a failed build throws
    const feed = JSON.parse(await readFile(path.join(output, "feed.json"), "utf8")) as { items: { title: string }[] };
    const built = feed.items.map((item) => item.title).sort();
    const analysed = (await analysePosts({ posts, site })).map((a) => a.post?.title).sort();
    assert.deepEqual(built, ["보이는 글", "하위 폴더 글"]);
    assert.deepEqual(analysed, built);

    const check = await runCli("src/cli/check.ts", ["--posts", posts]);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /^2 posts, 0 errors/m);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
