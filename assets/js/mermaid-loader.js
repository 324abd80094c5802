// @ts-check
/**
 * Draws the page's Mermaid diagrams. Only pages with a ```mermaid fence load this file (the build
 * marks them, src/markdown/mermaid.ts), and Mermaid itself (several hundred kB, served by the site
 * from /assets/vendor/mermaid/) is imported only when a diagram comes near the viewport.
 *
 * Each `<pre class="mermaid">` holds the diagram's source, which a reader without JavaScript sees.
 * Drawn, it holds the SVG and `data-rendered="light|dark"`; a diagram Mermaid cannot read keeps its
 * source with `data-rendered="error"`. The diagrams follow the site's theme (light, dark, or the
 * system's, see theme-init.js and site.js) and are drawn again when it changes.
 */

const root = document.documentElement;
const systemDark = matchMedia("(prefers-color-scheme: dark)");
const diagrams = [...document.querySelectorAll("pre.mermaid")].filter((node) => node instanceof HTMLElement);
/** The sources as the build wrote them: drawing replaces the element's text. */
const sources = new Map(diagrams.map((pre) => [pre, pre.textContent ?? ""]));

/** @returns {"light" | "dark"} */
function currentTheme() {
  const chosen = root.getAttribute("data-theme");
  if (chosen === "light" || chosen === "dark") return chosen;
  return systemDark.matches ? "dark" : "light";
}

/** Relative to this file, so a site under a path prefix (/blog/assets/…) finds it too. */
const MERMAID_URL = new URL("../vendor/mermaid/mermaid.esm.min.js", import.meta.url).href;
/** @type {Promise<any> | undefined} */
let mermaidModule;
/** @type {string | undefined} */
let configuredTheme;
let renderCount = 0;
/** Mermaid measures text in the live document: one diagram at a time. */
let queue = Promise.resolve();

function loadMermaid() {
  mermaidModule ??= import(MERMAID_URL).then((module) => module.default);
  return mermaidModule;
}

/** @param {HTMLElement} pre */
async function draw(pre) {
  const mermaid = await loadMermaid();
  const theme = currentTheme();
  if (configuredTheme !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict", // labels are text, no click handlers: a post cannot script the page
      suppressErrorRendering: true, // an unreadable diagram keeps its source instead of Mermaid's error picture
      // A sequence diagram's `links` menu opens through an onclick attribute, which the CSP refuses (and strict
      // sanitising removes): drawn open instead, the links stay reachable and no violation is logged.
      sequence: { forceMenus: true },
      theme: theme === "dark" ? "dark" : "default",
      // Mermaid's dark edge labels are #ccc on #585858 (4.0:1); a darker band makes them 4.5:1 and more.
      themeVariables: theme === "dark" ? { edgeLabelBackground: "#30363d" } : {},
      fontFamily: getComputedStyle(document.body).fontFamily, // the page's font, which has Hangul
    });
    configuredTheme = theme;
  }
  const source = sources.get(pre) ?? "";
  try {
    const { svg, bindFunctions } = await mermaid.render(`mermaid-diagram-${++renderCount}`, source);
    pre.innerHTML = svg;
    bindFunctions?.(pre);
    pre.removeAttribute("title");
    pre.dataset.rendered = theme;
  } catch (error) {
    pre.textContent = source;
    pre.title = error instanceof Error ? error.message : String(error);
    pre.dataset.rendered = "error";
  }
}

/** @param {HTMLElement} pre */
function enqueue(pre) {
  queue = queue.then(() => draw(pre)).catch(() => {
    // Mermaid failed to load: the sources stay on the page as they are.
  });
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting || !(entry.target instanceof HTMLElement)) continue;
    observer.unobserve(entry.target);
    enqueue(entry.target);
  }
}, { rootMargin: "300px 0px" });
for (const pre of diagrams) observer.observe(pre);

/** After a theme change: draw again the diagrams already drawn in the other theme. */
function followTheme() {
  const theme = currentTheme();
  for (const pre of diagrams) {
    const drawn = pre.dataset.rendered;
    if ((drawn === "light" || drawn === "dark") && drawn !== theme) enqueue(pre);
  }
}
new MutationObserver(followTheme).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
systemDark.addEventListener("change", followTheme);
