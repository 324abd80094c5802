import { test } from "node:test";
import assert from "node:assert/strict";
import { neighboursByUrl } from "../../src/collections/neighbours.ts";
import { makePost } from "../helpers/make-post.ts";

test("previous is the next older post, next the next newer one; the ends have one side", () => {
  const newestFirst = [makePost("c", "2021-03-01"), makePost("b", "2021-02-01"), makePost("a", "2021-01-01")];
  const map = neighboursByUrl(newestFirst);
  const names = (url: string) => {
    const n = map.get(url)!;
    return [n.previous?.slug, n.next?.slug];
  };
  assert.deepEqual(names("/c/"), ["b", undefined]);
  assert.deepEqual(names("/b/"), ["a", "c"]);
  assert.deepEqual(names("/a/"), [undefined, "b"]);
});
