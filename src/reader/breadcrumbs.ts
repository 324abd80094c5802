/** The breadcrumb trail of a post: home › its first category › the post. */
import type { Post } from "../content/post.ts";
import { categoryUrl, HOME_URL } from "../urls/site-urls.ts";

export interface Crumb {
  name: string;
  /** Root-relative, without the path prefix (HtmlBasePlugin adds it in pages; JSON-LD makes it absolute). */
  url: string;
}

export function breadcrumbTrail(post: Pick<Post, "title" | "url" | "categories">, homeName: string): Crumb[] {
  const category = post.categories[0];
  return [
    { name: homeName, url: HOME_URL },
    ...(category ? [{ name: category.name, url: categoryUrl(category) }] : []),
    { name: post.title, url: post.url },
  ];
}
