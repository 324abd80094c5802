import { test } from "node:test";
import assert from "node:assert/strict";
import { CODE_BANDS, MIN_CODE_CONTRAST, contrastRatio, readableColour, withReadableColours } from "../../src/markdown/code-contrast.ts";
import { getCodeStylesheet } from "../../src/markdown/highlight.ts";
import { parseStylesheet } from "../helpers/token-colours.ts";

test("contrast ratios match WCAG's published values", () => {
  assert.equal(contrastRatio("#000000", "#ffffff").toFixed(1), "21.0");
  assert.equal(contrastRatio("#fff", "#fff"), 1);
  // github-dark's comment colour on its background: the 3.0:1 axe reported.
  assert.equal(contrastRatio("#6a737d", "#24292e").toFixed(2), "3.05");
});

const cases: [name: string, colour: string, backgrounds: string[], expected: "same" | "raised"][] = [
  ["a passing colour keeps its exact value", "#24292e", Object.values(CODE_BANDS.light), "same"],
  ["github-dark's comment is lightened", "#6a737d", Object.values(CODE_BANDS.dark), "raised"],
  ["github-light's orange is darkened", "#e36209", Object.values(CODE_BANDS.light), "raised"],
  ["github-light's red on the highlight band", "#d73a49", Object.values(CODE_BANDS.light), "raised"],
];
for (const [name, colour, backgrounds, expected] of cases) {
  test(`readableColour: ${name}`, () => {
    const result = readableColour(colour, backgrounds);
    if (expected === "same") assert.equal(result, colour);
    else assert.notEqual(result, colour);
    for (const bg of backgrounds) assert.ok(contrastRatio(result, bg) >= MIN_CODE_CONTRAST, `${result} on ${bg}: ${contrastRatio(result, bg).toFixed(2)}`);
  });
}

test("withReadableColours leaves backgrounds and unknown slots alone and adds the band variables", () => {
  const css = withReadableColours(".shiki{--shiki-light:#24292e;--shiki-dark:#6a737d;--shiki-dark-bg:#24292e}\n.shiki .x0{--shiki-other:#6a737d}");
  assert.match(css, /--shiki-light:#24292e;/, "passes on white and the light bands");
  assert.doesNotMatch(css, /--shiki-dark:#6a737d;/);
  assert.match(css, /--shiki-dark-bg:#24292e/);
  assert.match(css, /--shiki-other:#6a737d/);
  assert.match(css, /--code-highlight:light-dark\(#fff5c2,#2e3a48\)/);
});

test("the published code stylesheet: every token colour of both themes reaches 4.5:1 on every line band", async () => {
  const sheet = parseStylesheet(await getCodeStylesheet());
  let checked = 0;
  for (const [selector, declarations] of sheet) {
    for (const [slot, bands] of Object.entries(CODE_BANDS)) {
      const colour = declarations[`--shiki-${slot}`];
      if (colour === undefined || !colour.startsWith("#")) continue;
      for (const [band, bg] of Object.entries(bands)) {
        const ratio = contrastRatio(colour, bg);
        assert.ok(ratio >= 4.5, `${selector} ${slot} ${colour} on the ${band} band ${bg}: ${ratio.toFixed(2)}:1`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 20, `only ${checked} colours checked`);
});
