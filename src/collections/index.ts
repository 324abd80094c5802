/**
 * Eleventy adapter for collections: published posts newest first, and the tag and category lists.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Post } from "../content/post.ts";
import { includeUnpublished, isPublished } from "../content/publication.ts";
import { groupByTerm, sortPostsNewestFirst } from "./taxonomy.ts";

interface CollectionItem {
  data: { post?: Post };
}
interface CollectionApi {
  getAll(): CollectionItem[];
}

function postItems(api: CollectionApi): (CollectionItem & { data: { post: Post } })[] {
  const now = new Date();
  const showAll = includeUnpublished();
  const items = api.getAll().filter((item): item is CollectionItem & { data: { post: Post } } =>
    item.data.post !== undefined && (showAll || isPublished(item.data.post, now)));
  const order = new Map(sortPostsNewestFirst(items.map((item) => item.data.post)).map((post, index) => [post, index]));
  return items.sort((a, b) => order.get(a.data.post)! - order.get(b.data.post)!);
}

export function collectionsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addCollection("posts", (api: CollectionApi) => postItems(api));
  eleventyConfig.addCollection("tagList", (api: CollectionApi) =>
    groupByTerm(postItems(api).map((item) => item.data.post), (post) => post.tags, "tags"),
  );
  eleventyConfig.addCollection("categoryList", (api: CollectionApi) =>
    groupByTerm(postItems(api).map((item) => item.data.post), (post) => post.categories, "categories"),
  );
}
