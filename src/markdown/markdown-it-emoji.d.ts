// markdown-it-emoji 3 ships no types; this is the part opsnote uses.
declare module "markdown-it-emoji" {
  import type { PluginWithOptions } from "markdown-it";

  export interface EmojiOptions {
    /** Name (without colons) -> the emoji character. */
    defs?: Record<string, string>;
    /** Emoji name -> emoticons that also become it (`:)`); `{}` turns emoticons off. */
    shortcuts?: Record<string, string | string[]>;
    /** Only these names, when non-empty. */
    enabled?: string[];
  }

  export const bare: PluginWithOptions<EmojiOptions>;
  export const light: PluginWithOptions<EmojiOptions>;
  export const full: PluginWithOptions<EmojiOptions>;
}
