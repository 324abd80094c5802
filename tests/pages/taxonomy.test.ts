import { test } from "node:test";
import assert from "node:assert/strict";
import { cloudStep } from "../../src/pages/taxonomy.tsx";

const steps: [count: number, max: number, step: number][] = [
  [1, 1, 1],
  [1, 3, 1],
  [2, 3, 4],
  [3, 3, 5],
  [1, 100, 1],
  [10, 100, 3],
  [100, 100, 5],
];
for (const [count, max, step] of steps) {
  test(`cloudStep(${count}, ${max}) = ${step}`, () => assert.equal(cloudStep(count, max), step));
}
