/**
 * A relative URL's backslashes as a browser reads them. On an http(s) page `\assets\x.png` is
 * `/assets/x.png` (WHATWG URL: `\` separates path segments of special schemes), so posts written
 * with Windows-style paths showed their images on the old site (leewr9's Minima posts:
 * `[![](\assets\posts\a.md\b.png)](\assets\posts\a.md\b.png)`, 15 images). The query and fragment
 * keep theirs; a URL with a scheme is left as written.
 * @example withBrowserSlashes("\\assets\\x.png") // "/assets/x.png"
 */
export function withBrowserSlashes(url: string): string {
  if (!url.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const end = url.search(/[?#]/);
  return end === -1 ? url.replaceAll("\\", "/") : `${url.slice(0, end).replaceAll("\\", "/")}${url.slice(end)}`;
}
