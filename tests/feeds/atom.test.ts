import { test } from "node:test";
import assert from "node:assert/strict";
import { create } from "xmlbuilder2";
import { buildAtomFeed } from "../../src/feeds/atom.ts";
import type { FeedEntry, FeedInfo } from "../../src/feeds/feed-entry.ts";

const info: FeedInfo = {
  title: "opsnote & <친구들>", description: "데브옵스", feedUrl: "https://x.kr/feed.xml", pageUrl: "https://x.kr/",
  language: "ko", author: { name: "A \"B\" C" },
};
const entry: FeedEntry = {
  id: "https://x.kr/a/?q=1&r=2", url: "https://x.kr/a/?q=1&r=2", title: "헬름 {{ .Values.x }} & ${{ secrets.X }} <b>",
  summary: "요약 \u0001 제어 문자", contentHtml: "<p>본문 <code>&lt;tag&gt;</code></p>]]>", published: "2021-05-10T09:00:00+09:00",
  updated: "2021-05-12T18:20:00+09:00", tags: ["CI/CD", "<x>"], categories: ["devops"],
};

/**
 * Parsed with xmlbuilder2's own standards DOM, not linkedom: linkedom's XML mode leaves entities
 * in attribute values undecoded (`&amp;` stays `&amp;`), which would hide double escaping.
 */
function parse(xml: string) {
  const document = create(xml).node as unknown as Document;
  const all = (name: string) => [...document.getElementsByTagName(name)];
  return { all, one: (name: string) => all(name)[0]! };
}

test("every value is escaped once: the feed parses back to the same text", () => {
  const xml = buildAtomFeed(info, [entry]);
  const { all, one } = parse(xml);
  assert.equal(all("title")[0]!.textContent, info.title);
  assert.equal(all("title")[1]!.textContent, entry.title);
  // Escaped code in a post body (`&lt;tag&gt;`) must reach the reader as escaped code, not as a tag.
  assert.equal(one("content").textContent, entry.contentHtml);
  assert.equal(all("link")[2]!.getAttribute("href"), entry.url);
  assert.deepEqual(all("category").map((c) => c.getAttribute("term")), ["devops", "CI/CD", "<x>"]);
  assert.equal(one("summary").textContent, "요약  제어 문자", "XML-forbidden control characters are dropped");
});

test("the feed's updated is its newest entry's, compared as instants", () => {
  const older = { ...entry, id: "o", updated: "2021-05-12T10:00:00Z" }; // 19:00 in Seoul: newer than 18:20+09:00
  const xml = buildAtomFeed(info, [entry, older]);
  assert.equal(parse(xml).one("updated").textContent, "2021-05-12T10:00:00Z");
});
