/**
 * GitHub emoji names (`:memo:` -> 📝) in post text, as Jekyll's jemoji and Hugo's `enableEmoji` do,
 * when the site's `emoji` setting is on.
 *
 * markdown-it-emoji does the work: a core rule after `linkify` that splits `text` tokens only, so
 * code spans, fences, math, raw HTML (its attributes included) and autolinked URLs never change.
 * Its `full` set carries GitHub's names. Two choices differ from its defaults:
 * - no emoticons (`:)`, `8)`, `:p`): GitHub and Hugo do not convert them, and `(step 8)` or `:/path`
 *   are ordinary DevOps text;
 * - a name touching an ASCII letter or digit stays text: `root:x:0:0` (/etc/passwd), `a:id:b`,
 *   `10:100:5` are data, not emoji. Hangul may touch it: `완료:white_check_mark:` is an emoji.
 *
 * An emoji token keeps its name in `markup`; headings.ts slugs heading ids from the name, so ids are
 * the same with the setting on or off (`## :memo: 메모` -> `memo-메모`, as on GitHub).
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { full as emojiFull } from "markdown-it-emoji";

/** Letters and digits that make a `:name:` part of a word or a value (`root:x:0`). */
const ASCII_WORD = /[A-Za-z0-9]/;

/** The name as written in the post, colons included. */
export function emojiShortcode(token: Token): string {
  return `:${token.markup}:`;
}

function touchesWord(children: readonly Token[], index: number): boolean {
  const before = children[index - 1];
  const after = children[index + 1];
  return (before?.type === "text" && ASCII_WORD.test(before.content.slice(-1))) || (after?.type === "text" && ASCII_WORD.test(after.content.charAt(0)));
}

/** Emoji tokens glued to an ASCII word turned back into the text they were. */
function keepWordsRule(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.children?.some((child) => child.type === "emoji")) continue;
    const children = token.children;
    for (let i = 0; i < children.length; i++) {
      if (children[i]!.type !== "emoji" || !touchesWord(children, i)) continue;
      const text = new state.Token("text", "", 0);
      text.content = emojiShortcode(children[i]!);
      children[i] = text;
    }
  }
}

export function emojiPlugin(md: MarkdownIt): void {
  md.use(emojiFull, { shortcuts: {} });
  md.core.ruler.after("emoji", "opsnote_emoji_words", keepWordsRule);
}
