/**
 * Post URLs from a Jekyll-style pattern: `/:categories/:title/`, `/:year/:month/:day/:title/`, …,
 * and `:path`, the file's folders inside the posts folder (a Hugo or Zola section), one slug each,
 * and Hugo's `:filename` (the file's name, its date kept) and `:slugorfilename` (Hugo's default URL).
 * Every value becomes a safe path segment: a post can never produce `..`, a backslash or an empty
 * segment, whatever its front matter says.
 */
import { FILE_NAME_DATE, type WallClock } from "./dates.ts";
import { termSlug } from "../slug/slugify.ts";

export interface PermalinkValues {
  /** Category slugs, outermost first. */
  categories: string[];
  date: WallClock;
  /** The post's slug: its file name without the date prefix and extension. */
  title: string;
  /**
   * The folders of the file inside the posts folder, outermost first (a page bundle's own folder
   * left out): `rust/chapter3/1_x.md` -> `["rust", "chapter3"]`, for `:path`. @default []
   */
  folders?: string[];
  /** The file's name with its date kept (`2025-03-23-istio`), for `:filename`. @default title */
  fileName?: string;
  /** The front matter's `slug`, when it has one, for `:slugorfilename`. */
  ownSlug?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Decodes until nothing changes (at most a few rounds): `%252e%252e` is `..` once a server or a
 * browser has decoded it twice, so it must be judged as `..`, not written as a folder `%2e%2e`.
 */
function decodeFully(segment: string): string {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    // Run by run, so one malformed escape (`%`, `%zz`) does not keep the others encoded.
    const next = current.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** Splits a path into segments, dropping empty, `.` and `..` ones, and reading `\` as `/`. */
function safeSegments(pathText: string): string[] {
  return pathText
    .replace(/\\/g, "/")
    .split("/")
    .map(decodeFully)
    .flatMap((segment) => segment.replace(/\\/g, "/").split("/"))
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** Expands a pattern into a root-relative URL ending in `/` (or in a file name such as `.html`). */
export function expandPermalink(pattern: string, values: PermalinkValues): string {
  const tokens: Record<string, string> = {
    categories: values.categories.join("/"),
    year: String(values.date.year),
    month: pad(values.date.month),
    i_month: String(values.date.month),
    day: pad(values.date.day),
    i_day: String(values.date.day),
    short_year: pad(values.date.year % 100),
    title: values.title,
    slug: values.title,
    // Hugo/Zola URLs keep the section folders (`/rust/chapter3/…`); `:sections` is Hugo's name for it.
    path: (values.folders ?? []).map(termSlug).join("/"),
    sections: (values.folders ?? []).map(termSlug).join("/"),
    // Hugo's names: its URLs keep a file name's date (`/posts/2025-03-23-istio/`), and its default
    // URL is the front matter's slug, else the file name.
    filename: values.fileName ?? values.title,
    slugorfilename: values.ownSlug ?? values.fileName ?? values.title,
  };
  const expanded = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => tokens[name] ?? whole);
  const segments = safeSegments(expanded);
  const last = segments.at(-1) ?? "";
  const isFile = /\.[a-z0-9]+$/i.test(last);
  return `/${segments.join("/")}${segments.length > 0 && !isFile ? "/" : ""}`;
}

/** `2021-04-13-kubernetes-intro.md` -> `kubernetes-intro`; `my-post/index.md` -> `my-post`. */
export function postSlugFromPath(inputPath: string): string {
  return termSlug(fileNameOf(inputPath).replace(FILE_NAME_DATE, ""));
}

/** `2021-04-13-kubernetes-intro.md` -> `2021-04-13-kubernetes-intro` (the date kept, for `:filename`). */
export function fileNameSlugFromPath(inputPath: string): string {
  return termSlug(fileNameOf(inputPath));
}

/** The post's name: the file's without its extension, a bundle's folder's for `index.md`. */
function fileNameOf(inputPath: string): string {
  const parts = inputPath.replace(/\\/g, "/").split("/");
  const name = (parts.at(-1) ?? "").replace(/\.(md|markdown)$/i, "");
  return name.toLowerCase() === "index" && parts.length > 1 ? parts.at(-2) ?? name : name;
}

/** `rust/chapter3/1_x.md` -> `["rust", "chapter3"]`; a page bundle `notes/helm/index.md` -> `["notes"]`. */
export function foldersOfPost(relativePath: string): string[] {
  const parts = relativePath.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== "." && part !== "..");
  const isBundle = parts.length > 1 && /^index\.(md|markdown)$/i.test(parts.at(-1)!);
  return parts.slice(0, isBundle ? -2 : -1);
}
