/**
 * Eleventy adapter for feeds: the site's Atom (`/feed.xml`) and JSON Feed (`/feed.json`), and an
 * Atom feed per tag and per category (`/tags/helm/feed.xml`), each with the newest `site.feedSize`
 * posts' full content and absolute URLs.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import type { Post } from "../content/post.ts";
import type { PageData } from "../layouts/page-data.ts";
import type { TermListPage } from "../collections/site-plan.ts";
import { GENERATED_PAGE } from "../pages/virtual-template.ts";
import { termHeading } from "../pages/taxonomy.tsx";
import { strings } from "../ui/strings.ts";
import { absoluteUrl, ATOM_FEED_URL, FAVICON_URL, HOME_URL, JSON_FEED_URL } from "../urls/site-urls.ts";
import { buildFeedEntry, type FeedInfo } from "./feed-entry.ts";
import { buildAtomFeed } from "./atom.ts";
import { stripDataImages } from "./strip-data-images.ts";
import { buildJsonFeed } from "./json-feed.ts";
import { createFeedCache, feedSalt, sha256, type EntryKey } from "./feed-cache.ts";
import { cacheDir } from "../cache-dir.ts";
import path from "node:path";

export interface FeedsPluginOptions {
  site: SiteSettings;
}

type AbsolutizeHtml = (html: string, pageUrl: string) => Promise<string>;

export function feedsPlugin(eleventyConfig: UserConfig, { site }: FeedsPluginOptions): void {
  /**
   * Post bodies link root-relatively (`/assets/…`, `#heading`); a feed reader needs absolute URLs
   * with the path prefix. HtmlBasePlugin's filter does exactly that with a real HTML parser, so it
   * is borrowed rather than re-implemented. Looked up when rendering: plugins may load in any order.
   */
  const absolutizeHtml: AbsolutizeHtml = async (html, pageUrl) => {
    const filter = eleventyConfig.getFilter("transformWithHtmlBase") as
      | ((this: unknown, content: string, base: string, pageUrl: string) => Promise<string>)
      | undefined;
    if (!filter) throw new Error("feeds need Eleventy's HtmlBasePlugin (filter transformWithHtmlBase); add it in .eleventy.ts");
    return filter.call({}, html, `${site.url}/`, pageUrl);
  };

  // A post appears in several feeds (site, each tag, each category): its body is hashed, and made
  // absolute when a feed is made, once a build.
  let absoluteContent = new Map<string, Promise<string>>();
  let contentHashes = new Map<string, string>();
  let itemsByUrl: Map<string, { content?: string }> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    absoluteContent = new Map();
    contentHashes = new Map();
    itemsByUrl = undefined;
  });

  // Feeds whose entries did not change come from the last build (feed-cache.ts). The pack is written
  // after the process's first build, as the markdown caches are.
  const feeds = createFeedCache({ file: path.join(cacheDir("feeds"), "feeds.pack"), salt: feedSalt(site) });
  let saved = false;
  eleventyConfig.on("eleventy.after", () => {
    if (process.env.OPSNOTE_DEBUG_FEEDS) console.error(`[opsnote] feeds: ${JSON.stringify(feeds.stats)}`);
    if (!saved) feeds.pack.save();
    saved = true;
  });

  const feedText = (kind: "atom" | "json", info: FeedInfo, data: PageData, posts: readonly Post[]): Promise<string> => {
    itemsByUrl ??= new Map((data.collections.posts ?? []).map((item) => [item.data.post.url, item]));
    const items = itemsByUrl;
    const bodyOf = (post: Post) => items.get(post.url)?.content ?? "";
    // `posts` are newest first (collections and term groups are sorted so).
    const chosen = posts.slice(0, site.feedSize);
    const keys = chosen.map((post): EntryKey => {
      const { contentHtml: _, ...fields } = buildFeedEntry(post, "", site);
      let content = contentHashes.get(post.url);
      if (content === undefined) contentHashes.set(post.url, (content = sha256(bodyOf(post))));
      return { ...fields, content };
    });
    return feeds.text(kind, info, keys, async () => {
      const contentOf = (post: Post) => {
        let content = absoluteContent.get(post.url);
        if (!content) absoluteContent.set(post.url, (content = absolutizeHtml(stripDataImages(bodyOf(post)), post.url)));
        return content;
      };
      const entries = await Promise.all(chosen.map(async (post) => buildFeedEntry(post, await contentOf(post), site)));
      return kind === "atom" ? buildAtomFeed(info, entries) : buildJsonFeed(info, entries);
    });
  };

  const infoOf = (title: string, description: string, feedUrl: string, pageUrl: string): FeedInfo => ({
    title, description, language: site.language, author: site.author,
    feedUrl: absoluteUrl(site, feedUrl), pageUrl: absoluteUrl(site, pageUrl), icon: absoluteUrl(site, FAVICON_URL),
  });

  const allPosts = (data: PageData) => (data.collections.posts ?? []).map((item) => item.data.post);

  eleventyConfig.addTemplate("_opsnote/feeds/atom.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: ATOM_FEED_URL },
    render: (data: PageData) => feedText("atom", infoOf(site.title, site.description, ATOM_FEED_URL, HOME_URL), data, allPosts(data)),
  });

  eleventyConfig.addTemplate("_opsnote/feeds/json.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: JSON_FEED_URL },
    render: (data: PageData) => feedText("json", infoOf(site.title, site.description, JSON_FEED_URL, HOME_URL), data, allPosts(data)),
  });

  for (const collection of ["tagPages", "categoryPages"] as const) {
    eleventyConfig.addTemplate(`_opsnote/feeds/${collection}.11ty.js`, {
      data: {
        ...GENERATED_PAGE,
        pagination: {
          data: `collections.${collection}`, size: 1, alias: "listPage", addAllPagesToCollections: false,
          // One feed per term, with all its posts: only the term's first list page makes one.
          before: (pages: TermListPage[]) => pages.filter((page) => page.pageNumber === 1),
        },
        permalink: (data: { listPage: TermListPage }) => data.listPage.feedUrl,
      },
      render: (data: PageData & { listPage: TermListPage }) => {
        const page = data.listPage;
        const heading = termHeading(page);
        const info = infoOf(strings.termFeedTitle(site.title, heading), site.description, page.feedUrl, page.firstUrl);
        return feedText("atom", info, data, page.term.posts);
      },
    });
  }
}
