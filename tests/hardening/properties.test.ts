/**
 * Property-based tests of the boundaries hostile input crosses first: the front-matter engine (any
 * text either parses or fails with a DiagnosticError naming a line of the file) and the URL makers
 * (no value ever yields `..`, a `/` inside a segment, a backslash or an empty segment).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parsePostText, readFrontMatter } from "../../src/content/front-matter.ts";
import { expandPermalink } from "../../src/content/permalink.ts";
import { termSlug } from "../../src/slug/slugify.ts";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.ts";

/** Bits of YAML and of what people paste into front matter, joined at random. */
const yamlPiece = fc.oneof(
  fc.constantFrom("title", "tags", "date", ":", ": ", "- ", "  ", "\t", "\n", "\r\n", "\"", "'", "[", "]", "{", "}", ",", "#", "&a", "*a",
    "!!js/function", "!!binary", "? ", "|", ">-", "---", "...", "%YAML 1.2", "<<: *a", "2021-02-30", "0x1F", ".inf", "~", "\uFEFF",
    "쿠버네티스", "{{ page.title }}", "\\", "\u0000", "\u2028"),
  fc.string({ maxLength: 8 }),
);
const yamlText = fc.array(yamlPiece, { maxLength: 40 }).map((pieces) => pieces.join(""));

function assertDiagnosticWithLine(error: unknown, fileLines: number) {
  assert.ok(error instanceof DiagnosticError, `threw ${String(error)}`);
  for (const diagnostic of error.diagnostics) {
    assert.equal(diagnostic.severity, "error");
    assert.equal(diagnostic.file, "posts/x.md");
    assert.ok(Number.isInteger(diagnostic.line) && diagnostic.line! >= 1 && diagnostic.line! <= fileLines + 1, `line ${diagnostic.line} of ${fileLines}`);
  }
}

test("front-matter engine: random YAML-ish text parses to a mapping or fails with a DiagnosticError and a line", () => {
  fc.assert(
    fc.property(yamlText, (text) => {
      const fileText = `---\n${text}\n---\nbody\n`;
      try {
        const data = readFrontMatter(text, { filePath: "posts/x.md", fileText });
        assert.equal(typeof data.frontMatter, "object");
        assert.ok(!Array.isArray(data.frontMatter));
      } catch (error) {
        assertDiagnosticWithLine(error, fileText.split("\n").length);
      }
    }),
    { numRuns: 1000 },
  );
});

test("whole post files: random text after an opening --- never throws anything but a DiagnosticError with a line", () => {
  fc.assert(
    fc.property(yamlText, fc.boolean(), (text, close) => {
      const fileText = `---\n${text}${close ? "\n---\n" : "\n"}본문\n`;
      try {
        parsePostText(fileText, "posts/x.md");
      } catch (error) {
        assertDiagnosticWithLine(error, fileText.split("\n").length);
      }
    }),
    { numRuns: 500 },
  );
});

/** Values made to escape: traversal, separators and encodings, mixed with ordinary text and Hangul. */
const hostile = fc.array(
  fc.oneof(
    fc.constantFrom("..", ".", "/", "\\", "%2e", "%2E%2e", "%2f", "%5c", "%252e", "%25", "%", "//", "://", "~", ":", "?", "#", " ", "\u200B",
      "\u0000", "CON", "쿠버네티스".normalize("NFD"), "../../etc", "..%2F", "a/../b", "C:\\Windows"),
    fc.string({ maxLength: 6 }),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(""));

function assertSafeSegments(url: string) {
  assert.ok(url.startsWith("/"), url);
  const segments = url.slice(1).replace(/\/$/, "").split("/");
  if (url === "/") return;
  for (const segment of segments) {
    assert.notEqual(segment, "", `empty segment in ${url}`);
    assert.notEqual(segment, ".", `. segment in ${url}`);
    assert.notEqual(segment, "..", `.. segment in ${url}`);
    assert.ok(!segment.includes("\\"), `backslash in ${url}`);
    let decoded = segment;
    for (let i = 0; i < 4; i++) {
      try {
        decoded = decodeURIComponent(decoded);
      } catch {
        break;
      }
    }
    assert.ok(decoded !== ".." && decoded !== "." && !decoded.includes("/") && !decoded.includes("\\"), `segment ${segment} of ${url} decodes to ${decoded}`);
  }
}

test("termSlug: any term gives one non-empty segment without separators or dots alone", () => {
  fc.assert(
    fc.property(hostile, (term) => {
      const slug = termSlug(term);
      assert.ok(slug.length > 0);
      assert.match(slug, /^[^/\\%]+$/u);
      assert.ok(slug !== "." && slug !== "..");
    }),
    { numRuns: 2000 },
  );
});

test("expandPermalink: any pattern, category and title gives a URL of safe segments", () => {
  const date = { year: 2021, month: 4, day: 13, hour: 0, minute: 0, second: 0 };
  fc.assert(
    fc.property(
      fc.oneof(hostile, fc.constantFrom("/:categories/:title/", "/:year/:month/:day/:title.html", "/:slug", "/../:title/")),
      fc.array(hostile, { maxLength: 3 }),
      hostile,
      (pattern, categories, title) => {
        // Categories and titles reach expandPermalink as slugs; the pattern comes raw from front matter.
        const url = expandPermalink(pattern, { categories: categories.map(termSlug), date, title: termSlug(title) });
        assertSafeSegments(url);
      },
    ),
    { numRuns: 2000 },
  );
});
