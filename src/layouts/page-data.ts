import type { Post } from "../content/post.ts";
import type { Neighbours } from "../collections/neighbours.ts";
import type { TocEntry } from "../markdown/toc.ts";
import type { TermGroup } from "../collections/taxonomy.ts";
import type { Series } from "../collections/series.ts";
import type { ArchiveYear } from "../collections/archive.ts";
import type { ListPage } from "../collections/paginate.ts";
import type { PlannedPage, TermListPage } from "../collections/site-plan.ts";
import { PAGE_FEATURES_KEY, type PageFeatures } from "../markdown/page-features.ts";

/** The parts of Eleventy's data cascade that opsnote's layouts and pages read. */
export interface PageData {
  /** Rendered HTML of the template this layout wraps. */
  content?: string;
  /** Page title for `<title>`; posts use `post.title`. */
  title?: string;
  description?: string;
  page: { url: string; inputPath: string };
  post?: Post;
  toc?: TocEntry[];
  /** Set while the body was rendered: whether it has math or a diagram (src/markdown/page-features.ts). */
  [PAGE_FEATURES_KEY]?: PageFeatures;
  collections: {
    /** `content` is the post's rendered body, without its layout. */
    posts?: { data: { post: Post; page?: { rawInput?: string } }; content?: string }[];
    tagList?: TermGroup[];
    categoryList?: TermGroup[];
    seriesList?: Series[];
    archive?: ArchiveYear[];
    homePages?: ListPage<Post>[];
    tagPages?: TermListPage[];
    categoryPages?: TermListPage[];
    sitePages?: PlannedPage[];
    postNeighbours?: Map<string, Neighbours>;
    relatedPosts?: Map<string, Post[]>;
  };
}

/** Posts of the `posts` collection, newest first. */
export function postsOf(data: PageData): Post[] {
  return (data.collections.posts ?? []).map((item) => item.data.post);
}
