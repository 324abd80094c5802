/**
 * Comments under a post (settings `comments`): what the page carries so that post-tools.js can load
 * the provider's script when the comments section nears the viewport, and what the site's
 * Content-Security-Policy must allow for it. Nothing of this exists when comments are not set.
 */
import type { SiteSettings } from "../site.ts";

export type CommentsSettings = NonNullable<SiteSettings["comments"]>;

export interface CommentsWidget {
  provider: CommentsSettings["provider"];
  /** The provider's script, loaded by post-tools.js. */
  src: string;
  /** Attributes of that script element; the theme ones are added by the page's script (it knows the reader's theme). */
  attributes: Record<string, string>;
}

/** The script and its attributes for `comments`, as the providers document them. */
export function commentsWidget(comments: CommentsSettings, language: string): CommentsWidget {
  switch (comments.provider) {
    case "giscus":
      return {
        provider: "giscus",
        src: "https://giscus.app/client.js",
        attributes: {
          "data-repo": comments.repo,
          "data-repo-id": comments.repoId,
          "data-category": comments.category,
          "data-category-id": comments.categoryId,
          "data-mapping": comments.mapping,
          "data-strict": "0",
          "data-reactions-enabled": "1",
          "data-emit-metadata": "0",
          "data-input-position": "top",
          "data-lang": language.split("-")[0] ?? "ko",
          "data-loading": "lazy",
          crossorigin: "anonymous",
        },
      };
    case "utterances":
      return {
        provider: "utterances",
        src: "https://utteranc.es/client.js",
        attributes: { repo: comments.repo, "issue-term": comments.issueTerm, crossorigin: "anonymous" },
      };
    case "disqus":
      return { provider: "disqus", src: `https://${comments.shortname}.disqus.com/embed.js`, attributes: {} };
  }
}

/**
 * What the site's Content-Security-Policy must add for the comments provider, by directive. The
 * policy opsnote's deploy/nginx.conf sends allows none of these scripts: a blogger who turns comments
 * on adds them (README, "Comments").
 */
export function commentsPolicySources(comments: CommentsSettings | undefined): Record<string, string[]> {
  switch (comments?.provider) {
    case undefined:
      return {};
    case "giscus":
      // client.js adds giscus' stylesheet to the page and the widget's iframe.
      return { "script-src": ["https://giscus.app"], "style-src": ["https://giscus.app"], "frame-src": ["https://giscus.app"] };
    case "utterances":
      return { "script-src": ["https://utteranc.es"], "frame-src": ["https://utteranc.es"] };
    case "disqus": {
      const hosts = [`https://${comments.shortname}.disqus.com`, "https://*.disqus.com", "https://*.disquscdn.com"];
      return { "script-src": hosts, "style-src": hosts, "img-src": hosts, "frame-src": hosts, "connect-src": hosts };
    }
  }
}

/**
 * `policy` with the comments provider's sources added to each directive; a missing directive starts
 * from `default-src`'s sources, which it stood for until then.
 */
export function withCommentsPolicy(policy: string, comments: CommentsSettings | undefined): string {
  const directives = policy.split(";").map((part) => part.trim()).filter((part) => part !== "").map((part) => part.split(/\s+/));
  for (const [name, sources] of Object.entries(commentsPolicySources(comments))) {
    const directive = directives.find(([existing]) => existing === name);
    if (directive) directive.push(...sources.filter((source) => !directive.includes(source)));
    else directives.push([name, ...(directives.find(([existing]) => existing === "default-src")?.slice(1) ?? []), ...sources]);
  }
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** nginx's `add_header Content-Security-Policy "…"` line (deploy/nginx.conf ships one). */
const NGINX_POLICY_HEADER = /^(\s*add_header\s+Content-Security-Policy\s+)"([^"]*)"(.*)$/m;

/**
 * The `add_header Content-Security-Policy` line an nginx configuration needs for `comments`, or
 * undefined when it has no such line or its policy already allows the provider. An import that
 * carries an old blog's comments prints it (src/cli/import.ts): the shipped policy blocks every
 * provider's script, so without it the comments section stays empty in production.
 */
export function nginxPolicyLineFor(nginxConf: string, comments: CommentsSettings | undefined): string | undefined {
  const match = NGINX_POLICY_HEADER.exec(nginxConf);
  if (!match) return undefined;
  const [, start, policy, end] = match;
  const needed = withCommentsPolicy(policy!, comments);
  return needed === policy ? undefined : `${start!.trim()} "${needed}"${end}`;
}
