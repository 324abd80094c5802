import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown, extractToc } from "../../src/markdown/create-markdown.ts";
import { openCachePack } from "../../src/markdown/cache-pack.ts";
import { createRenderCache, type RenderCache } from "../../src/markdown/render-cache.ts";
import { pageFeaturesOf } from "../../src/markdown/page-features.ts";
import { POST_FILE_URL } from "../../src/markdown/post-file-links.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { plainHighlighter } from "../helpers/render-fixtures.ts";

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "opsnote-render-cache-"));

/** A 2×1 PNG: image-size reads its header. */
const PNG_2X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYGD4z8DAwAAABAMBAAoG0zcAAAAASUVORK5CYII=", "base64");

interface Build {
  md: MarkdownIt;
  renders: RenderCache;
  warnings: string[];
  /** markdown-it runs of the whole pipeline (a core rule counts them), whatever the cache says. */
  parses: () => number;
}

/** One "build": a pipeline with the render cache over the pack in `dir`, as index.ts assembles it. */
function build(dir: string, salt = "s"): Build {
  const warnings: string[] = [];
  const renders = createRenderCache({ pack: openCachePack({ file: path.join(dir, "render.pack"), salt }), report: (d: Diagnostic) => warnings.push(formatDiagnostic(d)) });
  const md = createMarkdown({ highlighter: plainHighlighter, report: renders.report });
  let parses = 0;
  md.core.ruler.push("count", () => void parses++);
  renders.install(md);
  return { md, renders, warnings, parses: () => parses };
}

const POST = `## 설치 방법

\`\`\`kubectl
get pods
\`\`\`

$$x^2$$

\`\`\`mermaid
graph TD; A-->B
\`\`\`

![그림](./missing.png)
`;

test("a cached body is served without running markdown-it, with its page features and its warnings reported again", () => {
  const dir = tempDir();
  const env = () => ({ page: { inputPath: path.join(dir, "a.md") }, frontMatter: { math: true } });
  const cold = build(dir);
  const firstEnv = env();
  const html = cold.md.render(POST, firstEnv);
  assert.equal(cold.parses(), 1);
  assert.deepEqual(cold.renders.stats.rendered, [path.join(dir, "a.md")]);
  assert.equal(cold.warnings.length, 2, cold.warnings.join("\n")); // the unknown language and the missing image
  assert.equal(cold.renders.pack.save(), true);

  const warm = build(dir);
  const secondEnv = env();
  assert.equal(warm.md.render(POST, secondEnv), html);
  assert.equal(warm.parses(), 0, "markdown-it did not run");
  assert.deepEqual(warm.renders.stats, { rendered: [], hits: 1, tocParsed: 0, tocHits: 0 });
  assert.deepEqual(pageFeaturesOf(secondEnv), { math: true, mermaid: true });
  assert.deepEqual(warm.warnings, cold.warnings, "the same warnings, on every build");
});

test("an edited text, another page, another front-matter math switch or another salt renders again", () => {
  const dir = tempDir();
  const first = build(dir);
  const env = (inputPath: string, math?: boolean) => ({ page: { inputPath }, frontMatter: math === undefined ? {} : { math } });
  first.md.render("$a$ 본문", env("posts/a.md"));
  first.renders.pack.save();
  const again = build(dir);
  assert.equal(again.md.render("$a$ 본문", env("posts/a.md")), first.md.render("$a$ 본문", env("posts/a.md")));
  assert.equal(again.parses(), 0, "the same page is a hit");
  for (const [label, render] of [
    ["edited", (b: Build) => b.md.render("$a$ 본문 수정", env("posts/a.md"))],
    ["other page", (b: Build) => b.md.render("$a$ 본문", env("posts/b.md"))],
    ["math on", (b: Build) => b.md.render("$a$ 본문", env("posts/a.md", true))],
  ] as const) {
    const b = build(dir);
    const html = render(b);
    assert.equal(b.parses(), 1, `${label}: rendered`);
    if (label === "math on") assert.ok(parseHTML(`<main>${html}</main>`).document.querySelector(".katex"), "the switch changed the output");
  }
  const otherSalt = build(dir, "another opsnote");
  otherSalt.md.render("$a$ 본문", env("posts/a.md"));
  assert.equal(otherSalt.parses(), 1, "another salt: rendered");
});

test("a cached body is rendered again when an image it sized changes, or a post it links gets another URL", () => {
  const dir = tempDir();
  const inputPath = path.join(dir, "a.md");
  const text = "![그림](./pic.png)\n\n[다른 글](./b.md#설치)\n";
  const urls: Record<string, string> = { "./b.md": "/b/" };
  const env = () => ({ page: { inputPath }, [POST_FILE_URL]: (_from: string, target: string) => urls[target] ?? urls[`./${target}`] });
  const image = (html: string) => parseHTML(`<main>${html}</main>`).document.querySelector("img")!;
  const link = (html: string) => parseHTML(`<main>${html}</main>`).document.querySelector("a")!.getAttribute("href");

  const first = build(dir);
  const missing = first.md.render(text, env());
  assert.equal(image(missing).getAttribute("width"), null);
  assert.equal(first.warnings.length, 1, "the missing image");
  first.renders.pack.save();

  writeFileSync(path.join(dir, "pic.png"), PNG_2X1);
  const second = build(dir);
  const sized = second.md.render(text, env());
  assert.equal(second.parses(), 1, "the image appeared: rendered again");
  assert.equal(image(sized).getAttribute("width"), "2");
  assert.deepEqual(second.warnings, []);
  assert.equal(decodeURIComponent(link(sized) ?? ""), "/b/#설치");
  second.renders.pack.save();

  const third = build(dir);
  assert.equal(third.md.render(text, env()), sized);
  assert.equal(third.parses(), 0, "nothing changed: a hit");

  urls["./b.md"] = "/renamed/";
  const fourth = build(dir);
  assert.equal(decodeURIComponent(link(fourth.md.render(text, env())) ?? ""), "/renamed/#설치");
  assert.equal(fourth.parses(), 1, "the linked post moved: rendered again");
});

test("a table of contents is cached with the body's key: the same ids without a parse", () => {
  const dir = tempDir();
  const text = "## 쿠버네티스란?\n\n### 설치\n\n## 정리\n";
  const env = { page: { inputPath: "posts/toc.md" } };
  const first = build(dir);
  const toc = first.renders.cached(first.md, "toc-3", text, env, () => extractToc(first.md, text, 3, env));
  assert.deepEqual(toc.map((entry) => entry.id), ["쿠버네티스란", "정리"]);
  first.renders.pack.save();
  const second = build(dir);
  assert.deepEqual(second.renders.cached(second.md, "toc-3", text, env, () => assert.fail("parsed again")), toc);
  assert.equal(second.parses(), 0);
});

test("a cached page with a markdown block is rendered again once another post loads a grammar the block embeds", async () => {
  const { getCodeHighlighter, getHighlightSalt } = await import("../../src/markdown/highlight.ts");
  const { createCachedHighlighter, createHighlightCache, GRAMMARS_INPUT } = await import("../../src/markdown/highlight-cache.ts");
  const { defineRenderInput } = await import("../../src/markdown/render-inputs.ts");
  const highlighter = await getCodeHighlighter();
  const salt = await getHighlightSalt();
  const dir = tempDir();
  /** As index.ts assembles it, with the real highlighter. */
  const shikiBuild = () => {
    const renders = createRenderCache({ pack: openCachePack({ file: path.join(dir, "render.pack"), salt: "s" }) });
    const cache = createHighlightCache({ dir, salt });
    const md = createMarkdown({ highlighter: createCachedHighlighter(highlighter, cache), report: renders.report });
    defineRenderInput(md, cache.inputKind, (key) => (cache.markUsed(key), ""));
    defineRenderInput(md, GRAMMARS_INPUT, (language) => highlighter.cacheKeyOf(language));
    renders.install(md);
    return { md, renders, cache };
  };
  const text = "````markdown\n```dart\nvoid main() { print('hi'); } // one\n```\n````\n";
  const env = () => ({ page: { inputPath: "posts/md.md" } });
  const first = shikiBuild();
  const before = first.md.render(text, env());
  first.renders.pack.save();
  first.cache.save();
  assert.equal(highlighter.isLoaded("dart"), false);
  await highlighter.loadLanguages(["dart"]); // another post's fence
  const second = shikiBuild();
  const after = second.md.render(text, env());
  assert.deepEqual(second.renders.stats.rendered, ["posts/md.md"], "rendered again");
  assert.notEqual(after, before);
  assert.equal(after, createMarkdown({ highlighter }).render(text, env()), "as without any cache");
});
