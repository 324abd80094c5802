/**
 * Every word of the interface, in one place, so another language can be added beside Korean.
 */
export const strings = {
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
    // searchui
    searchResultsLabel: "검색 결과", // en: "Search results"
    searchShown: "검색 결과 {count}개 중 {shown}개", // en: "Showing {shown} of {count} results"
    searchMore: "결과 더 보기", // en: "Show more results"
    searchFilterTag: "태그", // en: "Tag"
    searchFilterCategory: "카테고리", // en: "Category"
    searchFilterAll: "전체", // en: "All"
    searchFilterOption: "{name} ({count})", // en: "{name} ({count})"
    searchSuggestTags: "자주 쓰는 태그", // en: "Popular tags"
    searchTags: "태그:", // en: "Tags:"
  },
  /** Callout labels: GitHub alerts and the Jekyll themes' notices map to these five kinds. */
  callout: { note: "참고", tip: "팁", important: "중요", warning: "경고", caution: "주의" },
  archive: "아카이브",
  archiveLead: (count: number) => `지금까지 쓴 글 ${count}개를 연도와 달로 모았습니다.`,
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
  },
  notFoundTitle: "페이지를 찾을 수 없습니다",
  notFoundBody: "주소가 바뀌었거나 지워진 글일 수 있습니다. 아래에서 찾아보세요.",
  author: "글쓴이",
  links: "링크",
  termIndexLead: (count: number) => `모두 ${count}개`,
  // design
  archiveDay: (month: number, day: number) => `${month}월 ${day}일`, // en: (month, day) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]} ${day}`
  notFoundSearch: "찾는 글이 있다면 검색해 보세요", // en: "Looking for a post? Search for it"
  notFoundBrowse: "둘러보기", // en: "Browse"
  profile: "프로필", // en: "Profile"
  tagCloud: "태그", // en: "Tags"
  allTagsLink: "모든 태그 보기", // en: "All tags"
} as const;
