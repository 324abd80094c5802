/**
 * Which pages a preview build really changed. Eleventy's incremental mode rewrites every page of a
 * 1,000-post blog after a one-post edit, almost all with the bytes they already had; the preview
 * remembers a hash of each HTML page written (by Eleventy or by the fast path) and tells open pages
 * to reload only when theirs changed.
 *
 * It also keeps a fast-path page from being overwritten by an older build: a build that started
 * before the edit renders the text it read then; its page is put back to the fast path's.
 */
import { createHash } from "node:crypto";
import path from "node:path";

/** A page Eleventy wrote: an entry of `results` in `eleventy.after`. */
export interface WrittenPage {
  inputPath: string;
  outputPath: string | false;
  content?: string | Buffer;
  /** The template's text after preprocessing, as the build read it. */
  rawInput?: unknown;
}

/** A page the fast path wrote. */
export interface FastPage {
  inputPath: string;
  outputPath: string;
  html: string;
  rawInput: string;
}

export interface BuildChanges {
  /** Paths (`/devops/x/index.html`, relative to the output folder) of HTML pages whose bytes changed. */
  changed: string[];
  /** Fast-path pages the build overwrote with an older version of their post: write them again. */
  restore: FastPage[];
  /**
   * Fast-path pages the build rendered from the same text, and whether its bytes were the fast
   * path's (`OPSNOTE_DEBUG_PREVIEW` prints them; the preview tests read that, whichever of the two
   * wrote the file last).
   */
  rebuilt: { page: string; same: boolean }[];
}

const hash = (content: string | Buffer) => createHash("sha1").update(content).digest("base64");

/** `/devops/x/index.html` for `<output>/devops/x/index.html`; what the reload client compares with. */
export function pagePath(outputDir: string, outputPath: string): string {
  return `/${path.relative(path.resolve(outputDir), path.resolve(outputPath)).split(path.sep).join("/")}`.normalize("NFC");
}

export function createPageLedger(outputDir: string) {
  const known = new Map<string, string>();
  const fast = new Map<string, FastPage>();
  // Eleventy's output paths are relative to the working directory, or absolute.
  const key = (outputPath: string) => path.resolve(outputPath);

  return {
    /** @returns whether the page's bytes differ from the last ones written. */
    recordFast(page: FastPage): boolean {
      fast.set(path.resolve(page.inputPath), page);
      const before = known.get(key(page.outputPath));
      const after = hash(page.html);
      known.set(key(page.outputPath), after);
      return before !== after;
    },

    /** The file changed and the fast path did not render it: the next build's page stands. */
    forget(inputPath: string): void {
      fast.delete(path.resolve(inputPath));
    },

    afterBuild(results: readonly WrittenPage[]): BuildChanges {
      const changed: string[] = [];
      const restore: FastPage[] = [];
      const rebuilt: BuildChanges["rebuilt"] = [];
      for (const result of results) {
        if (typeof result.outputPath !== "string" || !result.outputPath.endsWith(".html") || result.content === undefined) continue;
        const candidate = fast.get(path.resolve(result.inputPath));
        const newer = candidate !== undefined && key(candidate.outputPath) === key(result.outputPath) ? candidate : undefined;
        if (newer !== undefined && result.rawInput !== newer.rawInput) {
          restore.push(newer);
          continue;
        }
        const after = hash(result.content);
        if (newer !== undefined) {
          fast.delete(path.resolve(result.inputPath));
          rebuilt.push({ page: pagePath(outputDir, result.outputPath), same: hash(newer.html) === after });
        }
        if (known.get(key(result.outputPath)) !== after) changed.push(pagePath(outputDir, result.outputPath));
        known.set(key(result.outputPath), after);
      }
      return { changed, restore, rebuilt };
    },
  };
}

export type PageLedger = ReturnType<typeof createPageLedger>;
