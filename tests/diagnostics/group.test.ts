/**
 * Grouping and classification of content problems: the tables the build's summary and its
 * warn-or-fail decision are made from.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { groupDiagnostics, permalinkMatching, type GroupContext } from "../../src/diagnostics/group.ts";
import { DIAGNOSTIC_KINDS, isPublishable, type DiagnosticKind } from "../../src/diagnostics/kinds.ts";
import { applyBuildPolicy, isStrict } from "../../src/check/build-policy.ts";

const wall = (year: number, month: number, day: number) => ({ year, month, day, hour: 0, minute: 0, second: 0 });
const POSTS: GroupContext["posts"] = [
  { url: "/devops/kubernetes-intro/", title: "kubernetes-intro", date: wall(2021, 4, 13), categories: ["devops"] },
  { url: "/devops/helm/", title: "helm", date: wall(2021, 5, 1), categories: ["devops"] },
  { url: "/인그레스/", title: "인그레스", date: wall(2022, 1, 2), categories: [] },
];

const d = (kind: DiagnosticKind | undefined, target: string, line = 1): Diagnostic => ({
  severity: "error", file: "posts/a.md", line, column: 3, field: "link", message: target, kind, target,
});

test("permalinkMatching: the pattern under which a broken URL is an existing post's URL", () => {
  const cases: [url: string, expected: string | undefined][] = [
    ["/posts/kubernetes-intro/", "/posts/:title/"],
    // Written without the trailing slash: the pattern in its usual form.
    ["/posts/helm", "/posts/:title/"],
    ["/2021/04/13/kubernetes-intro.html", "/:year/:month/:day/:title.html"],
    ["/devops/2021/05/01/helm/", "/:categories/:year/:month/:day/:title/"],
    ["/blog/2022/인그레스/", "/blog/:year/:title/"],
    ["/posts/no-such-post/", undefined],
    ["/", undefined],
    // The slug is there but the date is another post's: no single pattern gives this URL.
    ["/2020/01/01/helm/", undefined],
    ["/2021/05/01/helm/", "/:year/:month/:day/:title/"],
    ["/helm/index.html", "/:title/index.html"],
    // A post's slug as a section's name, another post's name after it: no pattern (wlals2/blogsite's
    // `/study/<post>/` links were told to set `permalink: /:title/<post>/`).
    ["/helm/2025-12-25-kubernetes-addons/", undefined],
    // …where a literal first segment before a slug is a pattern (`/posts/:title/`).
    ["/kubernetes-intro/helm/", "/kubernetes-intro/:title/"],
  ];
  for (const [url, expected] of cases) assert.equal(permalinkMatching(url, POSTS!), expected, url);
});

test("groupDiagnostics: by kind and URL shape, largest first, with the one fix and three examples (ties by kind)", () => {
  const cases: { name: string; diagnostics: Diagnostic[]; context?: GroupContext; expected: string[] }[] = [
    {
      name: "old /posts/<slug>/ URLs of existing posts name the permalink that fixes them",
      diagnostics: [d("broken-link", "/posts/helm/"), d("broken-link", "/posts/kubernetes-intro/", 2), d("broken-link", "/posts/helm/", 3), d("broken-link", "/posts/helm/", 4)],
      context: { posts: POSTS, permalink: "/:categories/:title/" },
      expected: ["4 links point to /posts/<slug>/ that no post or page has — set permalink: /posts/:title/ in opsnote.config.yaml (or add redirects) and they resolve (e.g. posts/a.md:1:3 /posts/helm/, posts/a.md:2:3 /posts/kubernetes-intro/, posts/a.md:3:3 /posts/helm/, …)"],
    },
    {
      name: "…unless more links already reach posts at their URLs: then those are the posts' former URLs, and redirects fix them",
      diagnostics: [d("broken-link", "/computer_science/2021/05/01/helm"), d("broken-link", "/computer_science/2021/04/13/kubernetes-intro", 2)],
      context: { posts: POSTS, permalink: "/:categories/:title/", linksToPosts: 3 },
      expected: ["2 links point to /computer_science/<year>/<month>/<day>/<slug>/ that no post or page has — the posts had those URLs before: add redirect_from: with the old URL to each post (3 links reach posts at their URLs, so the permalink is right) (e.g. posts/a.md:1:3 /computer_science/2021/05/01/helm, posts/a.md:2:3 /computer_science/2021/04/13/kubernetes-intro)"],
    },
    {
      name: "…and as many links reaching posts as the pattern would fix still leave the pattern to suggest",
      diagnostics: [d("broken-link", "/computer_science/2021/05/01/helm"), d("broken-link", "/computer_science/2021/04/13/kubernetes-intro", 2)],
      context: { posts: POSTS, permalink: "/:categories/:title/", linksToPosts: 2 },
      expected: ["2 links point to /computer_science/<year>/<month>/<day>/<slug>/ that no post or page has — set permalink: /computer_science/:year/:month/:day/:title/ in opsnote.config.yaml (or add redirects) and they resolve (e.g. posts/a.md:1:3 /computer_science/2021/05/01/helm, posts/a.md:2:3 /computer_science/2021/04/13/kubernetes-intro)"],
    },
    {
      name: "links to no post are grouped by their first segment",
      diagnostics: [d("broken-link", "/docs/a/"), d("broken-link", "/docs/b/"), d("broken-link", "/wiki/x/")],
      context: { posts: POSTS },
      expected: [
        "2 links point to /docs/… that no post or page has — fix the link, or add redirect_from: with the old URL to the post that replaced it (e.g. posts/a.md:1:3 /docs/a/, posts/a.md:1:3 /docs/b/)",
        "1 link points to /wiki/… that no post or page has — fix the link, or add redirect_from: with the old URL to the post that replaced it (e.g. posts/a.md:1:3 /wiki/x/)",
      ],
    },
    {
      name: "images under a folder that exists beside posts/ need only staticDirs; one that does not, the folder too",
      diagnostics: [d("missing-image", "/images/a.png"), d("missing-image", "/images/b/c.png"), d("missing-image", "/img/x.png")],
      context: { folders: new Set(["images", "posts"]) },
      expected: [
        '2 images under /images/… are missing — add "images" to staticDirs in opsnote.config.yaml (e.g. posts/a.md:1:3 /images/a.png, posts/a.md:1:3 /images/b/c.png)',
        `1 image under /img/… is missing — put the old site's img/ folder beside posts/ and add "img" to staticDirs in opsnote.config.yaml (e.g. posts/a.md:1:3 /img/x.png)`,
      ],
    },
    {
      name: "images under a folder the site already serves: the files are what is missing",
      diagnostics: [d("missing-image", "/images/a.png")],
      context: { folders: new Set(["images", "posts"]), served: new Set(["images"]) },
      expected: [
        "1 image under /images/… is missing — add the files to the images/ folder the site serves, or fix the paths (e.g. posts/a.md:1:3 /images/a.png)",
      ],
    },
    {
      name: "a permalink equal to the site's is no suggestion; files beside posts and anchors have their own groups",
      diagnostics: [d("broken-link", "/devops/helm/"), d("missing-image", "diagram.png"), d("unknown-anchor", "#없음"), d(undefined, "unclassified")],
      context: { posts: POSTS, permalink: "/:categories/:title/" },
      expected: [
        "1 link points to /devops/… that no post or page has — fix the link, or add redirect_from: with the old URL to the post that replaced it (e.g. posts/a.md:1:3 /devops/helm/)",
        "1 image beside their posts is missing — add the file, or fix the path (e.g. posts/a.md:1:3 diagram.png)",
        "1 link names a heading id that no heading has — use an id the message lists (ids keep Hangul, lower-case, spaces become -) (e.g. posts/a.md:1:3 #없음)",
      ],
    },
  ];
  for (const { name, diagnostics, context, expected } of cases) {
    assert.deepEqual(groupDiagnostics(diagnostics, context).map((g) => g.text), expected, name);
  }
});

test("hundreds of identical problems read as a few lines", () => {
  const many = Array.from({ length: 183 }, (_, i) => d("broken-link", i % 2 ? "/posts/helm/" : "/posts/kubernetes-intro/", i + 1));
  const images = Array.from({ length: 42 }, (_, i) => d("missing-image", `/images/${i}.png`, i + 1));
  const groups = groupDiagnostics([...images, ...many], { posts: POSTS, folders: new Set(["images"]) });
  assert.deepEqual(groups.map((g) => [g.kind, g.shape, g.diagnostics.length]), [["broken-link", "/posts/<slug>/", 183], ["missing-image", "/images/…", 42]]);
  assert.match(groups[0]!.text, /^183 links point to \/posts\/<slug>\/ .* set permalink: \/posts\/:title\//);
});

test("classification: which kinds leave a page to publish", () => {
  const table: [DiagnosticKind | undefined, boolean][] = [
    ["broken-link", true], ["missing-image", true], ["missing-file", true], ["unknown-anchor", true],
    ["unknown-post-file", true], ["post-url", true], ["unpublished-target", true], ["quoted-url", true], ["bad-external-link", true],
    ["unencodable-image", true], ["undated", true], ["unpublished-url-clash", true], ["generated-file", true], ["stale-setting", true], ["url-clash", false], [undefined, false],
  ];
  for (const [kind, publishable] of table) assert.equal(isPublishable({ kind }), publishable, String(kind));
  // Every kind is in the table above.
  assert.deepEqual(Object.keys(DIAGNOSTIC_KINDS).sort(), table.flatMap(([k]) => (k ? [k] : [])).sort());
});

test("build policy: publishable errors warn unless strict; other errors always stop", () => {
  const front: Diagnostic = { severity: "error", file: "posts/a.md", line: 2, field: "tags", message: "expected a list" };
  const clash: Diagnostic = { ...front, field: "url", kind: "url-clash" };
  const broken = d("broken-link", "/x/");
  const warning: Diagnostic = { ...d("unknown-anchor", "#x"), severity: "warning" };
  const loose = applyBuildPolicy([front, clash, broken, warning], { strict: false });
  assert.deepEqual(loose.reported.map((x) => x.severity), ["error", "error", "warning", "warning"]);
  assert.deepEqual(loose.fatal, [front, clash]);
  const strict = applyBuildPolicy([broken, warning], { strict: true });
  assert.deepEqual(strict.fatal, [broken]);
  assert.equal(applyBuildPolicy([broken], { strict: false }).fatal.length, 0);
  // The input is not changed: `check` keeps its errors.
  assert.equal(broken.severity, "error");

  const env: [boolean | undefined, NodeJS.ProcessEnv, boolean][] = [
    [false, {}, false], [true, {}, true], [undefined, { OPSNOTE_STRICT: "1" }, true], [false, { OPSNOTE_STRICT: "0" }, false],
  ];
  for (const [setting, vars, expected] of env) assert.equal(isStrict(setting, vars), expected, JSON.stringify([setting, vars]));
});

test("one link is no evidence for another permalink: it is grouped by its first segment, with no pattern suggested", () => {
  const [group] = groupDiagnostics([d("broken-link", "/posts/helm/")], { posts: POSTS });
  assert.equal(group!.permalink, undefined);
  assert.match(group!.text, /^1 link points to \/posts\/… that no post or page has — fix the link/);
  const [two] = groupDiagnostics([d("broken-link", "/posts/helm/"), d("broken-link", "/posts/kubernetes-intro/")], { posts: POSTS });
  assert.equal(two!.permalink, "/posts/:title/");
});

test("an image sharp cannot read is a group of its own, with the setting that quiets it", () => {
  const unreadable: Diagnostic = { severity: "warning", file: "posts/a.md", line: 3, field: "image", kind: "unencodable-image", target: "chart.png", message: "no AVIF/WebP copies of chart.png (published as it is): Input file contains unsupported image format" };
  const groups = groupDiagnostics([unreadable, { ...unreadable, line: 9, target: "figure.png" }, d("missing-image", "/images/x.png", 4)], { posts: POSTS });
  assert.deepEqual(groups.map((g) => [g.kind, g.diagnostics.length]), [["unencodable-image", 2], ["missing-image", 1]]);
  assert.match(groups[0]!.text, /^2 images have no AVIF\/WebP copies .* images\.responsive: false/);
});
