/**
 * The nginx policy line an import prints when it carries an old blog's comments: the shipped
 * deploy/nginx.conf blocks every provider's script, so the comments would stay empty behind it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { nginxPolicyLineFor } from "../../src/reader/comments.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

const SHIPPED = readFileSync(path.join(REPO_ROOT, "deploy", "nginx.conf"), "utf8");

/** The directives of a printed `add_header Content-Security-Policy "…" always;` line. */
function directivesOf(line: string): Map<string, string[]> {
  const policy = /^add_header Content-Security-Policy "([^"]*)" always;$/.exec(line)?.[1];
  assert.ok(policy !== undefined, `an nginx add_header line: ${line}`);
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

test("disqus: the shipped policy's line with the shortname's and Disqus' hosts in each directive the widget uses", () => {
  const line = nginxPolicyLineFor(SHIPPED, { provider: "disqus", shortname: "kjhov195-github-io" });
  const directives = directivesOf(line!);
  for (const name of ["script-src", "style-src", "img-src", "frame-src", "connect-src"]) {
    assert.ok(directives.get(name)?.includes("https://kjhov195-github-io.disqus.com"), `${name}: ${directives.get(name)}`);
    assert.ok(directives.get(name)?.includes("https://*.disquscdn.com"), name);
  }
  assert.deepEqual(directives.get("object-src"), ["'none'"], "the rest of the shipped policy is kept");
  assert.ok(directives.get("script-src")?.includes("'self'"));
});

test("giscus: only what the shipped policy lacks is added (its frame is allowed already)", () => {
  const line = nginxPolicyLineFor(SHIPPED, { provider: "giscus", repo: "you/blog", repoId: "R_1", category: "Comments", categoryId: "DIC_1", mapping: "pathname" });
  const directives = directivesOf(line!);
  assert.deepEqual(directives.get("script-src"), ["'self'", "'wasm-unsafe-eval'", "https://giscus.app"]);
  assert.equal(directives.get("frame-src")?.filter((source) => source === "https://giscus.app").length, 1);
});

test("nothing to print: no comments, a policy that allows the provider already, or a configuration without the header", () => {
  assert.equal(nginxPolicyLineFor(SHIPPED, undefined), undefined);
  const utterances = { provider: "utterances", repo: "you/blog", issueTerm: "pathname" } as const;
  const allowed = nginxPolicyLineFor(SHIPPED, utterances)!;
  assert.equal(nginxPolicyLineFor(`server {\n  ${allowed}\n}\n`, utterances), undefined);
  assert.equal(nginxPolicyLineFor("server { listen 80; }\n", utterances), undefined);
});
