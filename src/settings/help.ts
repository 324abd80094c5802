/**
 * The text an editor shows for a settings or front-matter key (VS Code hover and completion, through
 * the JSON Schemas of src/settings/editor-files.ts). Korean first, for the bloggers opsnote is for,
 * then the same in plain English; zod keeps it as the schema's `description`.
 */
export function help(korean: string, english: string): { description: string } {
  return { description: `${korean}\n\n${english}` };
}
