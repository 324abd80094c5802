/**
 * Live reload for the preview: a tiny EventSource client injected into every HTML page, and the
 * error panel shown in the page while the last build is broken.
 */
import { site } from "../site.ts";
import { strings } from "../ui/strings.ts";

export const EVENTS_PATH = "/__opsnote/events";

/**
 * Reloads when the server announces a build id it has not shown yet. A build that changed only some
 * pages names them (see `buildEventData`); a page that is not among them stays, and takes the new id
 * as its own so that it does not reload when it reconnects. A page marked `data-opsnote-reload="any"`
 * (a 404 page, the first-build error page) reloads on every build. EventSource reconnects by
 * itself, so this also survives the server process restarting after a `src/**` edit.
 */
export const CLIENT_SCRIPT = `<script type="module">
const root = document.documentElement;
let shown = root.dataset.opsnoteBuild;
const path = decodeURIComponent(location.pathname).normalize("NFC");
const files = path.endsWith("/") ? [path + "index.html"] : [path, path + "/index.html", path + ".html"];
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
events.addEventListener("build", (event) => {
  const space = event.data.indexOf(" ");
  const id = space === -1 ? event.data : event.data.slice(0, space);
  if (id === shown) return;
  const pages = space === -1 ? undefined : JSON.parse(event.data.slice(space + 1));
  if (pages === undefined || root.dataset.opsnoteReload === "any" || files.some((file) => pages.includes(file))) location.reload();
  else shown = id;
});
</script>`;

/**
 * The `data:` of a build event: the build id, then (when only some pages changed) a JSON list of
 * their paths in the output folder, `/devops/x/index.html`.
 */
export function buildEventData(id: string, pages?: readonly string[]): string {
  return pages === undefined ? id : `${id} ${JSON.stringify(pages)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const BUILD_FAILED_HEADING = strings.preview.buildFailed;
export const CHECK_FAILED_HEADING = strings.preview.checkFailed;

export function errorPanel(lines: readonly string[], heading = BUILD_FAILED_HEADING): string {
  return `<div id="opsnote-build-error" role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:1rem 1.25rem;background:#fff0f0;color:#6b0000;border-bottom:3px solid #c00;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;word-break:break-all">` +
    `<strong>${escapeHtml(heading)}</strong>\n${lines.map(escapeHtml).join("\n")}</div>`;
}

/**
 * Adds the build id, the reload client and, when the build is broken, the error panel; when the
 * build succeeded but `check` found errors (`problems`), a panel saying a production build would fail.
 */
export function injectPreview(
  html: string, buildId: string, errors: readonly string[], problems: readonly string[] = [], { reloadOnAnyBuild = false } = {},
): string {
  const reload = reloadOnAnyBuild ? ` data-opsnote-reload="any"` : "";
  let out = html.replace(/<html\b/i, `<html data-opsnote-build="${escapeHtml(buildId)}"${reload}`);
  const panel = errors.length > 0
    ? errorPanel([...new Set([...errors, ...problems])])
    : problems.length > 0 ? errorPanel(problems, CHECK_FAILED_HEADING) : "";
  if (panel !== "") out = out.replace(/<body\b[^>]*>/i, (body) => `${body}${panel}`);
  return /<\/body>/i.test(out) ? out.replace(/<\/body>/i, `${CLIENT_SCRIPT}</body>`) : out + CLIENT_SCRIPT;
}

/** The page served for any URL while no build has ever succeeded. */
export function errorPage(buildId: string, errors: readonly string[]): string {
  return injectPreview(`<!doctype html><html lang="${escapeHtml(site.language)}"><head><meta charset="utf-8"><title>${escapeHtml(strings.preview.buildFailedTitle)} · opsnote</title></head><body></body></html>`, buildId, errors, [], { reloadOnAnyBuild: true });
}
