/**
 * Site settings: the one typed module a blogger edits to make opsnote theirs.
 * Values that differ per build (site URL, path prefix for a GitHub Pages project site) can also
 * come from the environment, so CI needs no file edits.
 */
export interface AuthorLink {
  /** As shown, e.g. "GitHub". */
  label: string;
  url: string;
}

export interface SiteSettings {
  /** Blog title, shown in the header and the `<title>` of every page. */
  title: string;
  /** One-line description for the home page, feeds and search results. */
  description: string;
  /** Absolute origin of the published site, without a trailing slash or path. @example "https://ops.example.kr" */
  url: string;
  /**
   * Path the blog lives under, with leading and trailing slash (a GitHub Pages project site).
   * Environment: `OPSNOTE_PATH_PREFIX`. @default "/" @example "/blog/"
   */
  pathPrefix: string;
  /** BCP 47 language of the content. @default "ko" */
  language: string;
  /** `og:locale` of the content. @default "ko_KR" */
  locale: string;
  /** IANA time zone in which dates without an offset are read and shown. @default "Asia/Seoul" */
  timeZone: string;
  author: {
    name: string;
    url?: string;
    email?: string;
    /** Picture URL for the about page (Minimal Mistakes' `author.avatar`, Chirpy's `avatar`). */
    avatar?: string;
    /** One-line biography. */
    bio?: string;
    /** Profiles shown on the about page and given to search engines as `sameAs`. @default [] */
    links: AuthorLink[];
  };
  /**
   * Post URL pattern with Jekyll's tokens: `:categories`, `:year`, `:month`, `:day`, `:title`.
   * A post's own `permalink` wins.
   * @default "/:categories/:title/" (Minimal Mistakes' recommended setting)
   */
  permalink: string;
  /** Heading levels in the generated table of contents, counted from the top level present. @default 3 */
  tocDepth: number;
  /** Posts per list page (home, tag and category pages). Environment: `OPSNOTE_PAGE_SIZE`. @default 10 */
  pageSize: number;
  /**
   * Newest posts in each feed, with full content. Feed readers keep what they have fetched; a feed of
   * every post would grow with the blog (at 1,000 posts a full-content feed per tag is hundreds of MB).
   * Environment: `OPSNOTE_FEED_SIZE`. @default 20
   */
  feedSize: number;
  /** Site ownership codes; a `<meta>` is written only for the ones given. */
  verification: {
    /** Google Search Console `google-site-verification` content. */
    google?: string;
    /** Naver Search Advisor `naver-site-verification` content. */
    naver?: string;
  };
  /** Twitter/X account of the site for `twitter:site`, with `@`. */
  twitter?: string;
  /**
   * Posts that belong to a series without saying so in their own front matter, by path inside the
   * posts folder -> series name. For files you would rather not edit (an imported post); a post's
   * own `series:` wins. @default {}
   */
  seriesMembers: Record<string, string>;
  /** Comment service of the posts (carried over by `npm run import`); none when absent. */
  comments?: {
    provider: "giscus" | "utterances" | "disqus";
    repo?: string;
    repoId?: string;
    category?: string;
    categoryId?: string;
    /** giscus `mapping`, utterances `issue-term`. */
    mapping?: string;
    /** disqus */
    shortname?: string;
  };
  /** Analytics ids; a script is written only for the ones given. */
  analytics?: { google?: string };
  /**
   * Top-level folders of the project served from the site root as they are (`images` -> `/images/…`),
   * besides `assets/`. @default []
   */
  staticDirs: string[];
  /** Old URL -> new URL: each old URL gets a redirect page (a migrated blog keeps its links). @default {} */
  redirects: Record<string, string>;
}

/** `blog` / `/blog` / `/blog/` -> `/blog/`; empty -> `/`. Eleventy and every absolute URL need this form. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const segments = (prefix ?? "").split("/").filter((s) => s !== "");
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

export const site: SiteSettings = {
  title: "opsnote",
  description: "쿠버네티스, 도커, 테라폼, CI/CD를 다루는 한국어 데브옵스 노트",
  url: (process.env.OPSNOTE_SITE_URL ?? "https://opsnote.example.kr").replace(/\/+$/, ""),
  pathPrefix: normalizePathPrefix(process.env.OPSNOTE_PATH_PREFIX),
  language: "ko",
  locale: "ko_KR",
  timeZone: "Asia/Seoul",
  author: {
    name: "opsnote",
    links: [{ label: "GitHub", url: "https://github.com/opsnote" }],
  },
  permalink: "/:categories/:title/",
  tocDepth: 3,
  pageSize: Number(process.env.OPSNOTE_PAGE_SIZE ?? 10),
  feedSize: Number(process.env.OPSNOTE_FEED_SIZE ?? 20),
  verification: {
    google: process.env.OPSNOTE_GOOGLE_VERIFICATION,
    naver: process.env.OPSNOTE_NAVER_VERIFICATION,
  },
  // The Kubernetes intro is kept byte for byte as its author wrote it, so it joins the sample
  // series here instead of in its front matter. Remove this line with posts/samples/.
  seriesMembers: { "2021-04-13-kubernetes-intro.md": "쿠버네티스 첫걸음" },
  staticDirs: [],
  redirects: {},
};
