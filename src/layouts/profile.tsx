/**
 * The author's card from the site settings (`author`: name, avatar, bio, links), on the home page
 * and the generated about page. Without an avatar, the name's first letter stands in for it.
 */
import type { SiteSettings } from "../settings/schema.ts";
import { strings } from "../ui/strings.ts";

/** The author's home page first, then their other profiles. */
export function authorLinks(author: SiteSettings["author"]): { label: string; url: string }[] {
  return [...(author.url ? [{ label: author.name, url: author.url }] : []), ...author.links];
}

export function Profile({ author, headingLevel = 2 }: { author: SiteSettings["author"]; headingLevel?: 1 | 2 }) {
  const links = authorLinks(author);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section class="profile" aria-label={strings.profile}>
      {author.avatar ? (
        <img class="profile__avatar" src={author.avatar} alt="" width={72} height={72} />
      ) : (
        <span class="profile__avatar profile__avatar--initial" aria-hidden="true">{[...author.name][0]?.toUpperCase()}</span>
      )}
      <div class="profile__text">
        <Heading class="profile__name">{author.name}</Heading>
        {author.bio ? <p class="profile__bio">{author.bio}</p> : null}
        {links.length > 0 ? (
          <ul class="profile__links" aria-label={strings.links}>
            {links.map((link) => <li key={link.url}><a href={link.url} rel="me">{link.label}</a></li>)}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
