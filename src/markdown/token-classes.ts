/**
 * Token colours as classes instead of `style` attributes.
 *
 * shiki writes every token's colours inline: `<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">`.
 * That attribute is about a third of a highlighted post's bytes (measured on the bench corpus: 12.5 KB
 * of a 30 KB page), and every page is held in memory until Eleventy's build ends, written, and parsed
 * again by Pagefind. A theme has a fixed palette, though, so each declaration can be a short class
 * (`l3` = `--shiki-light:#D73A49`) defined once in a stylesheet generated from the same themes:
 * `<span class="l3 d7">`. The page's CSS reads the same variables, so what a reader sees is unchanged.
 *
 * shiki's `transformerStyleToClass` does the same with a class per distinct style string, collected
 * while highlighting; its stylesheet is only known after every block has been highlighted, which a
 * build whose blocks all come from the highlight cache never does. Here the classes come from the
 * palettes alone, so the stylesheet is known before anything is highlighted.
 */

/** One theme as the renderer resolved it: the CSS-variable slot and every colour it can give a token. */
export interface PaletteTheme {
  /** The slot in `--shiki-<slot>`: "light", "dark". */
  slot: string;
  /** Default foreground and background (the `pre`'s colours). */
  fg: string;
  bg: string;
  /** Every colour a token can have (vscode-textmate's colour map). */
  colors: readonly (string | undefined)[];
}

export interface TokenClasses {
  /**
   * The classes for a token's style string (`--shiki-light:#D73A49;--shiki-dark:#F97583` -> `l3 d7`),
   * "" when every declaration is `inherit`, undefined when a declaration is outside the palette (the
   * caller keeps the style attribute, so a colour is never lost).
   */
  classOf(style: string): string | undefined;
  /** The `pre`'s own style string, as shiki writes it; a `pre` carrying exactly this drops it. */
  preStyle: string;
  /** Rules for the `pre` and every class. */
  stylesheet: string;
  /** shiki's HTML with each `style` the palette covers turned into classes. */
  replaceStyles(html: string): string;
}

const PREFIX = "--shiki-";
/** Non-colour declarations shiki writes (getTokenStyleObject), by the class suffix that stands for them. */
const FONT_DECLARATIONS: Readonly<Record<string, string>> = {
  "-font-style:italic": "i",
  "-font-weight:bold": "b",
  "-text-decoration:underline": "u",
  "-text-decoration:line-through": "s",
  "-text-decoration:underline line-through": "us",
};

export function createTokenClasses(themes: readonly PaletteTheme[]): TokenClasses {
  const initials = themes.map((theme) => theme.slot[0]);
  if (new Set(initials).size !== initials.length) throw new Error(`theme slots need distinct initials: ${themes.map((t) => t.slot).join(", ")}`);

  // Declaration (as shiki writes it, `--shiki-light:#D73A49`) -> class name.
  const classes = new Map<string, string>();
  for (const [index, theme] of themes.entries()) {
    const initial = initials[index]!;
    const palette = [...new Set([theme.fg, ...theme.colors].filter((c): c is string => typeof c === "string" && c !== ""))];
    palette.forEach((colour, n) => classes.set(`${PREFIX}${theme.slot}:${colour}`, `${initial}${n}`));
    for (const [declaration, suffix] of Object.entries(FONT_DECLARATIONS)) {
      classes.set(`${PREFIX}${theme.slot}${declaration}`, `${initial}-${suffix}`);
    }
  }

  const memo = new Map<string, string | undefined>();
  const classOf = (style: string): string | undefined => {
    let result = memo.get(style);
    if (result !== undefined || memo.has(style)) return result;
    const names: string[] = [];
    result = "";
    for (const declaration of style.split(";")) {
      if (declaration === "" || declaration.endsWith(":inherit")) continue; // custom properties inherit anyway
      const name = classes.get(declaration);
      if (name === undefined) {
        result = undefined;
        break;
      }
      names.push(name);
    }
    if (result !== undefined) result = names.join(" ");
    memo.set(style, result);
    return result;
  };

  const preStyle = [
    ...themes.map((t) => `${PREFIX}${t.slot}:${t.fg || "inherit"}`),
    ...themes.map((t) => `${PREFIX}${t.slot}-bg:${t.bg || "inherit"}`),
  ].join(";");
  const stylesheet = [
    "/* Code token colours, generated from the highlighting themes (src/markdown/token-classes.ts). */",
    `.shiki{${preStyle}}`,
    ...[...classes].map(([declaration, name]) => `.shiki .${name}{${declaration}}`),
    "",
  ].join("\n");

  // shiki escapes `<` in text as `&#x3C;`, so `<` always starts a tag and this never matches code.
  const STYLED_TAG = /<(span|pre)([^>]*?) style="([^"]*)"/g;
  const replaceStyles = (html: string) =>
    html.replace(STYLED_TAG, (whole, tag: string, attributes: string, style: string) => {
      if (tag === "pre") return style === preStyle ? `<pre${attributes}` : whole;
      const names = classOf(style);
      if (names === undefined || /\bclass="/.test(attributes)) return whole;
      return names === "" ? `<span${attributes}` : `<span${attributes} class="${names}"`;
    });

  return { classOf, preStyle, stylesheet, replaceStyles };
}
