/**
 * Reads the blogger's `opsnote.config.yaml`, lays per-build environment variables over it (so CI needs
 * no file edits) and validates the result with the settings schema. Every problem is a diagnostic with
 * the file, the line and column of the offending value, the key, and what was expected; an unknown key
 * says which known key it probably meant.
 *
 * The `yaml` package parses (not js-yaml, which gray-matter uses for posts) because it keeps every
 * node's position, so a schema error on `author.links[1].url` points at that value's line.
 */
import { existsSync, readFileSync } from "node:fs";
import { closest, distance } from "fastest-levenshtein";
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { siteSettingsSchema, type SiteSettings } from "./schema.ts";

/** The settings file's name, at the top level of the blog project. */
export const SETTINGS_FILE = "opsnote.config.yaml";

/** Environment variable -> settings key path. The environment wins over the file. */
export const SETTINGS_ENVIRONMENT: Readonly<Record<string, { path: readonly string[]; number?: boolean }>> = {
  OPSNOTE_SITE_URL: { path: ["url"] },
  OPSNOTE_PATH_PREFIX: { path: ["pathPrefix"] },
  OPSNOTE_PAGE_SIZE: { path: ["pageSize"], number: true },
  OPSNOTE_FEED_SIZE: { path: ["feedSize"], number: true },
  OPSNOTE_GOOGLE_VERIFICATION: { path: ["verification", "google"] },
  OPSNOTE_NAVER_VERIFICATION: { path: ["verification", "naver"] },
};

export interface LoadSettingsOptions {
  /** The settings file; a missing file means every default. @default opsnote.config.yaml in the working folder */
  file?: string;
  /** Its text, instead of reading `file` (tests). */
  text?: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

type Path = readonly PropertyKey[];

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = node[key] = typeof next === "object" && next !== null && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  }
  node[path.at(-1)!] = value;
}

/** `author.links[1].url` */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

/** Keys the schema knows at `path` (for "did you mean"). */
function knownKeysAt(path: Path): string[] {
  let schema: z.ZodType = siteSettingsSchema;
  for (const key of path) {
    // Unwrap defaults, optionals and arrays to reach the object that holds the next key.
    let def = (schema as unknown as { def: Record<string, unknown> }).def;
    while (def.innerType) def = (def.innerType as { def: Record<string, unknown> }).def;
    if (def.type === "array") def = (def.element as { def: Record<string, unknown> }).def;
    const shape = def.shape as Record<string, z.ZodType> | undefined;
    if (!shape || typeof key !== "string" || !(key in shape)) return [];
    schema = shape[key]!;
  }
  let def = (schema as unknown as { def: Record<string, unknown> }).def;
  while (def.innerType) def = (def.innerType as { def: Record<string, unknown> }).def;
  return def.shape ? Object.keys(def.shape as object) : [];
}

/** The closest known key when it is a plausible typo (at most a third of its letters differ). */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(unknown, [...known]);
  return distance(unknown.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * The site settings: defaults, then the file, then the environment. Throws a DiagnosticError naming
 * every problem when the file cannot be read as YAML or does not fit the schema.
 */
export function loadSiteSettings(options: LoadSettingsOptions = {}): SiteSettings {
  const file = options.file ?? SETTINGS_FILE;
  const env = options.env ?? process.env;
  const text = options.text ?? (existsSync(file) ? readFileSync(file, "utf8") : "");
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    throw new DiagnosticError(document.errors.map((error): Diagnostic => ({
      severity: "error",
      file,
      ...at(error.pos[0]),
      message: `${error.message.split("\n")[0]} (the settings file must be YAML)`,
    })));
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new DiagnosticError([{ severity: "error", file, ...at(document.contents.range?.[0]), message: "expected settings as `key: value` lines" }]);
  }

  const fromFile = (document.toJS() ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...fromFile };
  const sourceOf = new Map<string, string>();
  for (const [variable, { path, number }] of Object.entries(SETTINGS_ENVIRONMENT)) {
    const value = env[variable];
    if (value === undefined || value === "") continue;
    setIn(merged, path, number && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);
    sourceOf.set(formatPath(path), variable);
  }

  const parsed = siteSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  throw new DiagnosticError(parsed.error.issues.flatMap((issue): Diagnostic[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const node = document.getIn(path, true) as YamlNode | undefined;
        const keyNode = isMap(document.getIn(issue.path, true)) || issue.path.length === 0
          ? ((issue.path.length === 0 ? document.contents : document.getIn(issue.path, true)) as { items?: { key: YamlNode }[] } | null)?.items?.find((pair) => (pair.key as { value?: unknown }).value === key)?.key
          : undefined;
        const suggestion = suggestKey(key, knownKeysAt(issue.path));
        return {
          severity: "error",
          file,
          ...at((keyNode ?? node)?.range?.[0]),
          field: formatPath(path),
          message: `unknown setting${suggestion ? `; did you mean "${formatPath([...issue.path, suggestion])}"?` : ` (known here: ${knownKeysAt(issue.path).join(", ")})`}`,
        };
      });
    }
    const field = formatPath(issue.path);
    const variable = sourceOf.get(field);
    if (variable) return [{ severity: "error", file: `$${variable}`, field, message: `${issue.message} (from the environment: ${JSON.stringify(env[variable])})` }];
    // A missing key has no node of its own: point at the nearest enclosing one.
    let node: YamlNode | undefined;
    for (let depth = issue.path.length; depth >= 0 && !node?.range; depth--) {
      node = (depth === 0 ? document.contents : document.getIn(issue.path.slice(0, depth), true)) as YamlNode | undefined;
    }
    const missing = issue.code === "invalid_type" && issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], merged) === undefined;
    return [{ severity: "error", file, ...at(node?.range?.[0]), field, message: missing ? `missing: expected a ${issue.expected}` : issue.code === "invalid_type" ? `expected a ${issue.expected}` : issue.message }];
  }));
}
