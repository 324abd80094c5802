// @ts-check
/**
 * Post pages' script (deferred module): the copy-link button, and the comments widget, whose
 * third-party script is requested only when the comments section comes near the viewport, with the
 * reader's theme, and told when the reader changes theme. A page without a comments section loads
 * nothing from another site.
 */

const root = document.documentElement;

/* ---------- Copy link ---------- */

for (const button of document.querySelectorAll("[data-copy-link]")) {
  if (!(button instanceof HTMLButtonElement)) continue;
  const label = button.textContent ?? "";
  let timer = 0;
  button.hidden = false;
  button.addEventListener("click", async () => {
    let message = button.dataset.copied ?? "Copied";
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink ?? location.href);
    } catch {
      message = button.dataset.copyFailed ?? "Copy failed";
    }
    button.textContent = message;
    button.setAttribute("data-state", "done");
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      button.textContent = label;
      button.removeAttribute("data-state");
    }, 2000);
  });
}

/* ---------- Comments ---------- */

/** Held for the page's life: a MediaQueryList nobody references may be collected with its listener. */
const darkScheme = matchMedia("(prefers-color-scheme: dark)");

/** The theme the page shows now: the reader's choice (site.js sets data-theme), else the system's. */
function shownTheme() {
  const chosen = root.getAttribute("data-theme");
  if (chosen === "light" || chosen === "dark") return chosen;
  return darkScheme.matches ? "dark" : "light";
}

/** Each provider's theme names, and how to tell its frame about a new theme. */
const PROVIDERS = /** @type {const} */ ({
  giscus: {
    origin: "https://giscus.app",
    themeAttribute: "data-theme",
    theme: (/** @type {"light" | "dark"} */ theme) => theme,
    frame: "iframe.giscus-frame",
    message: (/** @type {string} */ theme) => ({ giscus: { setConfig: { theme } } }),
  },
  utterances: {
    origin: "https://utteranc.es",
    themeAttribute: "theme",
    theme: (/** @type {"light" | "dark"} */ theme) => (theme === "dark" ? "github-dark" : "github-light"),
    frame: "iframe.utterances-frame",
    message: (/** @type {string} */ theme) => ({ type: "set-theme", theme }),
  },
});

/** @param {HTMLElement} section */
function loadComments(section) {
  const provider = section.dataset.comments;
  const src = section.dataset.commentsSrc;
  if (!src) return;
  const script = document.createElement("script");
  script.src = src;
  script.async = true;
  /** @type {Record<string, string>} */
  let attributes = {};
  try {
    attributes = JSON.parse(section.dataset.commentsAttributes ?? "{}");
  } catch {
    // Written by opsnote as JSON; nothing to fall back to but the defaults of the provider.
  }
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  if (provider === "giscus" || provider === "utterances") {
    const spec = PROVIDERS[provider];
    const initial = shownTheme();
    script.setAttribute(spec.themeAttribute, spec.theme(initial));
    syncTheme(section, spec, initial);
  }
  if (provider === "disqus") script.setAttribute("data-timestamp", String(Date.now()));
  section.append(script);
}

/**
 * Tells the provider's frame the new theme whenever the page's theme changes: the reader's toggle
 * (data-theme on <html>) or the system's setting while the page follows it. A change while the
 * frame is still loading would be lost, so the frame is told again once it has loaded.
 * @param {HTMLElement} section
 * @param {(typeof PROVIDERS)[keyof typeof PROVIDERS]} spec
 * @param {"light" | "dark"} initial the theme the widget was created with
 */
function syncTheme(section, spec, initial) {
  let last = initial;
  const send = () => {
    const frame = section.querySelector(spec.frame);
    if (frame instanceof HTMLIFrameElement) frame.contentWindow?.postMessage(spec.message(spec.theme(last)), spec.origin);
  };
  const update = () => {
    const theme = shownTheme();
    if (theme === last) return;
    last = theme;
    send();
  };
  new MutationObserver(update).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  darkScheme.addEventListener("change", update);
  const frames = new MutationObserver(() => {
    const frame = section.querySelector(spec.frame);
    if (!(frame instanceof HTMLIFrameElement)) return;
    frames.disconnect();
    frame.addEventListener("load", () => {
      if (last !== initial) send();
    });
  });
  frames.observe(section, { childList: true, subtree: true });
}

const section = document.querySelector("[data-comments]");
if (section instanceof HTMLElement) {
  // Start loading a screen ahead, so the widget is there by the time the reader scrolls to it.
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    loadComments(section);
  }, { rootMargin: "600px 0px" });
  observer.observe(section);
}
