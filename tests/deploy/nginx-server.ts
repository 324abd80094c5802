/**
 * Starts the system's nginx with the project's `deploy/nginx.conf` over a folder, on 127.0.0.1 and a free
 * port, as the current user. Only the lines the config marks `# test:` are changed (port, site folder,
 * writable paths), so the test exercises the same locations, headers and cache rules as the container.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const NGINX_BINARY = "/usr/sbin/nginx";
export const NGINX_CONF = path.resolve("deploy/nginx.conf");

/** How long nginx may take to answer its first request, and to exit after SIGTERM. */
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LocalNginxOptions {
  port: number;
  /** Folder served as the site root. */
  root: string;
  /** Folder for the pid file, logs and temp folders. */
  runDir: string;
}

/**
 * Rewrites the container config for a local run. Every `# test:` line must be rewritten, so a new
 * container-only path in the config fails the test instead of being used silently.
 */
export function localizeNginxConf(conf: string, { port, root, runDir }: LocalNginxOptions): string {
  const rules: [RegExp, string][] = [
    [/\blisten 8080;/, `listen 127.0.0.1:${port};`],
    [/\broot \/usr\/share\/nginx\/html;/, `root "${root}";`],
    [/\/dev\/stderr/, path.join(runDir, "error.log")],
    [/\/dev\/stdout/, path.join(runDir, "access.log")],
    [/\/tmp\//, `${runDir}/`],
  ];
  const lines = conf.split("\n").map((line, index) => {
    if (!line.includes("# test:")) return line;
    const rule = rules.find(([pattern]) => pattern.test(line));
    if (!rule) throw new Error(`deploy/nginx.conf:${index + 1}: a "# test:" line localizeNginxConf does not understand: ${line.trim()}`);
    return line.replace(rule[0], rule[1]);
  });
  // As root, nginx would hand requests to an unprivileged worker user that cannot read the temp folders.
  const user = process.getuid?.() === 0 ? [`user ${userInfo().username};`] : [];
  return [...user, ...lines].join("\n");
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for nginx). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningNginx {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The error log so far (for failure messages). */
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startNginx(root: string): Promise<RunningNginx> {
  const runDir = await mkdtemp(path.join(tmpdir(), "opsnote-nginx-"));
  const port = await findFreePort();
  const conf = path.join(runDir, "nginx.conf");
  await writeFile(conf, localizeNginxConf(await readFile(NGINX_CONF, "utf8"), { port, root, runDir }));

  // `-e` keeps the error log out of /var/log before the config is read; its own process group lets
  // stop() reach the workers too.
  const child = spawn(NGINX_BINARY, ["-p", runDir, "-c", conf, "-e", path.join(runDir, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const errorLog = async () => {
    const file = path.join(runDir, "error.log");
    return `${stderr}${existsSync(file) ? await readFile(file, "utf8") : ""}`;
  };
  const origin = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, "SIGTERM");
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        process.kill(-child.pid, "SIGKILL");
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    await rm(runDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${await errorLog()}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return { origin, errorLog, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx did not answer on ${origin} within ${START_TIMEOUT_MS} ms:\n${await errorLog()}`);
}
