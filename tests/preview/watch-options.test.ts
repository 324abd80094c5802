/**
 * What the preview's Eleventy watches (src/preview/watch-options.ts), read from Eleventy's own watch
 * targets: the modules its config imports are not among them (Eleventy would parse them after every
 * build), and links are not followed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { makeTempDir } from "../helpers/paths.ts";
import { configurePreviewWatch, type WatchConfig } from "../../src/preview/watch-options.ts";

interface Watching {
  init(): Promise<void>;
  initWatch(): Promise<void>;
  eleventyFiles: { getFiles(): Promise<string[]> };
  watchTargets: { getTargets(): string[] };
  eleventyConfig: { userConfig: { chokidarConfig: { followSymlinks?: boolean } } };
}

/** Eleventy's watch targets and chokidar options for a config that imports a module of its own. */
async function watched(configure?: (config: WatchConfig) => void): Promise<{ targets: string[]; followSymlinks?: boolean }> {
  const root = await makeTempDir("watch-options");
  await mkdir(path.join(root, "posts"));
  await writeFile(path.join(root, "posts", "a.md"), "# a\n");
  await writeFile(path.join(root, "helper.mjs"), "export const layout = 'none';\n");
  await writeFile(path.join(root, "config.mjs"), 'import { layout } from "./helper.mjs";\nexport default function () { return { markdownTemplateEngine: false, layout }; }\n');
  const eleventy = new Eleventy(path.join(root, "posts"), path.join(root, "out"), {
    configPath: path.join(root, "config.mjs"),
    runMode: "watch",
    quietMode: true,
    config: configure,
  }) as unknown as Watching;
  await eleventy.init();
  await eleventy.eleventyFiles.getFiles(); // as Eleventy's first build does before it starts watching
  await eleventy.initWatch();
  return { targets: eleventy.watchTargets.getTargets(), followSymlinks: eleventy.eleventyConfig.userConfig.chokidarConfig.followSymlinks };
}

test("the preview's Eleventy does not watch the modules its config imports, nor follow links", async () => {
  const plain = await watched();
  assert.ok(plain.targets.some((target) => target.endsWith("helper.mjs")), `by default Eleventy watches the config's imports: ${plain.targets.join(", ")}`);
  const preview = await watched(configurePreviewWatch);
  assert.ok(!preview.targets.some((target) => target.endsWith("helper.mjs")), `the preview's: ${preview.targets.join(", ")}`);
  assert.equal(preview.followSymlinks, false);
});
