/**
 * Dates never move with the machine's time zone: a build on a server in UTC-8 or UTC+14 shows the
 * days the author wrote, as a build in Seoul does (the site's zone is a setting, not the process's).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInChild } from "../helpers/build-in-child.ts";

for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
  test(`built with TZ=${zone}: the seed post shows 2021년 4월 13일 with +09:00 times`, async () => {
    const output = path.join(await mkdtemp(path.join(tmpdir(), "opsnote-tz-")), "site");
    const build = buildInChild("posts", output, { TZ: zone });
    assert.equal(build.status, 0, build.stderr);
    const { document } = parseHTML(await readFile(path.join(output, "devops/kubernetes-intro/index.html"), "utf8"));
    const times = [...document.querySelectorAll(".post__meta time")].map((t) => [t.getAttribute("datetime"), t.textContent]);
    assert.deepEqual(times, [
      ["2021-04-13T00:00:00+09:00", "2021년 4월 13일"],
      ["2021-04-13T13:00:00+09:00", "2021년 4월 13일"],
    ]);
  });
}
