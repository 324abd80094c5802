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
} as const;
