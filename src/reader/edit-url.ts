/**
 * The "edit on GitHub" link of a post: `{repository.url}/edit/{branch}/{path}`, where the path is the
 * post's file relative to the project (the folder holding opsnote.config.yaml, where every command
 * runs), so `posts/samples/x.md` in the project is `posts/samples/x.md` in the repository.
 */
import path from "node:path";
import type { SiteSettings } from "../site.ts";

/**
 * The edit URL of the post at `inputPath`, or undefined when no repository is set or the file lies
 * outside the project (a posts folder elsewhere is not in the repository either).
 */
export function editUrl(repository: SiteSettings["repository"], inputPath: string, projectRoot: string = process.cwd()): string | undefined {
  if (repository === undefined) return undefined;
  const relative = path.relative(projectRoot, path.resolve(projectRoot, inputPath));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const segments = relative.split(path.sep).map((segment) => encodeURIComponent(segment.normalize("NFC")));
  return `${repository.url}/edit/${encodeURIComponent(repository.branch).replace(/%2F/g, "/")}/${segments.join("/")}`;
}
