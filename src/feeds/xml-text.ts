/**
 * xmlbuilder2 escapes `<`, `>` and `&` in text and attributes, except an `&` that already starts
 * an entity (`&lt;`, `&amp;`, …): it assumes such text is escaped already. A post body's HTML is
 * full of `&lt;` (escaped code), which would then reach feed readers as a real `<tag>`. Every value
 * handed to xmlbuilder2 goes through here first: with each `&` written as `&amp;`, the library's
 * own escaping of `<` and `>` completes the job and nothing is decoded on the way.
 */
export function xmlText(value: string): string {
  return value.replace(/&/g, "&amp;");
}

/** `xmlText` for every value of an attribute object. */
export function xmlAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, xmlText(value)]));
}
