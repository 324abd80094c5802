/**
 * Readable token colours on every line band.
 *
 * github-light and github-dark were drawn for a plain background: github-dark's comments are 3.0:1
 * on its own background (axe: serious), and github-light's red and orange drop under 4.5:1 on any
 * tint, so highlighted and `[!code ++/--]` lines could not have a visible band. Rather than change
 * the themes (and every highlighted byte), the generated stylesheet nudges each palette colour that
 * fails 4.5:1 on one of its theme's bands toward black or white until it passes: the HTML keeps its
 * classes, colours that already pass keep their exact value.
 */

/** Solid band colours, so contrast is computed on what the reader sees. Lines are the default, then the decorated ones. */
export const CODE_BANDS = {
  light: { plain: "#ffffff", highlight: "#fff5c2", add: "#dafbe1", remove: "#ffe4e1" },
  dark: { plain: "#24292e", highlight: "#2e3a48", add: "#233a2b", remove: "#412a2d" },
} as const;

/** WCAG AA for normal text, with a little room for rounding in the checkers. */
export const MIN_CODE_CONTRAST = 4.6;

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb | undefined {
  let digits = hex.replace(/^#/, "");
  if (digits.length === 3 || digits.length === 4) digits = [...digits.slice(0, 3)].map((d) => d + d).join("");
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(digits)) return undefined;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(parseHex(a)!), luminance(parseHex(b)!)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/**
 * `colour` itself when it reaches `min` on every background, else the nearest mix of it with black
 * (light backgrounds) or white (dark ones) that does. Colours that are not plain hex pass through.
 */
export function readableColour(colour: string, backgrounds: readonly string[], min = MIN_CODE_CONTRAST): string {
  const rgb = parseHex(colour);
  if (!rgb || backgrounds.every((bg) => contrastRatio(colour, bg) >= min)) return colour;
  const darkBackgrounds = backgrounds.reduce((sum, bg) => sum + luminance(parseHex(bg)!), 0) / backgrounds.length < 0.5;
  const target = darkBackgrounds ? 255 : 0;
  for (let step = 1; step <= 100; step += 1) {
    const mixed = toHex(rgb.map((c) => c + (target - c) * (step / 100)) as unknown as Rgb);
    if (backgrounds.every((bg) => contrastRatio(mixed, bg) >= min)) return mixed;
  }
  return darkBackgrounds ? "#ffffff" : "#000000";
}

/**
 * The code stylesheet with every `--shiki-<slot>:#colour` raised to readable on that slot's bands,
 * and the band colours as custom properties the site stylesheet paints lines with.
 */
export function withReadableColours(stylesheet: string, bands: Readonly<Record<string, Readonly<Record<string, string>>>> = CODE_BANDS): string {
  const raised = stylesheet.replace(/(--shiki-(\w+):)(#[0-9a-fA-F]{3,8})(?=[;}])/g, (whole, prefix: string, slot: string, colour: string) => {
    const slotBands = bands[slot];
    return slotBands ? `${prefix}${readableColour(colour, Object.values(slotBands))}` : whole;
  });
  const { light, dark } = bands as typeof CODE_BANDS;
  const variables = (["highlight", "add", "remove"] as const)
    .map((kind) => `--code-${kind}:light-dark(${light[kind]},${dark[kind]})`)
    .join(";");
  return `${raised}:root{${variables}}\n`;
}
