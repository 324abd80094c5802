/**
 * Editor support generated from the zod schemas, so VS Code knows exactly what opsnote knows:
 * a JSON Schema of `opsnote.config.yaml` (completion, hover text and red squiggles through the Red Hat
 * YAML extension), a JSON Schema of post front matter, and markdown snippets of the front-matter keys
 * (the YAML extension does not look inside `.md` files, so snippets are what completes front matter).
 *
 * Where they live: committed in `.vscode/`, not generated into a git-ignored folder on `postinstall`.
 * VS Code reads `.vscode/settings.json` the moment the folder is opened, before any `npm install`
 * (github.dev, a Codespace, a fresh clone), and a `yaml.schemas` path to a missing file is an error
 * in the editor; `npm ci --ignore-scripts`, common in CI, skips `postinstall` anyway; and a committed
 * file shows a schema change in review like any other diff. The cost is staleness, so
 * tests/settings/editor-files.test.ts fails when a committed file differs from a fresh generation,
 * `npm run schema` rewrites them, and `npm run build` / `npm start` refresh them when they differ.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { frontMatterSchema } from "../content/schema.ts";
import { siteSettingsSchema } from "./schema.ts";

export const EDITOR_FOLDER = ".vscode";
export const SETTINGS_SCHEMA_FILE = `${EDITOR_FOLDER}/opsnote.config.schema.json`;
export const FRONT_MATTER_SCHEMA_FILE = `${EDITOR_FOLDER}/front-matter.schema.json`;
export const SNIPPETS_FILE = `${EDITOR_FOLDER}/opsnote.code-snippets`;

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

const GENERATED = (source: string) => `Generated from ${source} by \`npm run schema\` (also run by npm run build and npm start). Do not edit: edit the zod schema.`;

/**
 * The schema of what a blogger writes, not of what opsnote reads after defaults and transforms
 * (`io: "input"`). Draft-07: what the Red Hat YAML extension and ajv both read by default.
 */
function toJsonSchema(schema: z.ZodType, source: string, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-7",
    // `z.date()` (a TOML date in front matter) has no JSON form; the override below writes it.
    unrepresentable: "any",
    override({ zodSchema, jsonSchema }) {
      const def = (zodSchema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
      // zod leaves out the default of a value it transforms (`url`, `pathPrefix`) when writing the
      // input side; the default is written as a blogger would write it, so it belongs there too.
      if (def.type === "default" && jsonSchema.default === undefined) jsonSchema.default = def.defaultValue;
      // The same for the examples given with `.meta()`.
      const examples = z.globalRegistry.get(zodSchema)?.examples;
      if (Array.isArray(examples) && jsonSchema.examples === undefined) jsonSchema.examples = examples;
      // In YAML (and so in the editor) a date is text: opsnote reads it with the site's time zone.
      if (def.type === "date") jsonSchema.type = "string";
      // zod's own name for `.startsWith()`; the pattern beside it says the same in standard terms.
      if (jsonSchema.format === "starts_with") delete jsonSchema.format;
      // `z.int()`'s upper bound is Number.MAX_SAFE_INTEGER: noise in a hover.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $comment: GENERATED(source), title, ...rest };
}

export function settingsJsonSchema(): JsonSchema {
  return toJsonSchema(siteSettingsSchema, "src/settings/schema.ts", "opsnote.config.yaml");
}

export function frontMatterJsonSchema(): JsonSchema {
  return toJsonSchema(frontMatterSchema, "src/content/schema.ts", "opsnote post front matter");
}

interface Snippet {
  scope: string;
  prefix: string | string[];
  body: string[];
  description: string;
}

/** VS Code's variables: the moment the snippet is inserted, read in the site's time zone (no offset). */
const NOW = "$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE $CURRENT_HOUR:$CURRENT_MINUTE:$CURRENT_SECOND";
const DATE_KEYS = new Set(["date", "last_modified_at", "lastmod", "updated"]);
const LIST_KEYS = new Set(["tags", "categories"]);
/** The block a new post starts with; every value it leaves is valid as it stands. */
const NEW_POST_KEYS = ["title", "date", "tags", "categories", "toc", "draft"];
/** Values of the new-post block that differ from the key's own snippet (a new post is no draft yet). */
const NEW_POST_VALUES: Record<string, (stop: number) => string> = {
  title: (stop) => `\${${stop}:제목}`,
  draft: (stop) => `\${${stop}|false,true|}`,
};

const types = (schema: JsonSchema): unknown[] =>
  [schema.type, ...((schema.anyOf as JsonSchema[] | undefined) ?? []).map((s) => s.type)].flat().filter((t) => t !== undefined);

/** The value part of `key: value` with tab stops: choices for booleans, now for dates, `[]` for lists. */
function valueSnippet(key: string, schema: JsonSchema, stop: number): string {
  if (DATE_KEYS.has(key)) return `\${${stop}:${NOW}}`;
  if (LIST_KEYS.has(key)) return `[\${${stop}}]`;
  if (types(schema).includes("boolean") || key === "math" || key === "use_math") return `\${${stop}|true,false|}`;
  return `\${${stop}}`;
}

/**
 * A snippet per front-matter key (prefix: the key), with the schema's description, and one for the
 * whole block of a new post (prefix `---` or `frontmatter`).
 */
export function frontMatterSnippets(schema: JsonSchema = frontMatterJsonSchema()): Record<string, Snippet> {
  const properties = schema.properties ?? {};
  const snippets: Record<string, Snippet> = {
    "opsnote: front matter": {
      scope: "markdown",
      prefix: ["---", "frontmatter"],
      body: ["---", ...NEW_POST_KEYS.map((key, index) => `${key}: ${NEW_POST_VALUES[key]?.(index + 1) ?? valueSnippet(key, properties[key] ?? {}, index + 1)}`), "---", "", "$0"],
      description: "새 글의 front matter (title, date, tags, categories, toc, draft). Front matter of a new post.",
    },
  };
  for (const [key, property] of Object.entries(properties)) {
    snippets[`opsnote: ${key}`] = {
      scope: "markdown",
      prefix: key,
      body: [`${key}: ${valueSnippet(key, property, 1)}`],
      description: typeof property.description === "string" ? property.description : key,
    };
  }
  return snippets;
}

/** Every generated editor file: path relative to the project -> its text. */
export function editorFiles(): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const frontMatter = frontMatterJsonSchema();
  return {
    [SETTINGS_SCHEMA_FILE]: json(settingsJsonSchema()),
    [FRONT_MATTER_SCHEMA_FILE]: json(frontMatter),
    // A snippets file is JSON with comments; every top-level entry must be a snippet.
    [SNIPPETS_FILE]: `// ${GENERATED("src/content/schema.ts")}\n${json(frontMatterSnippets(frontMatter))}`,
  };
}

export interface RefreshEditorFilesOptions {
  /** The project folder. @default the working folder */
  root?: string;
  /**
   * Write even when `.vscode/` does not exist (`npm run schema`). The build only refreshes a folder the
   * blog already has: a blogger who deleted it does not use VS Code.
   * @default false
   */
  create?: boolean;
}

/** Writes the editor files that differ from a fresh generation; returns the ones written. */
export function refreshEditorFiles({ root = process.cwd(), create = false }: RefreshEditorFilesOptions = {}): string[] {
  if (!create && !existsSync(path.join(root, EDITOR_FOLDER))) return [];
  const written: string[] = [];
  for (const [relative, text] of Object.entries(editorFiles())) {
    const file = path.join(root, relative);
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, text);
    // Two builds refreshing at once each rename a complete file; an editor never reads half of one.
    renameSync(`${file}.${process.pid}.tmp`, file);
    written.push(relative);
  }
  return written;
}

/**
 * `npm run build` and `npm start`: refresh the editor files, saying which were rewritten. A folder
 * that cannot be written (a read-only checkout in CI) is a warning: the site does not depend on it.
 */
export function refreshEditorFilesOrWarn(write: (line: string) => void = (line) => console.warn(line)): void {
  // Builds started by tests (`node --test` marks its children) never write into the project: the
  // staleness test must see the committed files, not ones a concurrent build test just rewrote.
  if (process.env.NODE_TEST_CONTEXT !== undefined) return;
  try {
    const written = refreshEditorFiles();
    if (written.length > 0) write(`[opsnote] updated ${written.join(", ")} from the schemas (commit them)`);
  } catch (error) {
    write(`[opsnote] warning ${EDITOR_FOLDER}: could not update the editor schemas (${error instanceof Error ? error.message : String(error)})`);
  }
}
