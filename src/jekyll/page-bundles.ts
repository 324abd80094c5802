/**
 * Page bundles (Hugo, Zola): `posts/<slug>/index.md` with its files beside it. Like every file in the
 * posts folder, a bundle's files are published at their folder's URL (src/static/static-files.ts)
 * and the post's relative targets point there; a bundle also gets a copy of them beside its page,
 * where Hugo and Zola published them, so their old URLs keep working. The files are those of the
 * published-file list (the same rules: no posts, no dot files, symbolic links only into the served
 * folders); a sub-folder that is itself a bundle is left to its own post.
 */
import path from "node:path";
import type { SiteFile } from "../static/static-files.ts";

const BUNDLE_INDEX = /^index\.(md|markdown)$/i;

/** True for `…/<folder>/index.md`: a post that owns its folder. */
export function isBundleIndex(inputPath: string): boolean {
  return BUNDLE_INDEX.test(path.basename(inputPath));
}

export interface BundleCopy {
  /** The published file copied. */
  file: SiteFile;
  /** Root-relative URL of the copy, decoded and NFC: beside the page. */
  url: string;
}

/**
 * The copies of a bundle's files beside its page at `pageUrl`. `bundleIndexes` are every bundle
 * index of the posts folder (absolute), so a nested bundle's files stay with their own post.
 */
export function bundleCopies(indexFile: string, pageUrl: string, files: readonly SiteFile[], bundleIndexes: ReadonlySet<string>): BundleCopy[] {
  const bundleDir = path.dirname(path.resolve(indexFile));
  const pageDir = pageUrl.endsWith("/") ? pageUrl : pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
  const nestedDirs = [...bundleIndexes].map((index) => path.dirname(index)).filter((dir) => dir !== bundleDir && dir.startsWith(bundleDir + path.sep));
  return files
    .filter((file) => file.folder.isPosts && file.source.startsWith(bundleDir + path.sep))
    .filter((file) => !nestedDirs.some((dir) => file.source.startsWith(dir + path.sep)))
    .map((file) => ({ file, url: `${pageDir}${path.relative(bundleDir, file.source).split(path.sep).join("/").normalize("NFC")}` }));
}
