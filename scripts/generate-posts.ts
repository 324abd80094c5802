/**
 * Writes a benchmark corpus: N realistic Korean DevOps posts (front matter, Hangul headings, YAML and
 * shell blocks, links to other posts by URL, by `.md` path and by anchor, images) into a folder.
 *
 *   node --import tsx scripts/generate-posts.ts DIR [COUNT=1000]
 *
 * Deterministic: the same COUNT always gives the same files, so timings can be compared.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const TOPICS = ["쿠버네티스", "도커", "테라폼", "헬름", "인그레스", "깃허브 액션", "프로메테우스", "아르고CD"];
const TAGS = ["kubernetes", "docker", "terraform", "helm", "ci-cd", "모니터링", "네트워크", "보안"];
const CATEGORIES = ["devops", "cloud", "infra"];

const PROSE =
  "운영 환경에서 이 설정을 적용하면서 겪은 문제와 해결 과정을 정리한다. 처음에는 기본값으로 충분하다고 생각했지만, " +
  "트래픽이 늘어나자 리소스 제한과 재시작 정책을 다시 살펴봐야 했다. `kubectl describe`로 이벤트를 확인하고 로그를 비교했다.";

const YAML_BLOCK = [
  "```yaml",
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata:",
  "  name: web",
  "spec:",
  "  replicas: 3",
  "  template:",
  "    spec:",
  "      containers:",
  "        - name: web",
  "          image: nginx:1.27",
  "          resources:",
  "            limits: { cpu: 500m, memory: 256Mi }",
  "```",
].join("\n");

const SHELL_BLOCK = ["```shell", "kubectl apply -f deployment.yaml", "kubectl rollout status deploy/web", "```"].join("\n");

export function postFileName(index: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  return `${day}-post-${index}.md`;
}

/** The text of post `index` of `count`; it links to the two posts before it. */
export function generatePost(index: number): string {
  const topic = TOPICS[index % TOPICS.length]!;
  const category = CATEGORIES[index % CATEGORIES.length]!;
  const tags = [TAGS[index % TAGS.length]!, TAGS[(index * 3 + 1) % TAGS.length]!];
  const lines = [
    "---",
    `title: "${topic} 정리 ${index}"`,
    `tags: [${tags.join(", ")}]`,
    `categories: [${category}]`,
    "toc: true",
    "---",
    "",
    `${topic}를 처음 도입하면서 정리한 노트 ${index}번.`,
    "",
    "## 그래서 쿠버네티스가 뭔데?",
    "",
    PROSE,
    "",
    YAML_BLOCK,
    "",
    "## 설치와 설정",
    "",
    PROSE,
    "",
    SHELL_BLOCK,
    "",
    "![구성 요소](/assets/images/components-of-kubernetes.svg)",
    "",
  ];
  if (index > 0) {
    const previousCategory = CATEGORIES[(index - 1) % CATEGORIES.length]!;
    lines.push(
      `이전 글: [${index - 1}번](/${previousCategory}/post-${index - 1}/#%EC%84%A4%EC%B9%98%EC%99%80-%EC%84%A4%EC%A0%95)`,
      "",
    );
  }
  if (index > 1) lines.push(`더 이전 글: [${index - 2}번](./${postFileName(index - 2)}#그래서-쿠버네티스가-뭔데)`, "");
  lines.push("## 정리", "", PROSE, "", "- 리소스 제한을 먼저 정한다.", "- 롤아웃 상태를 확인한다.", "- [공식 문서](https://kubernetes.io/docs/)를 읽는다.", "");
  return lines.join("\n");
}

export async function generatePosts(folder: string, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const name = postFileName(index);
    await writeFile(path.join(folder, name), generatePost(index));
    names.push(name);
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, count = "1000"] = process.argv.slice(2);
  if (!folder) {
    console.error("usage: node --import tsx scripts/generate-posts.ts DIR [COUNT]");
    process.exit(2);
  }
  const names = await generatePosts(folder, Number(count));
  console.log(`wrote ${names.length} posts to ${folder}`);
}
