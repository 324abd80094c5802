import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";

/**
 * Renders a page component to a complete HTML document. Preact escapes every interpolated value,
 * so front-matter text can never become markup; the post body is inserted as trusted HTML.
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}

export function renderFragment(node: VNode): string {
  return renderToStaticMarkup(node);
}
