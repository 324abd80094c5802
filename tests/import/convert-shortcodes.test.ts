/**
 * Hugo and Zola shortcodes -> markdown: a table of input and expected output; fences untouched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { convertShortcodes, shortcodeArguments } from "../../src/import/convert-shortcodes.ts";

const CASES: [string, string, string][] = [
  ["Hugo figure", '{{< figure src="/images/a.png" alt="구성도" >}}', "![구성도](/images/a.png)"],
  ["Hugo figure with a caption", '{{< figure src="a.png" caption="흐름" >}}', "![흐름](a.png)"],
  ["Hugo highlight", "{{< highlight bash \"linenos=table\" >}}\nkubectl get pods\n{{< /highlight >}}", "```bash\nkubectl get pods\n```"],
  ["Hugo notice with a title", '{{% notice warning "주의" %}}\n멈추세요.\n\n정말로.\n{{% /notice %}}', "> [!WARNING]\n> **주의**\n>\n> 멈추세요.\n>\n> 정말로."],
  ["Hugo admonition type=tip", '{{< admonition type="tip" >}}\n팁\n{{< /admonition >}}', "> [!TIP]\n> 팁"],
  ["Hugo youtube", "{{< youtube dQw4w9WgXcQ >}}", "[YouTube 동영상](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"],
  ["Zola youtube", '{{ youtube(id="abc") }}', "[YouTube 동영상](https://www.youtube.com/watch?v=abc)"],
  ["Zola note", "{% note() %}\n메모\n{% end %}", "> [!NOTE]\n> 메모"],
  ["Zola alert(type=danger)", '{% alert(type="danger") %}\n위험\n{% end %}', "> [!CAUTION]\n> 위험"],
  ["Zola mermaid", "{% mermaid() %}\ngraph TD\n  A-->B\n{% end %}", "```mermaid\ngraph TD\n  A-->B\n```"],
  ["Hugo mermaid", "{{< mermaid >}}\nsequenceDiagram\n{{< /mermaid >}}", "```mermaid\nsequenceDiagram\n```"],
  ["Zola katex(block=true)", "{% katex(block=true) %}\nE=mc^2\n{% end %}", "$$\nE=mc^2\n$$"],
  ["Zola katex inline", "{% katex() %}\nx^2\n{% end %}", "\\(x^2\\)"],
  ["escaped shortcodes are shown as written, in code and in prose (as inline code), never converted", "```\n{%/* mermaid() */%}\n{%/* end */%}\n```\n{{</* figure src=\"a.png\" */>}}", "```\n{% mermaid() %}\n{% end %}\n```\n`{{< figure src=\"a.png\" >}}`"],
  ["an escaped shortcode already in a code span is only unescaped", "쓰는 법: `{{</* youtube ID */>}}`", "쓰는 법: `{{< youtube ID >}}`"],
  ["an escaped shortcode in a fence inside details stays code", '{{% details title="예" %}}\n```\n{{</* lead */>}}\n```\n{{% /details %}}', "<details><summary>예</summary>\n\n```\n{{< lead >}}\n```\n\n</details>"],
  ["Blowfish icon inside an alert: removed there too", '{{< alert "circle-info" >}}\n- {{< icon "lock" >}} **보안**\n{{< /alert >}}', "> [!NOTE]\n> - **보안**"],
  ["Hextra details, closed", '{{% details title="수정된 스키마" closed="true" %}}\n\n```sql\nSELECT 1;\n```\n\n{{% /details %}}', "<details><summary>수정된 스키마</summary>\n\n\n```sql\nSELECT 1;\n```\n\n\n</details>"],
  ["Hugo details open, a summary with markup escaped", '{{< details summary="<b>로그</b>" open=true >}}\n본문\n{{< /details >}}', "<details open><summary>&lt;b>로그&lt;/b></summary>\n\n본문\n\n</details>"],
  ["hugo-book expand", '{{< expand "더 보기" >}}\n본문\n{{< /expand >}}', "<details><summary>더 보기</summary>\n\n본문\n\n</details>"],
  ["Blowfish lead: its paragraph", "{{< lead >}}\n사설 IP와 공인 IP\n{{< /lead >}}", "사설 IP와 공인 IP"],
  ["Blowfish icon in a heading: removed", '## {{< icon "globe" >}} 공인 IP란?', "## 공인 IP란?"],
  ["Hextra cards: a list of links", '{{< cards >}}\n  {{< card link="졸업작품" title="졸업작품" icon="folder-tree" subtitle="AI 온라인 저지" >}}\n{{< /cards >}}', "- [졸업작품](<졸업작품>) — AI 온라인 저지"],
  ["Hextra card over several lines, with an image", '{{< card\n      link="http://sjw-project.site/"\n      title="COCO"\n      image="졸작.png"\n>}}', "- [COCO](<http://sjw-project.site/>)\n  ![COCO](<졸작.png>)"],
  ["Hextra card without a link (a project in progress)", '{{< card title="OZZ - 작업중" subtitle="온라인 옷장" >}}', "- **OZZ - 작업중** — 온라인 옷장"],
  ["Blowfish carousel of named images: the images, one after another", '{{< carousel images= "{image1.jpg, image2.png}" aspectRatio="10-9" >}}', "![](image1.jpg)\n\n![](image2.png)"],
  ["Blowfish carousel of a glob: kept (the files are not listed here)", '{{< carousel images="img/*" >}}', '{{< carousel images="img/*" >}}'],
  ["Blowfish youtubeLite", '{{< youtubeLite id="SgXhGb-7QbU" label="demo" >}}', "[YouTube 동영상](https://www.youtube.com/watch?v=SgXhGb-7QbU)"],
  ["a blog's own colorbutton over three lines, an icon in it: a link", '{{< colorbutton href="https://github.com/0AndWild" target="_blank" color="github" >}}\n{{< icon "github" >}} GitHub\n{{< /colorbutton >}}', "[GitHub](<https://github.com/0AndWild>)"],
  ["Blowfish button on one line: a link", '먼저 {{< button href="/posts/" target="_self" >}}글 목록{{< /button >}} 보기', "먼저 [글 목록](</posts/>) 보기"],
  ["a button without href: kept", "{{< button >}}\n눌러\n{{< /button >}}", "{{< button >}}\n눌러\n{{< /button >}}"],
  ["unknown shortcode kept", "{{< gist a b >}}", "{{< gist a b >}}"],
  ["block never closed kept", "{{% notice tip %}}\n열린 채", "{{% notice tip %}}\n열린 채"],
  ["inside a fence kept", "```\n{{< figure src=\"a.png\" >}}\n```", "```\n{{< figure src=\"a.png\" >}}\n```"],
];

for (const [name, input, expected] of CASES) {
  test(name, () => assert.equal(convertShortcodes(input).text, expected));
}

test("front matter lines are left alone, converted lines are reported in file lines", () => {
  const text = "---\ntitle: '{{< figure src=\"x.png\" >}}'\n---\n\n{{< figure src=\"a.png\" >}}\n";
  const result = convertShortcodes(text, 3);
  assert.equal(result.text, "---\ntitle: '{{< figure src=\"x.png\" >}}'\n---\n\n![](a.png)\n");
  assert.deepEqual(result.converted.map((c) => c.line), [5]);
});

test("shortcode arguments: named (quoted or not) and positional", () => {
  assert.deepEqual(shortcodeArguments(`src="a b.png" width=300 warning "제목"`), { named: { src: "a b.png", width: "300" }, positional: ["warning", "제목"] });
});

test("a line that starts with ```x``` is inline code, not a fence: the shortcodes after it are converted", () => {
  const text = "```TargetActor```란 대상을 고르는 액터다.\n\n{{< figure src=\"/img/gas.png\" alt=\"흐름\" >}}\n";
  const { text: converted, converted: done } = convertShortcodes(text);
  assert.equal(converted, "```TargetActor```란 대상을 고르는 액터다.\n\n![흐름](/img/gas.png)\n");
  assert.deepEqual(done.map((c) => c.line), [3]);
});
