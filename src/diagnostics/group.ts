/**
 * Many problems, few lines: a migrated blog has hundreds of identical broken links (its old
 * `/posts/<slug>/` URLs, its `/images/` folder), and one line per link hides the one setting that
 * fixes them all. Problems are grouped by kind and by the shape of their target (the URL pattern
 * of existing posts it matches, else its first path segment), each group printed as one line: the
 * count, what it is, the one fix, and up to three examples.
 */
import { expandPermalink, type PermalinkValues } from "../content/permalink.ts";
import { displayPath, type Diagnostic } from "./diagnostic.ts";
import { DIAGNOSTIC_KINDS, type DiagnosticKind } from "./kinds.ts";

/** Where the blogger's settings live, named in fixes. */
export const SETTINGS_FILE = "opsnote.config.yaml";

/** What grouping may know about the site: the posts, to recognise their URLs under another pattern. */
export interface GroupContext {
  posts?: readonly (PermalinkValues & { url: string })[];
  /** The site's permalink pattern: a suggestion equal to it is no suggestion. */
  permalink?: string;
  /** Top-level folders of the project (beside the posts folder), e.g. `images`: they exist, unserved. */
  folders?: ReadonlySet<string>;
  /** First URL segments the site serves files from (`staticDirs`, and `static/`'s sub-folders). */
  served?: ReadonlySet<string>;
  /**
   * How many of the posts' internal links reach a post at its URL. When they outnumber the links
   * another pattern would fix, the site's permalink is right and those links name URLs the posts had
   * before (BlueHorn07: 4 links to `/computer_science/<year>/…`, from before a permalink change, were
   * answered with "set permalink: /computer_science/:year/:month/:day/:title/", which would have moved
   * all 537 posts): the fix is a redirect.
   */
  linksToPosts?: number;
}

export interface DiagnosticGroup {
  kind: DiagnosticKind;
  /** The target's shape, e.g. `/posts/<slug>/`, `/images/…`; empty when the kind says it all. */
  shape: string;
  /** The permalink pattern under which the group's URLs are existing posts' URLs. */
  permalink?: string;
  /** That pattern is what the posts' URLs were (see `GroupContext.linksToPosts`): redirects fix the group. */
  former?: boolean;
  diagnostics: Diagnostic[];
  /** One line: count, what, fix, examples. */
  text: string;
}

const EXAMPLES = 3;
const PLACEHOLDER: Record<string, string> = { title: "<slug>", slug: "<slug>", year: "<year>", month: "<month>", day: "<day>", categories: "<categories>" };
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The permalink pattern under which `url` is the URL of one of `posts`, or undefined: each segment
 * that spells the post's slug, year, month, day or categories becomes its token, and the pattern
 * must expand back to `url` for that post.
 */
export function permalinkMatching(url: string, posts: readonly (PermalinkValues & { url: string })[]): string | undefined {
  const segments = url.split("/").filter((s) => s !== "");
  if (segments.length === 0) return undefined;
  const withSlash = url.endsWith("/") ? url : `${url}/`;
  for (const post of posts) {
    const slugAt = segments.findIndex((segment) => segment === post.title || segment.replace(/\.html?$/i, "") === post.title);
    // The slug ends a post's URL (or comes before its `index.html`): in `/study/other-post/` the
    // post whose slug is `study` is a section's name, and `/:title/other-post/` no pattern.
    const after = segments.slice(slugAt + 1);
    if (slugAt === -1 || !(after.length === 0 || (after.length === 1 && /^index\.html?$/i.test(after[0]!)))) continue;
    const categories = post.categories.join("/");
    // Year, month and day are read in that order, each once: `/2021/05/01/` is not `:day/:day`.
    const dateParts = [[String(post.date.year), ":year"], [pad(post.date.month), ":month"], [pad(post.date.day), ":day"]];
    let next = 0;
    const tokens = segments.map((segment, i) => {
      if (i === slugAt) return segment.replace(post.title, ":title");
      if (next < dateParts.length && segment === dateParts[next]![0]) return dateParts[next++]![1]!;
      return segment;
    });
    // A date left as written is another post's date, not a pattern.
    if (tokens.some((token) => /^\d+$/.test(token))) continue;
    // A link written without its trailing slash (`/k8s/intro`) suggests the pattern's usual form (`…/`).
    const hasExtension = /\.[a-z0-9]+$/i.test(segments.at(-1)!);
    let pattern = `/${tokens.join("/")}${url.endsWith("/") || !hasExtension ? "/" : ""}`;
    if (categories !== "" && pattern.includes(`/${categories}/`)) pattern = pattern.replace(`/${categories}/`, "/:categories/");
    const expanded = expandPermalink(pattern, post);
    if (expanded === url || expanded === withSlash) return pattern;
  }
  return undefined;
}

function shapeOfPattern(pattern: string): string {
  return pattern.replace(/:([a-z_]+)/g, (whole, name: string) => PLACEHOLDER[name] ?? whole);
}

/** `/images/a/b.png` -> `/images/…`; `/x.png` -> `/` (the site root). */
function firstSegment(target: string): string {
  const segments = target.split("/").filter((s) => s !== "");
  return segments.length <= 1 ? "/" : `/${segments[0]}/…`;
}

function keyOf(d: Diagnostic, context: GroupContext): { shape: string; permalink?: string } {
  const target = d.target ?? "";
  switch (d.kind) {
    case "broken-link":
    case "missing-file":
    case "missing-image": {
      if (!target.startsWith("/")) return { shape: "beside their posts" };
      const permalink = d.kind === "broken-link" ? permalinkMatching(target.split("#")[0]!, context.posts ?? []) : undefined;
      if (permalink !== undefined && permalink !== context.permalink) return { shape: shapeOfPattern(permalink), permalink };
      return { shape: firstSegment(target) };
    }
    default:
      return { shape: "" };
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(kind: DiagnosticKind, shape: string, n: number): string {
  const where = shape === "beside their posts" ? "beside their posts" : shape === "/" ? "at the site root" : `under ${shape}`;
  switch (kind) {
    case "broken-link":
      return `${count(n, "link points", "links point")} to ${shape === "/" ? "pages at the site root" : shape} that no post or page has`;
    case "missing-image":
      return `${count(n, "image", "images")} ${where} ${n === 1 ? "is" : "are"} missing`;
    case "missing-file":
      return `${count(n, "linked file", "linked files")} ${where} ${n === 1 ? "is" : "are"} missing`;
    case "unknown-anchor":
      return `${count(n, "link names", "links name")} a heading id that no heading has`;
    case "unknown-post-file":
      return `${count(n, "link names a .md file that is", "links name .md files that are")} not a post`;
    case "post-url":
      return `${count(n, "{% post_url %} names", "{% post_url %} tags name")} no post`;
    case "unpublished-target":
      return `${count(n, "link points", "links point")} to a draft or scheduled post`;
    case "quoted-url":
      return `${count(n, "link or image has its URL", "links or images have their URL")} in quotes`;
    case "bad-external-link":
      return `${count(n, "external URL is", "external URLs are")} malformed`;
    case "unencodable-image":
      return `${count(n, "image has", "images have")} no AVIF/WebP copies (sharp could not read ${n === 1 ? "it" : "them"})`;
    case "undated":
      return `${count(n, "post has", "posts have")} no date (dated from git or the file's time)`;
    case "url-clash":
      return `${count(n, "URL is", "URLs are")} written by two pages`;
    case "unpublished-url-clash":
      return `${count(n, "draft or scheduled post has", "draft or scheduled posts have")} the URL of another post`;
    case "generated-file":
      return `${count(n, "file of yours is", "files of yours are")} not published: opsnote writes ${n === 1 ? "that file" : "those files"} itself`;
    case "stale-setting":
      return `${count(n, "entry", "entries")} of seriesMembers or credits ${n === 1 ? "names a post or file" : "name posts or files"} the site does not have`;
  }
}

function fixOf(group: Omit<DiagnosticGroup, "text">, context: GroupContext): string {
  if (group.former) {
    return `the posts had those URLs before: add redirect_from: with the old URL to each post (${context.linksToPosts} links reach posts at their URLs, so the permalink is right)`;
  }
  if (group.permalink !== undefined) {
    return `set permalink: ${group.permalink} in ${SETTINGS_FILE} (or add redirects) and they resolve`;
  }
  const folder = /^\/([^/]+)\/…$/.exec(group.shape)?.[1];
  if ((group.kind === "missing-image" || group.kind === "missing-file") && folder !== undefined) {
    if (folder === "assets") return "add the files under assets/, or fix the paths";
    if (context.served?.has(folder)) return `add the files to the ${folder}/ folder the site serves, or fix the paths`;
    if (context.folders?.has(folder)) return `add "${folder}" to staticDirs in ${SETTINGS_FILE}`;
    return `put the old site's ${folder}/ folder beside posts/ and add "${folder}" to staticDirs in ${SETTINGS_FILE}`;
  }
  return DIAGNOSTIC_KINDS[group.kind].fix;
}

function example(d: Diagnostic): string {
  const where = d.line === undefined ? displayPath(d.file) : `${displayPath(d.file)}:${d.line}:${d.column ?? 1}`;
  return d.target ? `${where} ${d.target}` : where;
}

/** The classified diagnostics in groups, largest first; unclassified ones are left out. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[], context: GroupContext = {}): DiagnosticGroup[] {
  const groups = new Map<string, Omit<DiagnosticGroup, "text">>();
  const keyed = diagnostics.filter((d) => d.kind !== undefined).map((d) => ({ d, ...keyOf(d, context) }));
  // One link is no evidence for another URL pattern (it is as likely a typo): a pattern is suggested
  // only when two or more links fit it.
  const fits = new Map<string, number>();
  for (const { permalink } of keyed) if (permalink !== undefined) fits.set(permalink, (fits.get(permalink) ?? 0) + 1);
  for (const entry of keyed) {
    if (entry.permalink !== undefined && fits.get(entry.permalink)! < 2) Object.assign(entry, { permalink: undefined, shape: firstSegment(entry.d.target ?? "") });
  }
  for (const { d, shape, permalink } of keyed) {
    if (d.kind === undefined) continue;
    const key = `${d.kind}\0${shape}`;
    let group = groups.get(key);
    const former = permalink !== undefined && (context.linksToPosts ?? 0) > fits.get(permalink)!;
    if (!group) groups.set(key, (group = { kind: d.kind, shape, ...(former ? { former } : { permalink }), diagnostics: [] }));
    group.diagnostics.push(d);
  }
  return [...groups.values()]
    .sort((a, b) => b.diagnostics.length - a.diagnostics.length || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.shape < b.shape ? -1 : 1))
    .map((group) => {
      const shown = group.diagnostics.slice(0, EXAMPLES).map(example).join(", ");
      const more = group.diagnostics.length > EXAMPLES ? ", …" : "";
      const text = `${describe(group.kind, group.shape, group.diagnostics.length)} — ${fixOf(group, context)} (e.g. ${shown}${more})`;
      return { ...group, text };
    });
}
