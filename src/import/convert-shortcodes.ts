/**
 * The Hugo and Zola shortcodes nearly every DevOps blog uses, turned into plain markdown while a
 * post is copied: `figure` -> an image, `highlight` -> a fence, `notice`/`admonition` and Zola's
 * `{% note() %}` -> a GitHub alert (`> [!NOTE]`, which opsnote draws as a callout), `mermaid` -> a
 * mermaid fence, `katex`/`math` -> `$$ … $$` (or `\( … \)` for Zola's inline form), `youtube` -> a
 * link, `details` (Hugo's own, Hextra's) and hugo-book's `expand` -> `<details>`, Blowfish's and Congo's
 * `lead` -> its paragraph, `icon` (a decorative glyph, often in a heading) -> nothing and `carousel`
 * -> its images one after another, any `…button` with an `href` -> a link, Hextra's `cards` of
 * `card`s -> a list of links. Code fences are left alone; any other shortcode stays as
 * written and is reported.
 */
import { fenceTracker, opensFence } from "./fences.ts";

export interface ShortcodeConversion {
  text: string;
  /** Lines (1-based, in the original text) where a shortcode was converted (to `endLine` for a block), and what it was. */
  converted: { line: number; endLine: number; text: string }[];
}

/** Callout kinds by the names themes give them. */
const ALERT_KINDS: Record<string, string> = {
  note: "NOTE", info: "NOTE", information: "NOTE", abstract: "NOTE", summary: "NOTE", example: "NOTE", quote: "NOTE",
  tip: "TIP", hint: "TIP", success: "TIP", question: "TIP",
  important: "IMPORTANT",
  warning: "WARNING", warn: "WARNING", attention: "WARNING",
  caution: "CAUTION", danger: "CAUTION", error: "CAUTION", bug: "CAUTION", failure: "CAUTION",
};

/** `src="a.png" alt='b' width=3` -> `{ src: "a.png", alt: "b", width: "3" }`; bare words by position. */
export function shortcodeArguments(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s,)]+))|"((?:[^"\\]|\\.)*)"|([^\s=,"']+)/g)) {
    if (match[1] !== undefined) named[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? match[5] ?? "";
    else positional.push(match[6] ?? match[7]!);
  }
  return { named, positional };
}

const HUGO_OPEN = /^\s*\{\{([<%])\s*(highlight|notice|admonition|alert|hint|callout|mermaid|katex|math|details|expand|lead|[\w-]*button)\b(.*?)\s*[>%]\}\}\s*$/i;
/** Blowfish's, Congo's and hugo-book's `{{< button href="x" >}}Text{{< /button >}}` (and a blog's own `colorbutton`) on one line. */
const HUGO_BUTTON = /\{\{<\s*([\w-]*button)\b(.*?)\s*>\}\}(.*?)\{\{<\s*\/\s*\1\s*>\}\}/gi;
/** Hextra's `{{< cards >}}` around its cards: the list the cards become needs no wrapper. */
const HUGO_CARDS = /^\s*\{\{<\s*\/?\s*cards\b[^>]*>\}\}\s*$/i;
/** Hextra's `{{< card link="x" title="y" subtitle="z" image="a.png" >}}`, on one line or several. */
const HUGO_CARD = /^(\s*)\{\{<\s*card\b([\s\S]*?)\/?>\}\}\s*$/i;
/** Blowfish's `{{< carousel images="{a.jpg,b.png}" >}}`: a slide show of the images named (a glob such as `img/*` is left). */
const HUGO_CAROUSEL = /\{\{<\s*carousel\b(.*?)\s*>\}\}/gi;
/** Blowfish's and Congo's `{{< icon "globe" >}}`: an SVG of the theme's, no text. */
const HUGO_ICON = /\s?\{\{<\s*icon\s+("[^"]*"|[\w-]+)\s*>\}\}/gi;
const ZOLA_OPEN = /^\s*\{%\s*(note|tip|info|warning|caution|danger|important|alert|admonition|callout|mermaid|katex|math)\s*\((.*)\)\s*%\}\s*$/i;
const FIGURE = /\{\{[<%]\s*figure\b(.*?)\s*\/?\s*[>%]\}\}/gi;
const HUGO_YOUTUBE = /\{\{[<%]\s*youtube(?:lite)?\b(.*?)\s*[>%]\}\}/gi;
const ZOLA_YOUTUBE = /\{\{\s*youtube\s*\((.*?)\)\s*\}\}/gi;

function alertKind(name: string | undefined, fallback = "NOTE"): string {
  return ALERT_KINDS[(name ?? "").toLowerCase()] ?? fallback;
}

function youtubeLink(id: string | undefined): string {
  return id ? `[YouTube 동영상](https://www.youtube.com/watch?v=${encodeURIComponent(id)})` : "";
}

const ESCAPED_SHORTCODE = /(\{\{[<%]?|\{%)\/\*\s?(.*?)\s?\*\/([>%]?\}\}|%\})/g;

/** Hugo's and Zola's escaped shortcodes, as those generators print them: the comment marks removed. */
export function unescapeShortcodes(line: string): string {
  return line.replace(ESCAPED_SHORTCODE, "$1 $2 $3").replace(/(\{\{[<%]?|\{%)  +/g, "$1 ").replace(/  +([>%]?\}\}|%\})/g, " $1");
}

/**
 * An escaped shortcode in prose (a theme manual showing how to write a youtube shortcode) as inline
 * code: shown as written, as the old site showed it, and never taken for a shortcode left to convert
 * (the build warns about those). One already inside a code span is only unescaped.
 */
function unescapeShortcodesInProse(line: string): string {
  return line.replace(ESCAPED_SHORTCODE, (whole, ...rest: unknown[]) => {
    const offset = rest.at(-2) as number;
    const shown = unescapeShortcodes(whole);
    return line[offset - 1] === "`" ? shown : `\`${shown}\``;
  });
}

/** Converts the shortcodes of the lines after `firstBodyLine` (0-based: the front matter is left as it is). */
export function convertShortcodes(text: string, firstBodyLine = 0): ShortcodeConversion {
  const lines = text.split("\n");
  const out: string[] = lines.slice(0, firstBodyLine);
  const converted: ShortcodeConversion["converted"] = [];
  /** Indexes in `out` of code lines (fences and what they hold): their escaped shortcodes stay code. */
  const code = new Set<number>();
  const fences = fenceTracker();
  /** Pushes lines of prose, where a fence may open (inside a callout too), noting the code lines. */
  const pushProse = (...added: string[]) => {
    for (const line of added) {
      if (fences.read(line) !== "text") code.add(out.length);
      out.push(line);
    }
  };
  const pushCode = (...added: string[]) => {
    for (const line of added) {
      code.add(out.length);
      out.push(line);
    }
  };
  /** One line's inline shortcodes (figure, icon, youtube) in markdown; `i` is its 0-based line in `text`. */
  const convertInline = (line: string, i: number): string => {
    let next = line.replace(FIGURE, (whole, rawArgs: string) => {
      const { named } = shortcodeArguments(rawArgs);
      if (!named.src) return whole;
      converted.push({ line: i + 1, endLine: i + 1, text: whole });
      const alt = (named.alt ?? named.caption ?? named.title ?? "").replace(/[[\]]/g, "");
      return `![${alt}](${named.src}${named.caption && named.caption !== alt ? ` "${named.caption.replace(/"/g, "'")}"` : ""})`;
    });
    next = next.replace(HUGO_CAROUSEL, (whole, rawArgs: string) => {
      const list = /^\{(.*)\}$/.exec(shortcodeArguments(rawArgs).named.images?.trim() ?? "")?.[1];
      const images = list?.split(",").map((name) => name.trim()).filter((name) => name !== "" && !/[*?[]/.test(name)) ?? [];
      if (images.length === 0) return whole;
      converted.push({ line: i + 1, endLine: i + 1, text: whole });
      // One image a paragraph, one after another: the slides.
      return images.map((name) => `![](${name})`).join("\n\n");
    });
    next = next.replace(HUGO_BUTTON, (whole, _name: string, rawArgs: string, label: string) => {
      const { named } = shortcodeArguments(rawArgs);
      const href = named.href ?? named.link ?? named.url;
      if (href === undefined) return whole;
      converted.push({ line: i + 1, endLine: i + 1, text: whole });
      return `[${label.trim().replace(/[[\]]/g, "")}](<${href}>)`;
    });
    next = next.replace(HUGO_ICON, (whole) => {
      converted.push({ line: i + 1, endLine: i + 1, text: whole.trim() });
      return "";
    });
    next = next.replace(HUGO_YOUTUBE, (whole, rawArgs: string) => {
      const { named, positional } = shortcodeArguments(rawArgs);
      const link = youtubeLink(named.id ?? positional[0]);
      if (link === "") return whole;
      converted.push({ line: i + 1, endLine: i + 1, text: whole });
      return link;
    });
    return next.replace(ZOLA_YOUTUBE, (whole, rawArgs: string) => {
      const link = youtubeLink(shortcodeArguments(rawArgs).named.id);
      if (link === "") return whole;
      converted.push({ line: i + 1, endLine: i + 1, text: whole });
      return link;
    });
  };
  for (let i = firstBodyLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (fences.open || opensFence(line)) {
      pushProse(line);
      continue;
    }
    if (HUGO_CARDS.test(line)) {
      converted.push({ line: i + 1, endLine: i + 1, text: line.trim() });
      continue;
    }
    // A card's arguments may run over several lines, up to its `>}}`.
    const cardEnd = /^\s*\{\{<\s*card\b/i.test(line) ? lines.findIndex((candidate, index) => index >= i && candidate.includes(">}}")) : -1;
    const card = cardEnd === -1 ? null : HUGO_CARD.exec(lines.slice(i, cardEnd + 1).join(" "));
    if (card) {
      const { named } = shortcodeArguments(card[2]!);
      if (named.title !== undefined) {
        const title = named.title.replace(/[[\]]/g, "");
        const heading = named.link === undefined ? `**${title}**` : `[${title}](<${named.link}>)`;
        pushProse(`- ${heading}${named.subtitle ? ` — ${named.subtitle}` : ""}`, ...(named.image ? [`  ![${title}](<${named.image}>)`] : []));
        converted.push({ line: i + 1, endLine: cardEnd + 1, text: lines[i]!.trim() });
        i = cardEnd;
        continue;
      }
    }
    const hugo = HUGO_OPEN.exec(line);
    const zola = hugo ? undefined : ZOLA_OPEN.exec(line);
    if (hugo || zola) {
      const name = (hugo?.[2] ?? zola![1]!).toLowerCase();
      const closing = hugo
        ? new RegExp(`^\\s*\\{\\{[<%]\\s*/\\s*${name}\\s*[>%]\\}\\}\\s*$`, "i")
        : /^\s*\{%\s*end\s*%\}\s*$/;
      const end = lines.findIndex((candidate, index) => index > i && closing.test(candidate));
      const args = shortcodeArguments(hugo?.[3] ?? zola![2]!);
      // A button without a target is no link: kept as written (and reported).
      const href = args.named.href ?? args.named.link ?? args.named.url;
      if (end !== -1 && !(name.endsWith("button") && href === undefined)) {
        const inner = lines.slice(i + 1, end);
        // Inner lines of prose get their inline shortcodes converted too (an icon in a callout), not those in a fence.
        const innerFences = fenceTracker();
        const innerProse = () => inner.map((l, k) => (innerFences.read(l) === "text" ? convertInline(l, i + 1 + k) : l));
        if (name === "highlight") {
          const language = args.positional[0] ?? args.named.lang ?? "";
          const longest = Math.max(2, ...inner.map((l) => /^\s*(`+)/.exec(l)?.[1]?.length ?? 0));
          const ticks = "`".repeat(longest + 1);
          pushCode(`${ticks}${language}`, ...inner, ticks);
        } else if (name === "mermaid") {
          // opsnote draws ```mermaid fences in the browser (src/markdown/mermaid.ts).
          pushCode("```mermaid", ...inner, "```");
        } else if (name === "details" || name === "expand") {
          // An HTML block ends at a blank line: the inner markdown between blank lines is rendered as markdown.
          const summary = (args.named.title ?? args.named.summary ?? args.positional[0] ?? "Details").replace(/&/g, "&amp;").replace(/</g, "&lt;");
          const open = args.named.open === "true" || args.named.closed === "false";
          pushProse(`<details${open ? " open" : ""}><summary>${summary}</summary>`, "", ...innerProse(), "", "</details>");
        } else if (name === "lead") {
          pushProse(...innerProse());
        } else if (name.endsWith("button")) {
          // A button is a link with its text.
          pushProse(`[${innerProse().join(" ").trim().replace(/[[\]]/g, "")}](<${href}>)`);
        } else if (name === "katex" || name === "math") {
          // opsnote renders $$ … $$ (display) and \( … \) (inline) with KaTeX at build time.
          const display = Boolean(hugo) || args.named.block === "true";
          pushCode(...(display ? ["$$", ...inner, "$$"] : [`\\(${inner.join(" ").trim()}\\)`]));
        } else {
          const kind = hugo
            ? alertKind(args.named.type ?? args.named.style ?? args.positional[0])
            : alertKind(name === "alert" || name === "admonition" || name === "callout" ? args.named.type ?? args.named.kind : name);
          const title = args.named.title ?? (hugo ? args.positional[1] : undefined);
          pushProse(`> [!${kind}]`, ...(title ? [`> **${title}**`, ">"] : []), ...innerProse().map((l) => (l.trim() === "" ? ">" : `> ${l}`)));
        }
        converted.push({ line: i + 1, endLine: end + 1, text: line.trim() });
        i = end;
        continue;
      }
    }
    pushProse(convertInline(line, i));
  }
  // `{{</* figure */>}}` (Hugo) and `{%/* note() */%}` (Zola) show a shortcode as written, in code too;
  // they never match a conversion above, so they are unescaped last (in prose, as inline code).
  return {
    text: out.map((line, index) => (index < firstBodyLine ? line : code.has(index) ? unescapeShortcodes(line) : unescapeShortcodesInProse(line))).join("\n"),
    converted,
  };
}
