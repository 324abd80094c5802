/**
 * Highlights a cold build's code blocks on every core, before Eleventy renders.
 *
 * markdown-it renders on one thread, synchronously, so the highlighting of a cold build cannot be
 * spread over cores from inside the fence renderer. Instead, before the build (`eleventy.before`),
 * this scans the posts for fenced blocks, and the blocks missing from the highlight cache are
 * highlighted by worker threads and by this thread; the workers post their HTML back and this
 * thread fills the cache (in memory: the pack is written once, at the end of the build). Eleventy's ordinary pipeline
 * then runs unchanged and its renderer finds every block in the cache.
 *
 * The scan only warms the cache: a block it reads differently from the renderer is simply a cache
 * miss the renderer highlights itself, so output never depends on the scan being exact.
 *
 * The grammars the posts' fences name must be loaded before their blocks are keyed and highlighted
 * (grammars load asynchronously, highlight.ts): the scan loads them first. (A build without workers
 * loads them per post in a preprocessor instead, index.ts, with no extra file reads.)
 */
import { readFileSync, statSync } from "node:fs";
import { listFilesWithoutFollowingLinks } from "../content/symlinks.ts";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MarkdownIt, Token } from "markdown-it";
import { extractCodeNotation, parseFenceInfo } from "./code-meta.ts";
import { fenceLanguages } from "./highlight-languages.ts";
import { isMermaidFence } from "./mermaid.ts";
import type { CodeHighlighter } from "./highlight.ts";
import type { HighlightCache } from "./highlight-cache.ts";
import type { HighlightJob, HighlightResult, HighlightWorkerData } from "./highlight-worker.ts";

export interface CodeBlock {
  code: string;
  language: string;
}

export interface PrefillOptions {
  /** Folder of markdown posts (searched recursively). */
  inputDir: string;
  md: MarkdownIt;
  highlighter: CodeHighlighter;
  cache: HighlightCache;
  /**
   * Worker threads besides this one; 0 skips the scan (the renderer then highlights each miss itself).
   * @default defaultWorkerCount(): one per core besides this thread when the cache is empty
   */
  workers?: number;
  /** Whether this thread highlights too while the workers run (it is otherwise idle). @default true */
  highlightHere?: boolean;
  /** Below this many uncached blocks, workers cost more to start than they save. @default 400 */
  minBlocksForWorkers?: number;
  /**
   * File -> modification time of files already scanned; unchanged files are skipped, so a rebuild
   * in the preview server scans only what was edited. @default scan every file
   */
  scanned?: Map<string, number>;
}

export interface PrefillResult {
  blocks: number;
  misses: number;
  workers: number;
  /** Grammars loaded by this call because a post's fence needs them. */
  loadedLanguages: string[];
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
/** Blocks handed out at a time: small enough to balance, large enough to keep messages rare. */
const CHUNK_SIZE = 64;
/** Chunks a worker holds at once: the one it highlights and the next. */
const CHUNKS_AHEAD = 2;
/** How long this thread highlights before it lets the event loop turn. */
const HERE_SLICE_MS = 5;

/** The fenced code blocks of a markdown file, as the fence renderer will see them. */
export function collectCodeBlocks(md: MarkdownIt, text: string, highlighter: CodeHighlighter): CodeBlock[] {
  const body = text.replace(FRONT_MATTER, "").replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");
  const tokens: Token[] = [];
  // Block level only: fences are block tokens, and skipping inline parsing makes the scan cheap.
  md.block.parse(body, md, {}, tokens);
  return tokens
    .filter((token) => token.type === "fence" && !isMermaidFence(md.utils.unescapeAll(token.info))) // drawn in the browser, never highlighted
    .map((token) => {
      const language = highlighter.resolveLanguage(parseFenceInfo(md.utils.unescapeAll(token.info)).name);
      return {
        // Notation comments are taken out before highlighting (code-meta.ts): cache the same code.
        code: extractCodeNotation(token.content.endsWith("\n") ? token.content.slice(0, -1) : token.content).code,
        // As the renderer decides: a grammar not loaded is plain text there too.
        language: language !== undefined && (highlighter.isLoaded?.(language) ?? true) ? language : "text",
      };
    });
}

async function markdownFiles(dir: string): Promise<string[]> {
  // Never through folder links: two that loop would make it run forever.
  const files = await listFilesWithoutFollowingLinks(dir, { fileLinks: false });
  return files.filter((file) => /\.(md|markdown)$/i.test(file)).map((file) => path.join(dir, file));
}

/**
 * Worker threads for a build. OPSNOTE_HIGHLIGHT_WORKERS, when set: a number (0 turns them off) or
 * "auto", one per core besides this thread. Unset: "auto" when the cache is empty (a cold build, where
 * every block is a miss), else none: a warm build has few misses or none, which the renderer
 * highlights itself, and the scan that finds them (0.7 s at 4,000 posts) would cost more than it saves.
 * On the 2-core bench machine one worker made the highlighting of a cold 4,000-post build about a
 * fifth faster (docs/benchmarks.md); more cores share it further.
 */
export function defaultWorkerCount(cacheIsEmpty: boolean, configured = process.env.OPSNOTE_HIGHLIGHT_WORKERS): number {
  const auto = Math.max(0, availableParallelism() - 1);
  const value = configured?.trim() ?? "";
  if (value === "auto") return auto;
  const count = Number(value);
  if (value !== "" && Number.isInteger(count) && count >= 0) return count;
  return cacheIsEmpty ? auto : 0; // unset, or not a count
}

function startWorker(data: HighlightWorkerData): Worker {
  // From a bundle (src/cli/bundle.mjs), its own copy of the worker, which starts without tsx. Else a .mjs
  // bootstrap that registers tsx: Node 20 cannot start a worker from a .ts entry even with tsx loaded here.
  const bundled = process.env.OPSNOTE_HIGHLIGHT_WORKER;
  return new Worker(bundled ? pathToFileURL(bundled) : new URL("./highlight-worker.mjs", import.meta.url), { workerData: data });
}

/** Highlights `jobs` into the cache on `workers` threads plus this one. */
async function highlightInParallel(jobs: HighlightJob[], options: PrefillOptions, workers: number): Promise<void> {
  const chunks: HighlightJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK_SIZE) chunks.push(jobs.slice(i, i + CHUNK_SIZE));
  const next = () => chunks.shift();

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // The worker loads the same grammars as this thread, so a grammar that embeds others lazily
      // (markdown) gives the same output on every thread.
      const worker = startWorker({ languages: [...options.highlighter.languages] });
      let inFlight = 0;
      const feed = (message: "ready" | HighlightResult) => {
        // Only this thread writes the cache: the pack is one file, written once at the end of the build.
        if (message !== "ready") {
          inFlight--;
          for (const [key, html] of message) options.cache.write(key, html);
        }
        // A chunk ahead: the worker starts it while this thread is busy with a slice of its own
        // (highlighting, or the posts' analysis), instead of waiting for this thread to send it.
        for (let chunk = inFlight < CHUNKS_AHEAD ? next() : undefined; chunk; chunk = inFlight < CHUNKS_AHEAD ? next() : undefined) {
          worker.postMessage(chunk);
          inFlight++;
        }
        if (inFlight === 0) void worker.terminate().then(() => resolve());
      };
      worker.on("message", feed); // "ready" first, then one message per finished chunk
      worker.on("error", reject);
      worker.on("exit", (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`highlight worker exited with ${code}`))));
    });

  // This thread highlights too, in short slices: between them worker messages are answered, and work
  // that shares this thread meanwhile (a cold build's post analysis, check-posts.ts, in slices of
  // 20 ms) mostly goes first, so that this thread takes fewer blocks and the workers more.
  const runHere = async () => {
    for (let chunk = next(); chunk; chunk = next()) {
      let slice = performance.now();
      for (const job of chunk) {
        options.cache.write(job.key, options.highlighter.highlight(job.code, job.language));
        if (performance.now() - slice > HERE_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const here = options.highlightHere === false ? [] : [runHere()];
  const results = await Promise.allSettled([...here, ...Array.from({ length: workers }, runWorker)]);
  // A failed worker only loses the chunks it held: the renderer highlights those blocks itself.
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) console.warn(`[opsnote] a highlight worker failed; continuing on this thread: ${String(failure.reason)}`);
}

export async function prefillHighlightCache(options: PrefillOptions): Promise<PrefillResult> {
  const { md, highlighter, cache } = options;
  const workerCount = options.workers ?? defaultWorkerCount(cache.isEmpty());
  if (workerCount === 0) return { blocks: 0, misses: 0, workers: 0, loadedLanguages: [] }; // the renderer highlights misses itself
  const texts: string[] = [];
  // Read synchronously, as the post analysis does (check-posts.ts): a thousand awaited reads each
  // waited behind a slice of that analysis, and the workers started only after it.
  for (const file of await markdownFiles(options.inputDir)) {
    if (options.scanned) {
      const modified = statSync(file).mtimeMs;
      if (options.scanned.get(file) === modified) continue;
      options.scanned.set(file, modified);
    }
    texts.push(readFileSync(file, "utf8"));
  }
  const before = new Set(highlighter.languages);
  await highlighter.loadLanguages?.(new Set(texts.flatMap((text) => [...fenceLanguages(text)])));
  const loadedLanguages = highlighter.languages.filter((language) => !before.has(language));
  const jobs = new Map<string, HighlightJob>();
  let blocks = 0;
  for (const text of texts) {
    for (const block of collectCodeBlocks(md, text, highlighter)) {
      blocks++;
      const key = cache.keyOf(block.code, highlighter.cacheKeyOf?.(block.language) ?? block.language);
      if (!jobs.has(key) && !cache.has(key)) jobs.set(key, { key, ...block });
    }
  }
  const misses = [...jobs.values()];
  const useWorkers = misses.length > 0 && misses.length >= (options.minBlocksForWorkers ?? 400);
  const workers = useWorkers ? workerCount : 0;
  if (workers > 0) await highlightInParallel(misses, options, workers);
  return { blocks, misses: misses.length, workers, loadedLanguages };
}
