/**
 * `npm start`: runs the preview (src/cli/preview.ts) in a child process and restarts it when
 * opsnote's own code changes (`src/**`, `.eleventy.ts`): the new process runs from a new bundle of the
 * source (src/cli/launch.mjs), where Eleventy would keep stale copies of the modules its configuration imports. The settings file (`opsnote.config.yaml`) is read once
 * when src/site.ts is loaded, so a save of it restarts the preview too.
 *
 * Why not `tsx watch`, which did this before: it keeps waiting for a change after its child exits,
 * so a preview that could not start (port in use, a bad argument) printed why and then hung
 * instead of exiting. Here a preview that ends by itself before any restart ends `npm start` with
 * its exit code; after a restart (opsnote's code being edited) a crash waits for the next save.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";
import { SETTINGS_FILE } from "../settings/load-settings.ts";
import { BUILD_NODE_FLAGS } from "./heap.ts";
import path from "node:path";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
/** The preview runs through the launcher, which bundles the source again after an edit (launch.mjs). */
const LAUNCHER = path.join(PROJECT_ROOT, "src/cli/launch.mjs");
/** Saves come in bursts (an editor's write and rename, a `git checkout`): restart once after them. */
const SETTLE_MS = 150;

let child: ChildProcess | undefined;
let restarts = 0;
let stopping = false;

function run(): ChildProcess {
  const started = spawn(process.execPath, [...BUILD_NODE_FLAGS, LAUNCHER, "preview", ...process.argv.slice(2)], { stdio: "inherit" });
  started.once("exit", (code, signal) => {
    if (child !== started || stopping) return;
    child = undefined;
    if (restarts === 0) {
      finish(code ?? (signal === null ? 1 : 128));
      return;
    }
    console.error(`[opsnote] the preview stopped (${signal ?? `exit ${code}`}); waiting for a change in src/ or opsnote.config.yaml to start it again`);
  });
  return started;
}

function stopChild(target: ChildProcess): Promise<void> {
  if (target.exitCode !== null || target.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => target.kill("SIGKILL"), 5_000);
    target.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    target.kill("SIGTERM");
  });
}

const watchers: FSWatcher[] = [];
function finish(code: number): void {
  for (const watcher of watchers) watcher.close();
  process.exit(code);
}

let timer: NodeJS.Timeout | undefined;
let restarting = Promise.resolve();
const onCodeChange = (file: string) => {
  if (stopping || !/\.(ts|tsx|js|mjs|cjs|json)$/.test(file)) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    restarting = restarting.then(async () => {
      restarts += 1;
      const previous = child;
      child = undefined;
      console.log(`[opsnote] ${file} changed; restarting the preview`);
      if (previous) await stopChild(previous);
      if (!stopping) child = run();
    });
  }, SETTLE_MS);
};

watchers.push(watch(path.join(PROJECT_ROOT, "src"), { recursive: true }, (_event, name) => {
  if (name !== null) onCodeChange(path.join("src", name.toString()));
}));
watchers.push(watch(PROJECT_ROOT, (_event, name) => {
  if (name === ".eleventy.ts" || name === SETTINGS_FILE) onCodeChange(name);
}));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    clearTimeout(timer);
    void restarting.then(async () => {
      if (child) await stopChild(child);
      finish(0);
    });
  });
}

child = run();
