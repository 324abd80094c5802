/**
 * Builds throwaway post folders with the real pipeline (`buildSite`, the same path as `npm run build`).
 */
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite, type BuildSiteResult } from "../../src/cli/build-site.ts";

/** Writes `files` (path relative to the folder -> content; a Buffer is written as is) into a new temp folder. */
export async function writeTempFolder(prefix: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `opsnote-${prefix}-`));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

export interface BuiltSite extends BuildSiteResult {
  /** Parsed HTML of the page at a root-relative URL such as `/devops/crlf/`. */
  page(url: string): Promise<Document>;
  /** Raw text of an output file, relative to the output folder. */
  read(relative: string): Promise<string>;
}

export async function buildTempSite(posts: string): Promise<BuiltSite> {
  const output = path.join(path.dirname(posts), `${path.basename(posts)}-out`);
  const result = await buildSite({ posts, output });
  const read = (relative: string) => readFile(path.join(output, relative), "utf8");
  return {
    ...result,
    read,
    async page(url) {
      const file = url.endsWith("/") ? `${url}index.html` : url;
      return parseHTML(await read(decodeURIComponent(file))).document;
    },
  };
}
