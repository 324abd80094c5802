/**
 * A shell session (```console / ```shellsession) mixes prompts, commands and output. Readers copy
 * it to run the commands, so the page marks which part of each line is a prompt (unselectable,
 * hidden from screen readers) and which lines are output; the copy button then takes only the
 * commands. The same classification drives the markup and `extractCommands`.
 */

/** Fence languages (after alias resolution) that are shell sessions. */
export const SESSION_LANGUAGES: ReadonlySet<string> = new Set(["shellsession", "console", "shell-session", "sh-session"]);

export interface SessionLine {
  kind: "command" | "output";
  /** Characters of the line that are the prompt (`$ `, `root@web:/# `); 0 for output and continuations. */
  promptLength: number;
}

/**
 * A prompt: `$ `, `# `, `% `, `❯ `, optionally after `user@host:~`, `[user@host dir]` or a
 * virtualenv `(venv) `; PowerShell's `PS C:\> `. The space after the sign is required, so `#comment`
 * output and `$HOME` are not prompts.
 */
const PROMPT = /^(?:\([\w.-]+\)\s)?(?:\[[^\]\n]*\]|[\w.-]+@[\w.-]+(?::[^\s$#%]*)?|~[^\s$#%]*)?\s?[$#%❯] |^PS [^>\n]*> /u;
/** A continuation prompt (PS2) after a command that did not end. */
const CONTINUATION_PROMPT = /^> /;

/** Classifies each line of a session as a command (with its prompt length) or output. */
export function classifySessionLines(lines: readonly string[]): SessionLine[] {
  const result: SessionLine[] = [];
  let continues = false;
  for (const line of lines) {
    if (continues) {
      const prompt = CONTINUATION_PROMPT.exec(line);
      result.push({ kind: "command", promptLength: prompt ? prompt[0].length : 0 });
    } else {
      const prompt = PROMPT.exec(line);
      result.push(prompt ? { kind: "command", promptLength: prompt[0].length } : { kind: "output", promptLength: 0 });
      if (!prompt) continue;
    }
    // A trailing backslash, pipe or && continues the command on the next line.
    continues = /(?:\\|\||&&)\s*$/.test(line);
  }
  return result;
}

/**
 * The commands of a shell session, one per line, without prompts or output: what the copy
 * button puts on the clipboard.
 * @example extractCommands("$ kubectl get pods\nNAME READY\n$ kubectl logs web") // "kubectl get pods\nkubectl logs web"
 */
export function extractCommands(session: string): string {
  const lines = session.replace(/\r\n?/g, "\n").split("\n");
  return classifySessionLines(lines)
    .flatMap((info, index) => (info.kind === "command" ? [lines[index]!.slice(info.promptLength)] : []))
    .join("\n");
}
