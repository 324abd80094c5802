/**
 * Eleventy adapter for collections: published posts newest first, the tag and category lists,
 * series, the archive, and the site plan (list pages, sitemap entries, URL conflict check).
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { includeUnpublished, isPublished } from "../content/publication.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { applyGroupSpelling, groupByTerm, sortPostsNewestFirst, type TermGroup } from "./taxonomy.ts";
import { groupSeries } from "./series.ts";
import { groupByMonth } from "./archive.ts";
import { neighboursByUrl } from "./neighbours.ts";
import { findUrlConflicts, planSite, type SitePlan } from "./site-plan.ts";

export interface CollectionsPluginOptions {
  site: Pick<SiteSettings, "pageSize" | "seriesMembers">;
}

interface CollectionItem {
  data: { post?: Post };
}
interface CollectionApi {
  getAll(): CollectionItem[];
}
type PostItem = CollectionItem & { data: { post: Post } };

function postItems(api: CollectionApi): PostItem[] {
  const now = new Date();
  const showAll = includeUnpublished();
  const items = api.getAll().filter((item): item is PostItem =>
    item.data.post !== undefined && (showAll || isPublished(item.data.post, now)));
  const order = new Map(sortPostsNewestFirst(items.map((item) => item.data.post)).map((post, index) => [post, index]));
  return items.sort((a, b) => order.get(a.data.post)! - order.get(b.data.post)!);
}

function termsOf(posts: readonly Post[], pick: (post: Post) => Post["tags"], kind: string): TermGroup[] {
  const groups = groupByTerm(posts, pick, kind);
  applyGroupSpelling(groups, pick);
  return groups;
}
const tagsOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.tags, "tags");
const categoriesOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.categories, "categories");

/** Everything the collections are made of, derived once per build from the published posts. */
interface BuildCollections {
  items: PostItem[];
  posts: Post[];
  tags: TermGroup[];
  categories: TermGroup[];
  plan: SitePlan;
}

export function collectionsPlugin(eleventyConfig: UserConfig, { site }: CollectionsPluginOptions): void {
  // Eleventy asks for each collection separately; sorting, grouping and planning the site is done
  // once per build and shared (a preview rebuild starts a new build, so the memo is cleared then).
  let memo: BuildCollections | undefined;
  eleventyConfig.on("eleventy.before", () => {
    memo = undefined;
  });
  const derive = (api: CollectionApi): BuildCollections => {
    if (memo) return memo;
    const items = postItems(api);
    const posts = items.map((item) => item.data.post);
    const tags = tagsOf(posts);
    const categories = categoriesOf(posts);
    memo = { items, posts, tags, categories, plan: planSite({ posts, tags, categories, pageSize: site.pageSize }) };
    return memo;
  };
  const relativeToInput = (inputPath: string) =>
    // Eleventy types `directories` as `object`; `input` is the posts folder, e.g. "./posts/".
    path.relative((eleventyConfig.directories as { input: string }).input, inputPath).split(path.sep).join("/");

  eleventyConfig.addCollection("posts", (api: CollectionApi) => derive(api).items);
  eleventyConfig.addCollection("tagList", (api: CollectionApi) => derive(api).tags);
  eleventyConfig.addCollection("categoryList", (api: CollectionApi) => derive(api).categories);
  eleventyConfig.addCollection("seriesList", (api: CollectionApi) =>
    groupSeries(derive(api).posts, (post) => site.seriesMembers[relativeToInput(post.inputPath)]),
  );
  eleventyConfig.addCollection("archive", (api: CollectionApi) => groupByMonth(derive(api).posts));
  eleventyConfig.addCollection("postNeighbours", (api: CollectionApi) => neighboursByUrl(derive(api).posts));
  eleventyConfig.addCollection("homePages", (api: CollectionApi) => derive(api).plan.homePages);
  eleventyConfig.addCollection("tagPages", (api: CollectionApi) => derive(api).plan.tagPages);
  eleventyConfig.addCollection("categoryPages", (api: CollectionApi) => derive(api).plan.categoryPages);
  eleventyConfig.addCollection("sitePages", (api: CollectionApi) => {
    const { pages } = derive(api).plan;
    const conflicts = findUrlConflicts(pages);
    if (conflicts.length > 0) throw new DiagnosticError(conflicts);
    return pages;
  });
}
