/**
 * The search query set (tests/search/query-set.ts) in real Chromium against the built site: the
 * analysed search (searchPosts in assets/js/korean-query.js over the index with Korean stems) must
 * reach recall@5 >= 0.95. The same queries also run against plain Pagefind (an index of the same
 * search documents without analysis, queried as typed): the anchor docs/search.md reports beside it.
 * And (issue 17) a warm build of the same posts gives the same search results as the cold one.
 * One site is built for the whole file; the plain and the warm indexes are written beside it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildSite } from "../../src/cli/build-site.ts";
import { indexDocuments, readSiteDocuments } from "../../src/search/index-site.ts";
import { COLD_WARM_QUERIES, QUERY_SET, score, type QueryKind } from "../search/query-set.ts";
import { skipReason, useSampleSite } from "./harness.ts";

const skip = skipReason();
const sampleSite = useSampleSite(skip, { fixtures: "tests/search/posts" });

interface Found {
  titles: string[];
  excerpts: string[];
  /** The sub-result URLs (sections) of each result. */
  sections: string[][];
}

/**
 * In-page code, as a string: tsx would wrap named functions of a callback in a `__name` helper the
 * page does not have.
 */
const IN_PAGE = `async ({ queries, bundle, analysed }) => {
  const korean = await import("/assets/js/korean-query.js");
  const pagefind = await import("/" + bundle + "/pagefind.js");
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  const out = [];
  for (const query of queries) {
    const handles = analysed ? await korean.searchPosts(pagefind, query) : (await pagefind.search(query)).results;
    const data = await Promise.all(handles.slice(0, 5).map((handle) => handle.data()));
    out.push({
      titles: data.map((d) => d.meta.title),
      excerpts: data.map((d) => [d.excerpt, ...d.sub_results.map((s) => s.excerpt)].join(" ")),
      sections: data.map((d) => d.sub_results.map((s) => s.url)),
    });
  }
  return out;
}`;

/** Runs every query in the page with the analysed search, or as typed against a Pagefind bundle. */
async function runQueries(page: Page, queries: readonly string[], bundle: string, analysed: boolean): Promise<Found[]> {
  return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ queries, bundle, analysed })})`)) as Found[];
}

let prepared: Promise<void> | undefined;
/** Writes the plain and the warm indexes beside the site's own, once (the harness opens the site in its own hook). */
function prepare(): Promise<void> {
  prepared ??= writeOtherIndexes();
  return prepared;
}

async function writeOtherIndexes(): Promise<void> {
  const { dir } = sampleSite();
  // The anchor: the same documents, no analysis, Pagefind as it comes.
  await indexDocuments(await readSiteDocuments(dir), path.join(dir, "pagefind-plain"));
  // A warm build of the same posts (same cache folder): its index is served beside the cold one's.
  const warm = await buildSite({ posts: path.join(path.dirname(dir), "posts"), output: path.join(path.dirname(dir), "warm") });
  await cp(path.join(warm.output, "pagefind"), path.join(dir, "pagefind-warm"), { recursive: true });
}

test("the query set: recall@5 >= 0.95 with Korean analysis, against plain Pagefind as the anchor", { skip }, async () => {
  await prepare();
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}/`);
  const queries = QUERY_SET.map((c) => c.query);
  const analysed = await runQueries(page, queries, "pagefind", true);
  const plain = await runQueries(page, queries, "pagefind-plain", false);
  const ours = score(QUERY_SET, analysed.map((f) => f.titles));
  const anchor = score(QUERY_SET, plain.map((f) => f.titles));

  const kinds = [...new Set(QUERY_SET.map((c) => c.kind))] as QueryKind[];
  const rows = kinds.map((kind) => {
    const picked = QUERY_SET.map((c, i) => [c, i] as const).filter(([c]) => c.kind === kind);
    const a = score(picked.map(([c]) => c), picked.map(([, i]) => analysed[i]!.titles));
    const b = score(picked.map(([c]) => c), picked.map(([, i]) => plain[i]!.titles));
    return `| ${kind} | ${picked.length} | ${a.recall.toFixed(2)} | ${a.mrr.toFixed(2)} | ${b.recall.toFixed(2)} | ${b.mrr.toFixed(2)} |`;
  });
  console.log(
    [
      `search query set: ${QUERY_SET.length} queries`,
      `analysed: recall@5 ${ours.recall.toFixed(3)}, MRR ${ours.mrr.toFixed(3)}; plain Pagefind: recall@5 ${anchor.recall.toFixed(3)}, MRR ${anchor.mrr.toFixed(3)}`,
      "| kind | queries | recall@5 | MRR | plain recall@5 | plain MRR |",
      ...rows,
      ...ours.failed.map((c) => `analysed misses ${c.kind} "${c.query}": got ${analysed[QUERY_SET.indexOf(c)]!.titles.join(" | ")}`),
      ...anchor.failed.map((c) => `plain misses ${c.kind} "${c.query}"`),
    ].join("\n"),
  );
  assert.ok(ours.recall >= 0.95, `recall@5 ${ours.recall.toFixed(3)} < 0.95; misses: ${ours.failed.map((c) => c.query).join(", ")}`);
  assert.ok(ours.recall > anchor.recall, "the analysis finds more than plain Pagefind");

  // Excerpts read like the post: no stem mark reaches the reader.
  for (const found of analysed) for (const excerpt of found.excerpts) assert.ok(!/[\p{L}\p{N}]\^[\p{L}\p{N}]/u.test(excerpt), excerpt);
  // A heading match jumps to the heading.
  const heading = await runQueries(page, ["롤오버"], "pagefind", true);
  assert.ok(heading[0]!.sections[0]!.some((url) => decodeURIComponent(url).endsWith("#롤오버")), heading[0]!.sections[0]!.join(", "));
  await context.close();
});

test("a cold and a warm build of the same posts give the same search results for Korean queries", { skip }, async () => {
  await prepare();
  const { dir } = sampleSite();
  assert.deepEqual(
    JSON.parse(await readFile(path.join(dir, "pagefind-warm/opsnote-search.json"), "utf8")),
    JSON.parse(await readFile(path.join(dir, "pagefind/opsnote-search.json"), "utf8")),
  );
  const { page, context } = await sampleSite().newPage();
  await page.goto(`${sampleSite().server.url}/`);
  const cold = await runQueries(page, COLD_WARM_QUERIES, "pagefind", true);
  const warm = await runQueries(page, COLD_WARM_QUERIES, "pagefind-warm", true);
  assert.ok(cold.every((found) => found.titles.length > 0), "every query finds something");
  assert.deepEqual(warm, cold);
  await context.close();
});
