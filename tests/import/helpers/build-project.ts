/**
 * Child-process entry: `npm run build` for the opsnote project in the working directory (its posts/,
 * its opsnote.config.yaml, read by src/site.ts), with opsnote's code from the repository.
 * Usage, with cwd = the project: `node --import <tsx> build-project.ts <repo root> <output>`.
 */
import path from "node:path";

const [repoRoot, output] = process.argv.slice(2) as [string, string];
const { buildSite } = await import(path.join(repoRoot, "src", "cli", "build-site.ts"));
const { describeBuildError } = await import(path.join(repoRoot, "src", "cli", "errors.ts"));
try {
  const result = await buildSite({ posts: "posts", output, configPath: path.join(repoRoot, ".eleventy.ts") });
  console.log(`built ${result.pages} pages`);
} catch (error) {
  for (const line of describeBuildError(error, false)) console.error(line);
  process.exitCode = 1;
}
