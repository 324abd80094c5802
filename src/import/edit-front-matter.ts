/**
 * Small repairs to an imported post's YAML front matter, made in the copy (the old site is never
 * touched), for what the old generator accepted silently and opsnote reports as an error:
 * an empty item in a tag or category list (Jekyll drops it), and a post whose URL another post also
 * has (Jekyll wrote both to one file and the later one won, so the other had no page at all).
 * The `yaml` Document API edits the block in place, so the author's comments and order stay.
 */
import { isScalar, isSeq, parseDocument, visit } from "yaml";

const FRONT_MATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** Applies `edit` to the front matter's YAML document; the text unchanged when it changes nothing or is not YAML. */
function editYaml(text: string, edit: (document: ReturnType<typeof parseDocument>) => boolean): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) return text;
  const document = parseDocument(match[2] ?? "", { keepSourceTokens: false });
  if (document.errors.length > 0 || !edit(document)) return text;
  return `${match[1]}${document.toString({ lineWidth: 0 })}${match[3]}${text.slice(match[0].length)}`;
}

/** Taxonomy keys whose lists lose their empty items. */
const TERM_KEYS = ["tags", "categories", "category"] as const;

/** Removes empty (`null`) items from the tag and category lists; lists the keys it changed. */
export function dropEmptyTermItems(text: string): { text: string; keys: string[] } {
  const keys: string[] = [];
  const edited = editYaml(text, (document) => {
    for (const key of TERM_KEYS) {
      const list = document.get(key, true);
      if (!isSeq(list)) continue;
      const before = list.items.length;
      list.items = list.items.filter((item) => !(item === null || (typeof item === "object" && item !== null && "value" in item && (item as { value: unknown }).value === null)));
      if (list.items.length !== before) keys.push(key);
    }
    return keys.length > 0;
  });
  return { text: edited, keys };
}

/** Sets `permalink` (replacing one that is there). */
export function setPermalink(text: string, permalink: string): string {
  const edited = editYaml(text, (document) => {
    document.set("permalink", permalink);
    return true;
  });
  return edited === text ? text.replace(FRONT_MATTER, (_all, open: string, body = "", close: string) => `${open}${body}permalink: ${JSON.stringify(permalink)}\n${close}`) : edited;
}

/**
 * Replaces string values of the front matter that `replacements` names, wherever they sit
 * (`image: x.jpg`, `image: { path: x.jpg }`, `header: { teaser: x.jpg }`).
 * @example replaceFrontMatterStrings("---\nimage: a.jpg\n---\n", new Map([["a.jpg", "/images/a.jpg"]])) // "---\nimage: /images/a.jpg\n---\n"
 */
export function replaceFrontMatterStrings(text: string, replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return text;
  return editYaml(text, (document) => {
    let changed = false;
    visit(document, {
      Scalar(key, node) {
        if (key === "key" || !isScalar(node) || typeof node.value !== "string") return;
        const replacement = replacements.get(node.value);
        if (replacement === undefined) return;
        node.value = replacement;
        changed = true;
      },
    });
    return changed;
  });
}
