/**
 * The context `check` and the build group their problems with (src/check/index.ts): how many of the
 * posts' links reach a post at its URL, the evidence that the site's permalink is right.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupContext } from "../../src/check/index.ts";
import type { PostAnalysis } from "../../src/check/analyse-post.ts";
import type { LinkRef } from "../../src/check/links.ts";
import { makePost } from "../helpers/make-post.ts";

const link = (href: string, kind: LinkRef["kind"] = "link"): LinkRef => ({ kind, href, line: 1, auto: false });
const analysis = (name: string, url: string, links: LinkRef[]): PostAnalysis => ({
  file: `posts/${name}.md`, relativePath: `${name}.md`, diagnostics: [], headingIds: new Set(), links, post: makePost(name, "2021-04-13", { url }),
});

test("groupContext counts the root-relative links that name a post's URL, with or without its slash, encoded or not", () => {
  const analyses = [
    analysis("intro", "/2021/04/13/쿠버네티스-입문/", [
      link("/2021/04/13/helm/"), // a post, as written
      link("/2021/04/13/helm#차트"), // without its slash, to a heading
      link(`/2021/04/13/${encodeURIComponent("쿠버네티스-입문")}/`), // percent-encoded Hangul
      link("/computer_science/2021/04/13/helm"), // a former URL: not counted
      link("/2021/04/13/helm/", "image"), // an image is no link to a post
      link("//cdn.example.com/2021/04/13/helm/"), // another host
      link("../helm/"), // relative: its URL depends on the page's
    ]),
    analysis("helm", "/2021/04/13/helm/", []),
  ];
  assert.equal(groupContext(analyses, "posts", { permalink: "/:year/:month/:day/:title/", staticDirs: [] }).linksToPosts, 3);
});
