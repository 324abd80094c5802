import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { serializeJsonLd } from "../../src/seo/json-ld.ts";

test("JSON-LD cannot close its <script> or open a comment, and reads back as the same value", () => {
  const value = { headline: "</script><script>alert(1)</script> <!-- & \u2028" };
  const json = serializeJsonLd(value);
  assert.doesNotMatch(json, /[<>&\u2028]/);
  const { document } = parseHTML(`<html><head><script type="application/ld+json">${json}</script></head><body><p>after</p></body></html>`);
  const scripts = document.querySelectorAll("script");
  assert.equal(scripts.length, 1);
  assert.deepEqual(JSON.parse(scripts[0]!.textContent!), value);
  assert.equal(document.querySelector("p")!.textContent, "after");
});
