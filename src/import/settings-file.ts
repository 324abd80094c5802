/**
 * Writes the carried settings into `opsnote.config.yaml`, the blogger's file: a new file gets one
 * comment per key saying where the value came from; an existing file keeps its comments and other
 * keys, and only the carried keys change.
 */
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, parseDocument, type Pair } from "yaml";
import { siteSettingsSchema } from "../settings/schema.ts";
import type { ImportedSettings, SettingKey } from "./translate-settings.ts";

export const SETTINGS_FILE = "opsnote.config.yaml";
export const SETTINGS_BACKUP_FILE = "opsnote.config.before-import.yaml";

export interface SettingChange {
  key: SettingKey | "seriesMembers";
  before: unknown;
  after: unknown;
}

export interface SettingsFileUpdate {
  text: string;
  /** Keys whose value is new or different, in the order written. */
  changes: SettingChange[];
}

const HEADER = " opsnote site settings: this file is yours (src/settings/schema.ts documents every key).\n Written by `npm run import`; each key says where its value came from.";

/**
 * The new text of the settings file; `existing` is the file's current text, if there is one.
 * `staleSeriesMembers`: entries of `seriesMembers` naming a post the project will not have (the
 * sample Kubernetes intro, once the samples are deleted), removed with the key when none is left:
 * `npm run check` failed on the sample's entry after every import.
 */
export function updateSettingsFile(
  existing: string | undefined,
  values: ImportedSettings,
  sources: Partial<Record<SettingKey, string>>,
  staleSeriesMembers: readonly string[] = [],
): SettingsFileUpdate {
  const doc = existing === undefined || existing.trim() === "" ? new Document({}) : parseDocument(existing);
  if (doc.errors.length > 0) throw new Error(`${SETTINGS_FILE}: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  if (existing === undefined || existing.trim() === "") doc.commentBefore = HEADER;
  const map = doc.contents as unknown as { items: Pair[] };
  const changes: SettingChange[] = [];
  for (const [key, value] of Object.entries(values) as [SettingKey, unknown][]) {
    if (value === undefined) continue;
    const before = doc.get(key) === undefined ? undefined : (doc.toJS() as Record<string, unknown>)[key];
    if (isDeepStrictEqual(before, value)) continue;
    changes.push({ key, before, after: value });
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    const node = doc.createNode(value);
    if (pair && isScalar(pair.value) && (typeof value !== "object" || value === null)) {
      pair.value.value = value; // in place: the value's own comment stays
    } else if (pair) {
      if (isScalar(pair.value) || isMap(pair.value)) node.comment = pair.value.comment;
      pair.value = node;
    } else {
      const keyNode = doc.createNode(key);
      if (sources[key] !== undefined) keyNode.commentBefore = ` from ${sources[key]}`;
      map.items.push(doc.createPair(keyNode, node));
    }
  }
  const members = doc.get("seriesMembers");
  if (isMap(members) && staleSeriesMembers.length > 0) {
    const before = (doc.toJS() as { seriesMembers?: Record<string, string> }).seriesMembers;
    for (const file of staleSeriesMembers) members.delete(file);
    if (members.items.length === 0) doc.delete("seriesMembers");
    const after = (doc.toJS() as { seriesMembers?: Record<string, string> }).seriesMembers;
    if (!isDeepStrictEqual(before, after)) changes.push({ key: "seriesMembers", before, after });
  }
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

/** `old -> new` in one line, as the import prints each changed key. */
export function describeChange(change: SettingChange): string {
  // A redirects map of a few hundred entries is a count here; the file has them all.
  const show = (value: unknown) => {
    if (value === undefined) return "(unset)";
    const json = JSON.stringify(value);
    if (json.length <= 200) return json;
    // A long text (a theme's sample description) is cut; counting its keys gave "{200 entries}".
    if (typeof value === "string") return `${JSON.stringify(value.slice(0, 100))}…`;
    return Array.isArray(value) ? `[${value.length} items]` : `{${Object.keys(value as object).length} entries}`;
  };
  return `${change.key}: ${show(change.before)} -> ${show(change.after)}`;
}

/**
 * The carried settings the settings schema accepts: a value it would refuse (a Universal Analytics
 * id, a time zone it does not know) is left out, with the reason, instead of making every later
 * command stop on the settings file.
 */
export function keepValidSettings(values: ImportedSettings): { values: ImportedSettings; dropped: { key: SettingKey; message: string }[] } {
  const kept: Record<string, unknown> = { ...values };
  const dropped: { key: SettingKey; message: string }[] = [];
  for (;;) {
    const parsed = siteSettingsSchema.safeParse(kept);
    if (parsed.success) return { values: kept as ImportedSettings, dropped };
    const issue = parsed.error.issues.find((i) => typeof i.path[0] === "string" && i.path[0] in kept);
    if (issue === undefined) return { values: {}, dropped: [...dropped, ...Object.keys(kept).map((key) => ({ key: key as SettingKey, message: parsed.error.issues[0]!.message }))] };
    const key = issue.path[0] as SettingKey;
    const where = issue.path.length > 1 ? ` (${issue.path.join(".")})` : "";
    dropped.push({ key, message: `${JSON.stringify(kept[key])} not carried${where}: ${issue.message}` });
    delete kept[key];
  }
}
