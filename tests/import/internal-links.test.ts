import { test } from "node:test";
import assert from "node:assert/strict";
import { contentFileResolver, convertInternalLinks, convertOldUrlLinks, pagesByOldUrl, urlSet, type ContentFile, type MovedPage } from "../../src/import/internal-links.ts";

const files: ContentFile[] = [
  { contentPath: "posts/pointnet.md", copy: "/p/posts/pointnet.md" },
  { contentPath: "posts/pointpillars.md", copy: "/p/posts/pointpillars.md" },
  { contentPath: "posts/k8s/Ingress.md", copy: "/p/posts/k8s/Ingress.md" },
  { contentPath: "posts/istio-mtls/index.md", copy: "/p/posts/istio-mtls/index.md" },
  { contentPath: "notes/pointnet.md", copy: "/p/posts/notes/pointnet.md" },
  { contentPath: "notes/helm 차트.md", copy: "/p/posts/notes/helm 차트.md" },
  { contentPath: "about.md", copy: "/p/posts/about.md" },
];
const resolver = contentFileResolver(files);
const hugo = (reference: string, from = "posts/pointnet.md") => resolver.hugo(reference, from)?.contentPath;

test("Hugo's ref: from the linking page's folder first, then from content/", () => {
  assert.equal(hugo("pointpillars.md"), "posts/pointpillars.md");
  assert.equal(hugo("pointnet.md", "notes/x.md"), "notes/pointnet.md", "the page's own folder wins");
  assert.equal(hugo("posts/pointnet.md", "notes/x.md"), "posts/pointnet.md", "then the content folder");
  assert.equal(hugo("/posts/k8s/Ingress.md", "notes/x.md"), "posts/k8s/Ingress.md");
  assert.equal(hugo("../about.md"), "about.md");
});

test("Hugo's ref: no extension, a bundle's folder, any case", () => {
  assert.equal(hugo("pointpillars"), "posts/pointpillars.md");
  assert.equal(hugo("/posts/istio-mtls"), "posts/istio-mtls/index.md");
  assert.equal(hugo("/posts/istio-mtls/"), "posts/istio-mtls/index.md");
  assert.equal(hugo("k8s/ingress.md"), "posts/k8s/Ingress.md");
});

test("Hugo's ref by a bare name: the one page of that name anywhere, none when two have it", () => {
  assert.equal(hugo("ingress", "notes/x.md"), "posts/k8s/Ingress.md");
  assert.equal(hugo("istio-mtls", "notes/x.md"), "posts/istio-mtls/index.md");
  assert.equal(hugo("pointnet", "about.md"), undefined, "posts/pointnet.md and notes/pointnet.md");
  assert.equal(hugo("k8s/none.md"), undefined);
});

test("Zola's @/ path is read from content/ as written", () => {
  assert.equal(resolver.zola("posts/k8s/Ingress.md")?.contentPath, "posts/k8s/Ingress.md");
  assert.equal(resolver.zola("pointnet.md"), undefined);
});

const from = files[0]!;
const convert = (text: string) => convertInternalLinks(text, from, (reference, kind) => (kind === "hugo" ? resolver.hugo(reference, from.contentPath) : resolver.zola(reference)));

test("a link's target becomes the path to the other post's copy, with its #fragment", () => {
  const { text, links } = convert([
    `see [PointPillars]({{< ref pointpillars.md >}}) and [Ingress]({{% relref "k8s/Ingress.md#tls" %}})`,
    `[mTLS]({{< ref path="/posts/istio-mtls" lang="ko" >}} "제목")`,
    `[about]: {{< ref "/about.md" >}}`,
  ].join("\n"));
  assert.equal(text, [
    "see [PointPillars](./pointpillars.md) and [Ingress](./k8s/Ingress.md#tls)",
    `[mTLS](./istio-mtls/index.md "제목")`,
    "[about]: ./about.md", // the copies are side by side, whatever the old folders were
  ].join("\n"));
  assert.deepEqual(links.map((link) => link.target), ["posts/pointpillars.md", "posts/k8s/Ingress.md", "posts/istio-mtls/index.md", "about.md"]);
});

test("a heading of the same post; a path with a space goes in <…>; Zola's links", () => {
  assert.equal(convert(`[설치]({{< ref "#설치" >}})`).text, "[설치](#설치)");
  assert.equal(convert(`[helm]({{< ref "/notes/helm 차트.md" >}})`).text, "[helm](<./notes/helm 차트.md>)");
  assert.equal(convert("[x](@/posts/k8s/Ingress.md#tls) [y](<@/notes/helm 차트.md>)").text, "[x](./k8s/Ingress.md#tls) [y](<./notes/helm 차트.md>)");
});

test("kept as written: a target no post answers to, code, an HTML href, a shortcode outside a link", () => {
  const text = [
    "[gone]({{< ref \"gone.md\" >}})",
    "`[code]({{< ref pointpillars.md >}})`",
    "```md",
    "[fenced]({{< ref pointpillars.md >}})",
    "```",
    `<a href="{{< ref pointpillars.md >}}">html</a>`,
    `{{< ref pointpillars.md >}}`,
  ].join("\n");
  const converted = convert(text);
  assert.equal(converted.text, text);
  assert.deepEqual(converted.links, [{ written: `{{< ref "gone.md" >}}`, target: undefined }]);
});

// Links written against the old site's URLs (convertOldUrlLinks).
const moved: MovedPage[] = [
  { copy: "/p/posts/gas/index.md", oldUrl: "/ko/p/언리얼-gas-개요/", newUrl: "/p/gas/" },
  { copy: "/p/posts/gas-start/index.md", oldUrl: "/ko/p/언리얼-gas-시작/", newUrl: "/p/gas-start/" },
  { copy: "/p/posts/same.md", oldUrl: "/p/same/", newUrl: "/p/same/" },
  { copy: "/p/posts/2020-01-02-helm.md", oldUrl: "/2020/01/02/helm.html", newUrl: "/posts/helm/" },
];
const oldLinks = (text: string, from = moved[0]!, beside: string[] = []) => convertOldUrlLinks(text, {
  from,
  pageAt: pagesByOldUrl(moved),
  answered: urlSet(["/ko/post/", "/ko/about"]),
  isBeside: (target) => beside.includes(target),
});

test("a link that was a post's old URL becomes that post's file, however the URL was written", () => {
  const cases: [string, string][] = [
    ["[시작](../언리얼-gas-시작/)", "[시작](../gas-start/index.md)"],
    ["[시작](../언리얼-gas-시작/#설정)", "[시작](../gas-start/index.md#설정)"],
    ["[시작](../%EC%96%B8%EB%A6%AC%EC%96%BC-gas-%EC%8B%9C%EC%9E%91)", "[시작](../gas-start/index.md)"], // percent-encoded, no slash
    ["[시작](/ko/p/언리얼-gas-시작/index.html \"다음 글\")", "[시작](../gas-start/index.md \"다음 글\")"], // root-relative, a title
    ["[start]: ../언리얼-gas-시작/", "[start]: ../gas-start/index.md"], // a reference definition
    ["[이 글](../언리얼-gas-개요/)", "[이 글](./index.md)"], // itself
    ["[helm](/2020/01/02/helm.html)", "[helm](../2020-01-02-helm.md)"], // a Jekyll URL with .html
    ["[시작](<../언리얼-gas-시작/>)", "[시작](../gas-start/index.md)"],
  ];
  for (const [written, expected] of cases) assert.equal(oldLinks(written).text, expected, written);
  assert.deepEqual(oldLinks("[시작](../언리얼-gas-시작/#설정)").links, [{ written: "../언리얼-gas-시작/#설정", to: "../gas-start/index.md#설정", post: true }]);
});

test("a relative link the new site answers at its old root path becomes that path; the rest stay as written", () => {
  assert.equal(oldLinks("[목록](../../post/)").text, "[목록](/ko/post/)", "a redirect of the old site's list");
  assert.equal(oldLinks("[소개](../../about/#me)").text, "[소개](/ko/about/#me)");
  const kept = [
    "[같은 글](../../p/same/)", // reaches its post from the new URL as it did from the old
    "[같은 글](/p/same/)",
    "[없음](../없는-글/)", // answered by nothing: check names it
    "[그림](diagram.png)", // beside the post
    "[외부](https://example.com/ko/p/언리얼-gas-시작/)",
    "[다른 사이트](//example.com/x/)",
    "[절](#설정)",
    "[메일](mailto:me@example.com)",
    "[Liquid]({{ site.baseurl }}/x/)",
    "[목록](/ko/post/)", // root-relative: it names the same path from the new URL
    "[검색](../언리얼-gas-시작/?q=gas)", // a query is for a server
    "`[코드](../언리얼-gas-시작/)`",
  ];
  for (const written of kept) assert.equal(oldLinks(written, moved[0], ["diagram.png"]).text, written, written);
});

test("links in code fences and before the body are text", () => {
  const text = ["---", "description: \"[x](../언리얼-gas-시작/)\"", "---", "```md", "[x](../언리얼-gas-시작/)", "```", "[x](../언리얼-gas-시작/)"].join("\n");
  const converted = convertOldUrlLinks(text, { from: moved[0]!, pageAt: pagesByOldUrl(moved), answered: () => false, isBeside: () => false, firstBodyLine: 3 });
  assert.deepEqual(converted.text.split("\n").slice(1), ["description: \"[x](../언리얼-gas-시작/)\"", "---", "```md", "[x](../언리얼-gas-시작/)", "```", "[x](../gas-start/index.md)"]);
});
