/**
 * The preview's fast path: a post whose body changed is rendered alone, with the same code and
 * data as the Eleventy build, and written before Eleventy's own rebuild has even started.
 *
 * Why it exists: every post's layout reads the `posts` collection (previous/next links, series), so
 * Eleventy's incremental mode cannot tell which pages a post edit touches: it recomputes the whole
 * data cascade, re-renders every post page and rewrites every list and feed. At 1,000 posts a
 * one-post edit took 2.8–3.4 s until the page reloaded (5.2–6.5 s before the fixes listed in
 * docs/benchmarks.md; `scripts/bench/measure-reload.ts 1000 3`, 2 cores shared with other builds), and
 * Eleventy's rebuild alone takes 4.5–9.6 s on the same machine under load. When the edit leaves the
 * post's summary (post-summary.ts: what other pages show of it) as it was, no other page can
 * change, so the post's page is rendered here from the data its layout received in the last build
 * (captured with POST_PAGE_EVENT), with only the edited file's parts replaced: the page reloads
 * typically 55–140 ms after the save (medians 82 and 136 ms; single saves took up to 780 ms while
 * the cores were saturated), 5–40 ms of it rendering. Eleventy's rebuild still runs afterwards
 * and writes the same bytes (tests/preview/fast-path.test.ts compares them); feeds, lists and the
 * search index catch up then.
 *
 * Anything this module cannot prove safe returns a reason instead of a page, and the preview
 * simply waits for Eleventy's rebuild: a changed summary, front matter or Liquid that does not
 * read (the error panel comes from the rebuild), a post the last build did not render.
 */
import { renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Post } from "../content/post.ts";
import type { PageData } from "../layouts/page-data.ts";
import { sameSummary } from "./post-summary.ts";

/** The data a post's layout was rendered from in the last build: Eleventy's whole data cascade. */
export interface CapturedPostPage extends PageData {
  page: PageData["page"] & { outputPath: string | false; rawInput?: string };
  post: Post;
  eleventyComputed?: Record<string, unknown>;
  [key: string]: unknown;
}

type Data = Record<string, unknown> & { page: CapturedPostPage["page"] };

interface Preprocessor {
  filter: string | string[];
  callback: (this: { inputPath: string }, data: Data, content: string) => unknown;
}

type Transform = (this: { inputPath: string; outputPath: string; url: string; page: Data["page"]; baseHref?: string }, content: string, outputPath: string) => unknown;

/** The parts of Eleventy's merged configuration that turn a post file into its page. */
export interface EleventyPipeline {
  /** gray-matter as Eleventy imports it (its own copy). */
  parseFrontMatter(text: string, options: Record<string, unknown>): { data: Record<string, unknown>; content: string };
  frontMatterParsingOptions?: Record<string, unknown>;
  preprocessors: Record<string, Preprocessor>;
  /** The markdown-it instance the markdown plugin installed. */
  markdown: { render(text: string, env: object): string };
  layout: { render(data: PageData): string };
  transforms: Record<string, Transform>;
}

export type FastPathResult =
  | { ok: true; outputPath: string; url: string; html: string; rawInput: string }
  | { ok: false; reason: string };

/** Keys of the captured data that came from the edited file, or were computed from it. */
const FROM_FILE = ["content", "frontMatter", "frontMatterSource"] as const;

/** Front-matter keys of the terms a site may show spelled otherwise (collections/taxonomy.ts). */
const TERM_KEYS = ["tags", "categories", "category"] as const;

/**
 * The build shows each term the way most posts spell it (`applyGroupSpelling`: `docker` in this post,
 * "Docker" on every page), so the captured post has the site's names. When the post's own spellings
 * are as they were, the site's are too, and the new post shows the names the build gave it; otherwise
 * it keeps its own, its summary differs, and Eleventy's rebuild decides.
 */
function showSiteSpellings(post: Post, captured: CapturedPostPage, fileData: Record<string, unknown>): void {
  if (!TERM_KEYS.every((key) => isDeepStrictEqual(captured[key], fileData[key]))) return;
  for (const [terms, shown] of [[post.tags, captured.post.tags], [post.categories, captured.post.categories]] as const) {
    for (const term of terms) {
      const name = shown.find((site) => site.slug === term.slug)?.name;
      if (name !== undefined) term.name = name;
    }
  }
}

function extensionsOf(filter: string | string[]): string[] {
  return (Array.isArray(filter) ? filter : filter.split(",")).map((ext) => (ext.startsWith(".") || ext === "*" ? ext : `.${ext}`));
}

/**
 * Eleventy's `Template.runPreprocessors`: each preprocessor whose extensions match, in order;
 * `false` skips the template, another falsy value keeps the content.
 */
async function runPreprocessors(inputPath: string, content: string, data: Data, preprocessors: Record<string, Preprocessor>) {
  for (const [name, { filter, callback }] of Object.entries(preprocessors)) {
    if (!extensionsOf(filter).some((ext) => ext === "*" || inputPath.endsWith(ext))) continue;
    const result = await callback.call({ inputPath }, data, content);
    if (result === false) return { skippedBy: name, content };
    if (result) content = result as string;
  }
  return { skippedBy: undefined, content };
}

/**
 * Renders the page of the post `captured` describes from its new file text, as Eleventy would.
 * Throws nothing: an error of the post's own (bad YAML, a schema violation) is a reason to leave it
 * to Eleventy, whose rebuild shows it in the page.
 */
export async function renderPostPage(fileText: string, captured: CapturedPostPage, pipeline: EleventyPipeline): Promise<FastPathResult> {
  const { page } = captured;
  if (typeof page.outputPath !== "string" || !page.outputPath.endsWith(".html")) return { ok: false, reason: "no HTML output" };
  const outputPath = page.outputPath;
  try {
    // TemplateContent#read: gray-matter with the configured options and the file's path.
    const matter = pipeline.parseFrontMatter(fileText, { ...pipeline.frontMatterParsingOptions, filePath: page.inputPath });
    const computed = captured.eleventyComputed ?? {};
    const data: Data = { ...captured, page: { ...page } };
    for (const key of [...FROM_FILE, ...Object.keys(computed)]) delete data[key];
    Object.assign(data, matter.data);
    const { skippedBy, content: rawInput } = await runPreprocessors(page.inputPath, matter.content, data, pipeline.preprocessors);
    if (skippedBy !== undefined) return { ok: false, reason: `skipped by the ${skippedBy} preprocessor` };
    data.page.rawInput = rawInput; // Template#getTemplates: rawInput includes the preprocessors' changes
    // The computed keys in their declared order (post, then what reads it: permalink, toc).
    for (const [key, value] of Object.entries(computed)) {
      if (typeof value !== "function") return { ok: false, reason: `computed data "${key}" is not a function` };
      data[key] = await (value as (data: Data) => unknown)(data);
    }
    const post = data.post as Post | undefined;
    if (post === undefined) return { ok: false, reason: "not a post" };
    showSiteSpellings(post, captured, matter.data);
    if (!sameSummary(captured.post, post)) return { ok: false, reason: "what other pages show of the post changed" };
    if (data.permalink !== captured.permalink) return { ok: false, reason: "the permalink changed" };
    // Markdown engine: `md.render(rawInput, data)`; TemplateLayout#renderPageEntry: `{ content, ...data }`.
    const content = pipeline.markdown.render(rawInput, data);
    let html: unknown = pipeline.layout.render({ content, ...data } as unknown as PageData);
    // TransformsUtil.runAll, with the page as context.
    for (const transform of Object.values(pipeline.transforms)) {
      html = await transform.call({ inputPath: page.inputPath, outputPath, url: page.url, page: data.page, baseHref: undefined }, html as string, outputPath);
    }
    if (typeof html !== "string") return { ok: false, reason: "the page did not render to text" };
    return { ok: true, outputPath, url: page.url, html, rawInput };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
}

/**
 * Writes through a temporary file and a rename, so the server never reads half a page. Synchronous:
 * one page is written in well under a millisecond, while an asynchronous write waits for a free
 * thread in libuv's pool, which Eleventy's watcher and builds keep busy.
 */
export function writePageAtomically(outputPath: string, html: string): void {
  const temporary = `${outputPath}.${process.pid}.tmp`;
  writeFileSync(temporary, html);
  renameSync(temporary, outputPath);
}

const MARKDOWN_TARGET = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g;
const HTML_TARGET = /\s(?:src|href)\s*=\s*["']([^"'<>]+)["']/gi;

/**
 * Files a post's relative link and image targets (`./new.png`, `img/a.svg`) point to that were
 * created, moved or renamed since `since` (ms): the last build's list of published files, by which
 * a render resolves those targets (src/static/local-references.ts), may not have them yet, and the
 * page would show the target as written (a broken image) until the rebuild. An editor's "paste
 * image" writes the file just before the post. Read with patterns, not a markdown parser: a target
 * missed here only costs that one transient image, as before; a false one, the wait for the rebuild.
 */
export function recentLocalTargets(text: string, postFile: string, since: number): string[] {
  const found: string[] = [];
  for (const pattern of [MARKDOWN_TARGET, HTML_TARGET]) {
    for (const [, target] of text.matchAll(pattern)) {
      if (!target || /^(?:[a-z][a-z0-9+.-]*:|\/|#|\{)/i.test(target)) continue;
      let relative: string;
      try {
        relative = decodeURIComponent(target.split(/[?#]/)[0]!);
      } catch {
        continue;
      }
      const file = path.resolve(path.dirname(postFile), relative);
      const changed = statSync(file, { throwIfNoEntry: false })?.ctimeMs;
      if (changed !== undefined && changed >= since && !found.includes(file)) found.push(file);
    }
  }
  return found;
}
