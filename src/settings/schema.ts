/**
 * The site settings schema: the one source of truth for what `opsnote.config.yaml` may say, its
 * defaults, and (inferred from it) the `SiteSettings` type every area reads. The blogger's file holds
 * only what differs from these defaults; opsnote's code never holds the blogger's values.
 */
import { z } from "zod";

/** `blog` / `/blog` / `/blog/` -> `/blog/`; empty -> `/`. Eleventy and every absolute URL need this form. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const segments = (prefix ?? "").split("/").filter((s) => s !== "");
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const absoluteUrl = z.url({ protocol: /^https?$/, error: "expected an absolute http(s) URL such as https://you.github.io" });
const positiveInt = z.int({ error: "expected a whole number" }).positive({ error: "expected a whole number of 1 or more" });
const optionalText = z.string().trim().min(1).optional();

const authorLink = z.strictObject({
  /** As shown, e.g. "GitHub". */
  label: z.string().min(1),
  url: absoluteUrl,
});

export const siteSettingsSchema = z.strictObject({
  /** Blog title, shown in the header and the `<title>` of every page. @default "opsnote" */
  title: z.string().trim().min(1).default("opsnote"),
  /** One-line description for the home page, feeds and search results. */
  description: z.string().default("쿠버네티스, 도커, 테라폼, CI/CD를 다루는 한국어 데브옵스 노트"),
  /**
   * Absolute origin of the published site, without a trailing slash or path. Environment: `OPSNOTE_SITE_URL`.
   * @example "https://ops.example.kr"
   */
  url: absoluteUrl.transform((url) => url.replace(/\/+$/, "")).default("https://opsnote.example.kr"),
  /**
   * Path the blog lives under, with leading and trailing slash (a GitHub Pages project site).
   * Environment: `OPSNOTE_PATH_PREFIX`. @default "/" @example "/blog/"
   */
  pathPrefix: z.string().transform(normalizePathPrefix).default("/"),
  /** BCP 47 language of the content. @default "ko" */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: "expected a language tag such as ko or en" }).default("ko"),
  /** `og:locale` of the content. @default "ko_KR" */
  locale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: "expected a locale such as ko_KR" }).default("ko_KR"),
  /** IANA time zone in which dates without an offset are read and shown. @default "Asia/Seoul" */
  timeZone: z.string().refine(isTimeZone, { error: "expected an IANA time zone such as Asia/Seoul" }).default("Asia/Seoul"),
  author: z
    .strictObject({
      name: z.string().trim().min(1).default("opsnote"),
      url: absoluteUrl.optional(),
      email: z.email({ error: "expected an e-mail address" }).optional(),
      /** Image URL (root-relative or absolute) of the author's picture. */
      avatar: optionalText,
      /** A sentence or two about the author. */
      bio: optionalText,
      /** Profiles shown on the about page and given to search engines as `sameAs`. @default [] */
      links: z.array(authorLink).default([]),
    })
    .prefault({}),
  /**
   * Post URL pattern with Jekyll's tokens: `:categories`, `:year`, `:month`, `:day`, `:title`, and `:path`
   * (the file's folders inside the posts folder: a Hugo/Zola section).
   * A post's own `permalink` wins.
   * @default "/:categories/:title/" (Minimal Mistakes' recommended setting)
   */
  permalink: z.string().startsWith("/", { error: "expected a pattern starting with / such as /posts/:title/" }).default("/:categories/:title/"),
  /** Heading levels in the generated table of contents, counted from the top level present. @default 3 */
  tocDepth: z.int().min(1).max(6).default(3),
  /** Posts per list page (home, tag and category pages). Environment: `OPSNOTE_PAGE_SIZE`. @default 10 */
  pageSize: positiveInt.default(10),
  /**
   * Newest posts in each feed, with full content. Feed readers keep what they have fetched; a feed of
   * every post would grow with the blog (at 1,000 posts a full-content feed per tag is hundreds of MB).
   * Environment: `OPSNOTE_FEED_SIZE`. @default 20
   */
  feedSize: positiveInt.default(20),
  /** Site ownership codes; a `<meta>` is written only for the ones given. */
  verification: z
    .strictObject({
      /** Google Search Console `google-site-verification` content. Environment: `OPSNOTE_GOOGLE_VERIFICATION`. */
      google: optionalText,
      /** Naver Search Advisor `naver-site-verification` content. Environment: `OPSNOTE_NAVER_VERIFICATION`. */
      naver: optionalText,
    })
    .prefault({}),
  /** Twitter/X account of the site for `twitter:site`, with `@`. */
  twitter: z.string().regex(/^@\w{1,15}$/, { error: "expected an account such as @opsnote" }).optional(),
  /**
   * Posts that belong to a series without saying so in their own front matter, by path inside the
   * posts folder -> series name. For files you would rather not edit (an imported post); a post's
   * own `series:` wins. @default {}
   */
  seriesMembers: z.record(z.string(), z.string().min(1)).default({}),
  /**
   * Folders of the blog whose files are published as they are, besides `assets/` (always served at
   * `/assets/`) and the files beside the posts. Relative to the folder that holds the posts folder;
   * a folder is served at its own path (`images/x.png` -> `/images/x.png`, as Jekyll does), except
   * a folder named `static`, whose contents are served from the root as Hugo and Zola do
   * (`static/images/x.png` -> `/images/x.png`). Folders that do not exist are skipped.
   * @default ["images", "img", "files", "static"]
   */
  staticDirs: z.array(z.string().min(1)).default(["images", "img", "files", "static"]),
  /**
   * Fail the production build on content problems that still leave a page to publish (broken links,
   * missing images, unknown anchors), as `npm run check` does. @default false
   */
  strict: z.boolean().default(false),
  /** Render `$ … $` inline math in every post, not only in posts with `math: true`. @default false */
  math: z.boolean().default(false),
  /**
   * Old URLs that no post pattern reproduces, each answered by a redirect page to its new URL.
   * @default {} @example { "/2021/04/13/kubernetes-intro.html": "/devops/kubernetes-intro/" }
   */
  redirects: z.record(z.string().startsWith("/"), z.string().min(1)).default({}),
  /** Comments under posts; nothing is loaded when no provider is set. */
  comments: z
    .discriminatedUnion("provider", [
      z.strictObject({ provider: z.literal("giscus"), repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/), repoId: z.string().min(1), category: z.string().min(1), categoryId: z.string().min(1), mapping: z.string().default("pathname") }),
      z.strictObject({ provider: z.literal("utterances"), repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/), issueTerm: z.string().default("pathname") }),
      z.strictObject({ provider: z.literal("disqus"), shortname: z.string().min(1) }),
    ])
    .optional(),
  /** Analytics ids; a script is written only for the ones given. */
  analytics: z.strictObject({ /** Google Analytics 4 measurement id. */ google: z.string().regex(/^G-[A-Z0-9]+$/, { error: "expected a GA4 id such as G-XXXXXXX" }).optional() }).prefault({}),
});

/** Site settings as every area reads them: the blogger's file merged over the defaults. */
export type SiteSettings = z.output<typeof siteSettingsSchema>;
/** What `opsnote.config.yaml` may hold (every key optional). */
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
export type AuthorLink = z.output<typeof authorLink>;
