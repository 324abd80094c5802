/** Eleventy adapter for `/llms.txt` and `/llms-full.txt` (src/llms/llms-txt.ts), from the published posts. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteSettings } from "../site.ts";
import type { Post } from "../content/post.ts";
import type { PageData } from "../layouts/page-data.ts";
import { isPublished } from "../content/publication.ts";
import { GENERATED_PAGE } from "../pages/virtual-template.ts";
import { LLMS_FULL_TXT_URL, LLMS_TXT_URL } from "../urls/site-urls.ts";
import { buildLlmsFullTxt, buildLlmsTxt } from "./llms-txt.ts";

export interface LlmsPluginOptions {
  site: SiteSettings;
}

type LlmsData = PageData & { collections: { standalonePages?: Post[] } };

/** Published posts only, even in the preview (which lists drafts and scheduled posts). */
const isPublic = (post: Post) => !post.draft && isPublished(post, new Date());

export function llmsPlugin(eleventyConfig: UserConfig, { site }: LlmsPluginOptions): void {
  eleventyConfig.addTemplate("_opsnote/llms/llms.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: LLMS_TXT_URL },
    render: (data: LlmsData) => buildLlmsTxt(
      site,
      (data.collections.posts ?? []).map((item) => item.data.post).filter(isPublic),
      (data.collections.standalonePages ?? []).filter(isPublic),
      LLMS_FULL_TXT_URL,
    ),
  });
  eleventyConfig.addTemplate("_opsnote/llms/llms-full.11ty.js", {
    data: { ...GENERATED_PAGE, permalink: LLMS_FULL_TXT_URL },
    render: (data: LlmsData) => buildLlmsFullTxt(
      site,
      (data.collections.posts ?? [])
        .filter((item) => isPublic(item.data.post))
        .map((item) => ({ post: item.data.post, body: item.data.page?.rawInput ?? "" })),
    ),
  });
}
