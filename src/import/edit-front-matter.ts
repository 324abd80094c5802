/**
 * Small repairs to an imported post's front matter, made in the copy (the old site is never
 * touched), for what the old generator accepted silently and opsnote reports as an error:
 * an empty item in a tag or category list (Jekyll drops it), and a post whose URL another post also
 * has (the old site showed one of them at that URL; the other gets a `permalink` of its own).
 * The `yaml` Document API edits a YAML block in place, so the author's comments and order stay; a
 * TOML block (`+++`, Hugo and Zola) gets its one line added or replaced as text, checked by parsing.
 */
import { isDeepStrictEqual } from "node:util";
import { parse as parseToml } from "smol-toml";
import { isScalar, isSeq, parseDocument, visit } from "yaml";

const FRONT_MATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** Applies `edit` to the front matter's YAML document; the text unchanged when it changes nothing or is not YAML. */
function editYaml(text: string, edit: (document: ReturnType<typeof parseDocument>) => boolean): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) return text;
  const document = parseDocument(match[2] ?? "", { keepSourceTokens: false });
  if (document.errors.length > 0 || !edit(document)) return text;
  return `${match[1]}${document.toString({ lineWidth: 0, flowCollectionPadding: false })}${match[3]}${text.slice(match[0].length)}`;
}

/** Taxonomy keys whose lists lose their empty items. */
const TERM_KEYS = ["tags", "tag", "categories", "category"] as const;

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

const TOML_FRONT_MATTER = /^(\uFEFF?\+\+\+[ \t]*\r?\n)([\s\S]*?\r?\n)?(\+\+\+[ \t]*(?:\r?\n|$))/;

/** Parsed TOML, or undefined when it does not parse. */
function readToml(toml: string): Record<string, unknown> | undefined {
  try {
    return parseToml(toml) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Whether two parsed TOML values are the same, in any key order. Through JSON first: smol-toml's tables
 * have no prototype, which a strict comparison would count, and its dates are objects of their own.
 */
const sameToml = (a: unknown, b: unknown) => a !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/** The index of a TOML block's first `[table]` header line (lines before it are top-level keys), or its line count. */
function topLevelEnd(lines: readonly string[]): number {
  const firstTable = lines.findIndex((line) => /^\s*\[/.test(line));
  return firstTable === -1 ? lines.length : firstTable;
}

/**
 * `text` with its TOML front matter (`+++`) block edited by `edit` (which returns undefined when it
 * cannot edit the block safely: the text stays as it is); undefined when the text has no TOML block.
 */
function editToml(text: string, edit: (toml: string) => string | undefined): string | undefined {
  const match = TOML_FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const edited = edit(match[2] ?? "");
  return edited === undefined ? text : `${match[1]}${edited}${match[3]}${text.slice(match[0].length)}`;
}

/**
 * `key = "…"` at the top level of a TOML block: replacing a one-line `key` there, else after the last
 * top-level key (a key below a `[table]` header belongs to that table). Undefined when the result would
 * not be the same TOML plus that key (a block that does not parse, or an unusual layout): the caller
 * then says it could not. `key` is a bare TOML key (letters, digits, `_`, `-`).
 */
function setTomlString(toml: string, key: string, value: string): string | undefined {
  const before = readToml(toml);
  if (before === undefined) return undefined;
  const newline = toml.includes("\r\n") ? "\r\n" : "\n";
  const lines = toml.split(/\r?\n/);
  const topLevel = topLevelEnd(lines);
  // JSON's string escapes are all valid in a TOML basic string.
  const line = `${key} = ${JSON.stringify(value)}`;
  const existing = lines.slice(0, topLevel).findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l));
  if (existing !== -1) lines[existing] = line;
  else {
    let at = topLevel;
    while (at > 0 && lines[at - 1]!.trim() === "") at--;
    lines.splice(at, 0, line);
  }
  const edited = lines.join(newline);
  return sameToml(readToml(edited), { ...before, [key]: value }) ? edited : undefined;
}

/**
 * Sets a top-level string (replacing one that is there) in YAML or TOML front matter. Returns the text
 * unchanged when it has neither, or a TOML block it cannot edit safely.
 */
export function setFrontMatterString(text: string, key: string, value: string): string {
  // The TOML block's text keeps its last line break (an empty block gets one with the new line).
  const toml = editToml(text, (block) => setTomlString(block, key, value));
  if (toml !== undefined) return toml;
  const edited = editYaml(text, (document) => {
    document.set(key, value);
    return true;
  });
  return edited === text ? text.replace(FRONT_MATTER, (_all, open: string, body = "", close: string) => `${open}${body}${key}: ${JSON.stringify(value)}\n${close}`) : edited;
}

/** Sets `permalink` in YAML or TOML front matter (see setFrontMatterString). */
export function setPermalink(text: string, permalink: string): string {
  return setFrontMatterString(text, "permalink", permalink);
}

/**
 * Adds keys to YAML front matter (after the author's own, which stay as written). Returns the text
 * unchanged when it has no YAML front matter that parses.
 * @example addFrontMatterKeys("---\ntitle: A\n---\n", [["toc", true]]) // "---\ntitle: A\ntoc: true\n---\n"
 */
export function addFrontMatterKeys(text: string, entries: readonly (readonly [string, unknown])[]): string {
  if (entries.length === 0) return text;
  return editYaml(text, (document) => {
    for (const [key, value] of entries) document.set(key, value);
    return true;
  });
}

/**
 * Removes top-level keys from YAML front matter (the others, and the author's comments, stay as written).
 * Returns the text unchanged when none is there or the front matter is not YAML that parses.
 * @example removeFrontMatterKeys("---\ntitle: A\nimg_path: /x\n---\n", ["img_path"]) // "---\ntitle: A\n---\n"
 */
export function removeFrontMatterKeys(text: string, keys: readonly string[]): string {
  return editYaml(text, (document) => keys.filter((key) => document.has(key)).map((key) => document.delete(key)).length > 0);
}

/** `value` with every string `replacements` names replaced, at any depth (arrays and tables too). */
function replaceStrings(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replacements));
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replacements)]));
  }
  return value;
}

/**
 * The TOML block with the quoted strings `replacements` names written anew (`image = "x.png"`,
 * `images = ['x.png']`); undefined when the result would not read back as the same TOML with just
 * those values replaced (a block that does not parse, or the string also used as a key or inside another).
 */
function replaceTomlStrings(toml: string, replacements: ReadonlyMap<string, string>): string | undefined {
  const before = readToml(toml);
  if (before === undefined) return undefined;
  let edited = toml;
  for (const [from, to] of replacements) {
    // JSON's string escapes are all valid in a TOML basic string; a literal string has none.
    for (const quoted of [JSON.stringify(from), `'${from}'`]) edited = edited.split(quoted).join(JSON.stringify(to));
  }
  if (edited === toml) return undefined;
  return sameToml(readToml(edited), replaceStrings(before, replacements)) ? edited : undefined;
}

/**
 * Replaces string values of the front matter that `replacements` names, wherever they sit
 * (`image: x.jpg`, `image: { path: x.jpg }`, `header: { teaser: x.jpg }`), in YAML or TOML (Hugo's
 * `+++`). Returns the text unchanged when none is there, or a TOML block it cannot edit safely.
 * @example replaceFrontMatterStrings("---\nimage: a.jpg\n---\n", new Map([["a.jpg", "/images/a.jpg"]])) // "---\nimage: /images/a.jpg\n---\n"
 */
export function replaceFrontMatterStrings(text: string, replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return text;
  const toml = editToml(text, (block) => replaceTomlStrings(block, replacements));
  if (toml !== undefined) return toml;
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

/**
 * Hugo's front-matter keys that opsnote reads too, by their lower-case spelling, with opsnote's name
 * for them. Hugo reads keys in any case (`Tags:` is `tags`) and opsnote as written: a `Tags:` list was
 * an unknown key, and the post had no tags. Hugo's `summary` (what Blowfish and Congo show in lists) is
 * opsnote's `excerpt`. Keys opsnote does not read, such as `linkTitle`, are left as they are.
 */
const HUGO_KEYS: ReadonlyMap<string, string> = new Map([
  ...["aliases", "author", "categories", "comments", "date", "description", "draft", "image", "images", "lastmod", "series", "slug", "tags", "title", "toc", "url"]
    .map((key) => [key, key] as const),
  ["summary", "excerpt"],
]);

/** opsnote's name for a top-level Hugo key, when it differs from the key as written and `present` lacks it. */
function renamedKey(key: string, present: ReadonlySet<string>): string | undefined {
  const name = HUGO_KEYS.get(key.toLowerCase());
  return name === undefined || name === key || present.has(name) ? undefined : name;
}

/**
 * Writes Hugo's keys as opsnote reads them (`Tags:` -> `tags:`, `Categories =` -> `categories =`,
 * `summary` -> `excerpt`) at the top level of YAML or TOML front matter, where that key is not there
 * too. Returns the text and the renames; the text unchanged when there is none (or a TOML block would
 * not parse the same).
 */
export function renameHugoKeys(text: string): { text: string; renamed: [from: string, to: string][] } {
  let renamed: [string, string][] = [];
  const toml = editToml(text, (block) => {
    const before = readToml(block);
    if (before === undefined) return undefined;
    const present = new Set(Object.keys(before));
    const found = Object.keys(before).flatMap((key): [string, string][] => {
      const name = renamedKey(key, present);
      return name === undefined ? [] : [[key, name]];
    });
    if (found.length === 0) return undefined;
    const lines = block.split("\n");
    const topLevel = topLevelEnd(lines);
    const edited = lines.map((line, index) => {
      if (index >= topLevel) return line;
      const pair = found.find(([from]) => new RegExp(`^\\s*${from}\\s*=`).test(line));
      return pair === undefined ? line : line.replace(pair[0], pair[1]);
    }).join("\n");
    const expected = Object.fromEntries(Object.entries(before).map(([key, value]) => [found.find(([from]) => from === key)?.[1] ?? key, value]));
    if (!sameToml(readToml(edited), expected)) return undefined;
    renamed = found;
    return edited;
  });
  if (toml !== undefined) return { text: toml, renamed };
  const edited = editYaml(text, (document) => {
    const contents = document.contents;
    if (contents === null || !("items" in contents)) return false;
    const present = new Set(contents.items.map((pair) => (isScalar((pair as { key: unknown }).key) ? String(((pair as { key: { value: unknown } }).key).value) : "")));
    for (const pair of contents.items as { key: unknown }[]) {
      if (!isScalar(pair.key) || typeof pair.key.value !== "string") continue;
      const from = pair.key.value;
      const name = renamedKey(from, present);
      if (name === undefined) continue;
      pair.key.value = name;
      renamed.push([from, name]);
    }
    return renamed.length > 0;
  });
  return { text: edited, renamed };
}

/**
 * Hugo themes' own image keys, as their layouts read them (any case, as Hugo reads keys): LoveIt's,
 * DoIt's and FixIt's `featuredImage`, Ananke's `featured_image`, Blowfish's `featureimage`, Mainroad's
 * `thumbnail`, PaperMod's `cover: { image }`.
 */
const HUGO_IMAGE_KEYS = ["featuredimage", "featured_image", "featureimage", "thumbnail", "cover.image"];

/**
 * The image a Hugo theme showed for a post (its card and list thumbnail) under a key of its own, for a
 * post without opsnote's `image` or Hugo's `images`: the key as written and its value.
 * @example hugoThemeImage({ cover: { image: "cover.png", relative: true } }) // { key: "cover.image", value: "cover.png" }
 */
export function hugoThemeImage(frontMatter: Record<string, unknown>): { key: string; value: string } | undefined {
  const keys = new Map(Object.keys(frontMatter).map((key) => [key.toLowerCase(), key]));
  if (keys.has("image") || keys.has("images")) return undefined;
  for (const name of HUGO_IMAGE_KEYS) {
    const [top, inner] = name.split(".");
    const key = keys.get(top!);
    if (key === undefined) continue;
    const holder = frontMatter[key];
    const value = inner === undefined ? holder : holder !== null && typeof holder === "object" ? Object.entries(holder).find(([k]) => k.toLowerCase() === inner)?.[1] : undefined;
    if (typeof value === "string" && value.trim() !== "") return { key: inner === undefined ? key : `${key}.${inner}`, value: value.trim() };
  }
  return undefined;
}

/** Hexo themes' cover image keys, list thumbnail first: Butterfly's and Icarus 5's, Icarus 4's, Fluid's, then page banners. */
const HEXO_COVER_KEYS = ["cover", "thumbnail", "index_img", "banner_img", "top_img"];

/**
 * A Hexo post's front matter as opsnote reads it, edited in the copy: Hexo reads a `tags:` or
 * `categories:` string as one term (`tags: Spring Boot`), where opsnote, like Jekyll, splits it;
 * nested category lists (`[[DevOps, k8s], [회고]]`, several branches) are flattened to their names, in
 * order, each once (opsnote's categories are flat: a post shows under each, as Hexo listed it under
 * every level); a `permalink` is written from the root (`/x/`, Hexo's is relative to it); a post of
 * `_drafts/` says `draft: true`; the theme's cover image (Icarus' `thumbnail`, Butterfly's `cover`, Fluid's
 * `index_img`, …) is also the post's `image` (its card and list thumbnail), unless it has one or the file is
 * not there (`coverExists`: a scaffold's placeholder would fail the check). Returns the text, one phrase
 * per change, the changed values, and the covers left out for a missing file.
 */
export function hexoFrontMatter(text: string, { draft = false, coverExists = () => true }: { draft?: boolean; coverExists?: (url: string) => boolean } = {}): { text: string; changes: string[]; values: Record<string, unknown>; missingCovers: string[] } {
  const changes: string[] = [];
  const missingCovers: string[] = [];
  const values: Record<string, unknown> = {};
  const edited = editYaml(text, (document) => {
    for (const key of TERM_KEYS) {
      const value = document.toJS()?.[key] as unknown;
      if (typeof value === "string" && /[\s,]/.test(value.trim())) {
        values[key] = [value.trim()];
        changes.push(`${key}: "${value.trim()}" is one term (as Hexo read it)`);
      } else if (Array.isArray(value) && value.some(Array.isArray)) {
        values[key] = [...new Set(value.flat(Infinity).filter((v) => v !== null && v !== undefined).map(String))];
        changes.push(`${key}: nested lists flattened to ${JSON.stringify(values[key])}`);
      } else continue;
      document.set(key, document.createNode(values[key], { flow: true }));
    }
    const permalink = document.get("permalink");
    if (typeof permalink === "string" && permalink.trim() !== "" && !permalink.trim().startsWith("/")) {
      values.permalink = `/${permalink.trim()}`;
      document.set("permalink", values.permalink);
      changes.push(`permalink: ${permalink} -> ${String(values.permalink)} (from the site's root)`);
    }
    const own = ["image", "images", "header"].some((key) => document.has(key));
    const cover = HEXO_COVER_KEYS.map((key) => [key, document.get(key)] as const).find(([, value]) => typeof value === "string" && value.trim() !== "");
    if (!own && cover !== undefined && !coverExists(String(cover[1]).trim())) missingCovers.push(`${cover[0]}: ${String(cover[1]).trim()}`);
    else if (!own && cover !== undefined) {
      values.image = String(cover[1]).trim();
      document.set("image", values.image);
      changes.push(`image: ${String(values.image)} (the theme's ${cover[0]})`);
    }
    if (draft && document.get("draft") !== true) {
      values.draft = true;
      document.set("draft", true);
      changes.push("draft: true (a post of Hexo's _drafts/, never published)");
    }
    return changes.length > 0;
  });
  return { text: edited, changes, values, missingCovers };
}
