/**
 * The reader's extras around a post: breadcrumbs, share links, the author box, the "edit on
 * GitHub" link, related posts and comments. Each renders nothing when it has nothing to show, and
 * each works without JavaScript except the copy-link button (hidden until post-tools.js shows it)
 * and comments, which are a third-party widget by nature.
 */
import type { Post } from "../content/post.ts";
import type { Crumb } from "../reader/breadcrumbs.ts";
import type { AuthorCard } from "../reader/post-author.ts";
import { commentsWidget, type CommentsWidget } from "../reader/comments.ts";
import { authorOf } from "../reader/post-author.ts";
import { editUrl } from "../reader/edit-url.ts";
import { site } from "../site.ts";
import { absoluteUrl } from "../urls/site-urls.ts";
import { shareLinks } from "../reader/share-links.ts";
import { strings } from "../ui/strings.ts";
import { DateTime } from "./components.tsx";

/**
 * These parts sit inside the post's `data-pagefind-body`: without this, a search for one post's words
 * would also find every post that lists it as related, and every post would match its author's bio.
 */
const NOT_SEARCHED = { "data-pagefind-ignore": "all" } as const;

/** Loaded by post pages only: copy link, and comments when the page has them. */
export const POST_TOOLS_SCRIPT_URL = "/assets/js/post-tools.js";

export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={strings.breadcrumbs} {...NOT_SEARCHED}>
      <ol class="breadcrumbs__list">
        {trail.map((crumb, index) => (
          <li key={crumb.url} class="breadcrumbs__item">
            {index === trail.length - 1 ? <span aria-current="page">{crumb.name}</span> : <a href={crumb.url}>{crumb.name}</a>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * `url` is the post's absolute URL (path prefix included): what the networks and the clipboard get.
 * The links are named by their visible text inside a nav named "이 글 공유하기" (an aria-label such as
 * "Facebook에 공유" would not contain the visible word "Facebook" as a word: axe's label-content-name-mismatch).
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <nav class="share" aria-label={strings.shareThisPost} {...NOT_SEARCHED}>
      <span class="share__label" aria-hidden="true">{strings.shareThisPost}</span>
      {shareLinks(url, title).map((link) => (
        <a key={link.network} class={`share__link share__link--${link.network}`} href={link.href} target="_blank" rel="noopener noreferrer">
          {link.label}
        </a>
      ))}
      <button
        type="button" class="share__link share__copy" hidden
        data-copy-link={url} data-copied={strings.client.copied} data-copy-failed={strings.client.copyFailed}
      >
        {strings.copyLink}
      </button>
    </nav>
  );
}

export function AuthorBox({ author }: { author: AuthorCard }) {
  return (
    <section class="author-box" aria-label={strings.aboutTheAuthor} {...NOT_SEARCHED}>
      {author.avatar ? <img class="author-box__avatar" src={author.avatar} alt="" width={64} height={64} loading="lazy" decoding="async" /> : null}
      <div class="author-box__text">
        <p class="author-box__name">
          <span class="author-box__label">{strings.author}</span>{" "}
          {author.url ? <a href={author.url} rel="author">{author.name}</a> : <strong>{author.name}</strong>}
        </p>
        {author.bio ? <p class="author-box__bio">{author.bio}</p> : null}
        {author.links.length > 0 ? (
          <ul class="author-box__links">
            {author.links.map((link) => (
              <li key={link.url}><a href={link.url} rel="me noopener">{link.label}</a></li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

export function EditLink({ href }: { href: string }) {
  return (
    <p class="edit-link" {...NOT_SEARCHED}>
      <a href={href} rel="nofollow noopener">{strings.editOnGitHub}</a>
    </p>
  );
}

export function RelatedPosts({ posts }: { posts: readonly Post[] }) {
  if (posts.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title" {...NOT_SEARCHED}>
      <h2 class="related__title" id="related-title">{strings.relatedPosts}</h2>
      <ul class="related__list">
        {posts.map((post) => (
          <li key={post.url} class="related__item">
            <a href={post.url}>{post.title}</a> <DateTime date={post.date} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * An empty section post-tools.js fills with the provider's widget when it nears the viewport; the
 * script's attributes travel as JSON in a data attribute (no inline script under the CSP).
 */
export function Comments({ widget }: { widget: CommentsWidget }) {
  return (
    <section
      class="comments" id="comments" aria-labelledby="comments-title" {...NOT_SEARCHED}
      data-comments={widget.provider} data-comments-src={widget.src} data-comments-attributes={JSON.stringify(widget.attributes)}
    >
      <h2 class="comments__title" id="comments-title">{strings.comments}</h2>
      <noscript><p>{strings.commentsNeedJavaScript}</p></noscript>
      {widget.provider === "disqus" ? <div id="disqus_thread"></div> : null}
    </section>
  );
}

/** Under the post's tags: share links, the edit link when a repository is set, the author box. */
export function PostByline({ post }: { post: Post }) {
  const edit = editUrl(site.repository, post.inputPath);
  return (
    <>
      <ShareLinks url={absoluteUrl(site, post.url)} title={post.title} />
      {edit ? <EditLink href={edit} /> : null}
      <AuthorBox author={authorOf(post, site)} />
    </>
  );
}

/** Comments when the site has them and the post did not turn them off; then the page's script. */
export function PostComments({ post }: { post: Post }) {
  const comments = site.comments;
  return (
    <>
      {comments && post.comments !== false ? <Comments widget={commentsWidget(comments, site.language)} /> : null}
      <script type="module" src={POST_TOOLS_SCRIPT_URL}></script>
    </>
  );
}
