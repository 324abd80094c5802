/**
 * Chirpy's media_subpath, applied to an imported post's copy as Chirpy's media-url.html reads it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { applyMediaSubpath, mediaSubpathOf, previewImageUnderSubpath, withMediaSubpath } from "../../src/import/media-subpath.ts";

test("the subpath a post sets: media_subpath, else Chirpy 6's img_path; site-relative, without its last slash", () => {
  assert.equal(mediaSubpathOf({ media_subpath: "/assets/img/k8s/" }), "/assets/img/k8s");
  assert.equal(mediaSubpathOf({ img_path: "assets/img/k8s" }), "/assets/img/k8s");
  assert.equal(mediaSubpathOf({ media_subpath: "https://cdn.example.com/blog/" }), "https://cdn.example.com/blog");
  assert.equal(mediaSubpathOf({ media_subpath: "  " }), undefined);
  assert.equal(mediaSubpathOf({ media_subpath: 3 }), undefined);
  assert.equal(mediaSubpathOf({}), undefined);
});

test("an image URL under the subpath, as Chirpy joined it and the browser resolved it", () => {
  const cases: [url: string, subpath: string, expected: string][] = [
    ["a.png", "/assets/img/k8s", "/assets/img/k8s/a.png"],
    ["./a.png", "/assets/img/k8s", "/assets/img/k8s/a.png"],
    ["../shared/a.png", "/assets/img/k8s", "/assets/img/shared/a.png"],
    ["sub/a%20b.png?v=2#x", "/assets/img/k8s", "/assets/img/k8s/sub/a%20b.png?v=2#x"],
    ["/a.png", "/assets/img/k8s", "/assets/img/k8s/a.png"], // Chirpy joins a root path too
    ["쿠버네티스.png", "/assets/img", "/assets/img/%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4.png"],
    ["a.png", "https://cdn.example.com/blog", "https://cdn.example.com/blog/a.png"],
    ["https://x.example/a.png", "/assets/img", "https://x.example/a.png"],
    ["data:image/png;base64,AAAA", "/assets/img", "data:image/png;base64,AAAA"],
    ["//x.example/a.png", "/assets/img", "//x.example/a.png"],
    ["#top", "/assets/img", "#top"],
  ];
  for (const [url, subpath, expected] of cases) assert.equal(withMediaSubpath(url, subpath), expected, `${url} under ${subpath}`);
  assert.equal(withMediaSubpath("/assets/a.png", "/assets/img/k8s", (url) => url === "/assets/a.png"), "/assets/a.png", "a whole path whose file is there stays");
});

test("property: a relative name under a site subpath lands inside the subpath, and a URL with a scheme is never touched", () => {
  const segment = fc.stringMatching(/^[a-z0-9가-힣_-]{1,12}$/);
  fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.array(segment, { minLength: 1, maxLength: 3 }), (dirs, names) => {
    const subpath = `/${dirs.join("/")}`;
    const joined = decodeURI(withMediaSubpath(`${names.join("/")}.png`, subpath));
    assert.ok(joined.startsWith(`${subpath}/`), joined);
    assert.ok(joined.endsWith(`${names.join("/")}.png`), joined);
    assert.equal(withMediaSubpath(`https://${names[0]}.example/${names.join("/")}.png`, subpath), `https://${names[0]}.example/${names.join("/")}.png`);
  }));
});

test("the body's images are rewritten, line by line; code fences, inline code, links and the front matter are not", () => {
  const text = [
    "---", "media_subpath: /img/p", "image: cover.png", "---", "",
    "![a](a.png) and [a link](notes.pdf)",
    '<img class="wide" src="b.png" alt="b"> ![c](<c d.png> "제목")',
    "`![inline](x.png)` ![e](https://x.example/e.png)",
    "```", "![fenced](y.png)", "```",
  ].join("\n");
  const applied = applyMediaSubpath(text, "/img/p", 4);
  assert.deepEqual(applied.text.split("\n").slice(5, 8), [
    "![a](/img/p/a.png) and [a link](notes.pdf)",
    '<img class="wide" src="/img/p/b.png" alt="b"> ![c](</img/p/c%20d.png> "제목")',
    "`![inline](x.png)` ![e](https://x.example/e.png)",
  ]);
  assert.deepEqual(applied.text.split("\n").slice(0, 5), text.split("\n").slice(0, 5), "front matter as written");
  assert.deepEqual(applied.text.split("\n").slice(8), ["```", "![fenced](y.png)", "```"]);
  assert.deepEqual(applied.rewritten, [
    { line: 6, from: "a.png", to: "/img/p/a.png" },
    { line: 7, from: "c d.png", to: "/img/p/c%20d.png" },
    { line: 7, from: "b.png", to: "/img/p/b.png" },
  ]);
});

test("the preview image, as a name or as image.path; a remote one stays", () => {
  assert.deepEqual(previewImageUnderSubpath({ image: "cover.png" }, "/img/p"), new Map([["cover.png", "/img/p/cover.png"]]));
  assert.deepEqual(previewImageUnderSubpath({ image: { path: "cover.png", alt: "x" } }, "/img/p"), new Map([["cover.png", "/img/p/cover.png"]]));
  assert.deepEqual(previewImageUnderSubpath({ image: { path: "https://x.example/c.png" } }, "/img/p"), new Map());
  assert.deepEqual(previewImageUnderSubpath({}, "/img/p"), new Map());
});
