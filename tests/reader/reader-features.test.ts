import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseHTML } from "linkedom";
import { h, type VNode } from "preact";
import { shareLinks } from "../../src/reader/share-links.ts";
import { editUrl } from "../../src/reader/edit-url.ts";
import { authorOf } from "../../src/reader/post-author.ts";
import { breadcrumbTrail } from "../../src/reader/breadcrumbs.ts";
import { commentsPolicySources, commentsWidget, withCommentsPolicy } from "../../src/reader/comments.ts";
import { AuthorBox, Breadcrumbs, Comments, RelatedPosts, ShareLinks } from "../../src/layouts/reader-features.tsx";
import { renderFragment } from "../../src/layouts/render.ts";
import { buildBreadcrumbList } from "../../src/seo/json-ld.ts";
import { siteSettingsSchema } from "../../src/settings/schema.ts";
import { buildPost } from "../../src/content/post.ts";
import { makePost } from "../helpers/make-post.ts";

/** Renders one component (preact's `h` types each VNode by its props; the renderer takes any). */
const html = <P>(node: VNode<P>) => renderFragment(node as unknown as VNode);
const fragment = <P>(node: VNode<P>) => parseHTML(`<body>${html(node)}</body>`).document;

test("share links: X, Facebook and LinkedIn share pages with the absolute URL and the title, encoded", () => {
  const url = "https://ops.example.kr/blog/devops/헬름/";
  const links = shareLinks(url, "헬름 & 차트?");
  const params = Object.fromEntries(links.map((link) => [link.network, new URL(link.href)]));
  assert.equal(params.x!.origin + params.x!.pathname, "https://x.com/intent/tweet");
  assert.equal(params.x!.searchParams.get("url"), url);
  assert.equal(params.x!.searchParams.get("text"), "헬름 & 차트?");
  assert.equal(params.facebook!.origin + params.facebook!.pathname, "https://www.facebook.com/sharer/sharer.php");
  assert.equal(params.facebook!.searchParams.get("u"), url);
  assert.equal(params.linkedin!.origin + params.linkedin!.pathname, "https://www.linkedin.com/sharing/share-offsite/");
  assert.equal(params.linkedin!.searchParams.get("url"), url);
  const { document } = parseHTML(`<body>${html(h(ShareLinks, { url, title: "t" }))}</body>`);
  const copy = document.querySelector("button[data-copy-link]")!;
  assert.equal(copy.getAttribute("data-copy-link"), url);
  assert.ok(copy.hasAttribute("hidden"), "the copy button needs JavaScript: hidden until post-tools.js shows it");
  for (const link of document.querySelectorAll("a")) assert.equal(link.getAttribute("rel"), "noopener noreferrer");
});

test("edit URL: the post's path in the project, on the branch; none without a repository or outside the project", () => {
  const repository = { url: "https://github.com/me/blog", branch: "main" };
  const root = path.resolve("/work/blog");
  assert.equal(editUrl(repository, "./posts/2021-04-13-intro.md", root), "https://github.com/me/blog/edit/main/posts/2021-04-13-intro.md");
  assert.equal(editUrl(repository, path.join(root, "posts/쿠버네티스 입문.md"), root), "https://github.com/me/blog/edit/main/posts/%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4%20%EC%9E%85%EB%AC%B8.md");
  assert.equal(editUrl({ ...repository, branch: "feature/x" }, "posts/a.md", root), "https://github.com/me/blog/edit/feature/x/posts/a.md");
  assert.equal(editUrl(undefined, "posts/a.md", root), undefined);
  assert.equal(editUrl(repository, "/tmp/elsewhere/a.md", root), undefined);
});

test("repository setting: url without a trailing slash, branch main by default; a bad URL is refused", () => {
  const parsed = siteSettingsSchema.parse({ repository: { url: "https://github.com/me/blog/" } });
  assert.deepEqual(parsed.repository, { url: "https://github.com/me/blog", branch: "main" });
  assert.equal(siteSettingsSchema.parse({}).repository, undefined);
  assert.equal(siteSettingsSchema.safeParse({ repository: { url: "github.com/me/blog" } }).success, false);
});

const siteAuthor = {
  author: { name: "김옵스", avatar: "/assets/me.png", bio: "SRE", url: "https://me.example", links: [{ label: "GitHub", url: "https://github.com/me" }] },
};

test("author: the site's, or the post's own without the site author's picture, bio or links", () => {
  assert.deepEqual(authorOf({}, siteAuthor), { name: "김옵스", avatar: "/assets/me.png", bio: "SRE", url: "https://me.example", links: siteAuthor.author.links });
  assert.deepEqual(authorOf({ author: { name: "김옵스" } }, siteAuthor).avatar, "/assets/me.png", "naming the site author is the site author");
  assert.deepEqual(authorOf({ author: { name: "홍길동" } }, siteAuthor), { name: "홍길동", links: [] });
  assert.deepEqual(authorOf({ author: { name: "홍길동", avatar: "/h.png", bio: "DBA" } }, siteAuthor), { name: "홍길동", avatar: "/h.png", bio: "DBA", links: [] });
});

test("front matter author (a name, a list, a mapping) and comments: false reach the post", () => {
  const build = (frontMatter: Record<string, unknown>) => {
    const result = buildPost({ inputPath: "posts/2021-01-01-a.md", frontMatter, body: "x", site: { timeZone: "Asia/Seoul", permalink: "/:title/" } });
    assert.ok(result.ok, JSON.stringify(result));
    return result.post;
  };
  assert.deepEqual(build({ author: "홍길동" }).author, { name: "홍길동" });
  assert.deepEqual(build({ author: ["a", "b"] }).author, { name: "a, b" });
  assert.deepEqual(build({ author: { name: " 홍길동 ", avatar: "/h.png", bio: "DBA", twitter: "@h" } }).author, { name: "홍길동", avatar: "/h.png", bio: "DBA" });
  assert.equal(build({ author: { avatar: "/h.png" } }).author, undefined, "no name: the site author");
  assert.equal(build({}).author, undefined);
  assert.equal(build({ comments: false }).comments, false);
  assert.equal(build({ comments: true }).comments, undefined);
  assert.equal(build({ comments: "no" }).comments, false, "YAML 1.1's no, as Jekyll reads it");
  const bad = buildPost({ inputPath: "posts/2021-01-01-a.md", frontMatter: { comments: "nope" }, body: "", site: { timeZone: "Asia/Seoul", permalink: "/:title/" } });
  assert.ok(!bad.ok && bad.errors.some((e) => e.field === "comments" && e.message.includes("true or false")));
});

test("author box: hidden parts are absent, not empty (no avatar frame without an avatar)", () => {
  const bare = fragment(h(AuthorBox, { author: { name: "홍길동", links: [] } }));
  assert.equal(bare.querySelector("img"), null);
  assert.equal(bare.querySelector(".author-box__bio"), null);
  assert.equal(bare.querySelector(".author-box__links"), null);
  assert.equal(bare.querySelector("a"), null);
  assert.match(bare.querySelector(".author-box__name")!.textContent!, /홍길동/);
  const full = fragment(h(AuthorBox, { author: authorOf({}, siteAuthor) }));
  assert.equal(full.querySelector("img")!.getAttribute("src"), "/assets/me.png");
  assert.equal(full.querySelector("img")!.getAttribute("alt"), "", "decorative: the name is beside it");
  assert.equal(full.querySelector(".author-box__name a")!.getAttribute("href"), "https://me.example");
  assert.deepEqual([...full.querySelectorAll(".author-box__links a")].map((a) => a.getAttribute("href")), ["https://github.com/me"]);
});

test("breadcrumbs: home, the first category, the post; BreadcrumbList with absolute URLs under the prefix", () => {
  const post = makePost("helm", "2021-05-01", { title: "헬름", url: "/devops/helm/", categories: [{ name: "DevOps", slug: "devops" }, { name: "k8s", slug: "k8s" }] });
  const trail = breadcrumbTrail(post, "홈");
  assert.deepEqual(trail, [{ name: "홈", url: "/" }, { name: "DevOps", url: "/categories/devops/" }, { name: "헬름", url: "/devops/helm/" }]);
  assert.deepEqual(breadcrumbTrail({ ...post, categories: [] }, "홈").map((c) => c.url), ["/", "/devops/helm/"]);
  const list = buildBreadcrumbList(trail, { url: "https://ops.example.kr", pathPrefix: "/blog/" }) as { itemListElement: { position: number; item: string; name: string }[] };
  assert.deepEqual(list.itemListElement.map((i) => [i.position, i.item]), [
    [1, "https://ops.example.kr/blog/"], [2, "https://ops.example.kr/blog/categories/devops/"], [3, "https://ops.example.kr/blog/devops/helm/"],
  ]);
  const nav = fragment(h(Breadcrumbs, { trail })).querySelector("nav.breadcrumbs")!;
  assert.deepEqual([...nav.querySelectorAll("a")].map((a) => a.getAttribute("href")), ["/", "/categories/devops/"]);
  assert.equal(nav.querySelector("[aria-current=page]")!.textContent, "헬름");
});

test("related posts: a list of links, nothing at all when empty", () => {
  assert.equal(html(h(RelatedPosts, { posts: [] })), "");
  const list = fragment(h(RelatedPosts, { posts: [makePost("a", "2021-01-01"), makePost("b", "2021-01-02")] }));
  assert.deepEqual([...list.querySelectorAll(".related a")].map((a) => a.getAttribute("href")), ["/a/", "/b/"]);
});

const giscus = { provider: "giscus", repo: "me/blog", repoId: "R_1", category: "Comments", categoryId: "DIC_1", mapping: "pathname" } as const;
const utterances = { provider: "utterances", repo: "me/blog", issueTerm: "pathname" } as const;

test("comments: the provider's script and attributes travel in data attributes; the policy lists its hosts", () => {
  const widget = commentsWidget(giscus, "ko");
  assert.equal(widget.src, "https://giscus.app/client.js");
  assert.equal(widget.attributes["data-repo-id"], "R_1");
  assert.equal(widget.attributes["data-lang"], "ko");
  assert.deepEqual(commentsWidget(utterances, "en").attributes, { repo: "me/blog", "issue-term": "pathname", crossorigin: "anonymous" });
  const section = fragment(h(Comments, { widget })).querySelector("section#comments")!;
  assert.equal(section.getAttribute("data-comments-src"), "https://giscus.app/client.js");
  assert.deepEqual(JSON.parse(section.getAttribute("data-comments-attributes")!), widget.attributes);
  assert.equal(section.querySelector("script"), null, "nothing is loaded before post-tools.js sees the section near");

  assert.deepEqual(commentsPolicySources(undefined), {});
  const base = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
  assert.equal(withCommentsPolicy(base, undefined), base);
  assert.equal(
    withCommentsPolicy(base, giscus),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://giscus.app; style-src 'self' 'unsafe-inline' https://giscus.app; frame-src 'self' https://giscus.app",
  );
  assert.equal(withCommentsPolicy(base, utterances), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://utteranc.es; style-src 'self' 'unsafe-inline'; frame-src 'self' https://utteranc.es");
});

test("none of the parts is indexed by search: they are inside the post's data-pagefind-body", () => {
  const parts = [
    html(h(Breadcrumbs, { trail: breadcrumbTrail(makePost("a", "2021-01-01"), "홈") })),
    html(h(ShareLinks, { url: "https://x.example/a/", title: "a" })),
    html(h(AuthorBox, { author: authorOf({}, siteAuthor) })),
    html(h(RelatedPosts, { posts: [makePost("b", "2021-01-01")] })),
    html(h(Comments, { widget: commentsWidget(giscus, "ko") })),
  ];
  for (const part of parts) {
    const root = parseHTML(`<!doctype html><html><body>${part}</body></html>`).document.body.firstElementChild!;
    assert.equal(root.getAttribute("data-pagefind-ignore"), "all", root.outerHTML.slice(0, 60));
  }
});
