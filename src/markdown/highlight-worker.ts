/**
 * Worker-thread entry for `prefill-highlight-cache.ts`: highlights chunks of code blocks with its
 * own shiki instance and posts the HTML back. Only the build's thread writes the highlight cache
 * (one pack, written once: cache-pack.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { getCodeHighlighter } from "./highlight.ts";

export interface HighlightJob {
  key: string;
  code: string;
  language: string;
}

export interface HighlightWorkerData {
  /** Grammars the main thread has loaded: the worker loads the same, so its output is the same. */
  languages: string[];
}

/** A finished chunk: each job's key and HTML. */
export type HighlightResult = [key: string, html: string][];

if (parentPort) {
  const port = parentPort;
  const { languages } = workerData as HighlightWorkerData;
  const highlighter = await getCodeHighlighter();
  await highlighter.loadLanguages?.(languages);
  port.on("message", (jobs: HighlightJob[]) => {
    port.postMessage(jobs.map((job): [string, string] => [job.key, highlighter.highlight(job.code, job.language)]));
  });
  port.postMessage("ready");
}
