/**
 * Runs a command and reports the peak RSS (VmHWM) of it and of every descendant process, polled from
 * /proc every 50 ms (Linux only). `/usr/bin/time` reports only the largest single process; this says
 * which one (the build or the Pagefind child).
 *
 *   node --import tsx scripts/search/peak-rss-tree.ts -- COMMAND ARGS...
 *
 * Prints one JSON line on stderr: { wallSeconds, processes: [{ pid, name, peakMiB }] }.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const args = process.argv.slice(process.argv.indexOf("--") + 1);
const started = performance.now();
const child = spawn(args[0]!, args.slice(1), { stdio: "inherit" });
const peaks = new Map<number, { name: string; kib: number }>();

function status(pid: string): Record<string, string> | undefined {
  try {
    return Object.fromEntries(
      readFileSync(`/proc/${pid}/status`, "utf8").split("\n").map((line) => [line.split(":")[0]!, line.slice(line.indexOf(":") + 1).trim()]),
    );
  } catch {
    return undefined;
  }
}

function poll(): void {
  const parents = new Map<string, string>();
  const all = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  const infos = new Map<string, Record<string, string>>();
  for (const pid of all) {
    const info = status(pid);
    if (info) {
      infos.set(pid, info);
      parents.set(pid, info.PPid ?? "");
    }
  }
  const isDescendant = (pid: string): boolean => {
    for (let p: string | undefined = pid, hops = 0; p && hops < 20; p = parents.get(p), hops++) if (p === String(child.pid)) return true;
    return false;
  };
  for (const [pid, info] of infos) {
    if (!isDescendant(pid)) continue;
    const kib = Number.parseInt(info.VmHWM ?? "0", 10);
    const known = peaks.get(Number(pid));
    if (!known || kib > known.kib) peaks.set(Number(pid), { name: info.Name ?? "?", kib });
  }
}

const timer = setInterval(poll, 50);
child.on("exit", (code) => {
  clearInterval(timer);
  const processes = [...peaks].map(([pid, { name, kib }]) => ({ pid, name, peakMiB: Math.round(kib / 1024) })).sort((a, b) => b.peakMiB - a.peakMiB);
  console.error(JSON.stringify({ code, wallSeconds: (performance.now() - started) / 1000, processes: processes.slice(0, 6) }));
  process.exit(code ?? 1);
});
