/**
 * What `npm run new` writes: the file name and text of a new post. Pure, so the command is a thin
 * shell around it and tests need no file system.
 *
 * The front matter goes through gray-matter's stringify (quoting whatever YAML would misread) and is
 * then read back through the same reader and schema a build uses: a post this writes always builds.
 */
import matter from "gray-matter";
import { DateTime } from "luxon";
import type { SiteSettings } from "../site.ts";
import { parsePostText } from "../content/read-post.ts";
import { buildPost, type Post } from "../content/post.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { normalizeText, termSlug } from "../slug/slugify.ts";
import { strings } from "../ui/strings.ts";

export interface NewPostOptions {
  title: string;
  /** URL slug; made from the title when absent (Hangul kept). */
  slug?: string;
  tags?: readonly string[];
  category?: string;
  /** @default false */
  draft?: boolean;
  /** When the post is written; its date and file-name prefix are read in the site's time zone. */
  now: Date;
  site: Pick<SiteSettings, "timeZone" | "permalink">;
}

export interface NewPostPlan {
  /** `2024-05-01-인그레스-정리.md`, relative to the posts folder. */
  fileName: string;
  text: string;
  post: Post;
}


/** Splits `a, b,,c` into trimmed, non-empty names. */
export function splitList(text: string): string[] {
  return text.split(",").map(normalizeText).filter((name) => name !== "");
}

export function planNewPost(options: NewPostOptions): NewPostPlan {
  const title = normalizeText(options.title);
  if (title === "") throw new RangeError("the title is empty");
  // termSlug, not slugify: it is what a build makes of the file name, and it never returns "".
  const slug = termSlug(options.slug ?? title);
  const now = DateTime.fromJSDate(options.now, { zone: options.site.timeZone }).set({ millisecond: 0 });
  const fileName = `${now.toISODate()}-${slug}.md`;

  const data: Record<string, unknown> = {
    title,
    date: now.toISO({ suppressMilliseconds: true }),
    tags: (options.tags ?? []).map(normalizeText).filter((tag) => tag !== ""),
  };
  if (options.category !== undefined && normalizeText(options.category) !== "") {
    data.categories = [normalizeText(options.category)];
  }
  if (options.draft) data.draft = true;
  // An options object, not none: gray-matter caches by input otherwise.
  const text = matter.stringify(`\n${strings.newPostBody}\n`, data, {});

  const { frontMatter, frontMatterSource, body } = parsePostText(text, fileName);
  const result = buildPost({ inputPath: fileName, frontMatter, source: frontMatterSource, body, site: options.site });
  // Unreachable unless the schema and this function drift apart; failing loudly beats writing a broken post.
  if (!result.ok) throw new DiagnosticError(result.errors);
  return { fileName, text, post: result.post };
}
