/**
 * Rendered bodies kept across builds, so a warm build does not run markdown-it (nor shiki, nor KaTeX)
 * over posts that did not change, and an edit re-renders only the edited post.
 *
 * An entry is keyed by a hash of the markdown text and what of the page's data the pipeline reads (its
 * file, its front matter's line count, its `math` switch, the posts folder); everything else that
 * changes the output (opsnote's source, the versions of shiki, KaTeX and markdown-it, the settings the
 * pipeline takes) is the pack's salt (index.ts), so it invalidates every entry at once. An entry holds
 * the HTML, the page features (math, mermaid), the warnings the render reported, and the lookups it
 * made outside its text (render-inputs.ts: image sizes, post URLs, published files): it is served only
 * while those still give the same answers. Its warnings are reported again on every hit, so `check` and
 * the build's warning policy see a cached post's problems as they saw the rendered one's.
 *
 * The table of contents (a parse of the raw text) is kept in the same pack, keyed the same way.
 * Entries live in one pack (cache-pack.ts), written once at the end of a build.
 */
import { createHash } from "node:crypto";
import type { MarkdownIt } from "markdown-it";
import type { Diagnostic, DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { CachePack } from "./cache-pack.ts";
import { pageFeaturesOf, setPageFeatures, type PageFeatures } from "./page-features.ts";
import { recordRenderInputs, renderInputsHold, type RenderInput } from "./render-inputs.ts";

/**
 * An entry: this as one JSON line, then the value (a body's HTML as it is, so storing it is a rope of
 * two strings and not a copy of the HTML escaped into JSON; a TOC as JSON).
 */
interface RenderMeta {
  features: PageFeatures;
  inputs: RenderInput[];
  warnings: Diagnostic[];
}

interface Codec<T> {
  encode(value: T): string;
  decode(text: string): T;
}

const RAW: Codec<string> = { encode: (html) => html, decode: (html) => html };
const JSON_CODEC: Codec<unknown> = { encode: (value) => JSON.stringify(value), decode: (text) => JSON.parse(text) as unknown };

/** What of the page data (markdown-it's `env`) the pipeline reads besides the text. */
interface RenderEnv {
  page?: { inputPath?: string };
  frontMatterSource?: { bodyLineOffset?: number };
  frontMatter?: { math?: unknown; use_math?: unknown };
  eleventy?: { directories?: { input?: string } };
}

export interface RenderCacheOptions {
  /** Where the entries live; its salt holds every version and setting that changes a render. */
  pack: CachePack;
  /** Where warnings go. */
  report?: DiagnosticSink;
  /**
   * Report a cached render's warnings only the first time this process serves it: the preview, whose
   * rebuilds would otherwise print every unchanged post's warnings after each save. @default false
   */
  warnOnce?: boolean;
}

export interface RenderCacheStats {
  /** Input paths rendered by markdown-it (misses), in order. */
  rendered: string[];
  /** Renders served from the cache. */
  hits: number;
  /** Tables of contents parsed (misses) and served from the cache. */
  tocParsed: number;
  tocHits: number;
}

export interface RenderCache {
  readonly pack: CachePack;
  /** The sink to build the markdown pipeline with: it reports, and keeps the warnings of the render running now. */
  readonly report: DiagnosticSink;
  /** Makes `md.render` answer from the cache for pages with an input path (others render as before). */
  install(md: MarkdownIt): MarkdownIt;
  /** `compute()` (a parse for the table of contents), or its cached result for the same text and page. */
  cached<T>(md: MarkdownIt, kind: string, text: string, env: unknown, compute: () => T): T;
  readonly stats: RenderCacheStats;
}

function keyOf(kind: string, text: string, env: RenderEnv): string {
  const parts = [kind, env.page?.inputPath, env.frontMatterSource?.bodyLineOffset ?? 0, env.frontMatter?.math, env.frontMatter?.use_math, env.eleventy?.directories?.input, text];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export function createRenderCache({ pack, report, warnOnce = false }: RenderCacheOptions): RenderCache {
  let capturing: Diagnostic[] | undefined;
  const warned = new Set<string>();
  const stats: RenderCacheStats = { rendered: [], hits: 0, tocParsed: 0, tocHits: 0 };

  /** A stored result whose lookups still hold, after reporting its warnings again. */
  function lookup<T>(md: MarkdownIt, key: string, env: unknown, codec: Codec<T>): { value: T; meta: RenderMeta } | undefined {
    const text = pack.read(key);
    const newline = text?.indexOf("\n") ?? -1;
    if (text === undefined || newline === -1) return undefined;
    let meta: RenderMeta;
    let value: T;
    try {
      meta = JSON.parse(text.slice(0, newline)) as RenderMeta;
      value = codec.decode(text.slice(newline + 1));
    } catch {
      return undefined;
    }
    if (!renderInputsHold(md, meta.inputs, env)) return undefined;
    if (!(warnOnce && warned.has(key))) for (const warning of meta.warnings) sink(warning);
    warned.add(key);
    return { value, meta };
  }

  function run<T>(key: string, env: unknown, codec: Codec<T>, compute: () => T): T {
    const outer = capturing;
    const warnings: Diagnostic[] = [];
    capturing = warnings;
    let recorded: { result: T; inputs: RenderInput[] };
    try {
      recorded = recordRenderInputs(compute);
    } finally {
      capturing = outer;
      outer?.push(...warnings);
    }
    const meta: RenderMeta = { features: { ...pageFeaturesOf(env) }, inputs: recorded.inputs, warnings };
    pack.write(key, [`${JSON.stringify(meta)}\n`, codec.encode(recorded.result)]);
    warned.add(key);
    return recorded.result;
  }

  const sink: DiagnosticSink = (diagnostic) => {
    capturing?.push(diagnostic);
    report?.(diagnostic);
  };

  return {
    pack,
    report: sink,
    stats,
    install(md) {
      const render = md.render.bind(md);
      md.render = (text, env) => {
        const pageEnv = (env ?? {}) as RenderEnv;
        const inputPath = pageEnv.page?.inputPath;
        if (inputPath === undefined) return render(text, env);
        const key = keyOf("body", text, pageEnv);
        const hit = lookup(md, key, env, RAW);
        if (hit) {
          stats.hits++;
          setPageFeatures(env, hit.meta.features); // the layout links KaTeX / loads Mermaid as for the render it stands for
          return hit.value;
        }
        stats.rendered.push(inputPath);
        return run(key, env, RAW, () => render(text, env));
      };
      return md;
    },
    cached(md, kind, text, env, compute) {
      const key = keyOf(kind, text, (env ?? {}) as RenderEnv);
      const codec = JSON_CODEC as Codec<ReturnType<typeof compute>>;
      const hit = lookup(md, key, env, codec);
      if (hit) {
        stats.tocHits++;
        return hit.value;
      }
      stats.tocParsed++;
      return run(key, env, codec, compute);
    },
  };
}
