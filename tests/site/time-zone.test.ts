/**
 * Dates never move with the machine's time zone: a build on a server in UTC-8 or UTC+14 shows the
 * days the author wrote, as a build in Seoul does (the site's zone is a setting, not the process's).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild } from "../helpers/build-in-child.ts";

const SEED_POST = "posts/2021-04-13-kubernetes-intro.md";

for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
  test(`built with TZ=${zone}: the seed post shows 2021년 4월 13일 with +09:00 times`, async () => {
    // Only the seed post: the dates of one post are the subject, and each zone needs a build of its own.
    const root = await mkdtemp(path.join(tmpdir(), "opsnote-tz-"));
    await mkdir(path.join(root, "posts"));
    await copyFile(SEED_POST, path.join(root, "posts", path.basename(SEED_POST)));
    const output = path.join(root, "site");
    const build = buildInChild(path.join(root, "posts"), output, { TZ: zone });
    assert.equal(build.status, 0, build.stderr);
    const { document } = parseHTML(await readFile(path.join(output, "devops/kubernetes-intro/index.html"), "utf8"));
    const times = [...document.querySelectorAll(".post__meta time")].map((t) => [t.getAttribute("datetime"), t.textContent]);
    assert.deepEqual(times, [
      ["2021-04-13T00:00:00+09:00", "2021년 4월 13일"],
      ["2021-04-13T13:00:00+09:00", "2021년 4월 13일"],
    ]);
  });
}
