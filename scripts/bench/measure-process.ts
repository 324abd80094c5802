/**
 * Runs one command and measures it as a whole process tree, for `npm run bench`: wall time, CPU
 * (user + system) of every process in the tree, and peak RSS of the process started and of the
 * largest process it started (Pagefind under opsnote's build; Pagefind's own Node launcher and
 * binary under `pagefind --site`).
 *
 * Exact figures come from GNU time (`/usr/bin/time`, Debian package `time`): it waits for the
 * command, and the kernel's rusage of a waited-for process counts the CPU of all its waited-for
 * descendants and, as peak RSS, the largest peak of any one of them. Which process that peak
 * belongs to is not in the rusage, so the tree is also sampled every 50 ms from /proc
 * (`/proc/PID/task/TID/children`, `VmHWM` in `/proc/PID/status`: the kernel's high-water mark of
 * that process's RSS, so a sample misses only growth in a process's last 50 ms). Linux only.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const GNU_TIME = "/usr/bin/time";
const SAMPLE_MS = 50;

export interface ProcessMeasurement {
  wallSeconds: number;
  /** User + system CPU of the whole tree. */
  cpuSeconds: number;
  /** Largest peak RSS of any one process in the tree (GNU time), else the largest sample. */
  treePeakRssBytes: number;
  /** Sampled peak RSS of the process started. */
  sampledOwnPeakRssBytes: number;
  /** Sampled peak RSS of the largest other process in the tree, 0 when none was seen. */
  sampledChildPeakRssBytes: number;
  /** Command name of that process (`/proc/PID/comm`). */
  childName: string | undefined;
  /** False when GNU time is missing: CPU and the tree's peak are then samples (lower bounds). */
  exact: boolean;
  stdout: string;
  stderr: string;
}

/** Reads GNU time's `-f "%U %S %M"` output (a failed command adds a "Command exited…" line before it). */
export function parseTimeOutput(text: string): { cpuSeconds: number; maxRssBytes: number } {
  const last = text.trim().split("\n").at(-1) ?? "";
  const fields = last.trim().split(/\s+/).map(Number);
  if (fields.length !== 3 || fields.some((field) => !Number.isFinite(field))) {
    throw new Error(`GNU time output: expected "user system maxrssKiB", got ${JSON.stringify(last)}`);
  }
  return { cpuSeconds: fields[0]! + fields[1]!, maxRssBytes: fields[2]! * 1024 };
}

interface Sample {
  name: string;
  hwmBytes: number;
  cpuTicks: number;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => (read(`/proc/${pid}/task/${task}/children`) ?? "").split(" ").filter(Boolean).map(Number));
}

function sample(pid: number): Sample | undefined {
  const status = read(`/proc/${pid}/status`);
  const stat = read(`/proc/${pid}/stat`);
  if (!status || !stat) return undefined;
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?",
    hwmBytes: hwm ? Number(hwm[1]) * 1024 : 0,
    cpuTicks: Number(fields[11]) + Number(fields[12]), // utime + stime, USER_HZ (100) ticks
  };
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function measureProcess(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<ProcessMeasurement> {
  const exact = existsSync(GNU_TIME);
  const timeFile = path.join(os.tmpdir(), `opsnote-bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = exact
    ? spawn(GNU_TIME, ["-f", "%U %S %M", "-o", timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const seen = new Map<number, Sample>();
  let ownPid: number | undefined = exact ? undefined : child.pid;
  const poll = () => {
    if (child.pid === undefined) return;
    if (ownPid === undefined) ownPid = childrenOf(child.pid)[0];
    if (ownPid === undefined) return;
    const queue = [ownPid];
    for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
      const now = sample(pid);
      if (now) {
        const before = seen.get(pid);
        seen.set(pid, { name: now.name, hwmBytes: Math.max(now.hwmBytes, before?.hwmBytes ?? 0), cpuTicks: Math.max(now.cpuTicks, before?.cpuTicks ?? 0) });
      }
      queue.push(...childrenOf(pid));
    }
  };
  const timer = setInterval(poll, SAMPLE_MS);
  poll();
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      const timeText = exact ? read(timeFile) ?? "" : "";
      rmSync(timeFile, { force: true });
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-4000) || stdout.slice(-4000)}`));
        return;
      }
      const own = ownPid === undefined ? undefined : seen.get(ownPid);
      const others = [...seen].filter(([pid]) => pid !== ownPid).map(([, s]) => s);
      const largest = others.reduce<Sample | undefined>((a, b) => (a === undefined || b.hwmBytes > a.hwmBytes ? b : a), undefined);
      const sampledPeak = Math.max(own?.hwmBytes ?? 0, largest?.hwmBytes ?? 0);
      const sampledCpu = [...seen.values()].reduce((sum, s) => sum + s.cpuTicks / 100, 0);
      const timed = exact ? parseTimeOutput(timeText) : undefined;
      resolve({
        wallSeconds,
        cpuSeconds: timed?.cpuSeconds ?? sampledCpu,
        treePeakRssBytes: timed?.maxRssBytes ?? sampledPeak,
        sampledOwnPeakRssBytes: own?.hwmBytes ?? 0,
        sampledChildPeakRssBytes: largest?.hwmBytes ?? 0,
        childName: largest?.name,
        exact,
        stdout,
        stderr,
      });
    });
  });
}

export interface PeakRss {
  /** Peak RSS of the build process itself. */
  ownBytes: number;
  /** Peak RSS of the largest process it started; `exact` false when only sampled. */
  childBytes: number;
  childExact: boolean;
}

/**
 * Splits the tree's peak between the build and its largest child. `ownExactBytes` is the build's
 * own peak when it reports it (`process.resourceUsage().maxRSS` inside opsnote's and Eleventy's
 * builds). When the tree's peak is above the build's own, it is the child's, exactly; otherwise the
 * child's is known only from the samples.
 */
export function splitPeakRss(measurement: Pick<ProcessMeasurement, "treePeakRssBytes" | "sampledOwnPeakRssBytes" | "sampledChildPeakRssBytes" | "exact">, ownExactBytes?: number): PeakRss {
  const noChildSeen = measurement.sampledChildPeakRssBytes === 0;
  let ownBytes = Math.max(ownExactBytes ?? 0, measurement.sampledOwnPeakRssBytes);
  // With no other process in the tree, the tree's exact peak is the build's own.
  if (noChildSeen && measurement.exact) ownBytes = Math.max(ownBytes, measurement.treePeakRssBytes);
  if (measurement.exact && measurement.treePeakRssBytes > ownBytes) {
    return { ownBytes, childBytes: measurement.treePeakRssBytes, childExact: true };
  }
  return { ownBytes, childBytes: measurement.sampledChildPeakRssBytes, childExact: measurement.sampledChildPeakRssBytes === 0 };
}
