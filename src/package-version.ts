/**
 * The installed version of a dependency, for cache keys (the highlight cache, the search index cache):
 * a new version of the code that made an entry must not be served its old output.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Read from the package's own package.json, found upwards from its entry point (some packages do not export it). */
export function packageVersion(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === name) return json.version ?? "unknown";
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}
