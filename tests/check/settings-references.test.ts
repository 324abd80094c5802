/**
 * Settings that name posts and files (`seriesMembers`, `credits`): an entry whose post or file is gone
 * (the samples deleted) is named with its line in the settings file; only for the project's own posts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkPosts } from "../../src/check/check-posts.ts";
import { checkSettingsReferences, settingLines, settingsToCheck } from "../../src/check/settings-references.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { makeTempDir } from "../helpers/paths.ts";

const CREDIT = {
  work: "다이어그램", author: "The Kubernetes Authors",
  source: { label: "k8s", url: "https://github.com/kubernetes/website" }, license: { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
};
const TEXT = [
  "title: 블로그",
  "seriesMembers:",
  "  k8s/intro.md: 첫걸음",
  "  gone.md: 첫걸음",
  "credits:",
  "  - work: 다이어그램",
  "    files: [/assets/a.svg, /assets/gone.svg]",
  "  - work: 사진",
  "    files:",
  "      - /assets/photo.jpg",
].join("\n");

test("an entry whose post or file the site lacks is an error of kind stale-setting, at its line", () => {
  const diagnostics = checkSettingsReferences(
    { seriesMembers: { "k8s/intro.md": "첫걸음", "gone.md": "첫걸음" }, credits: [{ ...CREDIT, files: ["/assets/a.svg", "/assets/gone.svg"] }, { ...CREDIT, work: "사진", files: ["/assets/photo.jpg"] }] },
    { file: "opsnote.config.yaml", lineOf: settingLines(TEXT), hasPost: (relative) => relative === "k8s/intro.md", hasFile: (url) => url === "/assets/a.svg" },
  );
  assert.deepEqual(diagnostics.map(formatDiagnostic), [
    `opsnote.config.yaml:4:1 error seriesMembers: gone.md: no such post in the posts folder, so it joins no series ("첫걸음")`,
    "opsnote.config.yaml:7:1 error credits: /assets/gone.svg: the site has no such file",
    "opsnote.config.yaml:10:1 error credits: /assets/photo.jpg: the site has no such file, so the credit for 사진 is shown nowhere",
  ]);
  assert.ok(diagnostics.every((d) => d.kind === "stale-setting"));
});

test("a post named in NFD or with ./ is the NFC file; nothing named, nothing reported", () => {
  const nfd = "쿠버.md".normalize("NFD");
  assert.deepEqual(checkSettingsReferences({ seriesMembers: { [nfd]: "s", "./a.md": "s" }, credits: [] }, { file: "x", hasPost: (r) => r === "쿠버.md" || r === "a.md", hasFile: () => false }), []);
  assert.deepEqual(checkSettingsReferences({ seriesMembers: {}, credits: [] }, { file: "x", hasPost: () => false, hasFile: () => false }), []);
});

test("check: the project's own posts folder is checked against the settings beside it; another folder is not", async (t) => {
  const root = await makeTempDir("settings-references");
  t.after(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, "posts"), { recursive: true });
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "posts", "2024-01-01-kept.md"), "---\ntitle: 남은 글\n---\n본문\n");
  await writeFile(path.join(root, "assets", "a.svg"), "<svg/>");
  const file = path.join(root, "opsnote.config.yaml");
  await writeFile(file, "seriesMembers:\n  2024-01-01-kept.md: 시리즈\n  2021-04-13-kubernetes-intro.md: 시리즈\ncredits:\n  - files: [/assets/a.svg, /assets/images/container_evolution.svg]\n");
  const settings = { seriesMembers: { "2024-01-01-kept.md": "시리즈", "2021-04-13-kubernetes-intro.md": "시리즈" }, credits: [{ ...CREDIT, files: ["/assets/a.svg", "/assets/images/container_evolution.svg"] }] };
  const posts = path.join(root, "posts");
  const report = await checkPosts({ posts, assets: path.join(root, "assets"), site, settings: settingsToCheck(settings, file, posts) });
  assert.deepEqual(report.diagnostics.filter((d) => d.kind === "stale-setting").map((d) => [d.line, d.field, d.target]), [
    [3, "seriesMembers", "2021-04-13-kubernetes-intro.md"],
    [5, "credits", "/assets/images/container_evolution.svg"],
  ]);
  assert.equal(settingsToCheck(settings, file, path.join(root, "elsewhere")), undefined, "a build of another folder with these settings");
});
