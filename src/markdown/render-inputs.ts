/**
 * What a rendered body depends on besides its markdown text: an image's size read from its file,
 * the URL a `./other-post.md` link resolves to, whether a relative target is a published file, the
 * highlight cache entries it used. The render cache (render-cache.ts) stores a body with the inputs
 * its render looked up, and serves it again only while every one of them still gives the same
 * answer, so a new image size or a renamed post re-renders exactly the posts that used them.
 *
 * Plugins note each lookup with `noteRenderInput` while a render runs, and teach the markdown
 * instance how to ask again with `defineRenderInput`. Rendering is synchronous, so the render being
 * recorded is the one running now.
 */
import type { MarkdownIt } from "markdown-it";

/** One lookup: its kind, its argument and its answer, as strings. */
export type RenderInput = [kind: string, argument: string, answer: string];

/** Asks a lookup again, for the page being rendered (`env` is its data). */
export type RenderInputCheck = (argument: string, env: unknown) => string;

const checksByMarkdown = new WeakMap<MarkdownIt, Map<string, RenderInputCheck>>();
let recording: RenderInput[] | undefined;

/** Registers how `md` asks a lookup of `kind` again. */
export function defineRenderInput(md: MarkdownIt, kind: string, check: RenderInputCheck): void {
  let checks = checksByMarkdown.get(md);
  if (!checks) checksByMarkdown.set(md, (checks = new Map()));
  checks.set(kind, check);
}

/** Records a lookup made by the render running now (none: nothing is recorded). */
export function noteRenderInput(kind: string, argument: string, answer: string): void {
  recording?.push([kind, argument, answer]);
}

/** Runs a render and returns what it looked up; a render inside it (nested) counts for both. */
export function recordRenderInputs<T>(render: () => T): { result: T; inputs: RenderInput[] } {
  const outer = recording;
  const inputs: RenderInput[] = [];
  recording = inputs;
  try {
    return { result: render(), inputs };
  } finally {
    recording = outer;
    outer?.push(...inputs);
  }
}

/** Whether every lookup gives the answer it gave; a kind `md` cannot ask again does not hold. */
export function renderInputsHold(md: MarkdownIt, inputs: readonly RenderInput[], env: unknown): boolean {
  const checks = checksByMarkdown.get(md);
  return inputs.every(([kind, argument, answer]) => {
    const check = checks?.get(kind);
    return check !== undefined && check(argument, env) === answer;
  });
}
