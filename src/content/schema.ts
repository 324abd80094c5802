/**
 * The front-matter schema: the single source of truth for what a post may say about itself.
 * It speaks Jekyll / Minimal Mistakes' vocabulary so migrated posts build unchanged; keys it
 * does not know (sidebar, author_profile, header, …) are kept and ignored.
 * The `FrontMatter` type is inferred from it: there is no second, hand-written description.
 */
import { z } from "zod";
import { help } from "../settings/help.ts";

/** A scalar YAML may give for a word: `tags: [2021, k8s]` has a number in it. */
const word = z.union([z.string(), z.number()]).transform((value) => String(value));

/**
 * A yes/no key. YAML 1.1, which Jekyll's Ruby reader speaks, also spells booleans `yes`/`no`/`on`/`off`,
 * and posts written for Jekyll use them (`comments: yes` in every post of a real blog); js-yaml reads
 * YAML 1.2, where they are strings, so they are read here, in the three casings YAML 1.1 allows.
 */
export const flag = z.union([
  z.boolean(),
  z.enum(["yes", "Yes", "YES", "on", "On", "ON"]).transform(() => true),
  z.enum(["no", "No", "NO", "off", "Off", "OFF"]).transform(() => false),
]);

/**
 * Hugo LoveIt's and DoIt's switches, `toc: { enable: … }` and `math: { enable: … }`, as their `enable`
 * (undefined without it); any other value as written.
 */
export const enableOf = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { enable?: unknown }).enable : value;

/**
 * `tags` / `categories`: a list, or one string. A single string is split on commas when it has
 * any (`"helm, 쿠버네티스"`), otherwise on whitespace, as Jekyll does (`"kubernetes devops"`).
 */
/**
 * A list of terms, or one string: split on commas when it has any, otherwise on spaces as Jekyll
 * splits `tags` and `categories`. `whole` keeps a string without commas as one term: Jekyll's
 * singular `category: Deep Learning` is one category (kjhov195's Beautiful Jekyll blog has 30
 * posts in it), not "Deep" and "Learning".
 */
const terms = (noun: string, { whole = false }: { whole?: boolean } = {}) =>
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
      return value.includes(",") ? value.split(",") : whole ? [value] : value.split(/\s+/);
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
const image = z.union([z.string(), z.looseObject({
  path: z.string().optional(),
  alt: word.optional(),
  // Chirpy writes a data URI or a path here; any value asks for placeholders (src/images/wants-lqip.ts).
  lqip: z.union([z.string(), z.boolean()]).optional(),
}), z.null()]);

const DATE_EXAMPLES = ["2024-11-07", "2024-11-07 10:00:00 +0900", "2024-11-07T10:00:00+09:00"];

export const frontMatterSchema = z.looseObject({
  title: word.optional().meta(help("글 제목. 없으면 파일 이름에서 만듭니다.", "The post's title; without it, the file name is used.")),
  /** Beautiful Jekyll's and Hux's line under the title (kjhov195's and DooDoo3804's posts). */
  subtitle: word.optional().meta(help("제목 아래 한 줄 부제 (Beautiful Jekyll, Hux).", "A line under the title (Beautiful Jekyll's and Hux's subtitle).")),
  date: dateText.optional().meta({
    ...help("글을 쓴 날짜 (시차가 없으면 설정의 timeZone). 없으면 파일 이름의 YYYY-MM-DD- 를 씁니다.", "Publication date (read in the site's timeZone when it has no offset); without it, the file name's YYYY-MM-DD-."),
    examples: DATE_EXAMPLES,
  }),
  last_modified_at: dateText.optional().meta({ ...help("마지막으로 고친 날짜 (Jekyll).", "Date of the last update (Jekyll)."), examples: DATE_EXAMPLES }),
  lastmod: dateText.optional().meta(help("마지막으로 고친 날짜 (Hugo 식 이름).", "Hugo's name for the updated date.")),
  updated: dateText.optional().meta(help("마지막으로 고친 날짜 (Zola 식 이름).", "Zola's name for the updated date.")),
  tags: terms("tag").optional().meta({
    ...help("태그 목록 [k8s, helm]. 한 줄 문자열이면 쉼표가 있을 때 쉼표로, 없으면 공백으로 나눕니다.", "Tags, as a list; one string is split on commas when it has any, otherwise on spaces."),
    examples: [["kubernetes", "helm"]],
  }),
  /**
   * Jekyll's singular `tag` (it reads `tag` when a post has no `tags`, as `category` for `categories`):
   * leewr9's Minima posts all say `tag: [Docker, Dockerfile]`, and its layout lists `page.tag`.
   */
  tag: terms("tag", { whole: true }).optional().meta(help("태그 하나 또는 목록 (Jekyll 의 단수형; 한 줄 문자열은 공백이 있어도 하나). tags 와 합칩니다.", "Jekyll's singular form: a list, or one tag, spaces and all; merged with tags.")),
  categories: terms("category").optional().meta({
    ...help("카테고리 목록. 글 주소의 :categories 가 됩니다.", "Categories, as a list; they make the :categories part of the URL."),
    examples: [["devops"]],
  }),
  category: terms("category", { whole: true }).optional().meta(help("카테고리 하나 (Jekyll 의 단수형; 공백이 있어도 하나). categories 와 합칩니다.", "Jekyll's singular form: one category, spaces and all; merged with categories.")),
  excerpt: word.optional().meta(help("목록과 공유 카드에 보일 요약. 없으면 <!--more--> 앞의 글이나 첫 문단.", "Summary for lists and social cards; otherwise the text before <!--more--> or the first paragraph.")),
  description: word.optional().meta(help("요약 (excerpt 와 같음; Chirpy, Hugo 식 이름).", "Summary, like excerpt (Chirpy's and Hugo's name).")),
  permalink: z.string().optional().meta({
    ...help("이 글만의 주소. 설정의 permalink 보다 우선합니다.", "This post's own URL (or pattern); wins over the site's permalink."),
    examples: ["/kubernetes/intro/"],
  }),
  url: z.string().optional().meta(help("이 글만의 주소 (Hugo 식 이름, permalink 와 같음).", "Hugo: the post's URL, like permalink.")),
  slug: word.optional().meta(help("주소의 :title 부분 (없으면 파일 이름).", "The :title part of the URL instead of the file name.")),
  /**
   * Hugo LoveIt and DoIt write `toc: { enable: true, auto: true }`; `enable` is what says whether there
   * is one (without it, the site's setting decides, as LoveIt's own does), the rest is their layout's.
   * A union rather than a preprocess (enableOf): the editor's JSON Schema is generated from it, and
   * must accept the mapping the build accepts. flag's own options, so the editor sees one list of forms.
   */
  toc: z.union([...flag.options, z.looseObject({ enable: flag.optional() }).transform(({ enable }) => enable)]).optional().meta(help(
    "true 면 글 옆에 목차를 보여 줍니다. 없으면 설정의 toc 를 따르고, false 면 설정이 true 여도 숨깁니다. Hugo LoveIt 식 { enable: true } 도 읽습니다.",
    "true shows a table of contents; without it the site's toc setting decides, and false hides it whatever that says. Hugo LoveIt's { enable: true } is read too.",
  )),
  /**
   * Hugo PaperMod's `toc`, in any case (schemaKey): `ShowToc: true`. Read here, like `lastmod` and
   * `aliases`, rather than rewritten by `npm run import`: a post copied by hand works too, and the copy
   * stays as its author wrote it.
   */
  ShowToc: flag.optional().meta(help("toc 와 같음 (Hugo PaperMod 식 이름; showtoc 처럼 대소문자는 상관없음).", "Same as toc (Hugo PaperMod's name, in any case such as showtoc).")),
  /**
   * Jekyll Hux's `toc`: `catalog: true` shows its side "CATALOG" (DooDoo3804's 35 posts all say it).
   * Read like ShowToc, not rewritten by the import.
   */
  catalog: flag.optional().meta(help("toc 와 같음 (Jekyll Hux 식 이름).", "Same as toc (Jekyll Hux's name).")),
  toc_label: word.optional().meta({ ...help("목차 제목. 기본값 \"목차\".", "Heading of the table of contents; \"목차\" by default."), default: "목차" }),
  toc_sticky: flag.optional().meta(help("true 면 스크롤해도 목차가 따라옵니다.", "true keeps the table of contents in view while scrolling.")),
  toc_icon: z.string().optional().meta(help("목차 제목 앞 아이콘 이름 (Minimal Mistakes).", "Icon name before the TOC heading (Minimal Mistakes).")),
  draft: flag.optional().meta(help("true 면 초안: 미리보기(npm start)에만 보이고 배포 빌드에서 빠집니다.", "true makes a draft: shown by npm start, left out of the production build.")),
  published: flag.optional().meta(help("false 면 초안 (Jekyll 식; draft: true 와 같음).", "false makes a draft (Jekyll's way; same as draft: true).")),
  pin: flag.optional().meta(help("true 면 홈 목록 맨 위에 고정합니다 (Chirpy).", "true pins the post to the top of the home list (Chirpy).")),
  /**
   * One series name, or Hugo's taxonomy list (`series: ["구축기"]`): post.ts uses the first name and
   * warns about the others, as a post shows one series box.
   */
  series: z.union([word, z.array(word.nullable()), z.null()])
    .transform((value): string[] => (value === null ? [] : Array.isArray(value) ? value.filter((v): v is string => v !== null) : [value]))
    .optional()
    .meta(help("시리즈 이름 (Hugo 식 목록이면 첫 이름). 같은 시리즈의 글을 묶어 보여 줍니다.", "Series name (from a Hugo-style list, the first name): posts of one series are shown together.")),
  redirect_from: urlList.optional().meta({
    ...help("이 글로 옮겨 올 예전 주소 (하나 또는 목록).", "Old URLs that redirect here (one or a list)."),
    examples: [["/2021/04/13/kubernetes-intro.html"]],
  }),
  aliases: urlList.optional().meta(help("예전 주소 (Hugo 식 이름, redirect_from 과 같음).", "Hugo's redirect_from.")),
  render_with_liquid: flag.optional().meta(help("false 면 글 속 {% %} 와 {{ }} 를 적힌 그대로 둡니다 (Jekyll 4).", "false leaves every {% %} and {{ }} of the post as written (Jekyll 4).")),
  header: header.optional().meta(help("Minimal Mistakes 의 머리 이미지 (image, teaser, overlay_image). 공유 카드 이미지가 됩니다.", "Minimal Mistakes' header images (image, teaser, overlay_image); used for the social card.")),
  image: image.optional().meta({
    ...help("대표 이미지: 경로 또는 { path, alt, lqip } (Chirpy). 공유 카드에 쓰입니다. lqip 가 있으면 글 속 그림에 흐린 미리보기를 보여 줍니다.", "The post's image: a path or { path, alt, lqip } (Chirpy); used for the social card. With lqip, the post's images get blurred placeholders."),
    examples: ["/assets/img/cover.png"],
  }),
  math: z.unknown().optional().meta(help("true 면 이 글의 $ … $ 를 수식으로 그립니다 ($$ … $$ 는 언제나 수식).", "true renders $ … $ as math in this post ($$ … $$ always is).")),
  /** Minimal Mistakes' custom name, read like `math` (src/markdown/math.ts). */
  use_math: z.unknown().optional().meta(help("math 와 같음 (Minimal Mistakes 식 이름).", "Same as math (Minimal Mistakes' custom name).")),
  /**
   * `page` (Jekyll, Chirpy's `_tabs`) makes a standalone page, and so does `single` (Minimal Mistakes'
   * `_pages`) with a `permalink` and no date; any other value is ignored (see post.ts, `kind`).
   */
  layout: z.unknown().optional().meta(help("page 면 날짜 없는 단독 페이지 (예: 소개 페이지). 다른 값은 무시합니다.", "page makes a standalone page (an about page); other values are ignored.")),
  // reader (issue 18)
  author: z.union([word, z.array(word), z.looseObject({ name: word.optional(), avatar: z.string().optional(), bio: word.optional(), url: z.string().optional() }), z.null()]).optional().meta({
    ...help("이 글의 글쓴이가 설정의 author 와 다를 때: 이름, 또는 { name, avatar, bio, url }.", "This post's author when not the site's: a name, or { name, avatar, bio, url }."),
    examples: ["홍길동", { name: "홍길동", avatar: "/assets/img/hong.png", bio: "SRE" }],
  }),
  comments: flag.optional().meta(help("false 면 이 글에는 댓글을 달지 않습니다 (설정의 comments 가 있을 때).", "false turns comments off for this post (when the site has comments).")),
  images: z.union([z.string(), z.array(z.string())]).optional().meta(help("공유 카드 이미지 (Hugo 식; 첫 번째를 씁니다).", "Hugo's social images: the first one is used.")),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SchemaProblem {
  /** Top-level front-matter key, e.g. `tags`. */
  field: string;
  message: string;
}

const EXPECTED: Record<string, string> = {
  title: "a string",
  subtitle: "a string",
  date: "a date",
  last_modified_at: "a date",
  tags: "a list of strings or one string",
  categories: "a list of strings or one string",
  category: "a list of strings or one string",
  tag: "a list of strings or one string",
  excerpt: "a string",
  description: "a string",
  permalink: "a string such as /kubernetes/intro/",
  url: "a string such as /kubernetes/intro/",
  slug: "a string such as kubernetes-intro",
  toc: "true or false",
  ShowToc: "true or false",
  catalog: "true or false",
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
  author: "a name, a list of names or { name: …, avatar: …, bio: …, url: … }",
  comments: "true or false",
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Keys Hugo reads in any case, by their lowercase form: Hugo lowercases front-matter keys, so a
 * PaperMod post may say `ShowToc`, `showToc` or `showtoc` (and Hugo's own docs print `showtoc`).
 */
const ANY_CASE_KEYS: ReadonlyMap<string, string> = new Map([["showtoc", "ShowToc"]]);

/** The schema's name of a written key: `showtoc` -> `ShowToc`; any other key as written. */
export function schemaKey(key: string): string {
  return ANY_CASE_KEYS.get(key.toLowerCase()) ?? key;
}

/**
 * Keys a theme reads from a table of the post's own, read as top-level keys when the top level does
 * not say them (a top-level key wins): Hugo ≥ 0.123 puts a page's theme keys under `params`
 * (PaperMod's `params: { ShowToc: true }`, Stack's and LoveIt's `params: { toc: … }`), and Zola's themes
 * keep theirs under `extra` (`extra: { toc: true }` in YAML front matter; toml-front-matter.ts lifts
 * TOML's `[extra] toc` itself, with its line). Table and key in any case, as Hugo reads them.
 */
const NESTED_KEYS: readonly (readonly [table: string, key: string, name: string])[] = [
  ["params", "showtoc", "ShowToc"],
  ["params", "toc", "toc"],
  ["extra", "toc", "toc"],
];

/** `[written table, written key, value]` of a nested key, found in any case; undefined when not there. */
function nestedValue(raw: Record<string, unknown>, table: string, key: string): [string, string, unknown] | undefined {
  const tableKey = Object.keys(raw).find((k) => k.toLowerCase() === table);
  const values = tableKey === undefined ? undefined : raw[tableKey];
  if (typeof values !== "object" || values === null || Array.isArray(values)) return undefined;
  const inner = Object.keys(values).find((k) => k.toLowerCase() === key);
  const value = inner === undefined ? undefined : (values as Record<string, unknown>)[inner];
  return value === undefined || value === null ? undefined : [tableKey!, inner!, value];
}

/**
 * Keys whose empty value (`draft:`, YAML null) stays an error: they decide whether a post is published,
 * and guessing "published" for a post its author may have meant to hide is the one wrong guess.
 */
const NULL_IS_AN_ERROR = new Set(["draft", "published"]);

/**
 * Validates raw front matter; problems name the field and what was expected instead. A key written
 * with no value (`title:`, YAML null) is read as not written, as Jekyll and Hugo read it (the title
 * then comes from the file name), except the keys in NULL_IS_AN_ERROR.
 */
export function parseFrontMatter(
  raw: Record<string, unknown>,
): { ok: true; value: FrontMatter } | { ok: false; problems: SchemaProblem[] } {
  // Problems name a key as written (`showtoc`), so its line is found.
  const writtenAs = new Map<string, string>();
  const given = Object.fromEntries(
    Object.entries(raw)
      .filter(([key, value]) => value !== null || NULL_IS_AN_ERROR.has(key))
      .map(([key, value]) => {
        const name = schemaKey(key);
        if (name !== key) writtenAs.set(name, key);
        return [name, value];
      }),
  );
  for (const [table, key, name] of NESTED_KEYS) {
    const nested = given[name] === undefined ? nestedValue(raw, table, key) : undefined;
    if (nested === undefined) continue;
    given[name] = nested[2];
    writtenAs.set(name, `${nested[0]}.${nested[1]}`);
  }
  const result = frontMatterSchema.safeParse(given);
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
    const name = String(issue.path[0] ?? "(front matter)");
    const field = writtenAs.get(name) ?? name;
    if (seen.has(field)) continue;
    seen.add(field);
    const expected = EXPECTED[name] ?? issue.message;
    problems.push({ field, message: `expected ${expected}, got ${describe(given[name])}` });
  }
  return { ok: false, problems };
}
