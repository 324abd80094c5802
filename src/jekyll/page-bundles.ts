/**
 * Page bundles (Hugo, Zola): `posts/<slug>/index.md` with its images beside it. The post is
 * written to `<url>/index.html`, so relative image paths (`![](diagram.png)`) work once the
 * bundle's media files are copied next to it. Only media is copied (never markdown or other
 * files), symbolic links are never followed, and a sub-folder that is itself a bundle is left to
 * its own post.
 */
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

/** Extensions copied from a bundle: images, video, audio and PDFs a post links to. */
export const BUNDLE_MEDIA = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|mp4|webm|mov|mp3|ogg|wav|pdf)$/i;

const BUNDLE_INDEX = /^index\.(md|markdown)$/i;

/** True for `…/<folder>/index.md`: a post that owns its folder. */
export function isBundleIndex(inputPath: string): boolean {
  return BUNDLE_INDEX.test(path.basename(inputPath));
}

/** Copies the media files of the bundle in `bundleDir` (recursively) into `targetDir`; returns their paths relative to it. */
export async function copyBundleMedia(bundleDir: string, targetDir: string): Promise<string[]> {
  const copied: string[] = [];
  const walk = async (relative: string, isRoot: boolean): Promise<void> => {
    const entries = await readdir(path.join(bundleDir, relative), { withFileTypes: true });
    // A nested folder with its own index.md is another post's bundle.
    if (!isRoot && entries.some((entry) => entry.isFile() && BUNDLE_INDEX.test(entry.name))) return;
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = path.join(relative, entry.name);
      // Dirent does not follow symbolic links: a link is neither a file nor a directory here.
      if (entry.isDirectory()) await walk(child, false);
      else if (entry.isFile() && BUNDLE_MEDIA.test(entry.name)) {
        const target = path.join(targetDir, child);
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(bundleDir, child), target);
        copied.push(child.split(path.sep).join("/"));
      }
    }
  };
  await walk("", true);
  return copied;
}
