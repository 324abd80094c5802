/**
 * `[글](./2021-04-13-kubernetes-intro.md#설치)` links a post by its file, as on GitHub and in an
 * editor's preview; published as written it 404s. This core rule turns such a link into the target
 * post's URL with its `#fragment` (decoded, NFC, as heading ids are written), from the post index
 * the build keeps (src/jekyll/index.ts puts the resolver in the page data under `POST_FILE_URL`,
 * as `post_url` uses). Root-relative, so the path prefix is added with every other URL. A target
 * that is no post stays as written, and `check` warns about it.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import { decodeTarget as decode } from "../urls/decode-target.ts";
import { defineRenderInput, noteRenderInput } from "./render-inputs.ts";

/** A relative link to a markdown file: no scheme, not root-relative, `.md`/`.markdown` before `?`/`#`. */
const POST_FILE_LINK = /^(?![a-z][a-z0-9+.-]*:|\/|#)([^?#]+\.(?:md|markdown))(?:\?[^#]*)?(?:#(.*))?$/i;


/** Page data key holding the resolver: `(linking post's inputPath, path as written) => URL | undefined`. */
export const POST_FILE_URL = "opsnotePostFileUrl";

export type PostFileUrl = (fromInputPath: string, target: string) => string | undefined;

function rewriteLinks(state: StateCore): void {
  const env = state.env as { page?: { inputPath?: string }; [POST_FILE_URL]?: PostFileUrl } | undefined;
  const resolve = env?.[POST_FILE_URL];
  const from = env?.page?.inputPath;
  if (typeof resolve !== "function" || from === undefined) return;
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== "link_open") continue;
      const href = child.attrGet("href");
      if (href === null) continue;
      const match = POST_FILE_LINK.exec(String(href));
      if (!match) continue;
      const target = decode(match[1]!);
      const url = resolve(from, target);
      noteRenderInput(POST_FILE_URL, target, url ?? ""); // a cached render holds while the target keeps its URL
      if (url === undefined) continue;
      const fragment = match[2] ? `#${decode(match[2])}` : "";
      child.attrSet("href", state.md.normalizeLink(`${url}${fragment}`));
    }
  }
}

/** Asks the page's resolver again, for the render cache (render-inputs.ts). */
function resolveAgain(target: string, env: unknown): string {
  const page = env as { page?: { inputPath?: string }; [POST_FILE_URL]?: PostFileUrl } | undefined;
  const resolve = page?.[POST_FILE_URL];
  const from = page?.page?.inputPath;
  return typeof resolve === "function" && from !== undefined ? (resolve(from, target) ?? "") : "";
}

export function postFileLinksPlugin(md: MarkdownIt): void {
  defineRenderInput(md, POST_FILE_URL, resolveAgain);
  md.core.ruler.push("post_file_links", rewriteLinks);
}
