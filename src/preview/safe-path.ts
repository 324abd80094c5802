/**
 * Maps a request path to a file inside the served folder, or to nothing. The preview server must
 * never read outside its folder, however the path is spelled: `..`, `%2e%2e`, `%2f`, backslashes,
 * NUL bytes, or doubly encoded variants.
 */
import path from "node:path";

/**
 * @returns the absolute file path inside `root`, or `undefined` when the request is malformed or
 *   would leave `root`. The result may not exist.
 */
export function resolveRequestPath(root: string, requestPath: string): string | undefined {
  const pathname = requestPath.split(/[?#]/)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  // A decoded path that still holds escapes was encoded twice: no real page has such a name.
  if (/%[0-9a-f]{2}/i.test(decoded) || decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const segments = decoded.normalize("NFC").split("/");
  if (segments.some((segment) => segment === "..")) return undefined;
  const absoluteRoot = path.resolve(root);
  const resolved = path.resolve(absoluteRoot, `.${path.posix.normalize(`/${segments.join("/")}`)}`);
  if (resolved !== absoluteRoot && !resolved.startsWith(absoluteRoot + path.sep)) return undefined;
  return resolved;
}
