/**
 * Every word of the interface, in two tables of one shape: Korean (`ko`, the default and the
 * reference) and English (`en`, typed as `ko`'s shape, so a word without its English twin is a type
 * error). `site.language` picks one (see `interfaceLanguageOf`); layouts, pages, feeds, the preview and
 * the scripts' words (`client`) all read `strings`.
 *
 * Adding a word: put it in `ko`, then its twin in `en` at the same place (typecheck lists any missing).
 * Words added with a `// en: "…"` comment beside them: `node --import tsx scripts/english-twins.ts`
 * prints their `en` lines, ready to paste.
 */
import { loadSiteSettings, SETTINGS_FILE } from "../settings/load-settings.ts";

const ko = {
  /** The locale dates and numbers are written in (Intl); an `en-*` site's own tag replaces `en`'s. */
  intlLocale: "ko-KR",
  skipToContent: "본문으로 건너뛰기",
  siteNavigation: "사이트 메뉴",
  home: "홈",
  posts: "글",
  tags: "태그",
  categories: "카테고리",
  about: "소개",
  published: "게시일",
  updated: "수정일",
  readingTime: (minutes: number) => `${minutes}분 읽기`,
  postCount: (count: number) => `글 ${count}개`,
  toc: "목차",
  postNavigation: "이전 글과 다음 글",
  previousPost: "이전 글",
  nextPost: "다음 글",
  allTags: "모든 태그",
  allCategories: "모든 카테고리",
  tagHeading: (name: string) => `태그: ${name}`,
  categoryHeading: (name: string) => `카테고리: ${name}`,
  noPosts: "아직 글이 없습니다.",
  draft: "초안",
  scheduled: "예약",
  recentPosts: "최근 글",
  credits: "이미지 출처",
  search: "검색",
  searchLabel: "검색어",
  searchPlaceholder: "검색어를 입력하세요 (예: 쿠버네티스)",
  searchShortcut: "/",
  close: "닫기",
  themeToggle: "테마",
  headingAnchor: (heading: string) => `‘${heading}’ 섹션 링크`,
  untitled: "제목 없음",
  redirectTitle: "이동 중…",
  redirectBody: (linkHtml: string) => `${linkHtml}(으)로 이동했습니다.`,
  offlineTitle: "오프라인 상태입니다",
  offlineBody: "인터넷에 연결되어 있지 않고, 이 페이지는 아직 이 기기에 저장되지 않았습니다. 전에 읽은 글은 연결 없이도 열립니다.",
  /** The body `npm run new` writes into a new post. */
  newPostBody: "여기에 본문을 씁니다. `npm start`로 미리 보고, `npm run check`로 검사하세요.",
  /** Words the page's scripts show; `{count}` is replaced. Sent to the browser as JSON. */
  client: {
    themeSystem: "테마: 시스템 설정",
    themeLight: "테마: 밝게",
    themeDark: "테마: 어둡게",
    copy: "복사",
    copyLabel: "코드 복사",
    copyCommandsLabel: "명령어만 복사",
    copied: "복사했습니다",
    copyFailed: "복사하지 못했습니다",
    searchNoResults: "검색 결과가 없습니다.",
    searchResults: "검색 결과 {count}개",
    searchFailed: "검색을 불러오지 못했습니다.",
    searchResultsLabel: "검색 결과",
    searchShown: "검색 결과 {count}개 중 {shown}개",
    searchMore: "결과 더 보기",
    searchFilterTag: "태그",
    searchFilterCategory: "카테고리",
    searchFilterAll: "전체",
    searchFilterOption: "{name} ({count})",
    searchSuggestTags: "자주 쓰는 태그",
    searchTags: "태그:",
  },
  /** Callout labels: GitHub alerts and the Jekyll themes' notices map to these five kinds. */
  callout: { note: "참고", tip: "팁", important: "중요", warning: "경고", caution: "주의" },
  archive: "아카이브",
  archiveLead: (count: number) => `지금까지 쓴 글 ${count}개를 연도별로 모았습니다.`,
  archiveYear: (year: number) => `${year}년`,
  archiveMonth: (year: number, month: number) => `${year}년 ${month}월`,
  pagination: "페이지 이동",
  previousPage: "이전 페이지",
  nextPage: "다음 페이지",
  pageOf: (page: number, total: number) => `${total}페이지 중 ${page}페이지`,
  pageTitle: (title: string, page: number) => (page > 1 ? `${title} (${page}페이지)` : title),
  pinned: "고정",
  series: "시리즈",
  seriesPosition: (name: string, part: number, total: number) => `${name} (${part}/${total})`,
  seriesParts: (name: string) => `시리즈 "${name}"의 글`,
  currentPart: "지금 읽는 글",
  feeds: "피드",
  atomFeed: "Atom 피드",
  jsonFeed: "JSON 피드",
  siteFeedTitle: (site: string) => `${site} 전체 글`,
  termFeedTitle: (site: string, heading: string) => `${site} · ${heading}`,
  /** In feeds, where an inline `data:` image is left out: the image's alt text (HTML). */
  feedImageLeftOut: (altHtml: string) => (altHtml === "" ? "[이미지]" : `[이미지: ${altHtml}]`),
  termFeed: (heading: string) => `${heading} 피드`,
  /** The preview's error banner: where a problem is, and the words around a diagnostic's message. */
  preview: {
    severity: { error: "오류", warning: "경고", info: "알림" } as Record<string, string>,
    where: (file: string, line?: number, column?: number) =>
      line === undefined ? file : `${file} ${line}행${column === undefined ? "" : ` ${column}열`}`,
    field: { "front matter": "앞머리(front matter)" } as Record<string, string>,
    /** Messages of the front-matter reader in Korean; other messages stay as the checks wrote them. */
    message: (message: string) => message
      .replace(/^invalid YAML: the quote \((.)\) opened here is never closed$/, "YAML 문법 오류: 여기서 연 따옴표($1)가 닫히지 않았습니다")
      .replace(/^invalid YAML: the (?:list|mapping) \((.)\) opened here is never closed$/, "YAML 문법 오류: 여기서 연 괄호($1)가 닫히지 않았습니다")
      .replace(/^invalid YAML: /, "YAML 문법 오류: "),
    buildFailed: "opsnote: 빌드 실패 — 파일을 고치고 저장하면 바로 다시 빌드합니다.",
    checkFailed: "opsnote: 검사 오류 — 미리보기는 계속되지만, 배포 빌드는 이 오류로 실패합니다.",
    buildFailedTitle: "빌드 실패",
    firstBuild: "첫 빌드 중…",
    badPath: "잘못된 경로",
  },
  notFoundTitle: "페이지를 찾을 수 없습니다",
  notFoundBody: "주소가 바뀌었거나 지워진 글일 수 있습니다. 아래에서 찾아보세요.",
  author: "글쓴이",
  links: "링크",
  termIndexLead: (count: number) => `모두 ${count}개`,
  archiveDay: (month: number, day: number) => `${month}월 ${day}일`,
  notFoundSearch: "찾는 글이 있다면 검색해 보세요",
  notFoundBrowse: "둘러보기",
  profile: "프로필",
  tagCloud: "태그",
  allTagsLink: "모든 태그 보기",
  relatedPosts: "관련 글",
  shareThisPost: "이 글 공유하기",
  copyLink: "링크 복사",
  breadcrumbs: "현재 위치",
  aboutTheAuthor: "글쓴이 소개",
  editOnGitHub: "GitHub에서 고치기",
  comments: "댓글",
  commentsNeedJavaScript: "댓글은 JavaScript를 켜면 보입니다.",
} as const;

/** A table's shape with every word widened to `string`: what each language must fill. */
type Words<T> = T extends string ? string
  : T extends (...args: infer A) => infer R ? (...args: A) => Words<R>
  : T extends object ? { readonly [K in keyof T]: Words<T[K]> }
  : T;

export type UiStrings = Words<typeof ko>;

const monthYear = (locale: string, year: number, month: number) =>
  new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const en: UiStrings = {
  intlLocale: "en-US",
  skipToContent: "Skip to content",
  siteNavigation: "Site menu",
  home: "Home",
  posts: "Posts",
  tags: "Tags",
  categories: "Categories",
  about: "About",
  published: "Published",
  updated: "Updated",
  readingTime: (minutes) => `${minutes} min read`,
  postCount: (count) => plural(count, "post", "posts"),
  toc: "Contents",
  postNavigation: "Previous and next posts",
  previousPost: "Previous",
  nextPost: "Next",
  allTags: "All tags",
  allCategories: "All categories",
  tagHeading: (name) => `Tag: ${name}`,
  categoryHeading: (name) => `Category: ${name}`,
  noPosts: "No posts yet.",
  draft: "Draft",
  scheduled: "Scheduled",
  recentPosts: "Recent posts",
  credits: "Image credits",
  search: "Search",
  searchLabel: "Search terms",
  searchPlaceholder: "Type to search (e.g. kubernetes)",
  searchShortcut: "/",
  close: "Close",
  themeToggle: "Theme",
  headingAnchor: (heading) => `Link to the section ‘${heading}’`,
  untitled: "Untitled",
  redirectTitle: "Redirecting…",
  redirectBody: (linkHtml) => `This page has moved to ${linkHtml}.`,
  offlineTitle: "You are offline",
  offlineBody: "There is no internet connection and this page has not been saved on this device yet. Posts you have read before open without a connection.",
  newPostBody: "Write the post here. Preview it with `npm start` and check it with `npm run check`.",
  client: {
    themeSystem: "Theme: system",
    themeLight: "Theme: light",
    themeDark: "Theme: dark",
    copy: "Copy",
    copyLabel: "Copy code",
    copyCommandsLabel: "Copy the commands only",
    copied: "Copied",
    copyFailed: "Could not copy",
    searchNoResults: "No results.",
    searchResults: "Results: {count}",
    searchFailed: "Search could not be loaded.",
    searchResultsLabel: "Search results",
    searchShown: "Showing {shown} of {count} results",
    searchMore: "Show more results",
    searchFilterTag: "Tag",
    searchFilterCategory: "Category",
    searchFilterAll: "All",
    searchFilterOption: "{name} ({count})",
    searchSuggestTags: "Popular tags",
    searchTags: "Tags:",
  },
  callout: { note: "Note", tip: "Tip", important: "Important", warning: "Warning", caution: "Caution" },
  archive: "Archive",
  archiveLead: (count) => `All ${plural(count, "post", "posts")}, by year.`,
  archiveYear: (year) => String(year),
  archiveMonth: (year, month) => monthYear("en-US", year, month),
  pagination: "Pages",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageOf: (page, total) => `Page ${page} of ${total}`,
  pageTitle: (title, page) => (page > 1 ? `${title} (page ${page})` : title),
  pinned: "Pinned",
  series: "Series",
  seriesPosition: (name, part, total) => `${name} (${part}/${total})`,
  seriesParts: (name) => `Posts of the series "${name}"`,
  currentPart: "reading now",
  feeds: "Feeds",
  atomFeed: "Atom feed",
  jsonFeed: "JSON feed",
  siteFeedTitle: (site) => `${site}: all posts`,
  termFeedTitle: (site, heading) => `${site} · ${heading}`,
  feedImageLeftOut: (altHtml) => (altHtml === "" ? "[image]" : `[image: ${altHtml}]`),
  // Under the heading "Tag: Docker", "Tag: Docker feed" reads as a stutter; the link is the page's feed.
  termFeed: () => "Atom feed",
  preview: {
    severity: { error: "error", warning: "warning", info: "info" },
    where: (file, line, column) => (line === undefined ? file : `${file}:${line}${column === undefined ? "" : `:${column}`}`),
    field: {},
    message: (message) => message,
    buildFailed: "opsnote: build failed — fix the file and save, and it builds again at once.",
    checkFailed: "opsnote: check errors — the preview goes on, but a production build fails on these.",
    buildFailedTitle: "Build failed",
    firstBuild: "First build…",
    badPath: "bad path",
  },
  notFoundTitle: "Page not found",
  notFoundBody: "The address may have changed or the post may have been removed. Try one of these.",
  author: "Author",
  links: "Links",
  termIndexLead: (count) => `${count} in total`,
  archiveDay: (month, day) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]} ${day}`,
  notFoundSearch: "Looking for a post? Search for it",
  notFoundBrowse: "Browse",
  profile: "Profile",
  tagCloud: "Tags",
  allTagsLink: "All tags",
  relatedPosts: "Related posts",
  shareThisPost: "Share this post",
  copyLink: "Copy link",
  breadcrumbs: "Breadcrumbs",
  aboutTheAuthor: "About the author",
  editOnGitHub: "Edit on GitHub",
  comments: "Comments",
  commentsNeedJavaScript: "Comments appear with JavaScript on.",
};

export type InterfaceLanguage = "ko" | "en";

/**
 * The interface language of a site written in `language` (a BCP 47 tag): `ko` and `ko-*` are Korean;
 * `en`, `en-*` and every other language get English, since a reader of a Japanese or German blog is
 * far likelier to read English than Korean. The content keeps its own tag in `<html lang>`.
 */
export function interfaceLanguageOf(language: string): InterfaceLanguage {
  return language.toLowerCase().split("-")[0] === "ko" ? "ko" : "en";
}

/** The interface words for a site in `language`; an `en-GB` site writes dates the British way. */
export function stringsFor(language: string): UiStrings {
  if (interfaceLanguageOf(language) === "ko") return ko;
  return /^en-/i.test(language) && Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 ? { ...en, intlLocale: language } : en;
}

/**
 * `site.language`, read here without src/site.ts: that module stops the process on a broken settings
 * file, which is right for a build but not for the importer and the other tools that only need words
 * (content and markdown code imports this module). A broken or missing file means Korean here; the
 * commands that build still stop on it, with its errors, when they load src/site.ts.
 */
function configuredLanguage(): string {
  try {
    return loadSiteSettings({ file: process.env.OPSNOTE_CONFIG ?? SETTINGS_FILE }).language;
  } catch {
    return "ko";
  }
}

const language = configuredLanguage();

/** This site's interface language. */
export const interfaceLanguage: InterfaceLanguage = interfaceLanguageOf(language);

/** Every interface word of this site, in its language (`site.language`). */
export const strings: UiStrings = stringsFor(language);

/** Both tables, for tests that compare them. */
export const STRING_TABLES: Readonly<Record<InterfaceLanguage, UiStrings>> = { ko, en };
