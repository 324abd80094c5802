import { test } from "node:test";
import assert from "node:assert/strict";
import { classifySessionLines, extractCommands } from "../../src/markdown/console-session.ts";

const cases: [name: string, session: string, commands: string][] = [
  ["prompts and output", "$ kubectl get pods\nNAME   READY\nweb-0  1/1\n$ kubectl logs web-0\nlistening", "kubectl get pods\nkubectl logs web-0"],
  ["root prompt", "# apt-get update\nHit:1 http://deb.debian.org", "apt-get update"],
  ["user@host prompts", "user@web:~/app$ ls -la\ntotal 0\nroot@pod:/# id -u\n0", "ls -la\nid -u"],
  ["bracketed prompt", "[ec2-user@ip-10-0-0-1 ~]$ sudo systemctl status nginx", "sudo systemctl status nginx"],
  ["zsh prompts", "% brew install kubectl\n❯ kubectl version", "brew install kubectl\nkubectl version"],
  ["virtualenv", "(venv) $ pip install ansible", "pip install ansible"],
  ["powershell", "PS C:\\> kubectl get nodes\nNAME STATUS", "kubectl get nodes"],
  ["continued command", "$ docker run \\\n  -p 8080:80 \\\n  nginx\nUnable to find image", "docker run \\\n  -p 8080:80 \\\n  nginx"],
  ["PS2 continuation prompt", "$ cat <<EOF |\n> hello\nhello", "cat <<EOF |\nhello"],
  ["no prompt at all: nothing to copy", "NAME READY\nweb 1/1", ""],
  ["$VAR and #comment are not prompts", "$HOME\n#comment\n$ echo $HOME\n/root", "echo $HOME"],
  ["CRLF", "$ ls\r\nfile\r\n$ pwd\r\n", "ls\npwd"],
];

for (const [name, session, commands] of cases) {
  test(`extractCommands: ${name}`, () => {
    assert.equal(extractCommands(session), commands);
  });
}

test("classifySessionLines gives each prompt's length so the page can make it unselectable", () => {
  assert.deepEqual(classifySessionLines(["$ ls", "a.txt", "root@web:/# id", "  \\", "> x"]), [
    { kind: "command", promptLength: 2 },
    { kind: "output", promptLength: 0 },
    { kind: "command", promptLength: 12 },
    { kind: "output", promptLength: 0 },
    { kind: "output", promptLength: 0 },
  ]);
});
