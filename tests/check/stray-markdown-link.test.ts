/**
 * `[열거형](**https://doc.rust-lang.org/book/**)`: emphasis typed inside a link's parentheses. It is an
 * external URL gone wrong, not a file beside the post, and the check says so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { classifyLink, externalLinkProblem, quotedUrl } from "../../src/check/links.ts";
import { checkPosts } from "../../src/check/check-posts.ts";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.ts";
import { site } from "../../src/site.ts";
import { writeTempFolder } from "../helpers/temp-site.ts";

const STRAY: [href: string, message: string][] = [
  ["**https://doc.rust-lang.org/book/**", 'is an external URL with stray characters "**" before it; write [text](https://doc.rust-lang.org/book/)'],
  ["_http://example.com/_", 'is an external URL with stray characters "_" before it; write [text](http://example.com/)'],
  // `[malloc.go]((https://…))`: markdown-it takes the balanced inner parentheses into the target.
  ["(https://github.com/golang/go/blob/go1.5.1/src/runtime/malloc.go#L5)", 'is an external URL with stray characters "(" before it; write [text](https://github.com/golang/go/blob/go1.5.1/src/runtime/malloc.go#L5)'],
];
for (const [href, message] of STRAY) {
  test(`stray markdown around an external URL: ${href}`, () => {
    assert.deepEqual(classifyLink(href), { type: "external", url: href });
    assert.equal(externalLinkProblem(href), message);
  });
}

test("a URL in quotes inside the parentheses (markdown-it percent-encodes them) is a malformed external link", () => {
  // 0AndWild (Blowfish): `## [RFC 6455]("https://datatracker.ietf.org/doc/html/rfc6455")`, reported as a page that does not exist.
  const href = "%22https://datatracker.ietf.org/doc/html/rfc6455%22";
  assert.deepEqual(classifyLink(href), { type: "external", url: '"https://datatracker.ietf.org/doc/html/rfc6455"' });
  assert.equal(externalLinkProblem('"https://datatracker.ietf.org/doc/html/rfc6455"'), "is an external URL in quotes, which make it a path on this site; write [text](https://datatracker.ietf.org/doc/html/rfc6455)");
});

test("relative paths that merely contain a URL-like word are still paths", () => {
  assert.equal(classifyLink("notes/https-setup.md").type, "post-file");
  assert.equal(classifyLink("**bold**.png").type, "file");
  assert.equal(externalLinkProblem("https://doc.rust-lang.org/book/"), undefined);
});

test("check reports the link as a malformed external link, not a missing file", async () => {
  const root = await writeTempFolder("stray-link", {
    "posts/rust/2021-05-01-enum.md": "---\ntitle: 열거형\ndate: 2021-05-01\n---\n\n[열거형 및 패턴 일치](**https://doc.rust-lang.org/book/ch06-00-enums.html**)\n",
  });
  const report = await checkPosts({ posts: path.join(root, "posts"), assets: path.join(root, "assets"), site });
  assert.deepEqual(report.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(root, d.file) })), [
    'posts/rust/2021-05-01-enum.md:6:15 error link: **https://doc.rust-lang.org/book/ch06-00-enums.html** is an external URL with stray characters "**" before it; write [text](https://doc.rust-lang.org/book/ch06-00-enums.html)',
  ]);
});

test("a site path in quotes inside the parentheses is the path without them; an external one, or no quotes, is not this", () => {
  // gipyeong-lee: `![MyClass Diagram]('/images/myclass_diagram.png')`; markdown-it encodes `"` as %22.
  const cases: [href: string, url: string | undefined][] = [
    ["'/images/myclass_diagram.png'", "/images/myclass_diagram.png"],
    ["%22/images/a.png%22", "/images/a.png"],
    ["'./b.png'", "./b.png"],
    ["'https://example.com/x.png'", undefined],
    ["/images/a.png", undefined],
    ["'/images/a.png", undefined],
    ["''", undefined],
  ];
  for (const [href, url] of cases) assert.equal(quotedUrl(href), url, href);
});
