/**
 * The classification every build decision reads: a "publishable" problem still leaves a page to
 * publish (a broken link is a dead link on a page that is otherwise fine), so a build warns about it
 * and goes on; anything else (a post that cannot be read, two pages on one URL) stops the build.
 * `npm run check` reports publishable problems as errors all the same, so a CI can gate on them,
 * and `strict` makes the build do so too (see src/check/build-policy.ts).
 */

export interface KindInfo {
  /** True when the page can still be published with the problem in it. */
  publishable: boolean;
  /** What fixes every problem of the kind, when nothing more specific is known. */
  fix: string;
}

export const DIAGNOSTIC_KINDS = {
  "broken-link": {
    publishable: true,
    fix: "fix the link, or add redirect_from: with the old URL to the post that replaced it",
  },
  "missing-image": {
    publishable: true,
    fix: "add the file, or fix the path",
  },
  "missing-file": {
    publishable: true,
    fix: "add the file, or fix the path",
  },
  "unknown-anchor": {
    publishable: true,
    fix: "use an id the message lists (ids keep Hangul, lower-case, spaces become -)",
  },
  "unknown-post-file": {
    publishable: true,
    fix: "fix the file name: it is looked up from the linking post's folder",
  },
  "post-url": {
    publishable: true,
    fix: "use a post's file name without .md, such as 2024-11-07-name",
  },
  "unpublished-target": {
    publishable: true,
    fix: "publish the target, or remove the link until it is published",
  },
  "quoted-url": {
    publishable: true,
    fix: "remove the quotes around the URL (a title goes after it: [text](/x/ \"title\"))",
  },
  "bad-external-link": {
    publishable: true,
    fix: "fix the typo in the URL",
  },
  "unencodable-image": {
    publishable: true,
    fix: "replace the file with a valid PNG, JPEG or WebP (it is published as it is meanwhile), or set images.responsive: false",
  },
  undated: {
    publishable: true,
    fix: "add date: to the front matter, or name the file YYYY-MM-DD-name.md",
  },
  "generated-file": {
    publishable: true,
    fix: "rename, move or remove your file (compare yours with the one in _site)",
  },
  "stale-setting": {
    publishable: true,
    fix: "remove the entry from opsnote.config.yaml (the sample posts and images were deleted?), or fix its path",
  },
  "url-clash": {
    publishable: false,
    fix: "change a post's permalink, title or terms",
  },
  "unpublished-url-clash": {
    publishable: true,
    fix: "give the draft or scheduled post a permalink of its own before it is published",
  },
} as const satisfies Record<string, KindInfo>;

export type DiagnosticKind = keyof typeof DIAGNOSTIC_KINDS;

/** True for a problem that leaves a page to publish: a warning in a build, an error in `check` and strict builds. */
export function isPublishable(diagnostic: { kind?: DiagnosticKind }): boolean {
  return diagnostic.kind !== undefined && DIAGNOSTIC_KINDS[diagnostic.kind].publishable;
}
