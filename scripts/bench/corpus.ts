/**
 * A deterministic corpus of Korean DevOps posts for `npm run bench`.
 *
 * Every post has Korean prose, 8 headings and 3–5 code blocks whose identifiers and numbers vary
 * per post, so blocks are (almost all) distinct and a highlight cache cannot win by de-duplication
 * that a real blog would not give it. The same seed always gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: tiny, fast and good enough to pick words; not for anything secret. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const SUBJECTS = ["쿠버네티스", "도커 이미지", "테라폼 모듈", "헬름 차트", "인그레스", "서비스 메시", "CI 파이프라인", "프로메테우스", "로그 수집기", "배포 전략", "노드 풀", "시크릿 관리"];
const OBJECTS = ["설정", "롤링 업데이트", "리소스 제한", "헬스 체크", "캐시", "권한", "네트워크 정책", "볼륨", "오토스케일링", "알림 규칙"];
const VERBS = ["살펴본다", "정리해 보았다", "직접 적용해 보았다", "비교해 보자", "고쳐야 했다", "이해하는 데 시간이 걸렸다", "문서와 다르게 동작했다", "운영 환경에서 확인했다"];
const CONNECTIVES = ["그래서", "하지만", "결국", "처음에는", "다행히", "예를 들어", "생각보다", "실제로는"];
const TAILS = ["이 부분은 나중에 다시 확인해야 한다.", "자세한 내용은 공식 문서를 참고하자.", "팀원들과 함께 리뷰했다.", "장애 회고에서도 같은 이야기가 나왔다.", "로그를 보면 원인이 바로 보인다."];
const TAGS = ["kubernetes", "docker", "terraform", "helm", "aws", "gcp", "ci-cd", "github-actions", "prometheus", "grafana", "linux", "nginx", "ansible", "argocd", "istio", "go", "python", "쿠버네티스", "도커", "모니터링", "네트워크", "보안", "회고", "트러블슈팅", "데브옵스", "클라우드", "자동화", "로그", "배포", "성능"];
const CATEGORIES = ["devops", "kubernetes", "cloud", "ci-cd", "monitoring", "linux", "회고", "개발"];
const APPS = ["api", "web", "worker", "gateway", "billing", "auth", "search", "batch", "frontend", "metrics"];

function sentence(random: Random): string {
  return `${pick(random, CONNECTIVES)} ${pick(random, SUBJECTS)}의 ${pick(random, OBJECTS)}을 ${pick(random, VERBS)}. ${random() < 0.4 ? pick(random, TAILS) : ""}`.trim();
}

function paragraph(random: Random): string {
  const sentences = Array.from({ length: between(random, 2, 5) }, () => sentence(random));
  if (random() < 0.3) sentences.push(`\`${pick(random, APPS)}-${between(random, 1, 99)}\` 서비스에서 **${pick(random, OBJECTS)}**을 바꿨다.`);
  return sentences.join(" ");
}

const CODE_LANGUAGES = ["yaml", "bash", "console", "dockerfile", "hcl", "json", "go", "python"] as const;
type CodeLanguage = (typeof CODE_LANGUAGES)[number];

function codeBlock(random: Random, language: CodeLanguage): string {
  const app = `${pick(random, APPS)}-${between(random, 1, 999)}`;
  const port = between(random, 3000, 9999);
  const replicas = between(random, 1, 12);
  const version = `${between(random, 1, 3)}.${between(random, 0, 30)}.${between(random, 0, 9)}`;
  switch (language) {
    case "yaml":
      return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
    tier: ${pick(random, ["backend", "frontend", "batch"])}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${app}
          image: "registry.example.kr/${app}:${version}" # 태그 고정
          ports:
            - containerPort: ${port}
          resources:
            limits:
              cpu: "${between(random, 100, 2000)}m"
              memory: ${between(random, 128, 4096)}Mi
          readinessProbe:
            httpGet: { path: /healthz, port: ${port} }`;
    case "bash":
      return `#!/usr/bin/env bash
set -euo pipefail
# ${app} 배포 스크립트
NAMESPACE="\${NAMESPACE:-${pick(random, ["prod", "staging", "dev"])}}"
for i in $(seq 1 ${replicas}); do
  kubectl -n "$NAMESPACE" rollout status deploy/${app} --timeout=${between(random, 30, 300)}s || exit 1
done
if [[ -f ./values-${app}.yaml ]]; then
  helm upgrade --install ${app} ./chart -f ./values-${app}.yaml --set image.tag=${version}
fi
echo "done: ${app} (${port})" | tee -a /var/log/deploy.log`;
    case "console":
      return `$ kubectl get pods -n ${pick(random, ["prod", "staging", "dev"])} -l app=${app}
NAME                          READY   STATUS    RESTARTS   AGE
${app}-${between(random, 10000, 99999)}-abcde   1/1     Running   ${between(random, 0, 5)}          ${between(random, 1, 59)}m
${app}-${between(random, 10000, 99999)}-fghij   1/1     Running   0          ${between(random, 1, 59)}m
$ kubectl logs deploy/${app} --tail=${between(random, 5, 50)}
level=info msg="listening" port=${port}`;
    case "dockerfile":
      return `FROM golang:1.${between(random, 18, 23)} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/${app} ./cmd/${app}

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/${app} /usr/local/bin/${app}
EXPOSE ${port}
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/${app}"]`;
    case "hcl":
      return `resource "aws_instance" "${app.replace("-", "_")}" {
  ami           = "ami-${between(random, 100000, 999999)}"
  instance_type = "${pick(random, ["t3.micro", "t3.small", "m5.large", "c6g.xlarge"])}"
  count         = ${replicas}

  tags = {
    Name = "${app}"
    Env  = var.environment
  }
}

variable "environment" {
  type    = string
  default = "${pick(random, ["prod", "staging", "dev"])}"
}`;
    case "json":
      return `{
  "name": "${app}",
  "version": "${version}",
  "replicas": ${replicas},
  "port": ${port},
  "enabled": ${random() < 0.5},
  "labels": { "team": "${pick(random, ["platform", "sre", "data"])}", "cost-center": ${between(random, 100, 999)} },
  "endpoints": ["/healthz", "/metrics", "/api/v${between(random, 1, 3)}"]
}`;
    case "go":
      return `package main

import (
\t"fmt"
\t"net/http"
\t"time"
)

func main() {
\tclient := &http.Client{Timeout: ${between(random, 1, 30)} * time.Second}
\tfor i := 0; i < ${replicas}; i++ {
\t\tresp, err := client.Get("http://${app}:${port}/healthz")
\t\tif err != nil {
\t\t\tfmt.Println("unhealthy:", err)
\t\t\tcontinue
\t\t}
\t\tresp.Body.Close()
\t}
}`;
    case "python":
      return `import os
import time

import requests

URL = os.environ.get("TARGET", "http://${app}:${port}")


def wait_ready(retries: int = ${replicas}) -> bool:
    """${app}가 준비될 때까지 기다린다."""
    for attempt in range(retries):
        if requests.get(f"{URL}/healthz", timeout=${between(random, 1, 9)}).ok:
            return True
        time.sleep(2 ** attempt)
    return False`;
  }
}

export interface CorpusPost {
  fileName: string;
  text: string;
}

function isoDate(random: Random, index: number): string {
  // Spread over ~8 years, deterministic; hours vary so same-day posts order stably.
  const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(index * 0.7 + random() * 3) * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T${String(between(random, 0, 23)).padStart(2, "0")}:${String(between(random, 0, 59)).padStart(2, "0")}:00+09:00`;
}

export function generatePost(seed: number, index: number): CorpusPost {
  const random = createRandom(seed * 1_000_003 + index);
  const date = isoDate(random, index);
  const subject = pick(random, SUBJECTS);
  const title = `${subject} ${pick(random, OBJECTS)} 노트 #${index + 1}`;
  const tags = [...new Set(Array.from({ length: between(random, 2, 4) }, () => pick(random, TAGS)))];
  const category = pick(random, CATEGORIES);
  const blocks = between(random, 3, 5);
  const blockAfterHeading = new Set<number>();
  while (blockAfterHeading.size < blocks) blockAfterHeading.add(between(random, 0, 7));
  const lines = [
    "---",
    `title: "${title}"`,
    `date: ${date}`,
    "tags:",
    ...tags.map((tag) => `  - ${tag}`),
    "categories:",
    `  - ${category}`,
    `toc: ${random() < 0.7}`,
    "---",
    "",
    paragraph(random),
    "",
  ];
  for (let h = 0; h < 8; h++) {
    const level = h === 0 || random() < 0.6 ? "##" : "###";
    lines.push(`${level} ${h + 1}. ${pick(random, SUBJECTS)} ${pick(random, OBJECTS)}`, "", paragraph(random), "");
    if (blockAfterHeading.has(h)) {
      const language = pick(random, CODE_LANGUAGES);
      lines.push(`\`\`\`${language}`, codeBlock(random, language), "```", "", paragraph(random), "");
    }
  }
  return { fileName: `${date.slice(0, 10)}-note-${index + 1}.md`, text: `${lines.join("\n")}\n` };
}

/** Writes `count` posts into `folder` (created if missing) and returns their file names. */
export function writeCorpus(folder: string, count: number, seed: number): string[] {
  mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const post = generatePost(seed, i);
    writeFileSync(path.join(folder, post.fileName), post.text);
    names.push(post.fileName);
  }
  return names;
}
