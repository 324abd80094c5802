/**
 * deploy/Dockerfile agrees with the nginx.conf the nginx test checks: no Docker engine runs here, so the
 * image is never built in tests, but it must ship that exact file, serve the build from its root folder
 * and expose its port.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions in order, continuation lines joined, comments dropped; `stage` counts FROMs. */
function readInstructions(text: string): Instruction[] {
  const logical = text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  let stage = -1;
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === "FROM") stage += 1;
    return { keyword: keyword.toUpperCase(), args: rest.join(" "), stage };
  });
}

const instructions = readInstructions(readFileSync("deploy/Dockerfile", "utf8"));
const nginxConf = readFileSync("deploy/nginx.conf", "utf8");
const froms = instructions.filter(({ keyword }) => keyword === "FROM");
const finalStage = froms.length - 1;
const inFinal = instructions.filter(({ stage }) => stage === finalStage);

describe("deploy/Dockerfile", () => {
  test("builds with Node 20 (npm ci, npm run build) and serves with unprivileged nginx", () => {
    assert.equal(froms.length, 2, "two stages");
    assert.match(froms[0]!.args, /^node:20\S* AS build$/i);
    assert.match(froms[1]!.args, /^nginxinc\/nginx-unprivileged:\S+$/);
    const runs = instructions.filter(({ keyword, stage }) => keyword === "RUN" && stage === 0).map(({ args }) => args);
    assert.ok(runs.some((run) => run.startsWith("npm ci")), "npm ci");
    assert.ok(runs.some((run) => run === "npm run build"), "npm run build");
    assert.ok(!inFinal.some(({ keyword, args }) => keyword === "USER" && /^(root|0)\b/.test(args)), "the final image does not switch to root");
  });

  test("ships the tested deploy/nginx.conf as the whole nginx configuration", () => {
    assert.ok(inFinal.some(({ keyword, args }) => keyword === "COPY" && args === "deploy/nginx.conf /etc/nginx/nginx.conf"));
  });

  test("copies the build into the folder nginx.conf serves, and exposes the port it listens on", () => {
    const root = /^\s*root\s+(\S+);/m.exec(nginxConf)?.[1];
    const port = /^\s*listen\s+(\d+);/m.exec(nginxConf)?.[1];
    assert.ok(root && port, "nginx.conf has root and listen");
    assert.ok(inFinal.some(({ keyword, args }) => keyword === "COPY" && args === `--from=build /src/_site ${root}`), `COPY --from=build /src/_site ${root}`);
    assert.ok(inFinal.some(({ keyword, args }) => keyword === "EXPOSE" && args === port), `EXPOSE ${port}`);
    const healthcheck = inFinal.find(({ keyword }) => keyword === "HEALTHCHECK");
    if (healthcheck) assert.ok(healthcheck.args.includes(`:${port}/healthz`), "HEALTHCHECK asks nginx's /healthz");
  });

  test("the build stage's WORKDIR is /src, where the COPY --from takes _site", () => {
    assert.ok(instructions.some(({ keyword, args, stage }) => keyword === "WORKDIR" && args === "/src" && stage === 0));
  });
});
