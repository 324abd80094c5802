/**
 * The settings file: defaults, the blogger's YAML, the environment on top, and errors that name the
 * file, line, column and key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteSettings, suggestKey } from "../../src/settings/load-settings.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { commandArgs } from "../helpers/run-cli.ts";

const FILE = "opsnote.config.yaml";

function errorsOf(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    loadSiteSettings({ file: FILE, text, env });
  } catch (error) {
    return ((error as { diagnostics: Diagnostic[] }).diagnostics).map(formatDiagnostic);
  }
  assert.fail("expected the settings to be refused");
}

test("an empty or missing file gives every default", () => {
  const settings = loadSiteSettings({ file: path.join(tmpdir(), "no-such-opsnote.config.yaml"), env: {} });
  assert.equal(settings.title, "opsnote");
  assert.equal(settings.pathPrefix, "/");
  assert.equal(settings.timeZone, "Asia/Seoul");
  assert.equal(settings.pageSize, 10);
  assert.deepEqual(settings.author.links, []);
  assert.deepEqual(settings.staticDirs, ["images", "img", "files", "static"]);
  assert.equal(settings.strict, false);
  assert.equal(settings.comments, undefined);
});

test("the file's values win over the defaults, and are normalised", () => {
  const settings = loadSiteSettings({
    file: FILE,
    env: {},
    text: "title: 데브옵스 노트\nurl: https://ops.example.kr/\npathPrefix: blog\nauthor:\n  name: 김개발\n  avatar: /assets/img/me.png\npageSize: 5\n",
  });
  assert.equal(settings.title, "데브옵스 노트");
  assert.equal(settings.url, "https://ops.example.kr");
  assert.equal(settings.pathPrefix, "/blog/");
  assert.equal(settings.author.name, "김개발");
  assert.equal(settings.author.avatar, "/assets/img/me.png");
  assert.equal(settings.pageSize, 5);
});

test("the environment wins over the file, and is validated too", () => {
  const settings = loadSiteSettings({
    file: FILE,
    text: "pageSize: 5\nurl: https://a.example\n",
    env: { OPSNOTE_PAGE_SIZE: "7", OPSNOTE_SITE_URL: "https://b.example", OPSNOTE_PATH_PREFIX: "/x", OPSNOTE_NAVER_VERIFICATION: "abc" },
  });
  assert.equal(settings.pageSize, 7);
  assert.equal(settings.url, "https://b.example");
  assert.equal(settings.pathPrefix, "/x/");
  assert.equal(settings.verification.naver, "abc");
  assert.deepEqual(errorsOf("pageSize: 5\n", { OPSNOTE_PAGE_SIZE: "열" }), ['$OPSNOTE_PAGE_SIZE error pageSize: expected a whole number (from the environment: "열")']);
});

const REFUSED: [string, string, string[]][] = [
  ["a wrong type on its line and column", "title: x\npageSize: 0\n", ["opsnote.config.yaml:2:11 error pageSize: expected a whole number of 1 or more"]],
  ["text where a number belongs", "pageSize: 열\n", ["opsnote.config.yaml:1:11 error pageSize: expected a number"]],
  ["a nested value", "author:\n  links:\n    - label: G\n      url: github.com/me\n", ["opsnote.config.yaml:4:12 error author.links[0].url: expected an absolute http(s) URL such as https://you.github.io"]],
  ["a misspelt key, with the key it meant", "titel: x\n", ['opsnote.config.yaml:1:1 error titel: unknown setting; did you mean "title"?']],
  ["a misspelt nested key", "author:\n  nmae: x\n", ['opsnote.config.yaml:2:3 error author.nmae: unknown setting; did you mean "author.name"?']],
  ["an unknown time zone", "timeZone: Seoul\n", ["opsnote.config.yaml:1:11 error timeZone: expected an IANA time zone such as Asia/Seoul"]],
  ["a YAML syntax error", "title: [\n", ["opsnote.config.yaml:2:1 error Flow sequence in block collection must be sufficiently indented and end with a ] (the settings file must be YAML)"]],
  ["a list instead of settings", "- a\n- b\n", ["opsnote.config.yaml:1:1 error expected settings as `key: value` lines"]],
  ["a comments provider without its ids", "comments:\n  provider: utterances\n", ["opsnote.config.yaml:2:3 error comments.repo: missing: expected a string"]],
  ["a duplicated key", "title: a\ntitle: b\n", ["opsnote.config.yaml:2:1 error Map keys must be unique (the settings file must be YAML)"]],
];

for (const [name, text, expected] of REFUSED) {
  test(`refused: ${name}`, () => assert.deepEqual(errorsOf(text), expected));
}

test("suggestions only for plausible typos", () => {
  assert.equal(suggestKey("pagesize", ["pageSize", "feedSize"]), "pageSize");
  assert.equal(suggestKey("toc_depth", ["tocDepth", "title"]), "tocDepth");
  assert.equal(suggestKey("disqus", ["title", "url"]), undefined);
});

test("the repository's own settings file is valid and is what the build reads", () => {
  assert.equal(site.title, "opsnote");
  assert.equal(site.seriesMembers["2021-04-13-kubernetes-intro.md"], "쿠버네티스 첫걸음");
});

test("a command run with a broken settings file stops before building, naming the file, line and key", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "opsnote-settings-"));
  const config = path.join(folder, "opsnote.config.yaml");
  writeFileSync(config, "title: 블로그\npageSize: 열\n");
  const result = spawnSync(process.execPath, [...commandArgs("src/cli/check.ts"), "--posts", path.join(folder, "posts")], {
    encoding: "utf8",
    env: { ...process.env, OPSNOTE_CONFIG: config },
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /opsnote\.config\.yaml:2:11 error pageSize: expected a number/);
});
