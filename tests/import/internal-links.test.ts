import { test } from "node:test";
import assert from "node:assert/strict";
import { contentFileResolver, convertInternalLinks, type ContentFile } from "../../src/import/internal-links.ts";

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
