/**
 * opsnote.config.yaml: a new file gets a comment per key; an existing one keeps its comments and
 * other keys, and only carried keys that differ are changes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../helpers/paths.ts";
import { describeChange, keepValidSettings, updateSettingsFile } from "../../src/import/settings-file.ts";

test("a new file: every key with where it came from", () => {
  const { text, changes } = updateSettingsFile(undefined, { title: "블로그", pageSize: 5 }, { title: "_config.yml title", pageSize: "_config.yml paginate" });
  assert.deepEqual(parse(text), { title: "블로그", pageSize: 5 });
  assert.match(text, /# from _config\.yml title\ntitle: 블로그\n# from _config\.yml paginate\npageSize: 5\n/);
  assert.deepEqual(changes.map(describeChange), ['title: (unset) -> "블로그"', "pageSize: (unset) -> 5"]);
});

test("an existing file keeps its comments and other keys; equal values are no change", () => {
  const existing = "# my blog\ntitle: 옛 제목 # keep me\ntocDepth: 2\npageSize: 5\n";
  const { text, changes } = updateSettingsFile(existing, { title: "새 제목", pageSize: 5 }, { title: "hugo.toml title" });
  assert.deepEqual(parse(text), { title: "새 제목", tocDepth: 2, pageSize: 5 });
  assert.match(text, /^# my blog\n/);
  assert.match(text, /# keep me/);
  assert.deepEqual(changes.map(describeChange), ['title: "옛 제목" -> "새 제목"']);
});

test("values the settings schema would refuse are left out with the reason, so no command stops on the file", () => {
  const { values, dropped } = keepValidSettings({ title: "T", analytics: { google: "UA-1234-5" }, timeZone: "Mars/Olympus", language: "ko-KR" });
  assert.deepEqual(values, { title: "T", language: "ko-KR" });
  assert.deepEqual(dropped.map((d) => d.key).sort(), ["analytics", "timeZone"]);
  assert.match(dropped.find((d) => d.key === "analytics")!.message, /"UA-1234-5".*not carried \(analytics\.google\)/);
});

test("a long value is summarised in the printed change, not in the file", () => {
  const redirects = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/old/${i}/`, `/new/${i}/`]));
  const { text, changes } = updateSettingsFile(undefined, { redirects }, {});
  assert.equal(describeChange(changes[0]!), "redirects: (unset) -> {40 entries}");
  assert.equal(Object.keys(parse(text).redirects).length, 40);
});

test("a long text is cut in the printed change, not counted as if it had keys", () => {
  // taeyeonkim2's YAT sample description (200 characters) printed as "{200 entries}".
  const description = "Write an awesome description for your new site here. ".repeat(4);
  const { text, changes } = updateSettingsFile(undefined, { description }, {});
  assert.equal(describeChange(changes[0]!), `description: (unset) -> ${JSON.stringify(description.slice(0, 100))}…`);
  assert.equal(parse(text).description, description);
});

test("the sample's seriesMembers entry goes when its post will not be there; the key goes with its last entry and comment", async () => {
  const existing = await readFile(path.join(REPO_ROOT, "opsnote.config.yaml"), "utf8");
  const before = parse(existing) as Record<string, unknown>;
  assert.deepEqual(Object.keys(before.seriesMembers as object), ["2021-04-13-kubernetes-intro.md"], "the repository's sample config, as this test expects it");
  const { text, changes } = updateSettingsFile(existing, { title: "블로그" }, {}, ["2021-04-13-kubernetes-intro.md"]);
  const after = parse(text) as Record<string, unknown>;
  assert.equal(after.seriesMembers, undefined);
  assert.deepEqual(after.credits, before.credits, "the credits stay: their images are still there");
  assert.doesNotMatch(text, /Remove these lines with posts\/samples/, "the entry's comment went with it");
  assert.match(text, /# The Kubernetes diagrams the seed post uses/, "the next key's comment stays");
  assert.deepEqual(changes.map(describeChange), ['title: "opsnote" -> "블로그"', 'seriesMembers: {"2021-04-13-kubernetes-intro.md":"쿠버네티스 첫걸음"} -> (unset)']);
});

test("a series entry whose post stays is kept; nothing stale is no change", () => {
  const existing = "seriesMembers:\n  a.md: 시리즈 # mine\n  gone.md: 시리즈\n";
  const { text, changes } = updateSettingsFile(existing, {}, {}, ["gone.md"]);
  assert.deepEqual(parse(text), { seriesMembers: { "a.md": "시리즈" } });
  assert.match(text, /# mine/);
  assert.equal(changes.length, 1);
  assert.deepEqual(updateSettingsFile(existing, {}, {}, []).changes, []);
});
