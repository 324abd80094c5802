/**
 * The front-matter schema: the single source of truth for what a post may say about itself.
 * It speaks Jekyll / Minimal Mistakes' vocabulary so migrated posts build unchanged; keys it
 * does not know (sidebar, author_profile, header, …) are kept and ignored.
 * The `FrontMatter` type is inferred from it: there is no second, hand-written description.
 */
import { z } from "zod";

/** A scalar YAML may give for a word: `tags: [2021, k8s]` has a number in it. */
const word = z.union([z.string(), z.number()]).transform((value) => String(value));

/**
 * `tags` / `categories`: a list, or one string. A single string is split on commas when it has
 * any (`"helm, 쿠버네티스"`), otherwise on whitespace, as Jekyll does (`"kubernetes devops"`).
 */
const terms = (noun: string) =>
  z
    .union([word, z.array(word.nullable()), z.null()])
    .superRefine((value, context) => {
      // `- ` with nothing after it (or `~`) is YAML's null: a tag the author meant to write, or a stray line.
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => {
        if (item === null) context.addIssue({ code: "custom", path: [index], message: `empty ${noun}: write a name or remove the item` });
      });
    })
    .transform((value): string[] => {
      if (value === null) return [];
      if (Array.isArray(value)) return value.filter((item): item is string => item !== null);
      return value.includes(",") ? value.split(",") : value.split(/\s+/);
    });

/** Dates stay strings here (YAML timestamps are off) and are read by dates.ts with the site zone. */
const dateText = z.union([z.string(), z.date()]);

/** `redirect_from` (jekyll-redirect-from) / `aliases` (Hugo): one old URL or a list of them. */
const urlList = z.union([z.string(), z.array(z.string()), z.null()]).transform((value): string[] =>
  value === null ? [] : Array.isArray(value) ? value : [value],
);

/** Minimal Mistakes' `header:`; only the images are read, the rest (overlay colours, actions) is ignored. */
const header = z
  .looseObject({ image: z.string().optional(), teaser: z.string().optional(), overlay_image: z.string().optional() })
  .nullable();

/** Chirpy's `image:` is a path or `{ path, alt, lqip }`. */
const image = z.union([z.string(), z.looseObject({ path: z.string().optional(), alt: word.optional() }), z.null()]);

export const frontMatterSchema = z.looseObject({
  title: word.optional(),
  date: dateText.optional(),
  last_modified_at: dateText.optional(),
  /** Hugo's name for the updated date. */
  lastmod: dateText.optional(),
  /** Zola's name for the updated date. */
  updated: dateText.optional(),
  tags: terms("tag").optional(),
  categories: terms("category").optional(),
  /** Jekyll's singular form. */
  category: terms("category").optional(),
  excerpt: word.optional(),
  description: word.optional(),
  permalink: z.string().optional(),
  /** Hugo: the post's URL, like `permalink`. */
  url: z.string().optional(),
  /** Hugo/Zola: the `:title` part of the URL instead of the file name. */
  slug: word.optional(),
  toc: z.boolean().optional(),
  /** @default "목차" */
  toc_label: word.optional(),
  toc_sticky: z.boolean().optional(),
  toc_icon: z.string().optional(),
  draft: z.boolean().optional(),
  published: z.boolean().optional(),
  pin: z.boolean().optional(),
  /**
   * One series name, or Hugo's taxonomy list (`series: ["구축기"]`): post.ts uses the first name and
   * warns about the others, as a post shows one series box.
   */
  series: z.union([word, z.array(word.nullable()), z.null()])
    .transform((value): string[] => (value === null ? [] : Array.isArray(value) ? value.filter((v): v is string => v !== null) : [value]))
    .optional(),
  redirect_from: urlList.optional(),
  /** Hugo's `redirect_from`. */
  aliases: urlList.optional(),
  /** Jekyll 4: `false` leaves every `{% %}` and `{{ }}` of the post as written. */
  render_with_liquid: z.boolean().optional(),
  header: header.optional(),
  image: image.optional(),
  /**
   * `page` (Jekyll, Chirpy's `_tabs`) makes a standalone page, and so does `single` (Minimal Mistakes'
   * `_pages`) with a `permalink` and no date; any other value is ignored (see post.ts, `kind`).
   */
  layout: z.unknown().optional(),
  /** Hugo's social images: the first one is used. */
  images: z.union([z.string(), z.array(z.string())]).optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SchemaProblem {
  /** Top-level front-matter key, e.g. `tags`. */
  field: string;
  message: string;
}

const EXPECTED: Record<string, string> = {
  title: "a string",
  date: "a date",
  last_modified_at: "a date",
  tags: "a list of strings or one string",
  categories: "a list of strings or one string",
  category: "a list of strings or one string",
  excerpt: "a string",
  description: "a string",
  permalink: "a string such as /kubernetes/intro/",
  url: "a string such as /kubernetes/intro/",
  slug: "a string such as kubernetes-intro",
  toc: "true or false",
  toc_label: "a string",
  toc_sticky: "true or false",
  toc_icon: "a string",
  draft: "true or false",
  published: "true or false",
  pin: "true or false",
  series: "a string or a list of strings",
  lastmod: "a date",
  updated: "a date",
  redirect_from: "a URL path or a list of them",
  aliases: "a URL path or a list of them",
  render_with_liquid: "true or false",
  header: "a mapping such as { image: /assets/x.png, teaser: /assets/x-th.png }",
  image: "an image path or { path: …, alt: … }",
  images: "an image path or a list of them",
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Validates raw front matter; problems name the field and what was expected instead. */
export function parseFrontMatter(
  raw: Record<string, unknown>,
): { ok: true; value: FrontMatter } | { ok: false; problems: SchemaProblem[] } {
  const result = frontMatterSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const issue of result.error.issues) {
    // An item of a list (`tags[1]`) is named with its index; its line is the item's (front-matter.ts).
    if (issue.code === "custom" && typeof issue.path[1] === "number") {
      problems.push({ field: `${String(issue.path[0])}[${issue.path[1]}]`, message: issue.message });
      seen.add(String(issue.path[0]));
      continue;
    }
    const field = String(issue.path[0] ?? "(front matter)");
    if (seen.has(field)) continue;
    seen.add(field);
    const expected = EXPECTED[field] ?? issue.message;
    problems.push({ field, message: `expected ${expected}, got ${describe(raw[field])}` });
  }
  return { ok: false, problems };
}
