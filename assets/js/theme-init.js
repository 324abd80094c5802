/*
 * Runs in <head>, blocking, before the first paint: applies the reader's saved theme so the page
 * never flashes the other one, and marks the page as scripted (`.js`) so the header shows the
 * buttons only where they work. "system" is the absence of data-theme: the stylesheet then
 * follows prefers-color-scheme. An external file, because the CSP allows no inline script.
 */
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = localStorage.getItem("opsnote-theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (error) {
    // Storage blocked (privacy mode): the system theme applies.
  }
})();
