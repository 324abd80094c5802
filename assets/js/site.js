// @ts-check
/**
 * The page's small script (deferred module): theme toggle, copy buttons on code blocks, and the
 * search entry points. Search itself (search.js, Pagefind's client and WASM) loads only when the
 * reader opens it. Without JavaScript the page is complete; these only add tools.
 */

const root = document.documentElement;
const ui = /** @type {Record<string, string>} */ (JSON.parse(document.getElementById("opsnote-ui")?.dataset.strings || "{}"));
const THEME_KEY = "opsnote-theme";
const THEMES = /** @type {const} */ (["system", "light", "dark"]);

/* ---------- Theme: system -> light -> dark -> system ---------- */

function currentTheme() {
  const theme = root.getAttribute("data-theme");
  return theme === "light" || theme === "dark" ? theme : "system";
}

/** @param {HTMLElement} button */
function labelThemeButton(button) {
  const theme = currentTheme();
  const label = ui[`theme${theme[0]?.toUpperCase()}${theme.slice(1)}`] ?? theme;
  button.setAttribute("aria-label", label);
  button.title = label;
}

for (const button of document.querySelectorAll("[data-theme-toggle]")) {
  if (!(button instanceof HTMLElement)) continue;
  labelThemeButton(button);
  button.addEventListener("click", () => {
    const next = THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length] ?? "system";
    if (next === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", next);
    try {
      if (next === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered when storage is blocked; the choice still applies to this page.
    }
    labelThemeButton(button);
  });
}

/* ---------- Copy buttons ---------- */

/**
 * The text a block's copy button copies. For a shell session, only the commands: the build marked
 * prompts (`.prompt`) and output lines (`.output`), see src/markdown/console-session.ts.
 * @param {Element} block
 */
function textToCopy(block) {
  const code = block.querySelector("pre code");
  if (!code) return "";
  if (block.getAttribute("data-copy") !== "commands") return code.textContent ?? "";
  return [...code.querySelectorAll(".line:not(.output)")]
    .map((line) => [...line.childNodes].filter((node) => !(node instanceof Element && node.classList.contains("prompt"))).map((node) => node.textContent).join(""))
    .join("\n");
}

for (const block of document.querySelectorAll(".code-block")) {
  const header = block.querySelector(".code-block__header");
  if (!header) continue;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "code-block__copy";
  button.textContent = ui.copy ?? "Copy";
  button.setAttribute("aria-label", (block.getAttribute("data-copy") === "commands" ? ui.copyCommandsLabel : ui.copyLabel) ?? "Copy");
  let timer = 0;
  button.addEventListener("click", async () => {
    let message = ui.copied ?? "Copied";
    try {
      await navigator.clipboard.writeText(textToCopy(block));
    } catch {
      message = ui.copyFailed ?? "Copy failed";
    }
    button.textContent = message;
    button.setAttribute("data-state", "done");
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      button.textContent = ui.copy ?? "Copy";
      button.removeAttribute("data-state");
    }, 2000);
  });
  header.append(button);
}

/* ---------- Search: loaded on first use ---------- */

/** @type {Promise<typeof import("./search.js")> | undefined} */
let searchModule;

/** @param {string} [query] typed elsewhere (the 404 page's box): searched for at once */
async function openSearch(query) {
  searchModule ??= import("./search.js");
  (await searchModule).openSearch(ui);
  const input = document.getElementById("search-input");
  if (query && input instanceof HTMLInputElement) {
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

for (const button of document.querySelectorAll("[data-search-open]")) button.addEventListener("click", () => void openSearch());
for (const form of document.querySelectorAll("form[data-search-form]")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void openSearch(String(new FormData(/** @type {HTMLFormElement} */ (form)).get("q") ?? "").trim());
  });
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const target = /** @type {HTMLElement | null} */ (event.target);
  if (target && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  event.preventDefault();
  void openSearch();
});

/* ---------- Offline mode: the service worker, only when the site turned it on ---------- */

const workerUrl = document.getElementById("opsnote-ui")?.dataset.serviceWorker;
if ("serviceWorker" in navigator) {
  if (workerUrl) {
    navigator.serviceWorker.register(workerUrl).catch(() => undefined);
  } else if (navigator.serviceWorker.controller) {
    // Offline mode was turned off after this browser kept the site: remove the worker and its copies,
    // or the old worker would keep serving the old assets. (The page that runs this may still be a kept
    // copy; the next visit comes from the network.)
    void (async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations()) {
        if (/\/sw\.js$/.test(registration.active?.scriptURL ?? "") && location.href.startsWith(registration.scope)) await registration.unregister();
      }
      for (const key of await caches.keys()) if (key.startsWith("opsnote-")) await caches.delete(key);
    })().catch(() => undefined);
  }
}
