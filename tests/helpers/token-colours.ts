/**
 * The colours a highlighted token shows, read the way a browser does: the token's classes looked
 * up in the code stylesheet (parsed by linkedom's CSS parser), then its own style attribute.
 */
import { parseHTML } from "linkedom";

interface ParsedSheet {
  cssRules: ArrayLike<{ selectorText: string; style: { cssText: string } }>;
}

/** Custom-property declarations of a stylesheet by selector: `.shiki .l3` -> { "--shiki-light": "#D73A49" }. */
export function parseStylesheet(css: string): Map<string, Record<string, string>> {
  const { document } = parseHTML(`<!doctype html><html><head><style>${css}</style></head></html>`);
  const sheet = (document.querySelector("style") as unknown as { sheet: ParsedSheet }).sheet;
  const rules = new Map<string, Record<string, string>>();
  for (const rule of Array.from(sheet.cssRules)) rules.set(rule.selectorText, declarations(rule.style.cssText));
  return rules;
}

function declarations(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of text.split(";")) {
    const colon = part.indexOf(":");
    if (colon > 0) result[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return result;
}

/** The CSS variables a token span gets from its classes and its style attribute. */
export function tokenVariables(span: Element, sheet: Map<string, Record<string, string>>): Record<string, string> {
  const fromClasses = [...span.classList].map((name) => sheet.get(`.shiki .${name}`) ?? {});
  return Object.assign({}, ...fromClasses, declarations(span.getAttribute("style") ?? ""));
}
