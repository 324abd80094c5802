/**
 * The preview as a user meets it: `src/cli/preview.ts` in a real process on loopback, and its event
 * stream read the way an open page reads it. Every wait is bounded; `stop()` ends the process group.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { REPO_ROOT } from "./paths.ts";
import { commandArgs } from "./run-cli.ts";

export const WAIT_MS = 60_000;

export function withTimeout<T>(promise: Promise<T>, what: string, output: () => string = () => "", ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}\n--- preview output ---\n${output()}`)), ms);
    }),
  ]);
}

/** A port nobody uses right now: bind a throwaway server to port 0 and release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject).listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface PreviewProcess {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The preview's process id (it leads its own process group). */
  pid: number;
  /** What the preview printed (stdout and stderr) since it started or since `clearTerminal()`. */
  readonly terminal: string;
  clearTerminal(): void;
  /** Build events announced after the first build and before `startPreview` returned (none is expected). */
  readonly earlyBuilds: readonly string[];
  /** The `data:` of the next `build` event on the stream. */
  nextBuild(what: string): Promise<string>;
  /** Waits until the terminal shows `pattern`. */
  printed(pattern: RegExp, what: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartPreviewOptions {
  posts: string;
  output: string;
  env?: Record<string, string>;
}

/** Starts the preview and waits for its first build event and for Eleventy to watch the posts. */
export async function startPreview({ posts, output, env = {} }: StartPreviewOptions): Promise<PreviewProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...commandArgs("src/cli/preview.ts"), "--port", String(port), "--posts", posts, "--output", output], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let terminal = "";
  const output_ = () => terminal;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let events: ReadableStreamDefaultReader<string> | undefined;
  // Build events as they arrive, read all the time (as an open page reads them), and who waits for one.
  const received: string[] = [];
  const earlyBuilds: string[] = [];
  let wake: (() => void) | undefined;
  let streamEnded = false;
  const pump = async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await events!.read();
        if (done) break;
        buffer += value;
        for (let match; (match = /event: build\ndata: (.*)\n\n/.exec(buffer)); buffer = buffer.slice(match.index + match[0].length)) {
          received.push(match[1]!);
        }
        wake?.();
      }
    } catch {
      // cancelled by stop()
    }
    streamEnded = true;
    wake?.();
  };

  const stop = async () => {
    await events?.cancel().catch(() => undefined);
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    await withTimeout(exited, "the preview to exit", output_, 10_000).catch(() => process.kill(-child.pid!, "SIGKILL"));
  };

  try {
    const url = await withTimeout(new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = /preview at (http:\/\/\S+)/.exec(terminal)?.[1];
        if (found) resolve(found);
      };
      child.stdout!.on("data", look);
      child.once("exit", (code) => reject(new Error(`preview exited with ${code}\n${terminal}`)));
    }), "the preview URL", output_);
    const response = await fetch(new URL("/__opsnote/events", url));
    events = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void pump();
    const preview: PreviewProcess = {
      url,
      pid: child.pid!,
      get terminal() {
        return terminal;
      },
      clearTerminal() {
        terminal = "";
      },
      earlyBuilds,
      nextBuild(what) {
        return withTimeout((async () => {
          for (;;) {
            const data = received.shift();
            if (data !== undefined) return data;
            if (streamEnded) throw new Error("event stream closed");
            await new Promise<void>((resolve) => (wake = resolve));
          }
        })(), what, output_);
      },
      printed(pattern, what) {
        const deadline = Date.now() + WAIT_MS;
        return withTimeout(new Promise<void>((resolve) => {
          const look = () => {
            if (pattern.test(terminal)) resolve();
            else if (Date.now() < deadline) setTimeout(look, 20);
          };
          look();
        }), what, output_);
      },
      stop,
    };
    await preview.nextBuild("the first build");
    // Eleventy starts watching after its first build: a save made before then is missed. Even after
    // chokidar says it is ready, a save in the next few hundred ms is sometimes missed on a busy
    // machine (seen with two previews running), so give it a moment.
    await preview.printed(/watching for changes/, "Eleventy's watcher");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // A build announced meanwhile (none is expected) is not the answer to the test's first edit: the
    // test's next event is one that comes after this. Said in the output, not hidden.
    const early = received.splice(0);
    earlyBuilds.push(...early);
    if (early.length > 0) console.warn(`# preview-process: ${early.length} build event(s) after the first build and before the test: ${early.join(" | ")}\n${terminal}`);
    return preview;
  } catch (error) {
    await stop();
    throw error;
  }
}
