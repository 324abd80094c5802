/**
 * The GitHub Pages workflow, read as GitHub reads it: triggers, permissions, the official Pages actions,
 * tests before anything is published, and a path prefix taken from the repository's Pages address.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parse } from "yaml";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

const WORKFLOW_FILE = ".github/workflows/pages.yml";
const workflow = parse(readFileSync(WORKFLOW_FILE, "utf8"), { strict: true, uniqueKeys: true }) as Workflow;
const jobs = Object.entries(workflow.jobs);
const allSteps = jobs.flatMap(([job, { steps }]) => steps.map((step) => ({ job, step })));

/** Index in `steps` of the first step using `action` (any version) or running `command`. */
function stepIndex(steps: readonly Step[], match: { action?: string; command?: string }): number {
  return steps.findIndex(
    (step) =>
      (match.action !== undefined && step.uses?.split("@")[0] === match.action) ||
      (match.command !== undefined && step.run?.split("\n").some((line) => line.trim() === match.command || line.trim().startsWith(`${match.command} `)) === true),
  );
}

function jobUsing(action: string): [string, Job] {
  const found = jobs.find(([, job]) => stepIndex(job.steps, { action }) >= 0);
  assert.ok(found, `no job uses ${action}`);
  return found;
}

describe(WORKFLOW_FILE, () => {
  test("runs on pushes to main and by hand", () => {
    assert.deepEqual(workflow.on.push, { branches: ["main"] });
    assert.ok("workflow_dispatch" in workflow.on);
  });

  test("only the deploy job may write to Pages (pages: write, id-token: write); the rest reads", () => {
    assert.deepEqual(workflow.permissions, { contents: "read" });
    const [deployName, deploy] = jobUsing("actions/deploy-pages");
    assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
    for (const [name, job] of jobs.filter(([name]) => name !== deployName)) {
      // npm ci runs third-party install scripts here: they must not be able to publish.
      const permissions: Record<string, string> = job.permissions ?? workflow.permissions;
      const writes = Object.entries(permissions).filter(([, level]) => level === "write");
      assert.deepEqual(writes, [], `job ${name} has write permissions`);
      assert.ok(job.permissions?.pages === "read" || stepIndex(job.steps, { action: "actions/configure-pages" }) < 0, `job ${name}: configure-pages needs pages: read`);
    }
  });

  test("never runs two deployments at once nor cancels one half-way", () => {
    assert.equal(workflow.concurrency.group, "pages");
    assert.equal(workflow.concurrency["cancel-in-progress"], false);
  });

  test("uses the official actions, each pinned to a major version", () => {
    const official = ["actions/checkout", "actions/setup-node", "actions/cache", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"];
    for (const action of official) jobUsing(action);
    for (const { step } of allSteps.filter(({ step }) => step.uses)) {
      assert.match(step.uses!, /^[\w.-]+\/[\w.-]+@v\d+$/, `${step.uses}: pin a released major version`);
      assert.ok(step.uses!.startsWith("actions/"), `${step.uses}: only GitHub's own actions`);
    }
  });

  test("checks out full history (git dates) and sets up Node 20 with the npm cache", () => {
    const [, build] = jobUsing("actions/checkout");
    const checkout = build.steps[stepIndex(build.steps, { action: "actions/checkout" })]!;
    assert.equal(checkout.with?.["fetch-depth"], 0);
    const node = build.steps[stepIndex(build.steps, { action: "actions/setup-node" })]!;
    assert.equal(String(node.with?.["node-version"]), "20");
    assert.equal(node.with?.cache, "npm");
  });

  test("installs, installs the Debian packages, tests, then builds and uploads, in that order", () => {
    const [, build] = jobUsing("actions/upload-pages-artifact");
    const order = [
      stepIndex(build.steps, { action: "actions/checkout" }),
      stepIndex(build.steps, { command: "npm ci" }),
      build.steps.findIndex((step) => /apt-get install .*\bnginx\b/.test(step.run ?? "")),
      stepIndex(build.steps, { command: "npm test" }),
      stepIndex(build.steps, { command: "npm run build" }),
      stepIndex(build.steps, { action: "actions/upload-pages-artifact" }),
    ];
    assert.ok(order.every((index) => index >= 0), `missing step: ${JSON.stringify(order)}`);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `steps out of order: ${JSON.stringify(order)}`);
    const apt = build.steps[order[2]!]!.run!;
    for (const needed of ["chromium", "fonts-nanum", "nginx"]) assert.match(apt, new RegExp(`\\b${needed}\\b`));
  });

  test("caches the markdown (renders, highlighting, formulas), post-analysis, search-index and image cache folders across runs", () => {
    const [, build] = jobUsing("actions/cache");
    const cache = build.steps[stepIndex(build.steps, { action: "actions/cache" })]!;
    assert.deepEqual(String(cache.with?.path).trim().split("\n"), [".cache/markdown", ".cache/check", ".cache/search", ".cache/images"]);
    assert.ok(cache.with?.["restore-keys"], "restore-keys let a run start from the previous cache");
    assert.ok(stepIndex(build.steps, { action: "actions/cache" }) < stepIndex(build.steps, { command: "npm run build" }));
  });

  test("builds with the path prefix and origin of the repository's Pages site", () => {
    const [, build] = jobUsing("actions/configure-pages");
    const pages = build.steps[stepIndex(build.steps, { action: "actions/configure-pages" })]!;
    const buildStep = build.steps[stepIndex(build.steps, { command: "npm run build" })]!;
    assert.ok(pages.id, "configure-pages needs an id to read its outputs");
    assert.equal(buildStep.env?.OPSNOTE_PATH_PREFIX, `\${{ steps.${pages.id}.outputs.base_path }}/`);
    assert.equal(buildStep.env?.OPSNOTE_SITE_URL, `\${{ steps.${pages.id}.outputs.origin }}`);
    assert.ok(stepIndex(build.steps, { action: "actions/configure-pages" }) < stepIndex(build.steps, { command: "npm run build" }));
    const upload = build.steps[stepIndex(build.steps, { action: "actions/upload-pages-artifact" })]!;
    assert.equal(upload.with?.path, "_site");
  });

  test("deploys only after the tested build, into the github-pages environment", () => {
    const [buildName] = jobUsing("actions/upload-pages-artifact");
    const [, deploy] = jobUsing("actions/deploy-pages");
    const needs = [deploy.needs ?? []].flat();
    assert.ok(needs.includes(buildName), `deploy must need ${buildName}`);
    assert.equal(deploy.environment?.name, "github-pages");
    const step = deploy.steps[stepIndex(deploy.steps, { action: "actions/deploy-pages" })]!;
    assert.equal(deploy.environment?.url, `\${{ steps.${step.id}.outputs.page_url }}`);
  });
});
