/**
 * Summarises a `node --cpu-prof` profile: self time by function and by package, so a benchmark
 * report can say where the remaining cost is; or compares profiles of two versions (mean self time
 * per function over each side's profiles, largest growth first).
 *
 *   tsx scripts/bench/summarize-profile.ts FILE.cpuprofile [TOP]
 *   tsx scripts/bench/summarize-profile.ts --before A.cpuprofile,B.cpuprofile --after C.cpuprofile,D.cpuprofile [TOP]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes("/src/")) return `opsnote ${url.slice(url.indexOf("/src/") + 1).split("/").slice(0, 2).join("/")}`;
  if (url.startsWith("node:")) return "node";
  return url === "" ? "(native/gc/idle)" : url;
}

/** Self time in microseconds by function (`name file:line`, paths shortened) and by package. */
export function selfTimes(profile: Profile): { total: number; byFunction: Map<string, number>; byPackage: Map<string, number> } {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...byNode.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^.*\/src\//, "src/")}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + micros);
  }
  return { total, byFunction, byPackage };
}

function meanOf(maps: Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const map of maps) for (const [key, value] of map) sum.set(key, (sum.get(key) ?? 0) + value / maps.length);
  return sum;
}

/**
 * Mean self time per function and per package on each side, sorted by growth (after − before). Line
 * numbers are dropped from function keys: an edit above a function must not split it in two.
 */
export function compareProfiles(before: Profile[], after: Profile[], top = 25): string {
  const side = (profiles: Profile[]) => {
    const times = profiles.map(selfTimes);
    const byFunction = times.map((t) => new Map([...t.byFunction].reduce((map, [key, value]) => {
      const name = key.replace(/:\d+$/, "");
      return map.set(name, (map.get(name) ?? 0) + value);
    }, new Map<string, number>())));
    return { total: times.reduce((sum, t) => sum + t.total / times.length, 0), byFunction: meanOf(byFunction), byPackage: meanOf(times.map((t) => t.byPackage)) };
  };
  const a = side(before);
  const b = side(after);
  const rows = (x: Map<string, number>, y: Map<string, number>) =>
    [...new Set([...x.keys(), ...y.keys()])]
      .map((key) => ({ key, before: x.get(key) ?? 0, after: y.get(key) ?? 0 }))
      .sort((p, q) => Math.abs(q.after - q.before) - Math.abs(p.after - p.before))
      .slice(0, top)
      .map((row) => `| ${(row.before / 1e6).toFixed(2)} s | ${(row.after / 1e6).toFixed(2)} s | ${row.after >= row.before ? "+" : "−"}${(Math.abs(row.after - row.before) / 1e6).toFixed(2)} s | \`${row.key}\` |`);
  return [
    `total sampled: ${(a.total / 1e6).toFixed(2)} s before, ${(b.total / 1e6).toFixed(2)} s after (means of ${before.length} and ${after.length} profiles)`,
    "", "| before | after | change | package |", "|---:|---:|---:|---|", ...rows(a.byPackage, b.byPackage),
    "", "| before | after | change | function |", "|---:|---:|---:|---|", ...rows(a.byFunction, b.byFunction),
  ].join("\n");
}

export function summarizeProfile(profile: Profile, top = 25): string {
  const { total, byFunction, byPackage } = selfTimes(profile);
  const rows = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, micros]) => `| ${(micros / 1e6).toFixed(2)} s | ${((100 * micros) / total).toFixed(1)}% | \`${name}\` |`);
  return [
    `total sampled: ${(total / 1e6).toFixed(2)} s`, "", "| self | share | package |", "|---|---|---|", ...rows(byPackage),
    "", "| self | share | function |", "|---|---|---|", ...rows(byFunction),
  ].join("\n");
}

if (process.argv[1]?.endsWith("summarize-profile.ts")) {
  const { values, positionals } = parseArgs({ options: { before: { type: "string" }, after: { type: "string" } }, allowPositionals: true });
  const load = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Profile;
  if (values.before !== undefined && values.after !== undefined) {
    console.log(compareProfiles(values.before.split(",").map(load), values.after.split(",").map(load), Number(positionals[0] ?? 25)));
  } else {
    const [file, top] = positionals;
    console.log(summarizeProfile(load(file!), Number(top ?? 25)));
  }
}
