/**
 * Worker-thread entry for `prefill-highlight-cache.ts`: highlights chunks of code blocks with its
 * own shiki instance and writes them to the shared highlight cache (atomic writes, so workers and
 * concurrent builds never see each other's half-written entries).
 */
import { parentPort, workerData } from "node:worker_threads";
import { getCodeHighlighter } from "./highlight.ts";
import { createHighlightCache } from "./highlight-cache.ts";

export interface HighlightJob {
  key: string;
  code: string;
  language: string;
}

export interface HighlightWorkerData {
  cacheDir: string;
  salt: string;
  /** Grammars the main thread has loaded: the worker loads the same, so its output is the same. */
  languages: string[];
}

if (parentPort) {
  const port = parentPort;
  const { cacheDir, salt, languages } = workerData as HighlightWorkerData;
  const highlighter = await getCodeHighlighter();
  await highlighter.loadLanguages?.(languages);
  const cache = createHighlightCache({ dir: cacheDir, salt });
  port.on("message", (jobs: HighlightJob[]) => {
    for (const job of jobs) cache.write(job.key, highlighter.highlight(job.code, job.language));
    port.postMessage(jobs.length);
  });
  port.postMessage("ready");
}
