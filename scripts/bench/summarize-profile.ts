/**
 * Summarises a `node --cpu-prof` profile: self time by function and by package, so a benchmark
 * report can say where the remaining cost is.   tsx scripts/bench/summarize-profile.ts FILE.cpuprofile [TOP]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
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

export function summarizeProfile(profile: Profile, top = 25): string {
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
  const rows = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, micros]) => `| ${(micros / 1e6).toFixed(2)} s | ${((100 * micros) / total).toFixed(1)}% | \`${name}\` |`);
  return [
    `total sampled: ${(total / 1e6).toFixed(2)} s`, "", "| self | share | package |", "|---|---|---|", ...rows(byPackage),
    "", "| self | share | function |", "|---|---|---|", ...rows(byFunction),
  ].join("\n");
}

if (process.argv[1]?.endsWith("summarize-profile.ts")) {
  const [file, top] = process.argv.slice(2);
  console.log(summarizeProfile(JSON.parse(readFileSync(file!, "utf8")) as Profile, Number(top ?? 25)));
}
