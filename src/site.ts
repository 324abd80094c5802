/**
 * Site settings: the one typed module a blogger edits to make opsnote theirs.
 * Values that differ per build (output folder, path prefix for a GitHub Pages
 * project site) can also come from the environment, so CI needs no file edits.
 */
export interface SiteSettings {
  /** Blog title, shown in the header and the `<title>` of every page. */
  title: string;
  /** One-line description for the home page and feeds. */
  description: string;
  /** Absolute origin of the published site, without a trailing slash. @example "https://ops.example.kr" */
  url: string;
  /** Path the blog lives under. @default "/" @example "/blog/" */
  pathPrefix: string;
  /** BCP 47 language of the content. @default "ko" */
  language: string;
  /** IANA time zone in which dates without an offset are read and shown. @default "Asia/Seoul" */
  timeZone: string;
  author: { name: string; url?: string; email?: string };
  /**
   * Post URL pattern with Jekyll's tokens: `:categories`, `:year`, `:month`, `:day`, `:title`.
   * A post's own `permalink` wins.
   * @default "/:categories/:title/" (Minimal Mistakes' recommended setting)
   */
  permalink: string;
  /** Heading levels in the generated table of contents, counted from the top level present. @default 3 */
  tocDepth: number;
  /** Posts per list page. @default 10 */
  pageSize: number;
}

export const site: SiteSettings = {
  title: "opsnote",
  description: "쿠버네티스, 도커, 테라폼, CI/CD를 다루는 한국어 데브옵스 노트",
  url: process.env.OPSNOTE_SITE_URL ?? "https://opsnote.example.kr",
  pathPrefix: process.env.OPSNOTE_PATH_PREFIX ?? "/",
  language: "ko",
  timeZone: "Asia/Seoul",
  author: { name: "opsnote" },
  permalink: "/:categories/:title/",
  tocDepth: 3,
  pageSize: 10,
};
