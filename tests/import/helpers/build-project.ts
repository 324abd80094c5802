/**
 * Child-process entry: builds the opsnote project in the working directory the way `npm run build`
 * will once the settings file is read by the build. Until then (the loader is the lead's work, on
 * another branch) this stands in for it: it applies `opsnote.config.yaml` onto `site` before the
 * Eleventy config is imported, with the keys the import writes. Usage, with cwd = the project:
 * `node --import <tsx> build-project.ts <repo root> <output>`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const [repoRoot, output] = process.argv.slice(2) as [string, string];
const { site, normalizePathPrefix } = await import(path.join(repoRoot, "src", "site.ts"));
const settingsFile = path.resolve("opsnote.config.yaml");
if (existsSync(settingsFile)) {
  const settings = parse(readFileSync(settingsFile, "utf8")) ?? {};
  Object.assign(site, settings);
  site.pathPrefix = normalizePathPrefix(settings.pathPrefix);
  if (settings.author) site.author = { links: [], ...settings.author };
}
const { buildSite } = await import(path.join(repoRoot, "src", "cli", "build-site.ts"));
const { describeBuildError } = await import(path.join(repoRoot, "src", "cli", "errors.ts"));
try {
  const result = await buildSite({ posts: "posts", output, configPath: path.join(repoRoot, ".eleventy.ts") });
  console.log(`built ${result.pages} pages`);
} catch (error) {
  for (const line of describeBuildError(error, false)) console.error(line);
  process.exitCode = 1;
}
