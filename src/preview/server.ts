/**
 * The preview's HTTP server: serves the built folder, injects live reload, and streams build events.
 * Node's own `http` is enough here; what it adds over a static server is containment (see
 * safe-path.ts), the error panel and the event stream.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { resolveRequestPath } from "./safe-path.ts";
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";
import { EVENTS_PATH, buildEventData, errorPage, injectPreview } from "./live-reload.ts";

export interface BuildState {
  /** Changes after every build, successful or not. */
  id: string;
  /** Messages of the last build when it failed; empty when it succeeded. */
  errors: string[];
  /** True once any build has written the folder. */
  hasOutput: boolean;
  /** Errors `check` found in the last build that a production build would stop on. */
  problems?: string[];
}

export interface PreviewServerOptions {
  root: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** @default 8080 */
  port?: number;
  state: () => BuildState;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

async function fileFor(resolved: string): Promise<string | undefined> {
  for (const candidate of [resolved, path.join(resolved, "index.html"), `${resolved}.html`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

export interface PreviewServer {
  url: string;
  /**
   * Tells every open page that a build finished. With `pages` (paths in the output folder such as
   * `/devops/x/index.html`) only those pages reload; without, every page does.
   */
  announce(pages?: readonly string[]): void;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? "127.0.0.1";
  const root = path.resolve(options.root);
  const clients = new Set<http.ServerResponse>();

  const sendHtml = (res: http.ServerResponse, status: number, html: string) => {
    res.writeHead(status, { "content-type": TYPES[".html"]!, "cache-control": "no-store" });
    res.end(html);
  };

  const server = http.createServer(async (req, res) => {
    const state = options.state();
    const url = req.url ?? "/";
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (url.split("?")[0] === EVENTS_PATH) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(`retry: 500\n`);
      if (state.hasOutput || state.errors.length > 0) res.write(`event: build\ndata: ${state.id}\n\n`);
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    const resolved = resolveRequestPath(root, url);
    if (resolved === undefined) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`400 ${strings.preview.badPath}\n`);
      return;
    }
    if (!state.hasOutput) {
      sendHtml(res, state.errors.length > 0 ? 500 : 503, errorPage(state.id, state.errors.length > 0 ? state.errors : [strings.preview.firstBuild]));
      return;
    }
    const file = await fileFor(resolved);
    if (file === undefined) {
      const notFound = await fileFor(path.join(root, "404.html"));
      const body = notFound ? await readFile(notFound, "utf8") : `<!doctype html><html lang="${site.language}"><head><meta charset="utf-8"><title>404</title></head><body><h1>404</h1></body></html>`;
      // The page may appear with the next build: reload on every build.
      sendHtml(res, 404, injectPreview(body, state.id, state.errors, state.problems, { reloadOnAnyBuild: true }));
      return;
    }
    // A folder URL without its slash: redirect, so relative links in the page resolve.
    if (file.endsWith(`${path.sep}index.html`) && !url.split("?")[0]!.endsWith("/") && file !== resolved) {
      res.writeHead(301, { location: `${url.split("?")[0]}/` }).end();
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    if (type.startsWith("text/html")) {
      sendHtml(res, 200, injectPreview(await readFile(file, "utf8"), state.id, state.errors, state.problems));
      return;
    }
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });

  const port = options.port ?? 8080;
  await listenWithRetry(server, port, host);
  // The port bound, which differs from the one asked for with `--port 0`.
  const bound = (server.address() as { port: number }).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}/`,
    announce(pages) {
      const data = buildEventData(options.state().id, pages);
      for (const client of clients) client.write(`event: build\ndata: ${data}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export class PortError extends Error {
  override name = "PortError";
}

/**
 * Binds the port, retrying for a moment: after a `src/**` edit the previous preview process may
 * still be releasing it. It never moves to another port silently.
 */
async function listenWithRetry(server: http.Server, port: number, host: string, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off("listening", onListening);
          reject(error);
        };
        const onListening = () => {
          server.off("error", onError);
          resolve();
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(port, host);
      });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" || attempt >= attempts) {
        throw new PortError(code === "EADDRINUSE" ? `port ${port} on ${host} is in use; choose another with --port` : String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
