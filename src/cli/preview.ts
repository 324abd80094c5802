/**
 * `npm start [-- --port 8080 --expose --posts DIR]`: builds the blog, drafts included, and serves it
 * on 127.0.0.1 with live reload.
 *
 * Eleventy's watcher rebuilds on post, asset and layout changes; `npm start` runs this file under
 * src/cli/start.ts, which restarts the process when any `src/**` module or `.eleventy.ts` changes
 * (Eleventy would keep stale copies of TypeScript modules). A broken save never stops the server:
 * the page shows the error until the next good save. The URL is printed once the first build is done.
 *
 * A save that changes only a post's body takes the fast path (src/preview/fast-path.ts): its page is
 * rendered alone and the browser reloads within tens of milliseconds; Eleventy's rebuild follows,
 * and open pages reload again only if it changed them (src/preview/page-changes.ts).
 */
import { readFileSync, rmSync, statSync, watch as watchFiles, type FSWatcher } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import "./skip-esm-resolver.ts"; // before Eleventy: see there
import Eleventy from "@11ty/eleventy";
import { UsageError, runCommand, type ParsedCommandLine } from "./args.ts";
import { describeFailure, type FailureReport } from "./errors.ts";
import { eleventyConfigPath } from "./eleventy-paths.ts";
import { silenceBenchmarkNotes, type BenchmarkedConfig } from "./quiet-benchmarks.ts";
import { PortError, startPreviewServer, type BuildState } from "../preview/server.ts";
import { CHECK_EVENT } from "../check/index.ts";
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { isPostPath } from "../content/index.ts";
import { POST_PAGE_EVENT } from "../layouts/index.ts";
import { recentLocalTargets, renderPostPage, writePageAtomically, type CapturedPostPage } from "../preview/fast-path.ts";
import { pipelineOf, type EleventyConfigView } from "../preview/eleventy-pipeline.ts";
import { createPageLedger, pagePath, type WrittenPage } from "../preview/page-changes.ts";
import { watchPosts, type PostWatcher } from "../preview/post-watcher.ts";
import { trackStaleOutputs } from "../preview/stale-outputs.ts";
import { configurePreviewWatch, type WatchConfig } from "../preview/watch-options.ts";
import { forgetDeletedFile, type FileListCache } from "../preview/forget-deleted-file.ts";
import { listPostFiles } from "../check/check-posts.ts";
import { refreshEditorFilesOrWarn } from "../settings/editor-files.ts";

const USAGE = "usage: npm start -- [--port 8080] [--host 127.0.0.1 | --expose] [--posts DIR] [--output DIR] [--incremental] [--verbose]";

/** The subset of Eleventy's programmatic API the preview drives. */
const OPTIONS = {
  port: { type: "string", default: process.env.PORT ?? "8080" },
  host: { type: "string", default: "127.0.0.1" },
  expose: { type: "boolean", default: false },
  // Eleventy's incremental mode instead of a full rebuild after each save. Off by default: it does
  // not know that the archive, the feeds and every post's previous/next links show other posts, so
  // after a title change those pages kept the old title until a restart. A full rebuild is no slower
  // at 1,000 posts (median 3.8 s against 4.7 s: the preview reuses rendered bodies), and a body-only
  // save reloads from the fast path long before either finishes (docs/benchmarks.md).
  incremental: { type: "boolean", default: false },
  posts: { type: "string" },
  output: { type: "string" },
  // Eleventy's own lines ("Wrote N files", "File changed", timing notes on a busy machine).
  verbose: { type: "boolean", default: false },
} as const;

interface EleventyWatcher {
  init(): Promise<unknown>;
  watch(): Promise<(changedPath: string) => Promise<void>>;
  stopWatch(): Promise<unknown>;
  setIncrementalBuild(incremental: boolean): void;
  disableLogger(): void;
  /** Eleventy's cached file lists (see forget-deleted-file.ts). */
  fileSystemSearch?: FileListCache;
  watchManager?: { isBuildRunning(): boolean };
  watcher?: { on(event: "unlink", fn: (changedPath: string) => void): void };
  /** Eleventy's merged configuration, once `init()` has run. */
  config?: EleventyConfigView;
  errorHandler: Record<"once" | "error" | "fatal" | "warn", (...args: unknown[]) => void>;
}

/** Post files under `posts` (the ones `check` and the build read) modified at or after `time`. */
async function postsModifiedSince(posts: string, time: number): Promise<string[]> {
  const files = await listPostFiles(posts).catch(() => [] as string[]);
  return files.map((file) => path.join(posts, file)).filter((file) => {
    try {
      return statSync(file).mtimeMs >= time;
    } catch {
      return false; // deleted meanwhile: Eleventy's watcher reports that
    }
  });
}

async function preview({ values }: ParsedCommandLine<typeof OPTIONS>): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: expected a port number, got "${values.port}"`);
  }
  const posts = path.resolve(values.posts ?? process.env.OPSNOTE_POSTS ?? "posts");
  const output = path.resolve(values.output ?? ".cache/preview");
  process.env.OPSNOTE_DRAFTS = "1";
  refreshEditorFilesOrWarn(); // .vscode/ schemas follow the zod schemas (src/settings/editor-files.ts)

  let builds = 0;
  let announced = 0;
  const state: BuildState = { id: `${process.pid}-0`, errors: [], hasOutput: false, problems: [] };
  // Errors `check` found in the build under way (printed by the check plugin itself).
  let checkErrors: string[] = [];
  let server;
  try {
    server = await startPreviewServer({
      root: output,
      host: values.expose ? "0.0.0.0" : values.host,
      port,
      state: () => state,
    });
  } catch (error) {
    if (!(error instanceof PortError)) throw error;
    console.error(`[opsnote] ${error.message}`);
    return 1;
  }
  console.log("[opsnote] building the preview…");
  // The URL is printed once the first build is done: a page opened earlier would only say "building".
  let urlShown = false;

  /** A new build id; `pages` (paths in the output folder) limits the reload to those pages. */
  const announce = (pages?: readonly string[]) => {
    announced += 1;
    state.id = `${process.pid}-${announced}`;
    server?.announce(pages);
  };

  /** @param changed the pages the build changed, when only posts were saved; otherwise every page reloads. */
  const finish = (failure: FailureReport | undefined, changed?: readonly string[]) => {
    builds += 1;
    const errors = failure?.lines ?? [];
    const problems = checkErrors.filter((line) => !errors.includes(line));
    const banner = failure?.banner ?? [];
    const sameState = state.hasOutput && errors.length === 0 && isDeepStrictEqual([state.errors, state.problems], [banner, problems]);
    state.errors = banner;
    state.problems = problems;
    if (errors.length === 0) state.hasOutput = true;
    errors.forEach((line, i) => {
      // `check` found most of these first and printed them already: print each once, then its snippet.
      if (!checkErrors.includes(line)) console.error(`[opsnote] ${line}`);
      for (const snippetLine of failure?.snippets[i] ?? []) console.error(snippetLine);
    });
    const seconds = ((Date.now() - buildStartedAt) / 1000).toFixed(1);
    console.log(errors.length === 0 ? `[opsnote] built (${builds}) in ${seconds} s` : "[opsnote] build failed; still serving, waiting for a fix");
    if (!urlShown) {
      urlShown = true;
      console.log(`[opsnote] preview at ${server?.url} (drafts shown; Ctrl+C to stop)`);
    }
    const pages = sameState ? changed : undefined;
    if (pages === undefined || pages.length > 0) announce(pages);
  };

  // The fast path (src/preview/fast-path.ts): what each post's layout received in the last good
  // build, the pages written, and whether the build under way was started by post saves alone.
  let postPages = new Map<string, CapturedPostPage>();
  let capturing = new Map<string, CapturedPostPage>();
  const ledger = createPageLedger(output);
  // When the build under way, and the last good one, started: the published files it resolves a
  // post's relative targets by were listed after that.
  let buildStartedAt = 0;
  let filesListedAt = 0;
  const staleOutputs = trackStaleOutputs(output);
  let onlyPostsSaved = false;
  let eleventyInstance: EleventyWatcher | undefined;

  let current: EleventyWatcher | undefined;
  let retryWatcher: FSWatcher | undefined;

  /** @param afterFailure the first build failed: read files fresh (see below). */
  const start = async (afterFailure = false): Promise<void> => {
    let succeeded = false;
    let lastError: unknown;
    const eleventy = new Eleventy(posts, output, {
      configPath: eleventyConfigPath(),
      source: "cli",
      runMode: "watch",
      quietMode: true,
      config(eleventyConfig: BenchmarkedConfig & { on(event: string, fn: (...args: never[]) => void): void; setUseTemplateCache(use: boolean): void } & WatchConfig) {
        silenceBenchmarkNotes(eleventyConfig);
        // Eleventy keeps file contents in a process-wide cache that only its own watcher clears; a
        // restart after a failed first build must not read the broken file from it again.
        if (afterFailure) eleventyConfig.setUseTemplateCache(false);
        configurePreviewWatch(eleventyConfig); // no symlink walks, no re-parsing of opsnote's modules
        eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
          onlyPostsSaved = queue.length > 0 && queue.every(isPostPath);
          if (process.env.OPSNOTE_DEBUG_PREVIEW) console.log(`[opsnote] debug: a build for ${queue.join(" ")}`);
        });
        eleventyConfig.on("eleventy.before", () => {
          buildStartedAt = Date.now();
          succeeded = false;
          lastError = undefined;
          checkErrors = [];
          capturing = new Map();
        });
        eleventyConfig.on(POST_PAGE_EVENT, (data: CapturedPostPage) => {
          capturing.set(path.resolve(data.page.inputPath), data);
        });
        eleventyConfig.on(CHECK_EVENT, (diagnostics: Diagnostic[]) => {
          checkErrors = diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
        });
        eleventyConfig.on("eleventy.after", ({ results = [], incremental }: { results?: WrittenPage[]; incremental?: boolean }) => {
          succeeded = true;
          filesListedAt = buildStartedAt;
          // What earlier builds wrote and this one no longer does (the tag page of a deleted post's
          // only tag, a list page past the last): gone, as from a production build. An incremental
          // build writes some pages only.
          if (!incremental) {
            const removed = staleOutputs.afterFullBuild(results.flatMap((result) => (typeof result.outputPath === "string" ? [result.outputPath] : [])));
            if (process.env.OPSNOTE_DEBUG_PREVIEW && removed.length > 0) console.log(`[opsnote] debug: removed ${removed.join(" ")}`);
          }
          // Incremental builds may render only some posts: the others keep what they had.
          postPages = new Map([...postPages, ...capturing]);
          const { changed, restore, rebuilt } = ledger.afterBuild(results);
          if (process.env.OPSNOTE_DEBUG_PREVIEW) {
            for (const { page, same } of rebuilt) console.log(`[opsnote] debug: the build rendered ${page} ${same ? "as" : "unlike"} the fast path`);
          }
          for (const page of restore) {
            try {
              writePageAtomically(page.outputPath, page.html);
            } catch {
              // the next build writes it
            }
          }
          finish(undefined, onlyPostsSaved ? changed : undefined);
          onlyPostsSaved = false;
        });
        eleventyConfig.on("eleventy.afterwatch", () => {
          // A save during a build runs no build of its own (Eleventy queues it); that build reports itself.
          // Reporting here showed "build failed" with no reason while the build was still running.
          if (eleventyInstance?.watchManager?.isBuildRunning()) return;
          if (!succeeded) finish(describeFailure(lastError ?? new Error("the build stopped without an error message; `npm start -- --verbose` shows Eleventy's own output")));
        });
      },
    }) as unknown as EleventyWatcher;
    if (!values.verbose) eleventy.disableLogger();
    // Eleventy prints build errors with stack traces and stops watching on errors it considers
    // fatal; the preview records them for the page instead and keeps watching.
    const record = (...args: unknown[]) => {
      lastError ??= args.find((a) => a instanceof Error);
    };
    eleventy.errorHandler.once = (_type, error) => record(error);
    eleventy.errorHandler.error = record;
    eleventy.errorHandler.fatal = record;
    const stopWatch = eleventy.stopWatch.bind(eleventy);
    eleventy.stopWatch = async () => undefined;
    current = { ...eleventy, stopWatch } as EleventyWatcher;
    eleventyInstance = eleventy;
    if (values.incremental) eleventy.setIncrementalBuild(true);
    try {
      const readFrom = Date.now();
      await eleventy.init();
      const rebuild = await eleventy.watch();
      // Eleventy does not rebuild when a file is deleted; a deleted broken post must clear the error.
      eleventy.watcher?.on("unlink", (deleted) => {
        forgetDeletedFile(eleventy.fileSystemSearch, deleted);
        // Eleventy never removes output: the deleted post's page would stay served.
        const outputPath = postPages.get(path.resolve(deleted))?.page.outputPath;
        if (typeof outputPath === "string") rmSync(outputPath, { force: true });
        postPages.delete(path.resolve(deleted));
        void rebuild(deleted);
      });
      // Eleventy starts watching after its first build and reports only changes after its watcher has
      // scanned the files: a post saved in between (seconds on a busy machine) would stay stale until
      // its next save. Posts modified since before the build started reading are rebuilt now. (File
      // times can lag the clock by a few milliseconds; a save that close to the start came before
      // Eleventy read the posts, so the build has it.)
      for (const file of await postsModifiedSince(posts, readFrom)) void rebuild(file);
      console.log("[opsnote] watching for changes");
    } catch (error) {
      // The first build failed before Eleventy started watching: watch the posts folder ourselves
      // and start over on the next save.
      finish(describeFailure(lastError ?? error));
      await stopWatch().catch(() => undefined);
      retryWatcher = watchFiles(posts, { recursive: true }, () => {
        retryWatcher?.close();
        retryWatcher = undefined;
        void start(true);
      });
    }
  };
  // Saves of one post take the fast path while Eleventy's own watcher starts its rebuild. The post is
  // read synchronously, like the page is written (see writePageAtomically).
  const readPost = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined; // deleted or renamed: Eleventy's way
    }
  };
  let fastPathQueue = Promise.resolve();
  const fastPath = async (files: string[]): Promise<void> => {
    const file = files.length === 1 ? files[0]! : undefined;
    const captured = file === undefined ? undefined : postPages.get(file);
    const pipeline = pipelineOf(eleventyInstance?.config);
    const started = performance.now();
    const text = file === undefined ? undefined : readPost(file);
    // A file the post points to that is newer than the last build's list: Eleventy's way (recentLocalTargets).
    const refusal = file === undefined ? `${files.length} files at once`
      : captured === undefined ? "the last build did not render it"
      : pipeline === undefined ? "no build yet"
      : text === undefined ? "it cannot be read"
      : !state.hasOutput || state.errors.length > 0 ? "the last build failed"
      : recentLocalTargets(text, file, filesListedAt).length > 0 ? "it points to a file newer than the last build"
      : undefined;
    const result = refusal === undefined ? await renderPostPage(text!, captured!, pipeline!) : { ok: false as const, reason: refusal };
    if (!result.ok || file === undefined) {
      if (process.env.OPSNOTE_DEBUG_PREVIEW && !result.ok) console.log(`[opsnote] debug: no fast path for ${files.join(" ")}: ${result.reason}`);
      files.forEach((changed) => ledger.forget(changed));
      return;
    }
    const page = { inputPath: file, outputPath: result.outputPath, html: result.html, rawInput: result.rawInput };
    if (!ledger.recordFast(page)) return;
    writePageAtomically(result.outputPath, result.html);
    announce([pagePath(output, result.outputPath)]);
    console.log(`[opsnote] ${result.url} updated in ${(performance.now() - started).toFixed(0)} ms; rebuilding the rest`);
  };
  let postWatcher: PostWatcher | undefined;
  try {
    postWatcher = watchPosts(posts, {
      accept: isPostPath,
      onChange: (files) => {
        fastPathQueue = fastPathQueue.then(() => fastPath(files)).catch((error: unknown) => {
          console.warn(`[opsnote] fast path: ${String(error)}`);
        });
      },
    });
  } catch {
    // No posts folder yet: Eleventy's watcher does all the work.
  }
  await start();

  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  retryWatcher?.close();
  postWatcher?.close();
  await current?.stopWatch().catch(() => undefined);
  await server.close();
  return 0;
}

await runCommand({ usage: USAGE, options: OPTIONS }, preview);
process.exit();
