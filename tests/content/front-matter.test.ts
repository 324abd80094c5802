import { test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { frontMatterSourceOf, readFrontMatter, refuseFrontMatterLanguage, type PostData } from "../../src/content/front-matter.ts";
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildPost } from "../../src/content/post.ts";
import { site } from "../../src/site.ts";

/**
 * Parses a whole file the way Eleventy does: gray-matter with our engines and a `filePath` option.
 * An options object is always passed: without one gray-matter caches by input text and would hand
 * back a shared result.
 */
function parseFile(text: string, filePath = "posts/x.md") {
  const options = {
    engines: { yaml: readFrontMatter, js: refuseFrontMatterLanguage("js") },
    filePath,
  };
  // gray-matter's option type knows nothing of the `filePath` Eleventy adds.
  const file = matter(text, options as Parameters<typeof matter>[1]);
  return { data: file.data as unknown as PostData, content: file.content };
}

function diagnosticOf(run: () => unknown): Diagnostic {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DiagnosticError, `expected a DiagnosticError, got ${String(caught)}`);
  assert.equal(caught.diagnostics.length, 1);
  return caught.diagnostics[0]!;
}

test("front matter: timestamps stay strings exactly as written", () => {
  const { data } = parseFile(
    "---\ndate: 2021-04-13T13:00:00+18:00\nlast_modified_at: 2021-04-13 10:00:00 +0900\nplain: 2021-04-13\n---\n",
  );
  assert.deepEqual(data.frontMatter, {
    date: "2021-04-13T13:00:00+18:00",
    last_modified_at: "2021-04-13 10:00:00 +0900",
    plain: "2021-04-13",
  });
});

test("front matter: ordinary YAML values keep their types", () => {
  const { data } = parseFile("---\ntitle: \"Kubernetes intro\"\ntoc: true\ncount: 3\nempty:\ntags:\n  - kubernetes\n  - 쿠버네티스\n---\n");
  assert.deepEqual(data.frontMatter, { title: "Kubernetes intro", toc: true, count: 3, empty: null, tags: ["kubernetes", "쿠버네티스"] });
});

test("front matter: everything lands under `frontMatter`, so a post cannot set Eleventy keys", () => {
  const { data } = parseFile("---\npermalink: /x/\nlayout: evil\neleventyComputed: {}\n---\n");
  assert.deepEqual(Object.keys(data).sort(), ["frontMatter", "frontMatterSource"]);
  assert.equal(data.frontMatter.layout, "evil");
});

test("front matter: keyLines gives each top-level key's line in the file", () => {
  const { data } = parseFile("---\ntitle: x\n# a comment\ntags:\n  - a\n  - b\n\"quoted\": 1\ntoc: true\n---\nbody\n");
  assert.deepEqual(data.frontMatterSource.keyLines, { title: 2, tags: 4, "tags[0]": 5, "tags[1]": 6, quoted: 7, toc: 8 });
});

test("front matter: a plain number keeps its spelling when its value would change it (1.10 is not 1.1)", () => {
  const { data } = parseFile("---\ntags: [1.10, 1.0, 2021, 1.5, 010, \"1.20\", -1.50]\nversion: 1.10\n---\n");
  assert.deepEqual(data.frontMatter, { tags: ["1.10", "1.0", 2021, 1.5, "010", "1.20", "-1.50"], version: "1.10" });
});

test("front matter: tag objects carry 1.10 as written, with its own slug", () => {
  const { data } = parseFile("---\ntitle: x\ntags:\n  - 1.10\n  - 1.1\n---\n");
  const built = buildPost({ inputPath: "posts/2021-01-01-x.md", frontMatter: data.frontMatter, source: data.frontMatterSource, body: "", site });
  assert.ok(built.ok);
  assert.deepEqual(built.post.tags.map((tag) => [tag.name, tag.slug]), [["1.10", "1-10"], ["1.1", "1-1"]]);
});

// An empty item in a tag or category list is an error naming the item and its line.
const EMPTY_ITEMS: [name: string, yaml: string, expected: string][] = [
  ["a `- ` item with nothing after it", "title: x\ntags:\n  - k8s\n  - \n  - docker", "posts/x.md:5:1 error tags[1]: empty tag: write a name or remove the item"],
  ["a `-` item at the end of the line", "title: x\ncategories:\n  -\n  - devops", "posts/x.md:4:1 error categories[0]: empty category: write a name or remove the item"],
  ["a null in a flow list", "title: x\ntags: [k8s, ~, docker]", "posts/x.md:3:1 error tags[1]: empty tag: write a name or remove the item"],
];

for (const [name, yaml, expected] of EMPTY_ITEMS) {
  test(`front matter: ${name} is an error with its index and line`, () => {
    const { data } = parseFile(`---\n${yaml}\n---\nbody\n`);
    const built = buildPost({ inputPath: "posts/x.md", frontMatter: data.frontMatter, source: data.frontMatterSource, body: "", site });
    assert.equal(built.ok, false);
    assert.deepEqual(built.ok ? [] : built.errors.map(formatDiagnostic), [expected]);
  });
}

test("front matter: an empty item written as `[k8s, , docker]` is a YAML error that says so", () => {
  const diagnostic = diagnosticOf(() => parseFile("---\ntitle: x\ntags: [k8s, , docker]\n---\n"));
  assert.equal(formatDiagnostic(diagnostic), "posts/x.md:3:13 error front matter: invalid YAML: expected the node content, but found ',' (an empty item in a [list]? remove the extra comma)");
});

const offsetCases: [name: string, text: string, firstBodyLine: number][] = [
  ["two keys", "---\ntitle: x\ntoc: true\n---\nfirst body line\n", 5],
  ["a list", "---\ntags:\n  - a\n  - b\n---\nfirst body line\n", 6],
  ["a blank line after the fence", "---\ntitle: x\n---\n\nfirst body line\n", 5],
  ["CRLF line endings", "---\r\ntitle: x\r\ntoc: true\r\n---\r\nfirst body line\r\n", 5],
];

for (const [name, text, firstBodyLine] of offsetCases) {
  test(`front matter: bodyLineOffset turns body lines into file lines (${name})`, () => {
    const { data, content } = parseFile(text);
    const bodyLine = content.split(/\r?\n/).findIndex((line) => line === "first body line");
    const fileLine = text.split(/\r?\n/).findIndex((line) => line === "first body line") + 1;
    assert.equal(fileLine, firstBodyLine, "fixture sanity");
    // sourceLocation() in markdown/env.ts: file line = body line (0-based) + 1 + bodyLineOffset.
    assert.equal(bodyLine + 1 + data.frontMatterSource.bodyLineOffset, firstBodyLine);
  });
}

const syntaxCases: [name: string, text: string, line: number][] = [
  ["a mapping inside a value on line 4", "---\ntitle: x\ndate: 2021-04-13\ntags: a: b\n---\nbody\n", 4],
  ["bad indentation on line 3", "---\ntitle: x\n  toc: true\n---\nbody\n", 3],
  ["an unclosed flow list ending on line 3", "---\ntitle: x\ntags: [a, b\n---\nbody\n", 3],
  ["a duplicate key on line 6", "---\ntitle: x\ntags:\n  - a\n\ntitle: y\n---\nbody\n", 6],
];

for (const [name, text, line] of syntaxCases) {
  test(`front matter: YAML syntax error reports the FILE line (${name})`, () => {
    const diagnostic = diagnosticOf(() => parseFile(text, "posts/2021-04-13-bad.md"));
    assert.equal(diagnostic.severity, "error");
    assert.equal(diagnostic.file, "posts/2021-04-13-bad.md");
    assert.equal(diagnostic.field, "front matter");
    assert.equal(diagnostic.line, line);
    assert.match(diagnostic.message, /^invalid YAML: /);
  });
}

test("front matter: the engine also accepts a plain path, and names an unknown file otherwise", () => {
  assert.equal(diagnosticOf(() => readFrontMatter("a: [", "posts/y.md")).file, "posts/y.md");
  assert.equal(diagnosticOf(() => readFrontMatter("a: [")).file, "(unknown file)");
});

test("front matter: a list or a scalar instead of key: value pairs is refused", () => {
  const list = diagnosticOf(() => parseFile("---\n- a\n- b\n---\nbody\n"));
  assert.match(list.message, /expected key: value pairs, got a list/);
  const scalar = diagnosticOf(() => parseFile("---\njust text\n---\nbody\n"));
  assert.match(scalar.message, /expected key: value pairs, got string/);
});

test("front matter: custom YAML tags are not evaluated", () => {
  const diagnostic = diagnosticOf(() => parseFile("---\ntitle: !!js/function 'function () {}'\n---\n"));
  assert.equal(diagnostic.line, 2);
});

test("front matter: ---js is refused, naming the file", () => {
  const diagnostic = diagnosticOf(() => parseFile("---js\n{ title: 'x' }\n---\nbody\n", "posts/js.md"));
  assert.equal(diagnostic.file, "posts/js.md");
  assert.equal(diagnostic.line, 1);
  assert.match(diagnostic.message, /"---js" front matter is not allowed/);
});

// gray-matter skips the engine for an empty block (and there is none without front matter), so
// the content plugin falls back to frontMatterSourceOf on the file's text.
const sourceCases: [string, string, number][] = [
  ["an empty block", "---\n---\n\n```kubectl\nx\n```\n", 2],
  ["no front matter", "# 제목\n\nbody\n", 0],
  ["a BOM and CRLF", "\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n", 3],
  ["an unclosed block", "---\ntitle: x\nbody\n", 0],
];
for (const [name, text, offset] of sourceCases) {
  test(`frontMatterSourceOf: ${name} -> body starts after line ${offset}`, () => {
    assert.equal(frontMatterSourceOf(text).bodyLineOffset, offset);
    if (text.includes("title: x\n---") || text.includes("title: x\r\n---")) {
      assert.equal(frontMatterSourceOf(text).keyLines.title, 2);
    }
  });
}

test("front matter: a quoted value going on over lines at its key's indentation is folded as Jekyll's libyaml folds it, its keys on their own lines", () => {
  // by-su's Chirpy post: js-yaml refuses the second line of the excerpt ("deficient indentation").
  const { data } = parseFile([
    "---", 'title: "Redis: 트랜잭션"', 'excerpt: "Spring Boot에서 \\"캐시\\"를 쓸 때의', "실무 해결책을", '소개합니다."',
    "list:", "  - 'it''s", "  one'", "tags: [a]", "---", "body", "",
  ].join("\n"));
  assert.deepEqual(data.frontMatter, { title: "Redis: 트랜잭션", excerpt: 'Spring Boot에서 "캐시"를 쓸 때의 실무 해결책을 소개합니다.', list: ["it's one"], tags: ["a"] });
  assert.deepEqual(data.frontMatterSource.keyLines, { title: 2, excerpt: 3, list: 6, "list[0]": 7, tags: 9 });
  // A quote that never closes is still the error it was, on its own line.
  const d = diagnosticOf(() => parseFile('---\ntitle: "열고 닫지 않음\ndate: 2021-01-01\n---\nbody\n'));
  assert.equal(`${d.line}:${d.column} ${d.message}`, '2:8 invalid YAML: the quote (") opened here is never closed');
});
