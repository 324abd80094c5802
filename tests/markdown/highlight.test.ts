import { before, test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { getCodeHighlighter, getCodeStylesheet, type CodeHighlighter } from "../../src/markdown/highlight.ts";
import { BUNDLED_LANGUAGE_IDS, LANGUAGE_ALIASES, fenceLanguages, resolveLanguageName } from "../../src/markdown/highlight-languages.ts";
import { parseStylesheet, tokenVariables } from "../helpers/token-colours.ts";

let highlighter: Required<CodeHighlighter>;
let sheet: ReturnType<typeof parseStylesheet>;
before(async () => {
  highlighter = await getCodeHighlighter();
  sheet = parseStylesheet(await getCodeStylesheet());
});

/** The distinct light-theme colours of the tokens in highlighted HTML. */
function tokenColours(html: string): Set<string> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const pre = document.querySelector("pre.shiki");
  assert.ok(pre, `no pre.shiki in ${html}`);
  const colours = [...pre.querySelectorAll("span.line span")].map((span) => tokenVariables(span, sheet)["--shiki-light"]?.toLowerCase());
  return new Set(colours.filter((c): c is string => c !== undefined));
}

const resolveCases: [name: string, expected: string | undefined][] = [
  ["yaml", "yaml"],
  ["YAML", "yaml"],
  ["Yml", "yaml"],
  ["Dockerfile", "docker"],
  ["DOCKERFILE", "docker"],
  [" yaml ", "yaml"],
  // shiki's own aliases, case-insensitively
  ["c++", "cpp"],
  ["C++", "cpp"],
  ["cpp", "cpp"],
  ["tsx", "tsx"],
  ["jsx", "jsx"],
  ["tf", "terraform"],
  ["TF", "terraform"],
  ["terraform", "terraform"],
  ["tfvars", "terraform"],
  ["hcl", "hcl"],
  ["sh", "shellscript"],
  ["shell", "shellscript"],
  ["zsh", "shellscript"],
  ["console", "shellsession"],
  ["docker", "docker"],
  ["ps1", "powershell"],
  ["vim", "viml"],
  ["viml", "viml"],
  ["scala", "scala"],
  ["Ruby", "ruby"],
  ["rb", "ruby"],
  ["properties", "ini"],
  ["c#", "csharp"],
  ["kt", "kotlin"],
  // opsnote's own table
  ["assembly", "asm"],
  ["k8s", "yaml"],
  ["kubernetes", "yaml"],
  ["helm", "yaml"],
  ["docker-compose", "yaml"],
  ["golang", "go"],
  ["jinja2", "jinja"],
  ["conf", "ini"],
  ["terminal", "shellsession"],
  ["postgresql", "sql"],
  ["pycon", "python"],
  ["mysql-sql", "sql"],
  // an extension written with its dot
  [".properties", "ini"],
  [".env", "dotenv"],
  [".", undefined],
  // plain text
  ["text", "text"],
  ["", "text"],
  ["plaintext", "text"],
  ["txt", "text"],
  ["output", "text"],
  ["none", "text"],
  // known languages with no grammar: plain text, no warning
  ["promql", "text"],
  ["LogQL", "text"],
  ["rego", "text"],
  // unknown: plain text with a warning
  ["kubectl", undefined],
  ["not-a-language", undefined],
];

for (const [name, expected] of resolveCases) {
  test(`resolveLanguage(${JSON.stringify(name)}) is ${JSON.stringify(expected)}`, () => {
    assert.equal(resolveLanguageName(name), expected);
    assert.equal(highlighter.resolveLanguage(name), expected);
  });
}

test("every name in opsnote's alias table resolves to a grammar shiki bundles", () => {
  for (const [name, target] of Object.entries(LANGUAGE_ALIASES)) {
    assert.ok(BUNDLED_LANGUAGE_IDS.includes(target), `${name} -> ${target}, which shiki does not bundle`);
    assert.equal(resolveLanguageName(name), target);
  }
});

test("fenceLanguages finds what a post's fences need, in blockquotes, lists, tildes and Zola/Hugo info strings", () => {
  const text = [
    "```C++", "int x;", "```",
    "> ~~~scala", "> val x = 1", "> ~~~",
    "- item", "", "  ```tsx title=\"a.tsx\"", "  <A />", "  ```",
    "```bash,hl_lines=4-5", "echo", "```",
    "```go {hl_lines=[2]}", "x", "```",
    "```kubectl", "get po", "```",
    "1. > ```lua", "   > x", "   > ```",
    "```text", "x", "```",
    "```", "no language", "```",
  ].join("\n");
  assert.deepEqual([...fenceLanguages(text)].sort(), ["cpp", "go", "lua", "scala", "shellscript", "tsx"]);
});

const SESSION = "$ kubectl get pods\nNAME    READY   STATUS\nweb-0   1/1     Running";

test("console is highlighted with the shellsession grammar", () => {
  const console = highlighter.resolveLanguage("console");
  const session = highlighter.resolveLanguage("shellsession");
  assert.ok(console !== undefined && session !== undefined);
  assert.equal(highlighter.highlight(SESSION, console), highlighter.highlight(SESSION, session));
  assert.equal(highlighter.highlight(SESSION, highlighter.resolveLanguage("shell-session")!), highlighter.highlight(SESSION, session));
  assert.notEqual(highlighter.highlight(SESSION, console), highlighter.highlight(SESSION, "text"));
});

test("tf and tfvars are highlighted exactly like terraform", async () => {
  await highlighter.loadLanguages(["tf"]);
  const code = 'resource "aws_s3_bucket" "logs" {\n  bucket = "opsnote-logs"\n}';
  const terraform = highlighter.highlight(code, "terraform");
  assert.equal(highlighter.highlight(code, highlighter.resolveLanguage("tf")!), terraform);
  assert.equal(highlighter.highlight(code, highlighter.resolveLanguage("tfvars")!), terraform);
});

/** A snippet per language the issue lists: each must come out in more than one colour. */
const SAMPLES: Record<string, string> = {
  bash: 'if [ -f "$HOME/.kube/config" ]; then echo "ok"; fi # check',
  sh: 'export KUBECONFIG="$HOME/.kube/config" # env',
  shell: 'for ns in default kube-system; do kubectl get pods -n "$ns"; done',
  zsh: 'alias k="kubectl" # short',
  console: SESSION,
  shellsession: SESSION,
  yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # comment\nspec:\n  replicas: 3",
  yml: "on:\n  push:\n    branches: [main]",
  json: '{ "name": "opsnote", "private": true, "version": 1 }',
  jsonc: '{\n  // comment\n  "strict": true\n}',
  dockerfile: "FROM node:20-alpine\nRUN npm ci\nCMD [\"node\", \"server.js\"]",
  hcl: 'variable "region" {\n  default = "ap-northeast-2"\n}',
  terraform: 'provider "aws" {\n  region = var.region\n}',
  toml: '[server]\nport = 8080\nname = "opsnote"',
  ini: "[database]\nhost = localhost ; comment\nport = 5432",
  nginx: "server {\n  listen 80;\n  location / { proxy_pass http://app:3000; }\n}",
  go: 'package main\n\nfunc main() { fmt.Println("hi") }',
  python: 'def main() -> None:\n    print("hi")  # comment',
  javascript: 'const port = 3000; // comment\nconsole.log(`port ${port}`);',
  typescript: "interface Post { title: string }\nconst n: number = 1;",
  diff: "--- a/values.yaml\n+++ b/values.yaml\n-replicas: 1\n+replicas: 3",
  sql: "SELECT name, count(*) FROM pods WHERE ready = true GROUP BY name;",
  makefile: "build:\n\tgo build -o bin/app ./cmd/app\n\n.PHONY: build",
  xml: '<?xml version="1.0"?>\n<project><version>1.0</version></project>',
  properties: "# comment\nserver.port=8080\nspring.application.name=opsnote",
  powershell: 'Get-Process | Where-Object { $_.CPU -gt 100 } # comment',
  rust: 'fn main() {\n    let x: u32 = 5;\n    println!("{}", x);\n}',
  java: 'public class App {\n  public static void main(String[] args) { System.out.println("hi"); }\n}',
  // Loaded on demand (not among the preloaded grammars):
  "c++": "#include <vector>\nint main() { std::vector<int> v{1, 2}; return 0; } // done",
  scala: 'object Main extends App { val n: Int = 3; println(s"n=$n") }',
  ruby: 'def hello(name) = puts "hi #{name}" # greet',
  vim: 'set number " comment\nnnoremap <leader>w :w<CR>',
  tsx: "export const A = ({ n }: { n: number }) => <div className=\"a\">{n}</div>;",
  jsx: "const el = <Button onClick={() => go(1)}>Go</Button>; // jsx",
  kotlin: 'fun main() { val x: Int = 1; println("x=$x") }',
  lua: 'local x = 1 -- comment\nprint("x")',
  tf: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  count = 2\n}',
};

for (const [name, code] of Object.entries(SAMPLES)) {
  test(`fence language "${name}" loads and highlights`, async () => {
    const language = highlighter.resolveLanguage(name);
    assert.ok(language !== undefined, `"${name}" is not a known language`);
    await highlighter.loadLanguages([language]);
    assert.ok(tokenColours(highlighter.highlight(code, language)).size >= 2, `"${name}" came out in a single colour`);
  });
}

test("highlighted HTML carries both themes as CSS variables, set by classes of the code stylesheet", () => {
  const html = highlighter.highlight("a: 1", "yaml");
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const pre = document.querySelector("pre")!;
  assert.ok(pre.classList.contains("shiki"));
  assert.equal(pre.getAttribute("style"), null, "the pre's colours are in the stylesheet");
  assert.match(sheet.get(".shiki")?.["--shiki-light-bg"] ?? "", /^#/);
  const spans = [...pre.querySelectorAll("span.line span")];
  assert.ok(spans.length >= 3);
  for (const span of spans) {
    assert.equal(span.getAttribute("style"), null);
    const variables = tokenVariables(span, sheet);
    assert.match(variables["--shiki-light"] ?? "", /^#[0-9a-f]{3,8}$/i, span.outerHTML);
    assert.match(variables["--shiki-dark"] ?? "", /^#[0-9a-f]{3,8}$/i, span.outerHTML);
  }
});

test("code is escaped, never passed through as HTML", () => {
  const code = '<script>alert("x")</script> & {{ .Values.x }}';
  const html = highlighter.highlight(code, "text");
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  assert.equal(document.querySelector("script"), null);
  assert.equal(document.querySelector("pre code")!.textContent, code);
});

test("the highlighter is created once per process", async () => {
  assert.equal(await getCodeHighlighter(), highlighter);
});

test("a grammar outside the preloaded set is loaded on demand, once; unknown names are ignored", async () => {
  assert.equal(highlighter.isLoaded("elixir"), false, "elixir is not preloaded");
  assert.ok(!highlighter.languages.includes("elixir"));
  await highlighter.loadLanguages(["Elixir", "kubectl", "text"]);
  assert.equal(highlighter.isLoaded("elixir"), true);
  assert.ok(highlighter.languages.includes("elixir"));
  assert.ok(!highlighter.languages.includes("kubectl"));
  assert.ok(tokenColours(highlighter.highlight('defmodule A do\n  def f, do: :ok # x\nend', "elixir")).size >= 2);
});

test("the cache key of a grammar that colours embedded code only with loaded grammars names what is loaded", async () => {
  const before = highlighter.cacheKeyOf("markdown");
  assert.equal(highlighter.cacheKeyOf("yaml"), "yaml", "a grammar without lazy embeds is keyed by its name");
  assert.ok(before.startsWith("markdown+"));
  await highlighter.loadLanguages(["haskell"]);
  assert.notEqual(highlighter.cacheKeyOf("markdown"), before);
});
