import type { Post } from "../content/post.ts";
import type { TocEntry } from "../markdown/toc.ts";
import type { TermGroup } from "../collections/taxonomy.ts";

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
  collections: {
    posts?: { data: { post: Post } }[];
    tagList?: TermGroup[];
    categoryList?: TermGroup[];
  };
}

/** Posts of the `posts` collection, newest first. */
export function postsOf(data: PageData): Post[] {
  return (data.collections.posts ?? []).map((item) => item.data.post);
}
