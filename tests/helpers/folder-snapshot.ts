/**
 * Every file of a folder, by path relative to it (with the platform's separators), with its bytes as
 * base64: two snapshots are deep-equal when the folders hold the same files, byte for byte.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function snapshotFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), readFileSync(file).toString("base64"));
  }
  return files;
}
