/**
 * Hexo tag plugins -> markdown: a table of input and expected output; fences untouched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { convertHexoTags, findHexoTags, rootRelativeTargets } from "../../src/import/convert-hexo-tags.ts";

const posts: Record<string, { url: string; title: string }> = { "k8s-intro": { url: "/k8s-intro/", title: "쿠버네티스 입문" } };
const options = { assetFolder: "istio-mesh", postLink: (name: string) => posts[name] };

const CASES: [string, string, string][] = [
  ["asset_img with a title", '{% asset_img topology.png "메시 구성도" %}', "![메시 구성도](topology.png)"],
  ["asset_img with bare words and a size", "{% asset_img right topology.png 600 400 This is an image %}", "![This is an image](topology.png)"],
  ["asset_img with title and alt", `{% asset_img "a b.png" "제목 'alt 글'" %}`, "![alt 글](<a b.png>)"],
  ["asset_img alone", "{% asset_img 1.png %}", "![](1.png)"],
  ["asset_link and asset_path", "{% asset_link values.yaml 설정 파일 %} / {% asset_path values.yaml %}", "[설정 파일](values.yaml) / values.yaml"],
  ["an image written with its asset folder (hexo-asset-image, Typora)", "![흐름](istio-mesh/flow.png)", "![흐름](flow.png)"],
  ["another folder's image is left", "![x](/images/x.png)", "![x](/images/x.png)"],
  ["codeblock with a title and lang:", "{% codeblock values.yaml lang:yaml %}\nimage: {{ .Values.tag }}\n{% endcodeblock %}", '```yaml title="values.yaml"\nimage: {{ .Values.tag }}\n```'],
  ["codeblock with a source URL: not in the title", "{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}\n_.compact([0, 1])\n{% endcodeblock %}", '```text title="_.compact"\n_.compact([0, 1])\n```'],
  ["code alias, no options", "{% code %}\nls\n{% endcode %}", "```\nls\n```"],
  ["blockquote with author and source", "{% blockquote 데이비드 리, 책 %}\n첫 줄\n\n둘째 줄\n{% endblockquote %}", "> 첫 줄\n>\n> 둘째 줄\n>\n> — 데이비드 리, 책"],
  ["blockquote with a link", "{% blockquote @kelsey https://twitter.com/x/status/1 트윗 %}\n말\n{% endblockquote %}", "> 말\n>\n> — @kelsey, [트윗](https://twitter.com/x/status/1)"],
  ["NexT note warning", "{% note warning %}\n운영에서 **주의**\n{% endnote %}", "> [!WARNING]\n> 운영에서 **주의**"],
  ["Fluid note success with a summary", "{% note success 배포 완료 %}\n끝\n{% endnote %}", "> [!TIP]\n> **배포 완료**\n>\n> 끝"],
  ["note without a class", "{% note %}\n메모\n{% endnote %}", "> [!NOTE]\n> 메모"],
  ["raw block: markers removed, text kept", "{% raw %}\n{{ .Values.image }}\n{% endraw %}", "{{ .Values.image }}"],
  ["raw markers inline", "값은 {% raw %}{{ x }}{% endraw %} 입니다", "값은 {{ x }} 입니다"],
  ["post_link to a known post", "{% post_link k8s-intro %} 참고", "[쿠버네티스 입문](/k8s-intro/) 참고"],
  ["post_link with its own title", '{% post_link k8s-intro "앞 글" %}', "[앞 글](/k8s-intro/)"],
  ["post_link to an unknown post: kept", "{% post_link nowhere %}", "{% post_link nowhere %}"],
  ["youtube", "{% youtube dQw4w9WgXcQ %}", "[YouTube 동영상](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"],
  ["iframe (hangack's plotly chart): Hexo's own HTML", "{% iframe https://plotly.com/~hangack/1.embed %}", '<iframe src="https://plotly.com/~hangack/1.embed" width="100%" height="300" frameborder="0" loading="lazy" allowfullscreen></iframe>'],
  ["iframe with a size", '{% iframe https://example.com/a?x=1&y="2" 560 default %}', '<iframe src="https://example.com/a?x=1&amp;y=%222%22" width="560" height="300" frameborder="0" loading="lazy" allowfullscreen></iframe>'],
  ["an unknown tag is kept", "{% gist abc %}", "{% gist abc %}"],
  ["a block never closed is kept", "{% note info %}\n열린 채", "{% note info %}\n열린 채"],
  ["tags inside a fence are code", "```\n{% asset_img a.png %}\n{% raw %}\n```", "```\n{% asset_img a.png %}\n{% raw %}\n```"],
];

for (const [name, input, expected] of CASES) {
  test(name, () => assert.equal(convertHexoTags(input, 0, options).text, expected));
}

test("front matter lines are left alone; converted lines are reported in file lines", () => {
  const text = "---\ntitle: '{% asset_img x.png %}'\n---\n\n{% asset_img a.png %}\n";
  const result = convertHexoTags(text, 3);
  assert.equal(result.text, "---\ntitle: '{% asset_img x.png %}'\n---\n\n![](a.png)\n");
  assert.deepEqual(result.converted.map((c) => c.line), [5]);
});

test("tags left: outside fences and inline code, with their lines", () => {
  assert.deepEqual(findHexoTags("a\n{% gist x %}\n```\n{% gist y %}\n```\n`{% include x %}` 는 예시", 4), [{ line: 6, text: "{% gist x %}" }]);
});

test("tags in an HTML comment, on one line or over several, are shown to no reader: not reported", () => {
  const body = ["<!-- {% video a.mp4 %} -->", "<!--", "{% gallery %}", "--> {% gist z %}", "<!-- `x` {% iframe u %} --> {% gist w %}"].join("\n");
  assert.deepEqual(findHexoTags(body), [{ line: 4, text: "{% gist z %}" }, { line: 5, text: "{% gist w %}" }]);
});

test("relative targets read against the post's URL, as the browser read them on the old site", () => {
  const served = new Set(["/images/posts/jenkins/01.png", "/files/a.pdf"]);
  const text = "![a](../images/posts/jenkins/01.png)\n![b](beside.png)\n[pdf](../files/a.pdf)\n![c](../nowhere.png)\n```\n![d](../images/posts/jenkins/01.png)\n```\n<img src=\"../images/posts/jenkins/01.png\">";
  const result = rootRelativeTargets(text, "/jenkins/", (url) => url === "beside.png", (rootPath) => served.has(rootPath));
  assert.equal(result.text, "![a](/images/posts/jenkins/01.png)\n![b](beside.png)\n[pdf](/files/a.pdf)\n![c](../nowhere.png)\n```\n![d](../images/posts/jenkins/01.png)\n```\n<img src=\"/images/posts/jenkins/01.png\">");
  assert.deepEqual(result.converted.map((c) => c.line), [1, 3, 8]);
});

test("a root path written with Windows backslashes, as the browser read it (hangack: /images\\2111\\x/a.png)", () => {
  const served = new Set(["/images/2111/Hexo_blog_img/public.png"]);
  const text = '<img src="/images\\2111\\Hexo_blog_img/public.png" alt="public">\n![b](/images\\2111\\nowhere.png)\n![c](/images/2111/Hexo_blog_img/public.png)';
  const result = rootRelativeTargets(text, "/2021/11/12/Blog/hexo-blog-img/", () => false, (rootPath) => served.has(rootPath));
  assert.equal(result.text, '<img src="/images/2111/Hexo_blog_img/public.png" alt="public">\n![b](/images\\2111\\nowhere.png)\n![c](/images/2111/Hexo_blog_img/public.png)');
  assert.deepEqual(result.converted.map((c) => c.line), [1]);
});
