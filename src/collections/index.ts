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

const postsOf = (api: CollectionApi): Post[] => postItems(api).map((item) => item.data.post);
function termsOf(posts: readonly Post[], pick: (post: Post) => Post["tags"], kind: string): TermGroup[] {
  const groups = groupByTerm(posts, pick, kind);
  applyGroupSpelling(groups, pick);
  return groups;
}
const tagsOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.tags, "tags");
const categoriesOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.categories, "categories");

export function collectionsPlugin(eleventyConfig: UserConfig, { site }: CollectionsPluginOptions): void {
  const plan = (api: CollectionApi): SitePlan => {
    const posts = postsOf(api);
    return planSite({ posts, tags: tagsOf(posts), categories: categoriesOf(posts), pageSize: site.pageSize });
  };
  const relativeToInput = (inputPath: string) =>
    // Eleventy types `directories` as `object`; `input` is the posts folder, e.g. "./posts/".
    path.relative((eleventyConfig.directories as { input: string }).input, inputPath).split(path.sep).join("/");

  eleventyConfig.addCollection("posts", (api: CollectionApi) => postItems(api));
  eleventyConfig.addCollection("tagList", (api: CollectionApi) => tagsOf(postsOf(api)));
  eleventyConfig.addCollection("categoryList", (api: CollectionApi) => categoriesOf(postsOf(api)));
  eleventyConfig.addCollection("seriesList", (api: CollectionApi) =>
    groupSeries(postsOf(api), (post) => site.seriesMembers[relativeToInput(post.inputPath)]),
  );
  eleventyConfig.addCollection("archive", (api: CollectionApi) => groupByMonth(postsOf(api)));
  eleventyConfig.addCollection("postNeighbours", (api: CollectionApi) => neighboursByUrl(postsOf(api)));
  eleventyConfig.addCollection("homePages", (api: CollectionApi) => plan(api).homePages);
  eleventyConfig.addCollection("tagPages", (api: CollectionApi) => plan(api).tagPages);
  eleventyConfig.addCollection("categoryPages", (api: CollectionApi) => plan(api).categoryPages);
  eleventyConfig.addCollection("sitePages", (api: CollectionApi) => {
    const { pages } = plan(api);
    const conflicts = findUrlConflicts(pages);
    if (conflicts.length > 0) throw new DiagnosticError(conflicts);
    return pages;
  });
}
