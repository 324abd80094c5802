/**
 * An old site's configuration in opsnote's setting names: one table per generator, each entry saying
 * where the value came from, so the settings file can carry that as a comment.
 */
import { normalizePathPrefix, type AuthorLink } from "../settings/schema.ts";
import { hugoDatesFromFileName, translateHexoPermalink, translateHugoPermalink, translatePermalink } from "./old-urls.ts";
import { flag } from "../content/schema.ts";
import { jekyllDefaults } from "./jekyll-defaults.ts";
import { isObject, type Config } from "./config-values.ts";

export type SiteFamily = "jekyll" | "hugo" | "zola" | "hexo";

export interface ImportedComments {
  provider: "giscus" | "utterances" | "disqus";
  /** giscus and utterances: `owner/name`. */
  repo?: string;
  repoId?: string;
  category?: string;
  categoryId?: string;
  /** giscus `mapping`. */
  mapping?: string;
  /** utterances `issue-term`. */
  issueTerm?: string;
  /** disqus */
  shortname?: string;
}

/** The settings an import carries, by their `SiteSettings` names. */
export interface ImportedSettings {
  title?: string;
  description?: string;
  url?: string;
  pathPrefix?: string;
  timeZone?: string;
  language?: string;
  author?: { name?: string; url?: string; email?: string; avatar?: string; bio?: string; links?: AuthorLink[] };
  twitter?: string;
  pageSize?: number;
  permalink?: string;
  toc?: boolean;
  emoji?: boolean;
  comments?: ImportedComments;
  analytics?: { google?: string };
  verification?: { google?: string; naver?: string };
  staticDirs?: string[];
  redirects?: Record<string, string>;
}

export type SettingKey = keyof ImportedSettings;

export interface TranslatedSettings {
  values: ImportedSettings;
  /** Where each value came from, e.g. `_config.yml timezone`. */
  sources: Partial<Record<SettingKey, string>>;
  /** Values that could not be carried, one sentence each. */
  notes: string[];
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : undefined;

/** `a.b.c` inside a parsed config. */
export function lookup(config: unknown, dotted: string): unknown {
  let current = config;
  for (const key of dotted.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The first of several keys that has a value, and its name. */
function first(config: Config, keys: readonly string[]): [string, string] | undefined {
  for (const key of keys) {
    const value = text(lookup(config, key));
    if (value !== undefined) return [key, value];
  }
  return undefined;
}

function firstNumber(config: Config, keys: readonly string[]): [string, number] | undefined {
  for (const key of keys) {
    const value = Number(lookup(config, key));
    if (Number.isInteger(value) && value > 0) return [key, value];
  }
  return undefined;
}

/** `https://x.github.io/blog/` -> url `https://x.github.io`, path prefix `/blog/`. */
export function splitBaseUrl(baseUrl: string): { url?: string; pathPrefix: string } {
  try {
    const parsed = new URL(baseUrl);
    return { url: parsed.origin === "null" ? undefined : parsed.origin, pathPrefix: normalizePathPrefix(decodeURIComponent(parsed.pathname)) };
  } catch {
    return { pathPrefix: normalizePathPrefix(baseUrl) };
  }
}

/** Profile links as `{label, url}`; a bare URL is labelled by its host (GitHub, Twitter, …). */
function labelFor(url: string): string {
  const host = /^[a-z]+:\/\/(?:www\.)?([^/]+)/i.exec(url)?.[1]?.toLowerCase() ?? url;
  const known: Record<string, string> = {
    "github.com": "GitHub", "twitter.com": "Twitter", "x.com": "X", "linkedin.com": "LinkedIn",
    "facebook.com": "Facebook", "instagram.com": "Instagram", "velog.io": "velog", "medium.com": "Medium",
    "youtube.com": "YouTube", "gitlab.com": "GitLab",
  };
  if (url.startsWith("mailto:")) return "Email";
  return known[host] ?? host;
}

/** Profile links opsnote can show: http(s) only (a `mailto:` is the author's `email`). */
function readLinks(value: unknown): AuthorLink[] {
  if (!Array.isArray(value)) return [];
  const links: AuthorLink[] = [];
  for (const item of value) {
    if (typeof item === "string" && item.trim() !== "") links.push({ label: labelFor(item.trim()), url: item.trim() });
    else if (isObject(item)) {
      const url = text(item.url) ?? text(item.link);
      if (url !== undefined) links.push({ label: text(item.label) ?? text(item.name) ?? labelFor(url), url });
    }
  }
  return links.filter((link) => /^https?:\/\//i.test(link.url));
}

const COMMENT_PROVIDERS = new Set(["giscus", "utterances", "disqus"]);

/**
 * A theme's example left in place: Minimal Mistakes' `_config.yml` ships `provider: "disqus"` beside
 * `shortname: "your-disqus-shortname"` (ottersong's blog kept both: its old pages loaded no comments,
 * and carried over, every page would load Disqus' script for an account that does not exist).
 */
const isExampleValue = (value: string) => /^your[-_ ]/i.test(value) || /<[^<>]+>/.test(value);

/**
 * Chirpy (`comments.provider` or the older `comments.active`) and Minimal Mistakes (`comments.provider` +
 * `repository`). The provider's block sits under `comments:` there; Hydejack has no giscus of its own,
 * and the `my-comments.html` its bloggers copy reads a top-level `giscus:` (or `utterances:`) block with
 * the widget's own dashed names (`repo-id`, `category-id`, `issue-term`) and `disqus: shortname`.
 */
function jekyllComments(config: Config): ImportedComments | undefined {
  const comments = isObject(config.comments) ? config.comments : undefined;
  const provider = comments ? text(comments.provider) ?? text(comments.active) : beautifulJekyllCommentProvider(config);
  if (provider === undefined || !COMMENT_PROVIDERS.has(provider)) return undefined;
  const own = isObject(comments?.[provider]) ? (comments[provider] as Config) : isObject(config[provider]) ? (config[provider] as Config) : {};
  /** `repo_id` or the widget's `repo-id`. */
  const key = (name: string) => text(own[name]) ?? text(own[name.replace(/_/g, "-")]);
  if (provider === "disqus") return { provider, shortname: key("shortname") ?? text(config.disqus) ?? text(config.disqus_shortname) };
  // Beautiful Jekyll names the repository `repository` (and `repository-id`) in the widget's block.
  const repo = key("repo") ?? key("repository") ?? text(config.repository);
  if (provider === "utterances") return { provider, repo, issueTerm: key("issue_term") };
  return {
    provider: "giscus", repo, repoId: key("repo_id") ?? key("repository_id"), category: key("category") ?? key("category_name"),
    categoryId: key("category_id"), mapping: key("mapping") ?? key("discussion_term"),
  };
}

/**
 * Beautiful Jekyll has no `comments:` switch: a top-level `giscus:` or `utterances:` block with a
 * `repository`, or `disqus: shortname`, turns that widget on.
 */
function beautifulJekyllCommentProvider(config: Config): string | undefined {
  for (const provider of ["giscus", "utterances"]) {
    const block = config[provider];
    if (isObject(block) && text(block.repository) !== undefined) return provider;
  }
  return text(config.disqus) !== undefined ? "disqus" : undefined;
}

const dropEmpty = <T extends object>(value: T): T | undefined => {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
};

/**
 * The value `key` gets from `_config.yml`'s `defaults:` in a post of the `_posts/` folder itself, as
 * Jekyll applies them (jekyll-defaults.ts): a scope of `type: posts`, or one whose path covers the whole
 * folder (`""`, `_posts`). A narrower scope (`_posts/k8s`) is not the site's: the import writes its
 * values into the posts it covers.
 */
function jekyllPostDefault(config: Config, key: string): { value: unknown; from: string } | undefined {
  return jekyllDefaults(config)("_posts/", "posts").get(key);
}

/** Chirpy keeps the posts' permalink in `defaults:` for `type: posts`, not at the top. */
export function jekyllPostPermalink(config: Config): { value: string; from: string } {
  const fromDefaults = jekyllPostDefault(config, "permalink");
  if (typeof fromDefaults?.value === "string") return { value: fromDefaults.value, from: fromDefaults.from };
  if (typeof config.permalink === "string") return { value: config.permalink, from: "permalink" };
  return { value: "date", from: "Jekyll's default permalink (date)" };
}

/**
 * The posts' table of contents: `toc` in `defaults:` for `type: posts` (Chirpy, Minimal Mistakes), or
 * TeXt's `aside: { toc: true }` there (its sample config turns the TOC on for every post that way).
 * Chirpy shows a post's TOC only when the top-level `toc` (its switch for the whole site) is on too,
 * so `toc: false` there turns it off. Undefined when the config says nothing.
 */
export function jekyllPostToc(config: Config): { value: boolean; from: string } | undefined {
  const aside = jekyllPostDefault(config, "aside");
  const fromDefaults = jekyllPostDefault(config, "toc")
    ?? (isObject(aside?.value) && aside.value.toc !== undefined ? { value: aside.value.toc, from: `${aside.from}.toc` } : undefined);
  const postToc = flag.safeParse(fromDefaults?.value);
  if (fromDefaults === undefined || !postToc.success) return undefined;
  if (flag.safeParse(config.toc).data === false) return { value: false, from: "toc (off for every post)" };
  return { value: postToc.data, from: fromDefaults.from };
}

/**
 * The settings one translator found and where each came from: `set` records a value read from `file`
 * (`from` names the key there), `setFrom` one read from another file; an undefined value is no setting.
 */
function settingsCollector(file: string) {
  const values: ImportedSettings = {};
  const sources: TranslatedSettings["sources"] = {};
  const setFrom = <K extends SettingKey>(key: K, value: ImportedSettings[K] | undefined, source: string) => {
    if (value === undefined) return;
    values[key] = value;
    sources[key] = source;
  };
  const set = <K extends SettingKey>(key: K, value: ImportedSettings[K] | undefined, from: string) => setFrom(key, value, `${file} ${from}`);
  return { values, sources, set, setFrom };
}

export function translateJekyll(config: Config, file = "_config.yml"): TranslatedSettings {
  const { values, sources, set } = settingsCollector(file);
  const notes: string[] = [];
  // Jekyll Now names the site `name:` (Minimal Mistakes' `name` is the author's, beside its `title`).
  for (const [key, names] of [["title", ["title", "name"]], ["description", ["description", "tagline"]], ["timeZone", ["timezone"]], ["language", ["lang", "locale"]]] as const) {
    const found = first(config, names);
    if (found) set(key, key === "language" ? found[1].replace(/_/g, "-") : found[1], found[0]);
  }
  if (typeof config.baseurl === "string") set("pathPrefix", normalizePathPrefix(config.baseurl), "baseurl");
  // `url: https://me.github.io/blog`: opsnote's url is an origin (a path in it was dropped from every
  // absolute URL), and the path is where the site lived: with no `baseurl` of its own, GitHub Pages
  // (jekyll-github-metadata) served a project site there, and `{{ site.url }}/x` pointed there.
  const url = text(config.url);
  if (url !== undefined) {
    const split = splitBaseUrl(url);
    set("url", split.url ?? url.replace(/\/+$/, ""), "url");
    const baseurl = normalizePathPrefix(text(config.baseurl));
    if (split.url !== undefined && split.pathPrefix !== "/") {
      if (baseurl === "/") set("pathPrefix", split.pathPrefix, "url (its path)");
      else if (baseurl !== split.pathPrefix) notes.push(`${file} url "${url}" has the path ${split.pathPrefix}, baseurl says ${baseurl}: the site is served under baseurl's`);
    }
  }
  const pageSize = firstNumber(config, ["paginate", "pagination.per_page"]);
  if (pageSize) set("pageSize", pageSize[1], pageSize[0]);

  const permalink = jekyllPostPermalink(config);
  const translated = translatePermalink(permalink.value);
  set("permalink", translated.opsnote, permalink.from);
  if (translated.unsupported.length > 0) {
    notes.push(`${file} ${permalink.from} "${permalink.value}": opsnote has no ${translated.unsupported.map((t) => `:${t}`).join(", ")}; old URLs get redirects`);
  }
  const toc = jekyllPostToc(config);
  if (toc) set("toc", toc.value, toc.from);
  // jemoji turned `:memo:` into 📝; `gems:` is the name before Jekyll 3.5.
  for (const key of ["plugins", "gems"]) {
    const plugins = config[key];
    if ((Array.isArray(plugins) ? plugins : [plugins]).some((name) => text(name) === "jemoji")) {
      set("emoji", true, `${key} (jemoji)`);
      break;
    }
  }

  // Minimal Mistakes: `author: {name, avatar, bio, email, links}`; Chirpy: `social:` + `avatar` + `github.username`.
  const author = isObject(config.author) ? config.author : {};
  const social = isObject(config.social) ? config.social : {};
  const links = [...readLinks(author.links), ...readLinks(social.links), ...beautifulJekyllLinks(config)];
  const github = text(lookup(config, "github.username"));
  const twitter = text(lookup(config, "twitter.username"));
  if (github !== undefined && !links.some((l) => l.url.includes(`github.com/${github}`))) links.push({ label: "GitHub", url: `https://github.com/${github}` });
  if (twitter !== undefined && !links.some((l) => /twitter\.com|x\.com/.test(l.url))) links.push({ label: "Twitter", url: `https://twitter.com/${twitter}` });
  const authorValue = dropEmpty({
    name: text(config.author) ?? text(author.name) ?? text(social.name),
    url: text(author.uri) ?? text(author.url),
    email: text(author.email) ?? text(social.email) ?? text(config.email) ?? text(socialNetworks(config)?.email),
    avatar: text(author.avatar) ?? text(config.avatar),
    bio: text(author.bio),
    links,
  });
  set("author", authorValue, isObject(config.author) ? "author" : "author/social/github/twitter");
  if (twitter !== undefined) set("twitter", `@${twitter.replace(/^@/, "")}`, "twitter.username");

  const comments = jekyllComments(config);
  const example = comments === undefined ? undefined : Object.values(comments).find((value) => typeof value === "string" && isExampleValue(value));
  if (example !== undefined) notes.push(`${file} comments: ${comments!.provider} "${example}" is the theme's example value, no account of the blog's: comments not carried`);
  else set("comments", comments, "comments");
  const google = first(config, ["analytics.google.id", "analytics.google.tracking_id", "google_analytics.id", "google_analytics"]);
  if (google) set("analytics", { google: google[1] }, google[0]);
  const verification = dropEmpty({
    google: text(lookup(config, "webmaster_verifications.google")) ?? text(config.google_site_verification),
    naver: text(lookup(config, "webmaster_verifications.naver")) ?? text(config.naver_site_verification),
  });
  set("verification", verification, "webmaster_verifications / *_site_verification");
  return { values, sources, notes };
}

/**
 * A Hexo theme's profile of the author: NexT's `avatar.url` and `social` (`GitHub: https://… || fab fa-github`),
 * Fluid's `about` (avatar, name, intro, icons with their links), Icarus' profile widget (avatar, author,
 * author_title, social_links). `from` names the keys read, for the settings file's comment.
 */
function hexoProfile(theme: Config): { name?: string; email?: string; avatar?: string; bio?: string; links: AuthorLink[]; from?: string } {
  const links: AuthorLink[] = [];
  let email: string | undefined;
  const add = (label: string | undefined, url: string | undefined) => {
    if (url === undefined) return;
    if (url.startsWith("mailto:")) email ??= url.slice("mailto:".length);
    else if (/^https?:\/\//i.test(url) && !links.some((link) => link.url === url)) links.push({ label: label ?? labelFor(url), url });
  };
  const from: string[] = [];
  if (isObject(theme.social)) {
    from.push("social");
    for (const [label, value] of Object.entries(theme.social)) add(label, text(value)?.split("||")[0]!.trim());
  }
  const about = isObject(theme.about) ? theme.about : undefined;
  if (about !== undefined) {
    from.push("about");
    for (const icon of Array.isArray(about.icons) ? about.icons : []) if (isObject(icon)) add(undefined, text(icon.link));
  }
  const widget = (Array.isArray(theme.widgets) ? theme.widgets : []).find((w): w is Config => isObject(w) && text(w.type) === "profile");
  if (widget !== undefined) {
    from.push("widgets (profile)");
    if (isObject(widget.social_links)) {
      for (const [label, value] of Object.entries(widget.social_links)) add(label, isObject(value) ? text(value.url) : text(value));
    }
  }
  return {
    name: text(about?.name) ?? text(widget?.author),
    email,
    avatar: text(lookup(theme, "avatar.url")) ?? text(about?.avatar) ?? text(widget?.avatar),
    bio: text(about?.intro) ?? text(widget?.author_title),
    links,
    from: from.length === 0 ? undefined : from.join(", "),
  };
}

/** Beautiful Jekyll's `social-network-links`, or Jekyll Now's `footer-links`: service -> user id. */
function socialNetworks(config: Config): Config | undefined {
  const networks = config["social-network-links"] ?? config["footer-links"];
  return isObject(networks) ? networks : undefined;
}

/**
 * Beautiful Jekyll's `social-network-links: { github: me, facebook: me.kr }` (Jekyll Now's
 * `footer-links`): user ids on the services it names (its own `rss` and `email` are not profile links).
 */
function beautifulJekyllLinks(config: Config): { label: string; url: string }[] {
  const networks = socialNetworks(config);
  if (networks === undefined) return [];
  return Object.entries(networks).flatMap(([name, value]) => {
    const url = socialUrl(name, text(value));
    return url === undefined ? [] : [{ label: SOCIAL_LABELS[name.toLowerCase()] ?? name, url }];
  });
}

const SOCIAL_LABELS: Readonly<Record<string, string>> = {
  github: "GitHub", gitlab: "GitLab", linkedin: "LinkedIn", twitter: "Twitter", x: "X", instagram: "Instagram", facebook: "Facebook", medium: "Medium", velog: "velog",
};

/** Profile URLs of the services LoveIt's and DoIt's `[params.social]` name by a user id alone. */
const SOCIAL_PROFILES: Readonly<Record<string, string>> = {
  github: "https://github.com/",
  gitlab: "https://gitlab.com/",
  linkedin: "https://www.linkedin.com/in/",
  twitter: "https://twitter.com/",
  x: "https://x.com/",
  instagram: "https://www.instagram.com/",
  facebook: "https://www.facebook.com/",
  medium: "https://medium.com/@",
  velog: "https://velog.io/@",
};

/**
 * A `[params.social]` value as a link: a URL as it is; a user id (LoveIt, DoIt: `GitHub = "me"`) on a
 * service it names, as those themes link it; otherwise none (one value that is no URL made the settings
 * drop the whole author, name included).
 */
function socialUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^https?:\/\//i.test(value)) return value;
  const profile = SOCIAL_PROFILES[name.toLowerCase()];
  return profile !== undefined && /^[\w.-]+$/.test(value) ? `${profile}${value}` : undefined;
}

/** Hugo keys are case-insensitive: the TOML may say `baseURL`, `baseurl` or `BaseURL`. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (!isObject(value) || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
}

export function translateHugo(rawConfig: Config, file: string, section: string): TranslatedSettings {
  const config = lowerKeys(rawConfig) as Config;
  const { values, sources, set } = settingsCollector(file);
  const notes: string[] = [];
  // A multilingual site shows its default language's `[languages.<code>] title` (Stack's Korean
  // title over the top-level English one); with one language configured, that one's.
  const languages = isObject(config.languages) ? config.languages : {};
  const defaultLanguage = text(config.defaultcontentlanguage)?.toLowerCase() ?? (Object.keys(languages).length === 1 ? Object.keys(languages)[0] : undefined);
  const languageBlock = defaultLanguage !== undefined && isObject(languages[defaultLanguage]) ? languages[defaultLanguage] as Config : undefined;
  const languageTitle = text(languageBlock?.title);
  const title = languageTitle ?? text(config.title);
  if (title !== undefined) set("title", title, languageTitle !== undefined ? `languages.${defaultLanguage}.title` : "title");
  const description = first(config, ["params.description", "description", "params.subtitle"]);
  if (description) set("description", description[1], description[0]);
  const baseUrl = text(config.baseurl);
  if (baseUrl !== undefined) {
    const { url, pathPrefix } = splitBaseUrl(baseUrl);
    if (url !== undefined) set("url", url, "baseURL");
    set("pathPrefix", pathPrefix, "baseURL (its path)");
  } else {
    // Hextra's starter passes it on the command line (`hugo --baseURL …` in its GitHub workflow).
    notes.push(`${file} has no baseURL (a deploy workflow may have passed it to hugo): set url in opsnote.config.yaml to the blog's address, or feeds, the sitemap and shared links name another site`);
  }
  const timeZone = text(config.timezone);
  if (timeZone !== undefined) set("timeZone", timeZone, "timeZone");
  const language = first(config, ["languagecode", "defaultcontentlanguage"]);
  if (language) set("language", language[1], language[0]);
  const pageSize = firstNumber(config, ["pagination.pagersize", "paginate"]);
  if (pageSize) set("pageSize", pageSize[1], pageSize[0]);

  const pattern = text(lookup(config, `permalinks.${section}`)) ?? text(lookup(config, `permalinks.page.${section}`));
  // Hugo's default URL: the section, then the front matter's slug or else the file's name, its date
  // kept (a date Hugo reads from the name, `[frontmatter] date = [":filename"]`, leaves it out).
  const defaultName = hugoDatesFromFileName(config.frontmatter) ? ":slug" : ":slugorfilename";
  const translated = translateHugoPermalink(pattern ?? `/${section}/${defaultName}/`, section);
  set("permalink", translated.opsnote, pattern === undefined ? `(Hugo's default for the "${section}" section)` : `[permalinks] ${section}`);
  if (translated.unsupported.length > 0) notes.push(`${file} [permalinks] ${section} "${pattern}": opsnote has no ${translated.unsupported.map((t) => `:${t}`).join(", ")}; old URLs get redirects`);

  const params = isObject(config.params) ? config.params : {};
  // Every post's table of contents, which a post's own `toc` overrides. PaperMod: `params.ShowToc`;
  // Stack: `params.article.toc`; LoveIt and DoIt: `params.page.toc.enable`; Blowfish and Congo:
  // `params.article.showTableOfContents`; hugo-book: `params.BookToC`. Stack, LoveIt, hugo-book and
  // Hextra show one unless the site turns it off (their own defaults), so a site of theirs that says
  // nothing gets one.
  const hugoToc = [
    ["params.ShowToc", params.showtoc], ["params.article.toc", lookup(params, "article.toc")], ["params.page.toc.enable", lookup(params, "page.toc.enable")],
    ["params.article.showTableOfContents", lookup(params, "article.showtableofcontents")], ["params.BookToC", params.booktoc],
  ] as const;
  // `theme = "x"`, or a Hugo module (`[[module.imports]] path = "github.com/imfing/hextra"`, `…/congo/v2`).
  const moduleImports = lookup(config, "module.imports");
  const modulePath = Array.isArray(moduleImports) ? moduleImports.map((m) => (isObject(m) ? text(m.path) : undefined)).find((p) => p !== undefined) : undefined;
  const themeName = (Array.isArray(config.theme) ? config.theme[0] : config.theme) ?? modulePath?.replace(/\/v\d+$/, "").split("/").at(-1);
  const theme = typeof themeName === "string" ? themeName.toLowerCase() : "";
  const tocSetting = hugoToc.map(([key, value]) => [key, flag.safeParse(value)] as const).find(([, parsed]) => parsed.success);
  if (tocSetting?.[1].success) set("toc", tocSetting[1].data, tocSetting[0]);
  else if (/^(hugo-theme-stack|stack|loveit|doit|hugo-book|hextra)$/.test(theme)) set("toc", true, `(the ${String(themeName)} theme's default)`);
  // Hugo's own default is off, as opsnote's: only a site that turned emoji on carries the setting.
  if (flag.safeParse(config.enableemoji).data === true) set("emoji", true, "enableEmoji");
  const paramAuthor = isObject(params.author) ? params.author : {};
  const topAuthor = isObject(config.author) ? config.author : {};
  const socialLinks = Array.isArray(params.social) ? readLinks(params.social) : isObject(params.social)
    ? Object.entries(params.social).flatMap(([name, value]) => {
      const url = socialUrl(name, text(value));
      return url === undefined ? [] : [{ label: name, url }];
    })
    : [];
  set("author", dropEmpty({
    name: text(params.author) ?? text(paramAuthor.name) ?? text(topAuthor.name) ?? text(config.author),
    email: text(paramAuthor.email) ?? text(topAuthor.email),
    avatar: text(paramAuthor.avatar) ?? text(params.avatar),
    bio: text(paramAuthor.bio) ?? text(params.bio),
    links: socialLinks,
  }), "params.author / params.social");
  // Stack names the provider it shows (`[params.comments] provider = "giscus"`, its settings in
  // `[params.comments.giscus]`); its example site also carries `disqusShortname = "hugo-theme-stack"`,
  // which a blog that says giscus never used.
  const provider = text(lookup(params, "comments.provider"))?.toLowerCase();
  const disqus = first(config, ["services.disqus.shortname", "disqusshortname"]);
  if (disqus && (provider === undefined || provider === "disqus")) set("comments", { provider: "disqus", shortname: disqus[1] }, disqus[0]);
  // Stack keeps giscus in `[params.comments.giscus]`, other themes in `[params.giscus]`.
  const giscusAt = isObject(lookup(params, "comments.giscus")) ? "comments.giscus" : "giscus";
  const giscus = lookup(params, giscusAt);
  if (isObject(giscus) && text(giscus.repoid ?? giscus.repo_id) && (provider === undefined || provider === "giscus")) {
    set("comments", dropEmpty({
      provider: "giscus" as const, repo: text(giscus.repo), repoId: text(giscus.repoid ?? giscus.repo_id),
      category: text(giscus.category), categoryId: text(giscus.categoryid ?? giscus.category_id), mapping: text(giscus.mapping),
    }), `params.${giscusAt}`);
  }
  const utterances = lookup(params, "comments.utterances");
  if (provider === "utterances" && isObject(utterances) && text(utterances.repo)) {
    set("comments", dropEmpty({ provider: "utterances" as const, repo: text(utterances.repo), issueTerm: text(utterances.issueterm) }), "params.comments.utterances");
  }
  // Stack's `[params.comments] enabled = false` turns comments off, whatever is set up below it.
  if (flag.safeParse(lookup(params, "comments.enabled")).data === false && values.comments !== undefined) {
    delete values.comments;
    delete sources.comments;
    notes.push(`${file} params.comments.enabled is false: no comments carried`);
  }
  // LoveIt and DoIt: `[params.page.comment] enable`, each service in a table of its own with its own
  // `enable`; the first one on (in opsnote's order) is shown. With `enable = false` the site had none,
  // whatever a disqus shortname elsewhere says.
  const pageComment = lookup(params, "page.comment");
  if (isObject(pageComment)) {
    delete values.comments;
    delete sources.comments;
    const on = (value: unknown): value is Config => isObject(value) && flag.safeParse(value.enable).data === true;
    const [giscus, utterances, disqus] = [pageComment.giscus, pageComment.utterances, pageComment.disqus];
    const fromLoveIt: [ImportedComments | undefined, string][] = flag.safeParse(pageComment.enable).data !== true ? [] : [
      [on(giscus) && text(giscus.repoid) ? dropEmpty({
        provider: "giscus" as const, repo: text(giscus.repo), repoId: text(giscus.repoid),
        category: text(giscus.category), categoryId: text(giscus.categoryid), mapping: text(giscus.mapping),
      }) : undefined, "giscus"],
      [on(utterances) && text(utterances.repo) ? dropEmpty({ provider: "utterances" as const, repo: text(utterances.repo), issueTerm: text(utterances.issueterm) }) : undefined, "utterances"],
      [on(disqus) && text(disqus.shortname) ? { provider: "disqus" as const, shortname: text(disqus.shortname) } : undefined, "disqus"],
    ];
    const chosen = fromLoveIt.find(([comments]) => comments !== undefined);
    if (chosen) set("comments", chosen[0], `params.page.comment.${chosen[1]}`);
    const others = Object.entries(pageComment).filter(([name, value]) => !["giscus", "utterances", "disqus"].includes(name) && on(value)).map(([name]) => name);
    if (flag.safeParse(pageComment.enable).data === true && others.length > 0) {
      notes.push(`${file} params.page.comment: opsnote has no ${others.join(", ")} comments${chosen ? `; ${chosen[1]} is carried` : ""}`);
    }
  }
  const google = first(config, ["services.googleanalytics.id", "googleanalytics"]);
  if (google) set("analytics", { google: google[1] }, google[0]);
  set("verification", dropEmpty({
    google: text(lookup(config, "params.analytics.google.siteverificationtag")) ?? text(params.googlesiteverification),
    naver: text(lookup(config, "params.analytics.naver.siteverificationtag")) ?? text(params.naversiteverification),
  }), "params.analytics.*.SiteVerificationTag");
  return { values, sources, notes };
}

/** Zola: `config.toml`; `paginate_by` lives on the section's `_index.md`, read by the caller. */
export function translateZola(config: Config, file: string, section: string, sectionFrontMatter: Config = {}): TranslatedSettings {
  const { values, sources, set, setFrom } = settingsCollector(file);
  const title = text(config.title);
  if (title !== undefined) set("title", title, "title");
  const description = text(config.description);
  if (description !== undefined) set("description", description, "description");
  const baseUrl = text(config.base_url);
  if (baseUrl !== undefined) {
    const { url, pathPrefix } = splitBaseUrl(baseUrl);
    if (url !== undefined) set("url", url, "base_url");
    set("pathPrefix", pathPrefix, "base_url (its path)");
  }
  const language = text(config.default_language);
  if (language !== undefined) set("language", language, "default_language");
  const pageSize = Number(sectionFrontMatter.paginate_by);
  if (Number.isInteger(pageSize) && pageSize > 0) setFrom("pageSize", pageSize, `content/${section}/_index.md paginate_by`);
  set("permalink", `/${section}/:slug/`, `(Zola: the "${section}" section's path + the page slug)`);
  const extra = isObject(config.extra) ? config.extra : {};
  const extraAuthor = isObject(extra.author) ? extra.author : {};
  set("author", dropEmpty({
    name: text(config.author) ?? text(extra.author) ?? text(extraAuthor.name),
    email: text(extraAuthor.email),
    avatar: text(extraAuthor.avatar) ?? text(extra.avatar),
    bio: text(extraAuthor.bio) ?? text(extra.bio),
    links: readLinks(extra.links ?? extra.socials ?? extra.social),
  }), "author / [extra]");
  const giscus = isObject(extra.giscus) ? extra.giscus : undefined;
  if (giscus && text(giscus.repo_id)) {
    set("comments", dropEmpty({
      provider: "giscus" as const, repo: text(giscus.repo), repoId: text(giscus.repo_id),
      category: text(giscus.category), categoryId: text(giscus.category_id), mapping: text(giscus.mapping),
    }), "[extra.giscus]");
  }
  const google = first(extra, ["google_analytics", "analytics.google"]);
  if (google) set("analytics", { google: google[1] }, `[extra] ${google[0]}`);
  const notes: string[] = [];
  // tabi's other comment systems: said so, rather than dropped without a word.
  for (const name of ["isso", "hyvortalk"]) {
    const block = extra[name];
    if (isObject(block) && (text(block.endpoint_url) ?? text(block.website_id)) !== undefined) {
      notes.push(`${file} [extra.${name}]: opsnote's comments are giscus, utterances or disqus, not ${name === "isso" ? "Isso" : "Hyvor Talk"}; the posts' comments are not carried`);
    }
  }
  return { values, sources, notes };
}

/**
 * Comments a Hexo theme shows, from its config (`_config.next.yml`, the site's `theme_config:`):
 * NexT's and Fluid's `giscus` (hexo-next-giscus too), `utterances` (hexo-next-utteranc's `utteranc`)
 * and `disqus`, each unless `enable: false`. Fluid names the one shown in `post.comments.type` (or `comments.type`).
 */
function hexoComments(theme: Config): [ImportedComments, string] | undefined {
  // Icarus: one `comment:` block names its type and holds its settings (`comment: { type: utterances, repo }`).
  const icarus = isObject(theme.comment) ? text(theme.comment.type)?.toLowerCase() : undefined;
  if (icarus !== undefined) {
    const found = hexoComments({ comments: { type: icarus }, [icarus]: theme.comment });
    return found && [found[0], "comment"];
  }
  const on = (name: string) => isObject(theme[name]) && flag.safeParse((theme[name] as Config).enable).data !== false ? (theme[name] as Config) : undefined;
  /** `repo_id` or Fluid's `repo-id`, or NexT's camel-case `repoId`. */
  const key = (block: Config, name: string) => text(block[name]) ?? text(block[name.replace(/_/g, "-")]) ?? text(block[name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())]);
  // Fluid 1.9 names it under `post: { comments: { enable, type } }` (rokag3-gb's Disqus, with a giscus block left as shipped).
  const fluid = isObject(theme.post) && isObject(theme.post.comments) ? theme.post.comments : undefined;
  if (fluid !== undefined && flag.safeParse(fluid.enable).data === false) return undefined;
  const chosen = (isObject(theme.comments) ? text(theme.comments.type) : undefined)?.toLowerCase() ?? (fluid === undefined ? undefined : text(fluid.type)?.toLowerCase());
  const order = chosen === undefined ? ["giscus", "utterances", "utteranc", "disqus"] : [chosen];
  for (const name of order) {
    const block = on(name);
    if (block === undefined) continue;
    if (name === "giscus" && key(block, "repo") !== undefined) {
      return [dropEmpty({ provider: "giscus" as const, repo: key(block, "repo"), repoId: key(block, "repo_id"), category: key(block, "category"), categoryId: key(block, "category_id"), mapping: key(block, "mapping") })!, name];
    }
    if ((name === "utterances" || name === "utteranc") && key(block, "repo") !== undefined) {
      return [dropEmpty({ provider: "utterances" as const, repo: key(block, "repo"), issueTerm: key(block, "issue_term") ?? key(block, "pathname") })!, name];
    }
    if (name === "disqus" && key(block, "shortname") !== undefined) return [{ provider: "disqus", shortname: key(block, "shortname") }, name];
  }
  return undefined;
}

/**
 * Hexo: `_config.yml` (its keys: `title`, `subtitle`, `description`, `author`, `language`, `timezone`,
 * `url` + `root`, `permalink`, `per_page`), and the theme's config for comments and verification ids
 * (`themeFile`: `_config.next.yml`, or the site's `theme_config:`).
 */
export function translateHexo(config: Config, file = "_config.yml", theme: Config = {}, themeFile = "theme_config"): TranslatedSettings {
  const { values, sources, set, setFrom } = settingsCollector(file);
  const notes: string[] = [];
  const title = text(config.title);
  if (title !== undefined) set("title", title, "title");
  // NexT shows `subtitle` under the title and `description` in the meta tag: the meta tag's is opsnote's.
  const description = first(config, ["description", "subtitle"]);
  if (description) set("description", description[1], description[0]);
  const merged = { ...(isObject(config.theme_config) ? config.theme_config : {}), ...theme };
  // The author's profile as the theme showed it in its sidebar or about page.
  const profile = hexoProfile(merged);
  const authorValue = dropEmpty({
    name: text(config.author) ?? profile.name,
    email: text(config.email) ?? profile.email,
    avatar: profile.avatar,
    bio: profile.bio,
    links: profile.links,
  });
  if (authorValue !== undefined) set("author", authorValue, profile.from === undefined ? "author" : `author, ${themeFile} ${profile.from}`);
  // `language: [ko, en]` is a list of fallbacks: the first is the site's.
  const language = text(Array.isArray(config.language) ? config.language[0] : config.language);
  if (language !== undefined) set("language", language.replace(/_/g, "-"), "language");
  const timeZone = text(config.timezone);
  if (timeZone !== undefined) set("timeZone", timeZone, "timezone");
  const url = text(config.url);
  if (url !== undefined) {
    const split = splitBaseUrl(url);
    if (split.url !== undefined) set("url", split.url, "url");
    // `root` is the path the site is served under; `url` may say it too (Hexo 5+ reads it from there).
    const root = text(config.root);
    set("pathPrefix", normalizePathPrefix(root !== undefined && root !== "/" ? root : split.pathPrefix), root !== undefined && root !== "/" ? "root" : "url (its path)");
  } else if (text(config.root) !== undefined) set("pathPrefix", normalizePathPrefix(text(config.root)), "root");
  // `per_page: 0` turns Hexo's pagination off: opsnote always pages, so nothing is carried then.
  const pageSize = firstNumber(config, ["per_page", "index_generator.per_page"]);
  if (pageSize) set("pageSize", pageSize[1], pageSize[0]);
  const permalink = text(config.permalink) ?? ":year/:month/:day/:title/";
  const translated = translateHexoPermalink(permalink);
  set("permalink", translated.opsnote, text(config.permalink) === undefined ? "permalink (Hexo's default)" : "permalink");
  if (translated.unsupported.length > 0) notes.push(`${file} permalink "${permalink}": opsnote has no ${translated.unsupported.map((t) => `:${t}`).join(", ")}; old URLs get redirects`);
  const comments = hexoComments({ ...config, ...merged });
  if (comments) setFrom("comments", comments[0], `${themeFile} ${comments[1]}`);
  setFrom("verification", dropEmpty({ google: text(merged.google_site_verification), naver: text(merged.naver_site_verification) }), `${themeFile} google/naver_site_verification`);
  const google = text(lookup(merged, "google_analytics.tracking_id")) ?? text(merged.google_analytics);
  if (google !== undefined) setFrom("analytics", { google }, `${themeFile} google_analytics`);
  return { values, sources, notes };
}

/** A link of a Gatsby starter's `social`/`links` table: a URL as written, else what the key says it is. */
function gatsbyLink(key: string, value: string): AuthorLink | undefined {
  if (/^https?:\/\//i.test(value)) return { label: labelFor(value), url: value };
  // gatsby-starter-blog's `social: { twitter: "kylemathews" }` is a user name.
  const hosts: Record<string, string> = { github: "https://github.com/", twitter: "https://twitter.com/", x: "https://x.com/", instagram: "https://www.instagram.com/" };
  const host = hosts[key.toLowerCase()];
  return host === undefined || !/^@?[\w.-]+$/.test(value) ? undefined : { label: labelFor(host), url: `${host}${value.replace(/^@/, "")}` };
}

/**
 * Gatsby: the site's `siteMetadata` (gatsby-config.js) and the starter's own settings file, read as
 * written (gatsby-config.ts): `meta` is them merged. Their keys: `title`, `description`, `siteUrl`,
 * `language`, the author as a name or `{ name, summary | bio, social }` (gatsby-starter-blog,
 * zoomkoding-gatsby-blog), gatsby-starter-hoodie's `links`, comments (hoodie's `giscus` or
 * `utterances`, zoomkoding's `comments.utterances`), Google Analytics (zoomkoding's `ga`, or the
 * `gatsby-plugin-google-gtag` / `-analytics` options in `plugins`). `avatar`: the profile picture the
 * starter shows from `static/` (hoodie's `profile.png`), as a root path; `prefixPaths`: whether a
 * script of the site runs `gatsby build --prefix-paths`, without which Gatsby ignores `pathPrefix`.
 */
export function translateGatsby(config: Config, meta: Config, file: string, metaFile: string, { avatar, prefixPaths = false }: { avatar?: string; prefixPaths?: boolean } = {}): TranslatedSettings {
  const { values, sources, setFrom } = settingsCollector(file);
  const notes: string[] = [];
  const fromMeta = <K extends SettingKey>(key: K, value: ImportedSettings[K] | undefined, from: string) => setFrom(key, value, `${metaFile} ${from}`);
  fromMeta("title", text(meta.title), "title");
  fromMeta("description", text(meta.description), "description");
  fromMeta("language", text(meta.language) ?? text(meta.lang), "language");
  const siteUrl = text(meta.siteUrl);
  // Gatsby applies `pathPrefix` only to a build with `--prefix-paths` (hoodie's package.json has a
  // script with it and one without); `siteUrl` is where the readers were. A fork keeps the template's
  // prefix (logantect's `/jeongjaeeom.github.io`) and publishes at its siteUrl's root.
  const written = text(config.pathPrefix);
  if (siteUrl !== undefined) {
    const split = splitBaseUrl(siteUrl);
    fromMeta("url", split.url, "siteUrl");
    fromMeta("pathPrefix", split.pathPrefix, "siteUrl (its path)");
    if (written !== undefined && normalizePathPrefix(written) !== split.pathPrefix) {
      notes.push(`${file} pathPrefix "${written}" not carried: siteUrl says the site was at ${split.pathPrefix} (Gatsby applies pathPrefix only with gatsby build --prefix-paths)`);
    }
  } else if (written !== undefined && prefixPaths) setFrom("pathPrefix", normalizePathPrefix(written), `${file} pathPrefix (package.json builds with --prefix-paths)`);
  const author = meta.author;
  const profile = isObject(author) ? author : {};
  const bio = profile.bio;
  const links: AuthorLink[] = [];
  let email: string | undefined;
  for (const table of [profile.social, meta.social, meta.links]) {
    if (!isObject(table)) continue;
    for (const [key, raw] of Object.entries(table)) {
      const value = text(raw);
      if (value === undefined) continue;
      if (/^e-?mail$/i.test(key) || value.startsWith("mailto:")) {
        email ??= value.replace(/^mailto:/, "");
        continue;
      }
      const link = gatsbyLink(key, value);
      if (link !== undefined && !links.some((known) => known.url === link.url)) links.push(link);
    }
  }
  // zoomkoding's `bio.thumbnail` is a file of its `assets/` folder, which Gatsby bundled, not served.
  const thumbnail = isObject(bio) ? text(bio.thumbnail) : undefined;
  if (thumbnail !== undefined) notes.push(`${metaFile} author.bio.thumbnail (${thumbnail}, in the assets/ folder Gatsby bundled) not carried: copy the image into static/ and set author.avatar: /${thumbnail} in opsnote.config.yaml`);
  fromMeta("author", dropEmpty({
    name: text(author) ?? text(profile.name),
    avatar,
    bio: text(profile.summary) ?? text(bio) ?? (isObject(bio) ? text(bio.role) : undefined),
    email,
    links,
  }), "author");
  const giscus = isObject(meta.giscus) ? meta.giscus : isObject(meta.comments) && isObject(meta.comments.giscus) ? meta.comments.giscus : undefined;
  const utterances = isObject(meta.utterances) ? meta.utterances : isObject(meta.comments) && isObject(meta.comments.utterances) ? meta.comments.utterances : undefined;
  if (giscus !== undefined && text(giscus.repo) !== undefined) {
    fromMeta("comments", dropEmpty({
      provider: "giscus" as const, repo: text(giscus.repo), repoId: text(giscus.repoId) ?? text(giscus.repo_id),
      category: text(giscus.category), categoryId: text(giscus.categoryId) ?? text(giscus.category_id), mapping: text(giscus.mapping),
    }), "giscus");
  } else if (utterances !== undefined && text(utterances.repo) !== undefined) {
    fromMeta("comments", dropEmpty({ provider: "utterances" as const, repo: text(utterances.repo), issueTerm: text(utterances.type) ?? text(utterances["issue-term"]) }), isObject(meta.utterances) ? "utterances" : "comments.utterances");
  }
  // zoomkoding's `ga: '0'` is its "no analytics".
  const ga = text(meta.ga);
  if (ga !== undefined && ga !== "0") fromMeta("analytics", { google: ga }, "ga");
  else {
    for (const plugin of Array.isArray(config.plugins) ? config.plugins : []) {
      if (!isObject(plugin) || !isObject(plugin.options)) continue;
      const ids = plugin.resolve === "gatsby-plugin-google-gtag" ? plugin.options.trackingIds : plugin.resolve === "gatsby-plugin-google-analytics" ? [plugin.options.trackingId] : [];
      const id = Array.isArray(ids) ? ids.map(text).find((value) => value !== undefined && value !== "0") : undefined;
      if (id !== undefined) {
        setFrom("analytics", { google: id }, `${file} ${String(plugin.resolve)}`);
        break;
      }
    }
  }
  return { values, sources, notes };
}
