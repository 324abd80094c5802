/**
 * Eleventy adapter for collections: published posts newest first, the tag and category lists,
 * series, the archive, standalone pages, and the site plan (list pages, sitemap entries, and the
 * one collision check of every output).
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Post } from "../content/post.ts";
import type { SiteSettings } from "../site.ts";
import { includeUnpublished, isPublished } from "../content/publication.ts";
import { DiagnosticError, displayPath, type DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { SiteFiles } from "../static/index.ts";
import type { SiteFile } from "../static/static-files.ts";
import { bundleCopies, isBundleIndex } from "../jekyll/page-bundles.ts";
import { redirectFilePath } from "../jekyll/redirects.ts";
import { applyGroupSpelling, groupByTerm, sortPostsNewestFirst, type TermGroup } from "./taxonomy.ts";
import { groupSeries } from "./series.ts";
import { groupByMonth } from "./archive.ts";
import { neighboursByUrl } from "./neighbours.ts";
import { relatedPostsByUrl } from "./related-posts.ts";
import { ABOUT_URL } from "../urls/site-urls.ts";
import { RESPONSIVE_IMAGES_OUTPUT, SEARCH_INDEX_OUTPUT, findUrlConflicts, planSite, replacesAboutPage, type PlannedOutput, type SitePlan } from "./site-plan.ts";

export interface CollectionsPluginOptions {
  site: Pick<SiteSettings, "pageSize" | "seriesMembers" | "images" | "offline">;
  /** The published files, checked against every other output. @default none */
  files?: SiteFiles;
  /** Receives the collision warnings (two redirects from one old URL). @default ignore */
  report?: DiagnosticSink;
}

interface CollectionItem {
  data: { post?: Post };
}
interface CollectionApi {
  getAll(): CollectionItem[];
}
type PostItem = CollectionItem & { data: { post: Post } };

/** Published posts (or standalone pages, with `kind: "page"`), in no particular order. */
function publishedItems(api: CollectionApi, kind: Post["kind"]): PostItem[] {
  const now = new Date();
  const showAll = includeUnpublished();
  return api.getAll().filter((item): item is PostItem =>
    item.data.post !== undefined && item.data.post.kind === kind && (showAll || isPublished(item.data.post, now)));
}

function postItems(api: CollectionApi): PostItem[] {
  const items = publishedItems(api, "post");
  const order = new Map(sortPostsNewestFirst(items.map((item) => item.data.post)).map((post, index) => [post, index]));
  return items.sort((a, b) => order.get(a.data.post)! - order.get(b.data.post)!);
}

function termsOf(posts: readonly Post[], pick: (post: Post) => Post["tags"]): TermGroup[] {
  const groups = groupByTerm(posts, pick);
  applyGroupSpelling(groups, pick);
  return groups;
}
const tagsOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.tags);
const categoriesOf = (posts: readonly Post[]) => termsOf(posts, (post) => post.categories);

/** Everything the collections are made of, derived once per build from the published posts. */
interface BuildCollections {
  items: PostItem[];
  posts: Post[];
  /** Standalone pages (`layout: page`), listed nowhere but the sitemap. */
  standalonePages: Post[];
  tags: TermGroup[];
  categories: TermGroup[];
  plan: SitePlan;
}

/** The published files and the copies of page-bundle files beside their page, as outputs. */
function fileOutputs(files: readonly SiteFile[], posts: readonly Post[]): PlannedOutput[] {
  const named = (file: SiteFile) => `the file ${displayPath(file.source)}`;
  const outputs: PlannedOutput[] = files.map((file) => ({ url: file.url, file: file.source, what: named(file), copyOf: file.source }));
  const bundles = posts.filter((post) => isBundleIndex(post.inputPath));
  const indexes = new Set(bundles.map((post) => path.resolve(post.inputPath)));
  for (const post of bundles) {
    for (const copy of bundleCopies(post.inputPath, post.url, files, indexes)) {
      outputs.push({ url: copy.url, file: copy.file.source, what: `${named(copy.file)}, copied beside "${post.title}"`, copyOf: copy.file.source });
    }
  }
  return outputs;
}

/** The redirect pages of `redirect_from` / `aliases`, as outputs. */
function redirectOutputs(posts: readonly Post[]): PlannedOutput[] {
  return posts.flatMap((post) => post.redirectFrom.flatMap((from): PlannedOutput[] => {
    const file = redirectFilePath(from);
    return file === undefined ? [] : [{ url: `/${file}`, file: post.inputPath, what: `the redirect from ${from} to "${post.title}"`, isRedirect: true }];
  }));
}

export function collectionsPlugin(eleventyConfig: UserConfig, { site, files, report }: CollectionsPluginOptions): void {
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
    const standalonePages = publishedItems(api, "page").map((item) => item.data.post);
    memo = {
      items, posts, standalonePages, tags, categories,
      plan: planSite({ posts, standalonePages, tags, categories, pageSize: site.pageSize, offline: site.offline }),
    };
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
  eleventyConfig.addCollection("relatedPosts", (api: CollectionApi) => relatedPostsByUrl(derive(api).posts));
  eleventyConfig.addCollection("homePages", (api: CollectionApi) => derive(api).plan.homePages);
  eleventyConfig.addCollection("tagPages", (api: CollectionApi) => derive(api).plan.tagPages);
  eleventyConfig.addCollection("categoryPages", (api: CollectionApi) => derive(api).plan.categoryPages);
  // Copies: Eleventy writes `templateContent` onto the items of an array collection that have an
  // `inputPath`, and these are the pages' own `post` data, which then differed from a fresh one in the
  // preview's fast path (src/preview/post-summary.ts): a page's body edit always waited for the rebuild.
  eleventyConfig.addCollection("standalonePages", (api: CollectionApi) => derive(api).standalonePages.map((page) => ({ ...page })));
  // The generated about page pages over this: empty when a page or a post is at /about/.
  eleventyConfig.addCollection("generatedAboutPage", (api: CollectionApi) =>
    replacesAboutPage([...derive(api).standalonePages, ...derive(api).posts]) ? [] : [ABOUT_URL]);
  // Every output of the build in one collision check: pages, feeds, published files, bundle copies,
  // the search index's and the responsive images' folders, and redirects.
  eleventyConfig.addCollection("sitePages", (api: CollectionApi) => {
    const { plan, posts, standalonePages } = derive(api);
    const index = files?.latest();
    const published = index?.files ?? [];
    const conflicts = findUrlConflicts([
      ...plan.pages,
      ...fileOutputs(published, [...posts, ...standalonePages]),
      SEARCH_INDEX_OUTPUT,
      ...(site.images.responsive ? [RESPONSIVE_IMAGES_OUTPUT] : []),
      ...redirectOutputs([...posts, ...standalonePages]),
    ], { onWithheld: (copy) => index?.withheld.add(copy.url) });
    conflicts.filter((d) => d.severity !== "error").forEach((d) => report?.(d));
    const errors = conflicts.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new DiagnosticError(errors);
    return plan.pages;
  });
}
