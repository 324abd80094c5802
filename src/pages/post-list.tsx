/**
 * Pieces shared by the list pages: a list of post summaries and the pagination links under it.
 */
import type { Post } from "../content/post.ts";
import type { ListPage } from "../collections/paginate.ts";
import { PostSummary } from "../layouts/components.tsx";
import { strings } from "../ui/strings.ts";

export function PostList({ posts }: { posts: readonly Post[] }) {
  if (posts.length === 0) return <p class="empty">{strings.noPosts}</p>;
  return (
    <div class="post-list">
      {posts.map((post) => <PostSummary key={post.url} post={post} />)}
    </div>
  );
}

/** "이전 페이지 · 3페이지 중 2페이지 · 다음 페이지"; nothing for a one-page list. */
export function Pagination({ page }: { page: ListPage<unknown> }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={strings.pagination}>
      {page.previousUrl ? <a class="pagination__previous" href={page.previousUrl} rel="prev">{strings.previousPage}</a> : null}
      <span class="pagination__status" aria-current="page">{strings.pageOf(page.pageNumber, page.totalPages)}</span>
      {page.nextUrl ? <a class="pagination__next" href={page.nextUrl} rel="next">{strings.nextPage}</a> : null}
    </nav>
  );
}
