import { before, test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import type { MarkdownIt } from "markdown-it";
import { parseAlertMarker } from "../../src/markdown/alerts.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { getCodeHighlighter } from "../../src/markdown/highlight.ts";

const markerCases: [line: string, kind: ReturnType<typeof parseAlertMarker>][] = [
  ["[!NOTE]", "note"],
  ["[!tip]", "tip"],
  ["[!Important]  ", "important"],
  ["[!WARNING]", "warning"],
  ["[!CAUTION]", "caution"],
  ["[!DANGER]", undefined],
  ["[!NOTE] 본문", undefined],
  ["[NOTE]", undefined],
  ["", undefined],
];
for (const [line, kind] of markerCases) {
  test(`parseAlertMarker(${JSON.stringify(line)}) is ${kind}`, () => assert.equal(parseAlertMarker(line), kind));
}

let md: MarkdownIt;
before(async () => {
  md = createMarkdown({ highlighter: await getCodeHighlighter() });
});

test("each GitHub alert becomes a callout with its Korean label and keeps its markdown", () => {
  const labels: Record<string, string> = { NOTE: "참고", TIP: "팁", IMPORTANT: "중요", WARNING: "경고", CAUTION: "주의" };
  for (const [marker, label] of Object.entries(labels)) {
    const { document } = parseHTML(`<!doctype html><html><body>${md.render(`> [!${marker}]\n> **굵게** 본문`)}</body></html>`);
    const callout = document.querySelector(`div.callout.callout--${marker.toLowerCase()}[role=note]`);
    assert.ok(callout, marker);
    assert.equal(callout.querySelector("p.callout__title")?.textContent, label);
    assert.equal(callout.querySelector("strong")?.textContent, "굵게");
    assert.equal(document.querySelector("blockquote"), null);
    assert.ok(!(callout.textContent ?? "").includes("[!"), "the marker is removed");
  }
});

test("a nested quote inside an alert stays a quote and the alert closes at its own level", () => {
  const { document } = parseHTML(`<!doctype html><html><body>${md.render("> [!NOTE]\n> 바깥\n> > 안쪽\n\n뒤 문단")}</body></html>`);
  const callout = document.querySelector(".callout")!;
  assert.equal(callout.querySelector("blockquote")?.textContent?.trim(), "안쪽");
  assert.equal(document.body.lastElementChild?.textContent, "뒤 문단");
  assert.equal(document.body.lastElementChild?.parentElement, document.body);
});
