/**
 * The site settings schema: the one source of truth for what `opsnote.config.yaml` may say, its
 * defaults, and (inferred from it) the `SiteSettings` type every area reads. The blogger's file holds
 * only what differs from these defaults; opsnote's code never holds the blogger's values.
 */
import { z } from "zod";
import { help } from "./help.ts";

/** `blog` / `/blog` / `/blog/` -> `/blog/`; empty -> `/`. Eleventy and every absolute URL need this form. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const segments = (prefix ?? "").split("/").filter((s) => s !== "");
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

/** True for a zone `Intl` knows (IANA names such as Asia/Seoul, or UTC). */
export const isTimeZone = (zone: string): boolean => {
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
  label: z.string().min(1).meta(help("보이는 이름 (예: GitHub).", "As shown, e.g. GitHub.")),
  url: absoluteUrl.meta(help("프로필 주소.", "The profile's address.")),
});

const labelledUrl = z.strictObject({ label: z.string().min(1), url: absoluteUrl });
const credit = z.strictObject({
  work: z.string().min(1).meta(help("출처를 밝힐 작품 이름.", "The credited work, as shown.")),
  author: z.string().min(1).meta(help("저작자.", "Who made it.")),
  source: labelledUrl.meta(help("원본 (label, url).", "Where it comes from (label, url).")),
  license: labelledUrl.meta(help("라이선스 (label, url).", "Its licence (label, url).")),
  files: z.array(z.string().startsWith("/", { error: "expected a site path such as /assets/images/x.svg" })).min(1)
    .meta(help("이 출처가 필요한 파일들의 사이트 경로 (/assets/images/x.svg).", "Site paths of the files this credit is for (/assets/images/x.svg).")),
});

export const siteSettingsSchema = z.strictObject({
  title: z.string().trim().min(1).default("opsnote")
    .meta(help("블로그 이름. 머리글과 모든 페이지의 <title>에 보입니다.", "Blog title, shown in the header and the <title> of every page.")),
  description: z.string().default("쿠버네티스, 도커, 테라폼, CI/CD를 다루는 한국어 데브옵스 노트")
    .meta(help("블로그를 한 줄로 소개하는 글. 홈, 피드, 검색 결과에 쓰입니다.", "One-line description for the home page, feeds and search results.")),
  url: absoluteUrl.transform((url) => url.replace(/\/+$/, "")).default("https://opsnote.example.kr").meta({
    ...help(
      "블로그가 공개되는 주소 (끝에 / 와 경로 없이). 환경 변수 OPSNOTE_SITE_URL 이 이 값보다 우선합니다.",
      "Absolute origin of the published site, without a trailing slash or path. OPSNOTE_SITE_URL wins over it.",
    ),
    examples: ["https://you.github.io", "https://ops.example.kr"],
  }),
  pathPrefix: z.string().transform(normalizePathPrefix).default("/").meta({
    ...help(
      "블로그가 도메인의 하위 경로에 있을 때 그 경로 (GitHub Pages 프로젝트 사이트). 기본값 /. 환경 변수 OPSNOTE_PATH_PREFIX 가 우선합니다.",
      "Path the blog lives under (a GitHub Pages project site). OPSNOTE_PATH_PREFIX wins over it.",
    ),
    examples: ["/blog/"],
  }),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: "expected a language tag such as ko or en" }).default("ko")
    .meta(help(
      "글의 언어 (BCP 47 언어 태그: ko, en, en-GB). 화면 글자도 따릅니다: ko 는 한국어, 그 밖의 언어는 영어 화면.",
      "Language of the content, as a BCP 47 tag (ko, en, en-GB). The interface follows: Korean for ko, English for any other language.",
    )),
  locale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: "expected a locale such as ko_KR" }).optional()
    .meta(help("공유 카드의 og:locale. 없으면 language 에서 (ko → ko_KR, en → en_US, en-GB → en_GB).", "The og:locale of shared links; by default from language (ko -> ko_KR, en -> en_US, en-GB -> en_GB).")),
  searchSynonyms: z.array(z.array(z.string().trim().min(1)).min(2, { error: "expected two or more words that mean the same" })).default([])
    .meta({
      ...help(
        "검색에서 서로 같은 뜻으로 찾을 낱말 묶음. 기본 표(k8s·kubernetes·쿠버네티스, docker·도커 …)에 더해집니다.",
        "Groups of words search treats as the same, added to the built-in table (k8s, kubernetes, 쿠버네티스; docker, 도커; …).",
      ),
      examples: [[["argocd", "아르고cd", "argo cd"], ["pg", "postgres", "postgresql", "포스트그레스"]]],
    }),
  timeZone: z.string().refine(isTimeZone, { error: "expected an IANA time zone such as Asia/Seoul" }).default("Asia/Seoul")
    .meta(help("시간대 (IANA 이름). 시차(+09:00)가 없는 날짜를 이 시간대로 읽고 보여 줍니다.", "IANA time zone in which dates without an offset are read and shown.")),
  author: z
    .strictObject({
      name: z.string().trim().min(1).default("opsnote").meta(help("글쓴이 이름.", "The author's name.")),
      url: absoluteUrl.optional().meta(help("글쓴이의 홈페이지 주소.", "The author's home page.")),
      email: z.email({ error: "expected an e-mail address" }).optional().meta(help("글쓴이 이메일.", "The author's e-mail address.")),
      avatar: optionalText.meta(help("프로필 사진 주소 (/assets/me.png 처럼 / 로 시작하거나 https://…).", "Image URL (root-relative or absolute) of the author's picture.")),
      bio: optionalText.meta(help("글쓴이 소개 한두 문장.", "A sentence or two about the author.")),
      links: z.array(authorLink).default([])
        .meta(help("프로필 링크 목록 (label, url). 소개 페이지에 보이고 검색 엔진에 sameAs 로 알려 줍니다.", "Profiles shown on the about page and given to search engines as sameAs.")),
    })
    .prefault({})
    .meta(help("글쓴이 정보.", "Who writes the blog.")),
  permalink: z.string().startsWith("/", { error: "expected a pattern starting with / such as /posts/:title/" }).default("/:categories/:title/").meta({
    ...help(
      "글 주소의 모양. Jekyll 토큰 :categories :year :month :day :title 과 :path (posts/ 안의 폴더 경로: Hugo/Zola 섹션), Hugo 의 :filename (날짜를 남긴 파일 이름) 과 :slugorfilename (slug, 없으면 파일 이름) 을 씁니다. 글의 permalink 가 우선합니다.",
      "Post URL pattern with Jekyll's tokens :categories :year :month :day :title, :path (the file's folders inside posts/: a Hugo/Zola section), and Hugo's :filename (the file's name, its date kept) and :slugorfilename (the front matter's slug, else the file's name). A post's own permalink wins.",
    ),
    examples: ["/:categories/:title/", "/posts/:title/", "/:year/:month/:day/:title/"],
  }),
  toc: z.boolean().default(false).meta(help(
    "true 면 모든 글 옆에 목차를 보여 줍니다 (Chirpy 처럼). 글의 toc: false 가 우선하고, 단독 페이지는 toc: true 일 때만 보입니다.",
    "Show a table of contents beside every post (as Chirpy does). A post's own toc: false wins; standalone pages show one only with toc: true.",
  )),
  tocDepth: z.int().min(1).max(6).default(3)
    .meta(help("목차에 넣을 제목 단계 수 (1–6). 글에 있는 가장 높은 단계부터 셉니다.", "Heading levels in the table of contents (1–6), counted from the top level present.")),
  pageSize: positiveInt.default(10)
    .meta(help("목록 페이지(홈, 태그, 카테고리) 한 쪽에 보일 글 수. 환경 변수 OPSNOTE_PAGE_SIZE 가 우선합니다.", "Posts per list page (home, tag and category pages). OPSNOTE_PAGE_SIZE wins over it.")),
  // A feed of every post would grow with the blog (at 1,000 posts a full-content feed per tag is
  // hundreds of MB), and feed readers keep what they have fetched anyway.
  feedSize: positiveInt.default(20)
    .meta(help("피드(RSS/Atom)마다 넣을 최신 글 수. 환경 변수 OPSNOTE_FEED_SIZE 가 우선합니다.", "Newest posts in each feed, with full content. OPSNOTE_FEED_SIZE wins over it.")),
  verification: z
    .strictObject({
      google: optionalText.meta(help("Google Search Console 의 google-site-verification 값. 환경 변수 OPSNOTE_GOOGLE_VERIFICATION.", "Google Search Console google-site-verification content (OPSNOTE_GOOGLE_VERIFICATION).")),
      naver: optionalText.meta(help("네이버 서치어드바이저의 naver-site-verification 값. 환경 변수 OPSNOTE_NAVER_VERIFICATION.", "Naver Search Advisor naver-site-verification content (OPSNOTE_NAVER_VERIFICATION).")),
    })
    .prefault({})
    .meta(help("사이트 소유 확인 코드. 적은 것만 <meta> 로 들어갑니다.", "Site ownership codes; a <meta> is written only for the ones given.")),
  twitter: z.string().regex(/^@\w{1,15}$/, { error: "expected an account such as @opsnote" }).optional()
    .meta(help("사이트의 X(트위터) 계정, @ 포함 (twitter:site).", "Twitter/X account of the site for twitter:site, with @.")),
  seriesMembers: z.record(z.string(), z.string().min(1)).default({}).meta({
    ...help(
      "front matter 를 고치지 않고 글을 시리즈에 넣기: 글 폴더 안의 파일 경로 → 시리즈 이름. 글의 series: 가 우선합니다.",
      "Posts that join a series without saying so in their front matter: path inside the posts folder -> series name. A post's own series: wins.",
    ),
    examples: [{ "2021-04-13-kubernetes-intro.md": "쿠버네티스 첫걸음" }],
  }),
  staticDirs: z.array(z.string().min(1)).default(["images", "img", "files", "static"]).meta(help(
    "그대로 공개할 폴더 (assets/ 와 글 옆의 파일 말고). images/x.png 는 /images/x.png 로, static 폴더의 내용은 사이트 맨 위(/)로 갑니다. 없는 폴더는 건너뜁니다.",
    "Folders published as they are, besides assets/ and the files beside the posts: images/x.png -> /images/x.png; the contents of static/ go to the root. Missing folders are skipped.",
  )),
  strict: z.boolean().default(false).meta(help(
    "true 면 깨진 링크, 없는 이미지 같은 문제가 있을 때 배포 빌드를 실패시킵니다 (npm run check 처럼).",
    "Fail the production build on content problems that still leave a page to publish (broken links, missing images), as npm run check does.",
  )),
  math: z.boolean().default(false).meta(help(
    "true 면 모든 글에서 $ … $ 를 수식으로 그립니다 (false 면 math: true 인 글에서만).",
    "Render $ … $ inline math in every post, not only in posts with math: true.",
  )),
  // Off by default: DevOps prose is full of colons (`root:x:0:0`, `a:id:b`), and Jekyll without jemoji
  // and Hugo without enableEmoji show `:memo:` as text, so a migrated post keeps looking as it did.
  emoji: z.boolean().default(false).meta(help(
    "true 면 글 본문의 :memo: 같은 GitHub 이모지 이름을 그 글자(📝)로 바꿉니다 (Jekyll jemoji, Hugo enableEmoji). 코드, 수식, 주소 안은 그대로 둡니다.",
    "Turn GitHub emoji names such as :memo: in post bodies into the character (📝), as Jekyll's jemoji and Hugo's enableEmoji do; code, math and URLs are left as written.",
  )),
  offline: z.boolean().default(false).meta(help(
    "true 면 서비스 워커(/sw.js)가 읽은 글과 사이트 파일을 저장해, 연결이 끊겨도 읽은 글이 열립니다. 끄면 다음 방문 때 워커를 지웁니다.",
    "Offline mode: a service worker (/sw.js) keeps the pages read and the site's files, so they open without a connection. Turned off, it removes itself on the next visits.",
  )),
  redirects: z.record(z.string().startsWith("/"), z.string().min(1)).default({}).meta({
    ...help("예전 주소 → 새 주소. 예전 주소마다 새 주소로 보내는 페이지를 만듭니다.", "Old URLs that no post pattern reproduces, each answered by a redirect page to its new URL."),
    examples: [{ "/2021/04/13/kubernetes-intro.html": "/devops/kubernetes-intro/" }],
  }),
  comments: z
    .discriminatedUnion("provider", [
      z.strictObject({ provider: z.literal("giscus"), repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/), repoId: z.string().min(1), category: z.string().min(1), categoryId: z.string().min(1), mapping: z.string().default("pathname") }),
      z.strictObject({ provider: z.literal("utterances"), repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/), issueTerm: z.string().default("pathname") }),
      z.strictObject({ provider: z.literal("disqus"), shortname: z.string().min(1) }),
    ])
    .optional()
    .meta(help("글 아래 댓글 (provider: giscus, utterances, disqus). 없으면 아무것도 불러오지 않습니다.", "Comments under posts (provider: giscus, utterances or disqus); nothing is loaded when unset.")),
  images: z.strictObject({
    responsive: z.boolean().default(true).meta(help(
      "true 면 글 속 PNG, JPEG, WebP 그림에 AVIF 와 WebP 크기별 사본(srcset)을 만듭니다 (.cache/images 에 보관). SVG, GIF, 외부 그림은 그대로 둡니다.",
      "Give PNG, JPEG and WebP images in posts AVIF and WebP copies at several widths (srcset), kept in .cache/images; SVG, GIF and remote images stay as they are.",
    )),
    lqip: z.boolean().default(false).meta(help(
      "true 면 모든 글의 그림이 불러오는 동안 흐린 미리보기를 보여 줍니다 (투명한 그림은 제외). 글마다 image.lqip 로도 켤 수 있습니다.",
      "Show a tiny blurred preview behind every post image while it loads (not for transparent images); a post can ask for it with image.lqip.",
    )),
  }).prefault({}).meta(help("글 속 그림 처리.", "How images in posts are published.")),
  // reader (issue 18): "edit on GitHub" links
  repository: z.strictObject({
    url: absoluteUrl.transform((url) => url.replace(/\/+$/, "")).meta({ ...help("블로그 저장소 주소.", "The blog's repository."), examples: ["https://github.com/you/blog"] }),
    branch: z.string().trim().min(1).default("main").meta(help("글을 고칠 브랜치.", "The branch posts are edited on.")),
  }).optional().meta(help(
    "블로그의 GitHub 저장소. 있으면 글마다 \"GitHub에서 고치기\" 링크 ({url}/edit/{branch}/{프로젝트 안의 글 경로}) 를 보입니다.",
    "The blog's GitHub repository: each post then links to {url}/edit/{branch}/{the post's path in the project}.",
  )),
  analytics: z.strictObject({
    google: z.string().regex(/^G-[A-Z0-9]+$/, { error: "expected a GA4 id such as G-XXXXXXX" }).optional()
      .meta(help("Google Analytics 4 측정 ID (G-XXXXXXX).", "Google Analytics 4 measurement id (G-XXXXXXX).")),
  }).prefault({}).meta(help("방문 통계 ID. 적은 것만 스크립트를 넣습니다.", "Analytics ids; a script is written only for the ones given.")),
  // design
  credits: z.array(credit).default([]).meta(help(
    "다른 사람의 이미지를 쓸 때 라이선스가 요구하는 출처 표시. files 의 이미지를 쓰는 페이지의 바닥글에만 보입니다.",
    "Credits the licence of someone else's images asks for; shown in the footer of the pages that use one of their files only.",
  )),
  updatedFromGit: z.boolean().default(false).meta(help(
    "true 면 last_modified_at 이 없는 글의 수정일을 git 의 마지막 커밋 날짜로 채웁니다 (기본: front matter 에 적은 것만).",
    "Date a post without last_modified_at as updated on its last git commit (default: only the front matter's date is shown).",
  )),
});

/** Site settings as every area reads them: the blogger's file merged over the defaults. */
export type SiteSettings = z.output<typeof siteSettingsSchema>;
/** What `opsnote.config.yaml` may hold (every key optional). */
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
export type AuthorLink = z.output<typeof authorLink>;
export type Credit = z.output<typeof credit>;
